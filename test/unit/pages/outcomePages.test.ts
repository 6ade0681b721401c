import {
  renderAcceptedPage,
  renderAlreadyDecidedPage,
  renderDeclinedPage,
  renderGonePage,
  renderNotFoundPage,
  renderRefusalPage,
  renderServiceErrorPage,
  type PartnerView,
} from '../../../shared/pages';
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
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain('You accepted the request');
    expect(text).toContain(
      'Fabrikam Devices can now register Windows Autopilot devices for your organization: automatically, through the Microsoft Partner Center API',
    );
    expect(text).toContain(
      'These administrator roles are active until November 23, 2028 at 10:15 AM UTC: Intune Administrator',
    );
    expect(text).toContain(
      'You can review the partners authorized for your organization at any time: Partners authorized for your organization',
    );
    expect(elements(page.html, 'a')).toContainEqual({ href: '/partners' });
  });

  it('R9: names the indirect provider authorized too; R13: an OEM is removed only by support (de)', () => {
    const reseller = renderAcceptedPage({
      locale: 'de',
      partner: { displayName: 'Northwind Resale', kind: 'indirect-reseller' },
      channels: ['partner-center-csv'],
      indirectProvider: { displayName: 'Litware Distribution', channels: ['partner-center-api'] },
    });
    expect(visibleText(reseller.html)).toContain(
      'Litware Distribution, sein indirekter Anbieter, ist ebenfalls autorisiert: automatisiert über die Microsoft Partner Center-API',
    );
    const oem = renderAcceptedPage({ locale: 'de', partner: TAILSPIN, channels: ['oem-direct-api'] });
    const text = visibleText(oem.html);
    expect(text).toContain('Sie haben die Anfrage akzeptiert');
    expect(text).toContain('Tailspin Hardware kann jetzt Windows Autopilot-Geräte für Ihre Organisation registrieren');
    expect(text).toContain('nur über eine Supportanfrage beim Betreiber entfernt werden');
    expect(text).not.toContain('Administratorrollen sind bis');
  });
});

describe('declined page', () => {
  it.each([
    [
      'en',
      'You declined the request',
      'Fabrikam Devices has not been authorized. Nothing changed for your organization.',
    ],
    [
      'de',
      'Sie haben die Anfrage abgelehnt',
      'Fabrikam Devices wurde nicht autorisiert. Für Ihre Organisation hat sich nichts geändert.',
    ],
  ] as const)('says nothing was authorized (%s)', (locale, title, sentence) => {
    const page = renderDeclinedPage({ locale, partner: FABRIKAM });
    expect(page.status).toBe(200);
    expect(visibleText(page.html)).toContain(title);
    expect(visibleText(page.html)).toContain(sentence);
  });
});

describe('declined standing link', () => {
  it.each([
    ['en', 'Nothing was stored. If you change your mind, open the same link again.'],
    ['de', 'Es wurde nichts gespeichert. Falls Sie es sich anders überlegen, öffnen Sie denselben Link erneut.'],
  ] as const)('R11: says nothing was stored and the same link still works (%s)', (locale, sentence) => {
    const text = visibleText(renderDeclinedPage({ locale, partner: FABRIKAM, standingLink: true }).html);
    expect(text).toContain(sentence);
    expect(text).not.toContain('send a new request');
  });
});

describe('service error pages', () => {
  it.each([
    ['en', 'internal', 500, 'Something went wrong on our side', 'Reference: req-42'],
    ['en', 'unavailable', 503, 'The service is busy', 'Try again in a minute.'],
    ['de', 'internal', 500, 'Bei uns ist ein Fehler aufgetreten', 'Referenz: req-42'],
    ['de', 'unavailable', 503, 'Der Dienst ist ausgelastet', 'Versuchen Sie es in einer Minute erneut.'],
  ] as const)('%s %s: a page with status %i that says what to do', (locale, reason, status, title, advice) => {
    const page = renderServiceErrorPage({ locale, reason, requestId: 'req-42' });
    expect(page.status).toBe(status);
    expect(visibleText(page.html)).toContain(title);
    expect(visibleText(page.html)).toContain(advice);
  });
});

