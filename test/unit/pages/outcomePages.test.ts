import {
  LOCALES,
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderDeclinedPage,
  renderGonePage,
  renderNotFoundPage,
  renderRefusalPage,
  renderServiceErrorPage,
  type PartnerView,
} from '../../../shared/pages';
import { messagesFor } from '../../../shared/pages/messages';
import { lead, refusalWords } from '../../support/words';
import { INTUNE_ADMINISTRATOR, SCRIPT_PAYLOAD, ATTRIBUTE_PAYLOAD } from './fixtures';
import { elements, visibleText } from './html';

const FABRIKAM: PartnerView = { displayName: 'Fabrikam Devices', kind: 'direct-csp' };
const TAILSPIN: PartnerView = { displayName: 'Tailspin Hardware', kind: 'oem' };
const USER = 'someone@contoso.com';

describe('accepted page', () => {
  it('R7, R16: says the partner can register devices now, the roles active until when, and where to review (en)', () => {
    const page = renderAcceptedPage({
      locale: 'en',
      signedInAs: USER,
      partner: FABRIKAM,
      channels: ['partner-center-api'],
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], expiresAt: '2028-11-23T10:15:00.000Z' },
    });
    const t = messagesFor('en');
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain(t.acceptedTitle);
    expect(text).toContain(`${t.acceptedNow('Fabrikam Devices')} ${t.channel['partner-center-api']}`);
    expect(text).toContain(`${t.rolesActiveUntil('November 23, 2028 at 10:15 AM UTC')} Intune Administrator`);
    expect(text).toContain(`${t.reviewPartners} ${t.partnersLink}`);
    expect(elements(page.html, 'a')).toContainEqual({ href: '/partners' });
  });

  it('R9: names the indirect provider authorized too; R13: an OEM is removed only by support (de)', () => {
    const t = messagesFor('de');
    const reseller = renderAcceptedPage({
      locale: 'de',
      partner: { displayName: 'Northwind Resale', kind: 'indirect-reseller' },
      channels: ['partner-center-csv'],
      indirectProvider: { displayName: 'Litware Distribution', channels: ['partner-center-api'] },
    });
    expect(visibleText(reseller.html)).toContain(
      `${t.acceptedProvider('Litware Distribution')} ${t.channel['partner-center-api']}`,
    );
    const oem = renderAcceptedPage({ locale: 'de', partner: TAILSPIN, channels: ['oem-direct-api'] });
    const text = visibleText(oem.html);
    expect(text).toContain(t.acceptedTitle);
    expect(text).toContain(`${t.acceptedNow('Tailspin Hardware')} ${t.channel['oem-direct-api']}`);
    expect(text).toContain(t.oemRemovalLater);
    expect(text).not.toContain(lead(t.rolesActiveUntil));
  });
});

describe('declined page', () => {
  it.each(LOCALES)('says nothing was authorized (%s)', (locale) => {
    const t = messagesFor(locale);
    const page = renderDeclinedPage({ locale, partner: FABRIKAM });
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain(t.declinedTitle);
    expect(visibleText(page.html)).toContain(
      `${t.declinedText('Fabrikam Devices')} ${t.declinedAgain('Fabrikam Devices')} ${t.closePage}`,
    );
  });
});

describe('declined standing link', () => {
  it.each(LOCALES)('R11: says nothing was stored and the same link still works (%s)', (locale) => {
    const t = messagesFor(locale);
    const text = visibleText(renderDeclinedPage({ locale, partner: FABRIKAM, standingLink: true }).html);
    expect(text).toContain(t.declinedStandingAgain);
    expect(text).not.toContain(lead(t.declinedAgain));
  });
});

describe('service error pages', () => {
  it.each([
    ['en', 'internal', 500],
    ['en', 'unavailable', 503],
    ['de', 'internal', 500],
    ['de', 'unavailable', 503],
    ['en', 'too-large', 413],
    ['de', 'too-large', 413],
  ] as const)('%s %s: a page with status %i that says what to do', (locale, reason, status) => {
    const t = messagesFor(locale);
    const words = t.serviceError[reason];
    const page = renderServiceErrorPage({ locale, reason, requestId: 'req-42' });
    expect(page.status).toBe(status);
    expect(visibleText(page.html)).toContain(words.title);
    expect(visibleText(page.html)).toContain(`${words.text} ${t.whatToDo} ${words.todo} ${t.requestIdLabel}: req-42`);
  });
});

