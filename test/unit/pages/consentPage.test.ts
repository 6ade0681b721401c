import { renderConsentPage } from '../../../shared/pages';
import { ATTRIBUTE_PAYLOAD, GLOBAL_ADMINISTRATOR, INTUNE_ADMINISTRATOR, SCRIPT_PAYLOAD, consentView } from './fixtures';
import { elements, textOf, visibleText } from './html';

describe('consent page', () => {
  it('R5: says who asks and what it will be able to do (English)', () => {
    const page = renderConsentPage(consentView('en'));
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain('Authorize Fabrikam Devices to register Windows Autopilot devices?');
    expect(text).toContain('Kind of partner Microsoft Cloud Solution Provider (CSP) partner, direct');
    expect(text).toContain('Verified domain fabrikam.com');
    expect(text).toContain('Microsoft partner ID 4711001');
    expect(text).toContain('Requested for Contoso Ltd (contoso.com)');
    expect(text).toContain(
      'If you accept, Fabrikam Devices can register Windows Autopilot devices for your organization: ' +
        'automatically, through the Microsoft Partner Center API ' +
        'by uploading a device list (CSV file) in Microsoft Partner Center',
    );
    expect(text).toContain('This link expires on December 24, 2026 at 10:15 AM UTC.');
    expect(text).toContain('Signed in as admin@contoso.onmicrosoft.com');
  });

  it('R5: says who asks and what it will be able to do (German)', () => {
    const text = visibleText(renderConsentPage(consentView('de')).html);
    expect(text).toContain('Fabrikam Devices zur Registrierung von Windows Autopilot-Geräten autorisieren?');
    expect(text).toContain('Art des Partners Microsoft Cloud Solution Provider (CSP), direkter Partner');
    expect(text).toContain('Verifizierte Domäne fabrikam.com');
    expect(text).toContain('Microsoft-Partner-ID 4711001');
    expect(text).toContain(
      'Wenn Sie zustimmen, kann Fabrikam Devices Windows Autopilot-Geräte für Ihre Organisation registrieren:',
    );
    expect(text).toContain('automatisiert über die Microsoft Partner Center-API');
    expect(text).toContain('Dieser Link läuft am 24. Dezember 2026 um 10:15 UTC ab.');
  });

  it('leaves out partner facts that are not known', () => {
    const view = consentView('en', {
      partner: { displayName: 'Fabrikam Devices', kind: 'direct-csp' },
      customer: undefined,
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).not.toContain('Verified domain');
    expect(text).not.toContain('Microsoft partner ID');
    expect(text).not.toContain('Requested for');
  });

  it.each([
    ['en', 'Litware Distribution, the indirect provider Northwind Resale works with, is authorized at the same time'],
    [
      'de',
      'Litware Distribution, der indirekte Anbieter, mit dem Northwind Resale zusammenarbeitet, wird gleichzeitig autorisiert',
    ],
  ] as const)('R9: an indirect reseller’s page names the indirect provider authorized too (%s)', (locale, sentence) => {
    const view = consentView(locale, {
      partner: { displayName: 'Northwind Resale', kind: 'indirect-reseller' },
      channels: ['partner-center-csv'],
      indirectProvider: { displayName: 'Litware Distribution', channels: ['partner-center-api'] },
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).toContain(sentence);
  });

  it.each([
    ['en', 'No administrator roles are requested.', 'Fabrikam Devices will not get administrator access'],
    ['de', 'Es werden keine Administratorrollen angefordert.', 'Fabrikam Devices erhält keinen Administratorzugriff'],
  ] as const)(
    'R5: without delegated admin the page says plainly that no admin roles are requested (%s)',
    (locale, none, detail) => {
      const page = renderConsentPage(consentView(locale));
      const text = visibleText(page.html);
      expect(text).toContain(none);
      expect(text).toContain(detail);
      expect(page.html).not.toContain('role="alert"');
    },
  );

  it('R5: with delegated admin the page lists the roles, duration and auto-extension (English)', () => {
    const view = consentView('en', {
      delegatedAdmin: {
        roles: [INTUNE_ADMINISTRATOR, { id: 'x', displayName: 'Cloud Device Administrator' }],
        durationDays: 730,
        autoExtend: true,
      },
    });
    const page = renderConsentPage(view);
    const text = visibleText(page.html);
    expect(text).toContain(
      'Fabrikam Devices also asks for delegated administrator rights in your organization, with these roles: Intune Administrator Cloud Device Administrator',
    );
    expect(text).toContain(
      'For 730 days from your acceptance. The roles are extended automatically by 180 days at a time',
    );
    expect(text).not.toContain('No administrator roles are requested');
    expect(page.html).not.toContain('role="alert"');
  });

  it('R5: with delegated admin the page lists the roles, duration and auto-extension (German)', () => {
    const view = consentView('de', {
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 1, autoExtend: false },
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).toContain('mit diesen Rollen: Intune Administrator');
    expect(text).toContain('Für 1 Tag ab Ihrer Zustimmung. Die Rollen enden automatisch und werden nicht verlängert.');
  });

  it.each([
    ['en', 'Warning: this request includes Global Administrator', 'least privilege'],
    ['de', 'Warnung: Diese Anfrage enthält die Rolle „Globaler Administrator“', 'geringste Rechte'],
  ] as const)(
    'R10: Global Administrator among the roles brings a prominent least-privilege warning (%s)',
    (locale, title, words) => {
      const view = consentView(locale, {
        delegatedAdmin: {
          roles: [INTUNE_ADMINISTRATOR, { ...GLOBAL_ADMINISTRATOR, id: GLOBAL_ADMINISTRATOR.id.toUpperCase() }],
          durationDays: 30,
          autoExtend: false,
        },
      });
      const html = renderConsentPage(view).html;
      const warning = textOf(html, { tag: 'div', className: 'box warning' });
      expect(warning).toContain(title);
      expect(warning).toContain(words);
      expect(html).toMatch(/<div class="box warning" role="alert">/);
      // Prominent: before anything else in <main> but the heading.
      expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('<h2'));
    },
  );

  it('R10: the warning follows the role id, not a display name that merely says so', () => {
    const view = consentView('en', {
      delegatedAdmin: {
        roles: [{ id: INTUNE_ADMINISTRATOR.id, displayName: 'Global Administrator' }],
        durationDays: 30,
        autoExtend: false,
      },
    });
    expect(renderConsentPage(view).html).not.toContain('role="alert"');
  });

  it("shows the partner's message escaped, with its line breaks kept", () => {
    const html = renderConsentPage(consentView('en', { message: 'Hello,\n\n  please accept.' })).html;
    expect(html).toContain('<blockquote class="partner-message">Hello,\n\n  please accept.</blockquote>');
    expect(visibleText(html)).toContain('Message from Fabrikam Devices');
  });

  it('R7: has the form: hidden csrf, a labelled Yes checkbox required for Accept, Accept and Decline buttons', () => {
    for (const [locale, yes, accept, decline] of [
      ['en', 'Yes, I authorize Fabrikam Devices for my organization as described above.', 'Accept', 'Decline'],
      [
        'de',
        'Ja, ich autorisiere Fabrikam Devices wie oben beschrieben für meine Organisation.',
        'Akzeptieren',
        'Ablehnen',
      ],
    ] as const) {
      const html = renderConsentPage(consentView(locale)).html;
      expect(elements(html, 'form')).toEqual([{ method: 'post', action: '/consent/tok3n' }]);
      const inputs = elements(html, 'input');
      expect(inputs).toContainEqual({ type: 'hidden', name: 'csrf', value: 'csrf-token-value' });
      expect(inputs).toContainEqual({ type: 'checkbox', id: 'confirm', name: 'confirm', value: 'yes', required: '' });
      expect(textOf(html, { tag: 'label' })).toBe(yes);
      expect(elements(html, 'label')).toEqual([{ for: 'confirm' }]);
      const buttons = elements(html, 'button');
      expect(buttons).toEqual([
        { type: 'submit', class: 'primary', name: 'decision', value: 'accept' },
        { type: 'submit', class: 'secondary', name: 'decision', value: 'decline', formnovalidate: '' },
      ]);
      expect(visibleText(html)).toContain(`${accept} ${decline}`);
    }
  });

  it('refuses to put anything but a local path into the form action', () => {
    expect(() => renderConsentPage(consentView('en', { formAction: 'https://evil.example/x' }))).toThrow(/local path/);
    expect(() => renderConsentPage(consentView('en', { formAction: '//evil.example/x' }))).toThrow(/local path/);
    expect(() => renderConsentPage(consentView('en', { formAction: 'javascript:alert(1)' }))).toThrow(/local path/);
  });

  it.each(['en', 'de'] as const)('escapes hostile partner name, customer name and message (%s)', (locale) => {
    const view = consentView(locale, {
      partner: { displayName: SCRIPT_PAYLOAD, kind: 'indirect-reseller', verifiedDomain: ATTRIBUTE_PAYLOAD },
      indirectProvider: { displayName: ATTRIBUTE_PAYLOAD, channels: ['partner-center-api'] },
      customer: { displayName: SCRIPT_PAYLOAD, domain: ATTRIBUTE_PAYLOAD },
      delegatedAdmin: { roles: [{ id: 'r', displayName: SCRIPT_PAYLOAD }], durationDays: 30, autoExtend: false },
      message: `${SCRIPT_PAYLOAD}\n${ATTRIBUTE_PAYLOAD}`,
      csrfToken: ATTRIBUTE_PAYLOAD,
      signedInAs: SCRIPT_PAYLOAD,
    });
    const html = renderConsentPage(view).html;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // The reader still sees exactly what the partner wrote.
    expect(visibleText(html)).toContain(`${SCRIPT_PAYLOAD} ${ATTRIBUTE_PAYLOAD}`);
    expect(elements(html, 'input')).toContainEqual({ type: 'hidden', name: 'csrf', value: ATTRIBUTE_PAYLOAD });
  });

  it('R15: an OEM request shows the OEM Direct API channel and no admin roles', () => {
    const view = consentView('en', {
      partner: { displayName: 'Tailspin Hardware', kind: 'oem' },
      channels: ['oem-direct-api'],
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).toContain('Kind of partner Device manufacturer (OEM)');
    expect(text).toContain('automatically, through the Microsoft OEM Direct API');
    expect(text).toContain('No administrator roles are requested.');
  });
});

describe('consent page details for the form and standing links', () => {
  it.each([
    ['en', 'To accept, tick Yes first. Nothing was changed.'],
    ['de', 'Setzen Sie zum Akzeptieren zuerst das Häkchen bei „Ja“. Es wurde nichts geändert.'],
  ] as const)('R7: an Accept without Yes comes back with an alert tied to the box (%s)', (locale, sentence) => {
    const { status, html } = renderConsentPage(consentView(locale, { error: 'confirm-required' }));
    expect(status).toBe(422);
    expect(textOf(html, { tag: 'div', id: 'confirm-error' })).toBe(sentence);
    expect(elements(html, 'input').find((input) => input.id === 'confirm')).toMatchObject({
      'aria-invalid': 'true',
      'aria-describedby': 'confirm-error',
    });
  });

  it('shows no alert and no invalid box on a fresh page', () => {
    const { html } = renderConsentPage(consentView('en'));
    expect(html).not.toContain('confirm-error');
    expect(html).not.toContain('aria-invalid');
  });

  it.each([
    ['en', 'Tailspin gives this link to all its customers; it works until Tailspin replaces it.'],
    ['de', 'Tailspin gibt diesen Link allen seinen Kunden; er gilt, bis Tailspin ihn ersetzt.'],
  ] as const)('R11: a standing link has no expiry and says how long it works (%s)', (locale, sentence) => {
    const view = consentView(locale, {
      partner: { displayName: 'Tailspin', kind: 'oem' },
      channels: ['oem-direct-api'],
      expiresAt: undefined,
    });
    expect(visibleText(renderConsentPage(view).html)).toContain(sentence);
  });
});