describe('already decided page', () => {
  it.each([
    [
      'en',
      'accepted',
      'It was accepted on November 20, 2026 at 9:00 AM UTC. Fabrikam Devices is authorized for your organization.',
    ],
    [
      'en',
      'declined',
      'It was declined on November 20, 2026 at 9:00 AM UTC. Fabrikam Devices has not been authorized.',
    ],
    [
      'en',
      'revoked',
      'It was accepted, and the authorization of Fabrikam Devices was revoked on November 20, 2026 at 9:00 AM UTC.',
    ],
    [
      'de',
      'accepted',
      'Sie wurde am 20. November 2026 um 09:00 UTC akzeptiert. Fabrikam Devices ist für Ihre Organisation autorisiert.',
    ],
    [
      'de',
      'declined',
      'Sie wurde am 20. November 2026 um 09:00 UTC abgelehnt. Fabrikam Devices wurde nicht autorisiert.',
    ],
    ['de', 'revoked', 'die Autorisierung von Fabrikam Devices wurde am 20. November 2026 um 09:00 UTC widerrufen.'],
  ] as const)('says what was decided and when (%s, %s)', (locale, decision, sentence) => {
    const page = renderAlreadyDecidedPage({
      locale,
      partner: FABRIKAM,
      decision,
      at: '2026-11-20T09:00:00.000Z',
      by: 'admin@contoso.com',
    });
    const text = visibleText(page.html);
    expect(page.status).toBe(200);
    expect(text).toContain(sentence);
    expect(text).toContain(locale === 'en' ? 'Answered by admin@contoso.com.' : 'Beantwortet von admin@contoso.com.');
    expect(text).toContain(locale === 'en' ? 'Nothing was changed now.' : 'Es wurde jetzt nichts geändert.');
  });
});

describe('dead links', () => {
  it.each([
    ['en', 'This link is not valid', 'ask the partner to send the request again'],
    ['de', 'Dieser Link ist ungültig', 'bitten Sie den Partner, die Anfrage erneut zu senden'],
  ] as const)('404: an unknown link explains what to check (%s)', (locale, title, advice) => {
    const page = renderNotFoundPage({ locale });
    expect(page.status).toBe(404);
    expect(visibleText(page.html)).toContain(title);
    expect(visibleText(page.html)).toContain(advice);
  });

  it.each([
    ['en', 'expired', 'The request expired before it was answered.'],
    ['en', 'cancelled', 'The partner withdrew this request.'],
    ['en', 'replaced', 'Use the link from the most recent email.'],
    ['de', 'expired', 'Die Anfrage ist abgelaufen, bevor sie beantwortet wurde.'],
    ['de', 'cancelled', 'Der Partner hat diese Anfrage zurückgezogen.'],
    ['de', 'replaced', 'Verwenden Sie den Link aus der neuesten E-Mail.'],
  ] as const)('410: a %s link says why it no longer works (%s)', (locale, reason, sentence) => {
    const page = renderGonePage({ locale, reason });
    expect(page.status).toBe(410);
    expect(visibleText(page.html)).toContain(sentence);
    expect(visibleText(page.html)).toContain(
      locale === 'en' ? 'ask it for a new link' : 'bitten Sie ihn um einen neuen Link',
    );
  });
});