describe('already decided page', () => {
  const AT = { en: 'November 20, 2026 at 9:00 AM UTC', de: '20. November 2026 um 09:00 UTC' };

  it.each([
    ['en', 'accepted'],
    ['en', 'declined'],
    ['en', 'revoked'],
    ['de', 'accepted'],
    ['de', 'declined'],
    ['de', 'revoked'],
  ] as const)('says what was decided and when (%s, %s)', (locale, decision) => {
    const t = messagesFor(locale);
    const said = { accepted: t.alreadyAccepted, declined: t.alreadyDeclined, revoked: t.alreadyRevoked }[decision];
    const page = renderAlreadyDecidedPage({
      locale,
      partner: FABRIKAM,
      decision,
      at: '2026-11-20T09:00:00.000Z',
      by: 'admin@contoso.com',
    });
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain(t.alreadyTitle);
    expect(text).toContain(`${said('Fabrikam Devices', AT[locale])} ${t.answeredBy('admin@contoso.com')}`);
    expect(text).toContain(t.nothingChanged);
  });
});

describe('dead links', () => {
  it.each(LOCALES)('404: an unknown link explains what to check (%s)', (locale) => {
    const t = messagesFor(locale);
    const page = renderNotFoundPage({ locale });
    expect(page.status).toBe(404);
    expect(visibleText(page.html)).toContain(t.notFoundTitle);
    expect(visibleText(page.html)).toContain(`${t.notFoundText} ${t.whatToDo} ${t.notFoundTodo}`);
  });

  it.each([
    ['en', 'expired'],
    ['en', 'cancelled'],
    ['en', 'replaced'],
    ['de', 'expired'],
    ['de', 'cancelled'],
    ['de', 'replaced'],
  ] as const)('410: a %s link says why it no longer works (%s)', (locale, reason) => {
    const t = messagesFor(locale);
    const page = renderGonePage({ locale, reason });
    expect(page.status).toBe(410);
    expect(visibleText(page.html)).toContain(t.goneTitle);
    expect(visibleText(page.html)).toContain(`${t.gone[reason]} ${t.whatToDo} ${t.goneTodo}`);
  });
});

