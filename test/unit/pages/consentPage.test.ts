import { LOCALES, renderConsentPage } from '../../../shared/pages';
import { messagesFor } from '../../../shared/pages/messages';
import { ATTRIBUTE_PAYLOAD, GLOBAL_ADMINISTRATOR, INTUNE_ADMINISTRATOR, SCRIPT_PAYLOAD, consentView } from './fixtures';
import { elements, textOf, visibleText } from './html';

describe('consent page', () => {
  it('R5: says who asks and what it will be able to do (English)', () => {
    const t = messagesFor('en');
    const page = renderConsentPage(consentView('en'));
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain(t.consentTitle('Fabrikam Devices'));
    expect(text).toContain(`${t.kindLabel} ${t.kind['direct-csp']}`);
    expect(text).toContain(`${t.verifiedDomainLabel} fabrikam.com`);
    expect(text).toContain(`${t.partnerIdLabel} 4711001`);
    expect(text).toContain(`${t.requestedForLabel} Contoso Ltd (contoso.com)`);
    expect(text).toContain(
      `${t.whatIntro('Fabrikam Devices')} ${t.channel['partner-center-api']} ${t.channel['partner-center-csv']}`,
    );
    expect(text).toContain(t.expiresAt('December 24, 2026 at 10:15 AM UTC'));
    expect(text).toContain(t.signedInAs('admin@contoso.onmicrosoft.com'));
  });

  it('R5: says who asks and what it will be able to do (German)', () => {
    const t = messagesFor('de');
    const text = visibleText(renderConsentPage(consentView('de')).html);
    expect(text).toContain(t.consentTitle('Fabrikam Devices'));
    expect(text).toContain(`${t.kindLabel} ${t.kind['direct-csp']}`);
    expect(text).toContain(`${t.verifiedDomainLabel} fabrikam.com`);
    expect(text).toContain(`${t.partnerIdLabel} 4711001`);
    expect(text).toContain(
      `${t.whatIntro('Fabrikam Devices')} ${t.channel['partner-center-api']} ${t.channel['partner-center-csv']}`,
    );
    expect(text).toContain(t.expiresAt('24. Dezember 2026 um 10:15 UTC'));
  });

  it('leaves out partner facts that are not known', () => {
    const t = messagesFor('en');
    const view = consentView('en', {
      partner: { displayName: 'Fabrikam Devices', kind: 'direct-csp' },
      customer: undefined,
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).not.toContain(t.verifiedDomainLabel);
    expect(text).not.toContain(t.partnerIdLabel);
    expect(text).not.toContain(t.requestedForLabel);
  });

  it.each(LOCALES)('R9: an indirect reseller’s page names the indirect provider authorized too (%s)', (locale) => {
    const t = messagesFor(locale);
    const view = consentView(locale, {
      partner: { displayName: 'Northwind Resale', kind: 'indirect-reseller' },
      channels: ['partner-center-csv'],
      indirectProvider: { displayName: 'Litware Distribution', channels: ['partner-center-api'] },
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).toContain(
      `${t.providerIntro('Litware Distribution', 'Northwind Resale')} ${t.channel['partner-center-api']}`,
    );
  });

  it.each(LOCALES)(
    'R5: without delegated admin the page says plainly that no admin roles are requested (%s)',
    (locale) => {
      const t = messagesFor(locale);
      const page = renderConsentPage(consentView(locale));
      const text = visibleText(page.html);
      expect(text).toContain(`${t.noRoles} ${t.noRolesDetail('Fabrikam Devices')}`);
      expect(page.html).not.toContain('role="alert"');
    },
  );

  it('R5: with delegated admin the page lists the roles, duration and auto-extension (English)', () => {
    const t = messagesFor('en');
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
      `${t.rolesIntro('Fabrikam Devices')} Intune Administrator Cloud Device Administrator ` +
        `${t.rolesDuration(730)} ${t.autoExtendYes} ${t.rolesRemovable}`,
    );
    expect(text).not.toContain(t.noRoles);
    expect(page.html).not.toContain('role="alert"');
  });

  it('R5: with delegated admin the page lists the roles, duration and auto-extension (German)', () => {
    const t = messagesFor('de');
    const view = consentView('de', {
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 1, autoExtend: false },
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).toContain(`${t.rolesIntro('Fabrikam Devices')} Intune Administrator`);
    expect(text).toContain(`${t.rolesDuration(1)} ${t.autoExtendNo}`);
  });

  it.each(LOCALES)(
    'R10: Global Administrator among the roles brings a prominent least-privilege warning (%s)',
    (locale) => {
      const t = messagesFor(locale);
      const view = consentView(locale, {
        delegatedAdmin: {
          roles: [INTUNE_ADMINISTRATOR, { ...GLOBAL_ADMINISTRATOR, id: GLOBAL_ADMINISTRATOR.id.toUpperCase() }],
          durationDays: 30,
          autoExtend: false,
        },
      });
      const html = renderConsentPage(view).html;
      const warning = textOf(html, { tag: 'div', className: 'box warning' });
      expect(warning).toBe(`${t.globalAdminWarningTitle} ${t.globalAdminWarning('Fabrikam Devices')}`);
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
    expect(html).toContain('<blockquote class="partner-message">Hello,\n\nplease accept.</blockquote>');
    expect(visibleText(html)).toContain(messagesFor('en').messageHeading('Fabrikam Devices'));
  });

  it('R7: has the form: hidden csrf, a labelled Yes checkbox required for Accept, Accept and Decline buttons', () => {
    for (const locale of LOCALES) {
      const t = messagesFor(locale);
      const html = renderConsentPage(consentView(locale)).html;
      expect(elements(html, 'form')).toEqual([{ method: 'post', action: '/consent/tok3n' }]);
      const inputs = elements(html, 'input');
      expect(inputs).toContainEqual({ type: 'hidden', name: 'csrf', value: 'csrf-token-value' });
      expect(inputs).toContainEqual({ type: 'checkbox', id: 'confirm', name: 'confirm', value: 'yes', required: '' });
      expect(textOf(html, { tag: 'label' })).toBe(t.confirmLabel('Fabrikam Devices'));
      expect(elements(html, 'label')).toEqual([{ for: 'confirm' }]);
      const buttons = elements(html, 'button');
      expect(buttons).toEqual([
        { type: 'submit', class: 'primary', name: 'decision', value: 'accept' },
        { type: 'submit', class: 'secondary', name: 'decision', value: 'decline', formnovalidate: '' },
      ]);
      expect(visibleText(html)).toContain(`${t.accept} ${t.decline}`);
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
    const t = messagesFor('en');
    const view = consentView('en', {
      partner: { displayName: 'Tailspin Hardware', kind: 'oem' },
      channels: ['oem-direct-api'],
    });
    const text = visibleText(renderConsentPage(view).html);
    expect(text).toContain(`${t.kindLabel} ${t.kind.oem}`);
    expect(text).toContain(`${t.whatIntro('Tailspin Hardware')} ${t.channel['oem-direct-api']}`);
    expect(text).toContain(t.noRoles);
  });
});

describe('consent page details for the form and standing links', () => {
  it.each(LOCALES)('R7: an Accept without Yes comes back with an alert tied to the box (%s)', (locale) => {
    const { status, html } = renderConsentPage(consentView(locale, { error: 'confirm-required' }));
    expect(status).toBe(422);
    expect(textOf(html, { tag: 'div', id: 'confirm-error' })).toBe(messagesFor(locale).confirmRequired);
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

  it.each(LOCALES)('R11: a standing link has no expiry and says how long it works (%s)', (locale) => {
    const view = consentView(locale, {
      partner: { displayName: 'Tailspin', kind: 'oem' },
      channels: ['oem-direct-api'],
      expiresAt: undefined,
    });
    expect(visibleText(renderConsentPage(view).html)).toContain(messagesFor(locale).standingLinkValidity('Tailspin'));
  });
});