describe('refusal pages', () => {
  it.each([
    [
      'en',
      'Only a Global Administrator can do this',
      'Forward this link to a Global Administrator of your organization',
    ],
    [
      'de',
      'Nur ein globaler Administrator kann dies tun',
      'Leiten Sie diesen Link an einen globalen Administrator Ihrer Organisation weiter',
    ],
  ] as const)('R6: a user without Global Administrator is told to forward the link (%s)', (locale, title, advice) => {
    const page = renderRefusalPage({
      locale,
      signedInAs: USER,
      reason: 'not-global-admin',
      signOutUrl: '/.auth/logout?post_logout_redirect_uri=/consent/tok3n',
    });
    const text = visibleText(page.html);
    expect(page.status).toBe(403);
    expect(text).toContain(title);
    expect(text).toContain(USER);
    expect(text).toContain(advice);
    expect(elements(page.html, 'a')).toContainEqual({ href: '/.auth/logout?post_logout_redirect_uri=/consent/tok3n' });
  });

  it.each([
    [
      'en',
      'This request is for another organization',
      'an account of a different organization (Microsoft Entra tenant)',
    ],
    [
      'de',
      'Diese Anfrage gilt einer anderen Organisation',
      'einem Konto einer anderen Organisation (Microsoft Entra-Mandant)',
    ],
  ] as const)('a user of another tenant is refused with an explanation (%s)', (locale, title, why) => {
    const page = renderRefusalPage({ locale, signedInAs: USER, reason: 'wrong-tenant' });
    expect(page.status).toBe(403);
    expect(visibleText(page.html)).toContain(title);
    expect(visibleText(page.html)).toContain(why);
  });

  it.each([
    ['en', 'This request was made for contoso.com, but you are signed in as someone@fabrikam.com.'],
    ['de', 'Diese Anfrage wurde für contoso.com gestellt, Sie sind aber als someone@fabrikam.com angemeldet.'],
  ] as const)('a user whose UPN domain does not match is told which domain is needed (%s)', (locale, sentence) => {
    const page = renderRefusalPage({
      locale,
      signedInAs: 'someone@fabrikam.com',
      reason: 'upn-domain-mismatch',
      expectedDomain: 'contoso.com',
    });
    expect(page.status).toBe(403);
    expect(visibleText(page.html)).toContain(sentence);
  });

  it.each([
    [
      'en',
      'Sign in with your onmicrosoft.com account',
      'sign in with a Global Administrator account like name@contoso.onmicrosoft.com',
    ],
    [
      'de',
      'Melden Sie sich mit Ihrem onmicrosoft.com-Konto an',
      'Konto eines globalen Administrators wie name@contoso.onmicrosoft.com an',
    ],
  ] as const)(
    'R12: an OEM request signed in with an account that is not cloud-native says which account to use (%s)',
    (locale, title, advice) => {
      const page = renderRefusalPage({ locale, signedInAs: 'admin@contoso.com', reason: 'not-cloud-native' });
      const text = visibleText(page.html);
      expect(page.status).toBe(403);
      expect(text).toContain(title);
      expect(text).toContain('admin@contoso.com');
      expect(text).toContain(advice);
    },
  );

  it.each([
    ['en', 'Your answer could not be accepted', 'Nothing was changed.', 'Open the page again'],
    ['de', 'Ihre Antwort konnte nicht angenommen werden', 'Es wurde nichts geändert.', 'Seite erneut öffnen'],
  ] as const)('a forged or stale form is a 403 that changed nothing (%s)', (locale, title, nothing, retry) => {
    const page = renderRefusalPage({ locale, reason: 'forged-form', retryUrl: '/consent/tok3n' });
    const text = visibleText(page.html);
    expect(page.status).toBe(403);
    expect(text).toContain(title);
    expect(text).toContain(nothing);
    expect(text).toContain(retry);
    expect(elements(page.html, 'a')).toContainEqual({ href: '/consent/tok3n' });
  });

  it.each([
    [
      'en',
      'Only support can remove a device manufacturer',
      'Consent ID: consent-oem-3',
      'Support: support@operator.example',
    ],
    [
      'de',
      'Nur der Support kann einen Gerätehersteller entfernen',
      'Zustimmungs-ID: consent-oem-3',
      'Support: support@operator.example',
    ],
  ] as const)('R13: removing an OEM is refused with how to ask support (%s)', (locale, title, id, support) => {
    const page = renderRefusalPage({
      locale,
      reason: 'oem-not-removable',
      partner: TAILSPIN,
      consentId: 'consent-oem-3',
      supportContact: 'support@operator.example',
    });
    const text = visibleText(page.html);
    expect(page.status).toBe(403);
    expect(text).toContain(title);
    expect(text).toContain('Tailspin Hardware');
    expect(text).toContain(id);
    expect(text).toContain(support);
  });

  it.each([
    ['en', 'Sign-in is not available', 'nothing can be shown or accepted'],
    ['de', 'Die Anmeldung ist nicht verfügbar', 'kann nichts angezeigt oder akzeptiert werden'],
  ] as const)('fails closed when the platform sign-in is not configured: 503 (%s)', (locale, title, words) => {
    const page = renderRefusalPage({ locale, reason: 'sign-in-not-configured' });
    expect(page.status).toBe(503);
    expect(visibleText(page.html)).toContain(title);
    expect(visibleText(page.html)).toContain(words);
  });

  it('names an account without a user name instead of printing nothing', () => {
    const page = renderRefusalPage({ locale: 'en', signedInAs: '', reason: 'not-global-admin' });
    expect(visibleText(page.html)).toContain('You are signed in as an account without a user name');
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