describe('refusal pages', () => {
  it.each(LOCALES)('R6: a user without Global Administrator is told to forward the link (%s)', (locale) => {
    const words = refusalWords(locale, 'not-global-admin', { user: USER });
    const page = renderRefusalPage({
      locale,
      signedInAs: USER,
      reason: 'not-global-admin',
      signOutUrl: '/.auth/logout?post_logout_redirect_uri=/consent/tok3n',
    });
    const text = visibleText(page.html);
    expect(page.status).toBe(403);
    expect(text).toContain(words.title);
    expect(text).toContain(`${words.why} ${messagesFor(locale).whatToDo} ${words.todo}`);
    expect(text).toContain(messagesFor(locale).signInAnother);
    expect(elements(page.html, 'a')).toContainEqual({ href: '/.auth/logout?post_logout_redirect_uri=/consent/tok3n' });
  });

  it.each(LOCALES)('a user of another tenant is refused with an explanation (%s)', (locale) => {
    const words = refusalWords(locale, 'wrong-tenant', { user: USER });
    const page = renderRefusalPage({ locale, signedInAs: USER, reason: 'wrong-tenant' });
    expect(page.status).toBe(403);
    expect(visibleText(page.html)).toContain(words.title);
    expect(visibleText(page.html)).toContain(words.why);
  });

  it.each(LOCALES)('a user whose UPN domain does not match is told which domain is needed (%s)', (locale) => {
    const words = refusalWords(locale, 'upn-domain-mismatch', { user: 'someone@fabrikam.com', domain: 'contoso.com' });
    const page = renderRefusalPage({
      locale,
      signedInAs: 'someone@fabrikam.com',
      reason: 'upn-domain-mismatch',
      expectedDomain: 'contoso.com',
    });
    expect(page.status).toBe(403);
    expect(visibleText(page.html)).toContain(words.title);
    expect(visibleText(page.html)).toContain(`${words.why} ${messagesFor(locale).whatToDo} ${words.todo}`);
  });

  it.each(LOCALES)(
    'R12: an OEM request signed in with an account that is not cloud-native says which account to use (%s)',
    (locale) => {
      const words = refusalWords(locale, 'not-cloud-native', { user: 'admin@contoso.com' });
      const page = renderRefusalPage({ locale, signedInAs: 'admin@contoso.com', reason: 'not-cloud-native' });
      const text = visibleText(page.html);
      expect(page.status).toBe(403);
      expect(text).toContain(words.title);
      expect(text).toContain(`${words.why} ${messagesFor(locale).whatToDo} ${words.todo}`);
    },
  );

  it.each(LOCALES)('a forged or stale form is a 403 that changed nothing (%s)', (locale) => {
    const t = messagesFor(locale);
    const words = refusalWords(locale, 'forged-form');
    const page = renderRefusalPage({ locale, reason: 'forged-form', retryUrl: '/consent/tok3n' });
    const text = visibleText(page.html);
    expect(page.status).toBe(403);
    expect(text).toContain(words.title);
    expect(text).toContain(`${words.why} ${t.whatToDo} ${words.todo} ${t.openAgain}`);
    expect(elements(page.html, 'a')).toContainEqual({ href: '/consent/tok3n' });
  });

  it.each(LOCALES)('R13: removing an OEM is refused with how to ask support (%s)', (locale) => {
    const t = messagesFor(locale);
    const words = refusalWords(locale, 'oem-not-removable', { partner: 'Tailspin Hardware' });
    const page = renderRefusalPage({
      locale,
      reason: 'oem-not-removable',
      partner: TAILSPIN,
      consentId: 'consent-oem-3',
      supportContact: 'support@operator.example',
    });
    const text = visibleText(page.html);
    expect(page.status).toBe(403);
    expect(text).toContain(words.title);
    expect(text).toContain(
      `${words.why} ${t.whatToDo} ${words.todo} ${t.consentIdLabel}: consent-oem-3 ` +
        t.supportContact('support@operator.example'),
    );
  });

  it.each(LOCALES)('fails closed when the platform sign-in is not configured: 503 (%s)', (locale) => {
    const words = refusalWords(locale, 'sign-in-not-configured');
    const page = renderRefusalPage({ locale, reason: 'sign-in-not-configured' });
    expect(page.status).toBe(503);
    expect(visibleText(page.html)).toContain(words.title);
    expect(visibleText(page.html)).toContain(`${words.why} ${messagesFor(locale).whatToDo} ${words.todo}`);
  });

  it('names an account without a user name instead of printing nothing', () => {
    const page = renderRefusalPage({ locale: 'en', signedInAs: '', reason: 'not-global-admin' });
    const words = refusalWords('en', 'not-global-admin', { user: messagesFor('en').unnamedAccount });
    expect(visibleText(page.html)).toContain(words.why);
  });

  it('escapes a hostile user name, domain, partner name and consent id', () => {
    const pages = [
      renderRefusalPage({
        locale: 'en',
        signedInAs: SCRIPT_PAYLOAD,
        reason: 'upn-domain-mismatch',
        expectedDomain: ATTRIBUTE_PAYLOAD,
      }),
      renderRefusalPage({
        locale: 'de',
        reason: 'oem-not-removable',
        partner: { displayName: SCRIPT_PAYLOAD, kind: 'oem' },
        consentId: ATTRIBUTE_PAYLOAD,
        supportContact: SCRIPT_PAYLOAD,
      }),
    ];
    for (const page of pages) {
      expect(page.html).not.toContain('<script');
      expect(page.html).not.toContain('<img');
      expect(visibleText(page.html)).toContain(SCRIPT_PAYLOAD);
      expect(visibleText(page.html)).toContain(ATTRIBUTE_PAYLOAD);
    }
  });

  it('refuses a sign-out or retry URL that is not a local path', () => {
    expect(() => renderRefusalPage({ locale: 'en', reason: 'forged-form', retryUrl: 'https://evil.example' })).toThrow(
      /local path/,
    );
    expect(() => renderRefusalPage({ locale: 'en', reason: 'wrong-tenant', signOutUrl: '/\\evil.example' })).toThrow(
      /local path/,
    );
  });
});
