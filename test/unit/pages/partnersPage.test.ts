import { LOCALES, renderPartnersPage } from '../../../shared/pages';
import { messagesFor } from '../../../shared/pages/messages';
import { ATTRIBUTE_PAYLOAD, SCRIPT_PAYLOAD, partnersView } from './fixtures';
import { elements, visibleText } from './html';

describe('partners page', () => {
  it('R8: lists each authorized partner with what it may do (en)', () => {
    const t = messagesFor('en');
    const page = renderPartnersPage(partnersView('en'));
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain(t.partnersTitle);
    expect(text).toContain(t.partnersIntro);
    expect(text).toContain(
      `Fabrikam Devices ${t.kindLabel} ${t.kind['direct-csp']} ${t.verifiedDomainLabel} fabrikam.com ` +
        `${t.authorizedOn('November 20, 2026')} ${t.mayRegister} ` +
        `${t.channel['partner-center-api']} ${t.channel['partner-center-csv']}`,
    );
    expect(text).toContain(
      `${t.adminRolesHeading} ${t.rolesActive('November 19, 2028 at 9:00 AM UTC')} Intune Administrator`,
    );
  });

  it('R3: active roles say whether they end or are extended by 180 days at a time (en, de)', () => {
    for (const locale of LOCALES) {
      const t = messagesFor(locale);
      const base = partnersView(locale);
      const [csp, ...others] = base.entries;
      const ending = visibleText(renderPartnersPage(base).html);
      expect(ending).toContain(t.autoExtendNo);
      const extending = { ...csp!, delegatedAdmin: { ...csp!.delegatedAdmin!, autoExtends: true } } as typeof csp;
      const text = visibleText(renderPartnersPage({ ...base, entries: [extending!, ...others] }).html);
      expect(text).toContain(t.autoExtendYes);
      expect(text).not.toContain(t.autoExtendNo);
    }
  });

  it('R9: shows the indirect provider authorized through a reseller, and a consent without roles says so (de)', () => {
    const t = messagesFor('de');
    const text = visibleText(renderPartnersPage(partnersView('de')).html);
    expect(text).toContain(
      `Northwind Resale ${t.kindLabel} ${t.kind['indirect-reseller']} ${t.authorizedOn('21. November 2026')} ` +
        `${t.mayRegister} ${t.channel['partner-center-csv']} ` +
        `${t.providerToo('Litware Distribution')} ${t.channel['partner-center-api']} ` +
        `${t.adminRolesHeading} ${t.noAdminRoles}`,
    );
  });

  it('R3: a CSP consent with active delegated admin has a removal form with its own csrf token', () => {
    const html = renderPartnersPage(partnersView('en')).html;
    expect(elements(html, 'form')).toEqual([
      { method: 'post', action: '/partners/consent-csp-1/remove-delegated-admin' },
    ]);
    expect(elements(html, 'input')).toEqual([{ type: 'hidden', name: 'csrf', value: 'csrf-remove-1' }]);
    expect(elements(html, 'button')).toEqual([{ type: 'submit', class: 'secondary' }]);
    const t = messagesFor('en');
    expect(visibleText(html)).toContain(
      `${t.removeRolesHint('Fabrikam Devices')} ${t.removeRoles('Fabrikam Devices')}`,
    );
  });

  it('R3: German removal button', () => {
    const t = messagesFor('de');
    expect(visibleText(renderPartnersPage(partnersView('de')).html)).toContain(
      `${t.removeRolesHint('Fabrikam Devices')} ${t.removeRoles('Fabrikam Devices')}`,
    );
  });

  it.each(LOCALES)('R13: an OEM entry explains that only support removes it, and how (%s)', (locale) => {
    const t = messagesFor(locale);
    const text = visibleText(renderPartnersPage(partnersView(locale)).html);
    expect(text).toContain(
      `${t.refusal['oem-not-removable'].title} ${t.oemRemoval('Tailspin Hardware')} ` +
        `${t.consentIdLabel}: consent-oem-3 ${t.supportContact('support@operator.example')}`,
    );
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
    const t = messagesFor('en');
    const html = renderPartnersPage(view).html;
    expect(visibleText(html)).toContain(t.rolesRemoved);
    expect(visibleText(html)).toContain(t.rolesExpired);
    expect(html).not.toContain('<form');
  });

  it.each(LOCALES)('says so when no partner is authorized (%s)', (locale) => {
    expect(visibleText(renderPartnersPage(partnersView(locale, { entries: [] })).html)).toContain(
      messagesFor(locale).partnersEmpty,
    );
  });

  it.each(LOCALES)('R3: confirms a removal after the redirect (%s)', (locale) => {
    const view = partnersView(locale, { notice: { kind: 'delegated-admin-removed', partnerName: 'Fabrikam Devices' } });
    expect(visibleText(renderPartnersPage(view).html)).toContain(
      messagesFor(locale).rolesRemovedNotice('Fabrikam Devices'),
    );
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
            autoExtends: false,
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
