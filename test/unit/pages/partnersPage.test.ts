import { renderPartnersPage } from '../../../shared/pages';
import { ATTRIBUTE_PAYLOAD, SCRIPT_PAYLOAD, partnersView } from './fixtures';
import { elements, visibleText } from './html';

describe('partners page', () => {
  it('R8: lists each authorized partner with what it may do (en)', () => {
    const page = renderPartnersPage(partnersView('en'));
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain('Partners authorized for your organization');
    expect(text).toContain('These partners may register Windows Autopilot devices for your organization.');
    expect(text).toContain(
      'Fabrikam Devices Kind of partner Microsoft Cloud Solution Provider (CSP) partner, direct Verified domain fabrikam.com Authorized on November 20, 2026 May register devices: automatically, through the Microsoft Partner Center API by uploading a device list (CSV file) in Microsoft Partner Center',
    );
    expect(text).toContain('Administrator roles Active until November 19, 2028 at 9:00 AM UTC: Intune Administrator');
  });

  it('R9: shows the indirect provider authorized through a reseller, and a consent without roles says so (de)', () => {
    const text = visibleText(renderPartnersPage(partnersView('de')).html);
    expect(text).toContain(
      'Über diese Autorisierung darf auch Litware Distribution (indirekter Anbieter) Geräte registrieren: automatisiert über die Microsoft Partner Center-API',
    );
    expect(text).toContain('Northwind Resale');
    expect(text).toContain('Keine Administratorrollen.');
    expect(text).toContain('Autorisiert am 21. November 2026');
  });

  it('R3: a CSP consent with active delegated admin has a removal form with its own csrf token', () => {
    const html = renderPartnersPage(partnersView('en')).html;
    expect(elements(html, 'form')).toEqual([
      { method: 'post', action: '/partners/consent-csp-1/remove-delegated-admin' },
    ]);
    expect(elements(html, 'input')).toEqual([{ type: 'hidden', name: 'csrf', value: 'csrf-remove-1' }]);
    expect(elements(html, 'button')).toEqual([{ type: 'submit', class: 'secondary' }]);
    const text = visibleText(html);
    expect(text).toContain(
      'Fabrikam Devices keeps its authorization to register devices. Remove the administrator roles of Fabrikam Devices',
    );
  });

  it('R3: German removal button', () => {
    expect(visibleText(renderPartnersPage(partnersView('de')).html)).toContain(
      'Administratorrollen von Fabrikam Devices entfernen',
    );
  });

  it.each([
    ['en', 'only a support request to the operator of this service can remove it', 'Consent ID: consent-oem-3'],
    [
      'de',
      'Nur eine Supportanfrage beim Betreiber dieses Dienstes kann ihn entfernen',
      'Zustimmungs-ID: consent-oem-3',
    ],
  ] as const)('R13: an OEM entry explains that only support removes it, and how (%s)', (locale, explanation, id) => {
    const text = visibleText(renderPartnersPage(partnersView(locale)).html);
    expect(text).toContain('Tailspin Hardware');
    expect(text).toContain(explanation);
    expect(text).toContain(id);
    expect(text).toContain('Support: support@operator.example');
  });

  it('shows removed and expired roles without a removal form', () => {
    const base = partnersView('en');
    const [csp] = base.entries;
    const view = partnersView('en', {
      entries: [
        { ...csp!, consentId: 'a', delegatedAdmin: { status: 'removed' }, removeDelegatedAdmin: undefined },
        { ...csp!, consentId: 'b', delegatedAdmin: { status: 'expired' }, removeDelegatedAdmin: undefined },
      ],
    });
    const html = renderPartnersPage(view).html;
    expect(visibleText(html)).toContain('Removed. The partner no longer has administrator roles');
    expect(visibleText(html)).toContain('Expired. The partner no longer has administrator roles');
    expect(html).not.toContain('<form');
  });

  it.each([
    ['en', 'No partner is authorized for your organization.'],
    ['de', 'Für Ihre Organisation ist kein Partner autorisiert.'],
  ] as const)('says so when no partner is authorized (%s)', (locale, sentence) => {
    expect(visibleText(renderPartnersPage(partnersView(locale, { entries: [] })).html)).toContain(sentence);
  });

  it.each([
    ['en', 'The administrator roles of Fabrikam Devices were removed. Its authorization to register devices stays.'],
    [
      'de',
      'Die Administratorrollen von Fabrikam Devices wurden entfernt. Die Autorisierung zur Geräteregistrierung bleibt bestehen.',
    ],
  ] as const)('R3: confirms a removal after the redirect (%s)', (locale, sentence) => {
    const view = partnersView(locale, { notice: { kind: 'delegated-admin-removed', partnerName: 'Fabrikam Devices' } });
    expect(visibleText(renderPartnersPage(view).html)).toContain(sentence);
  });

  it('escapes hostile partner names, provider names and role names', () => {
    const base = partnersView('en');
    const [csp, reseller] = base.entries;
    const view = partnersView('en', {
      notice: { kind: 'delegated-admin-removed', partnerName: SCRIPT_PAYLOAD },
      entries: [
        {
          ...csp!,
          partner: { displayName: SCRIPT_PAYLOAD, kind: 'direct-csp', verifiedDomain: ATTRIBUTE_PAYLOAD },
          delegatedAdmin: {
            status: 'active',
            roles: [{ id: 'r', displayName: ATTRIBUTE_PAYLOAD }],
            expiresAt: '2028-01-01T00:00:00Z',
          },
        },
        { ...reseller!, indirectProvider: { displayName: ATTRIBUTE_PAYLOAD, channels: [] } },
      ],
    });
    const html = renderPartnersPage(view).html;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(visibleText(html)).toContain(SCRIPT_PAYLOAD);
    expect(visibleText(html)).toContain(ATTRIBUTE_PAYLOAD);
  });
});
