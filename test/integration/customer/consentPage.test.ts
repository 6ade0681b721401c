// GET and POST /consent/{token} through the local host, as API.md "Customer pages" describes them (R5–R10, R12, R16).
import { issueCsrfToken } from '../../../shared/auth/csrf';
import { hashLinkToken } from '../../../shared/auth/linkTokens';
import { config } from '../../../shared/config';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { issueConsentRequest } from '../../../shared/consent/partnerRequests';
import { formTargets } from '../../../shared/customer/forms';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { formatDateTime } from '../../../shared/pages/locale';
import { messagesFor } from '../../../shared/pages/messages';
import { startAppHost, type AppHost } from '../../support/appHost';
import {
  csrfOf,
  customer,
  formToken,
  getPage,
  issuedLink,
  postForm,
  storedState,
  type Customer,
  type IssuedLink,
} from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { refusalWords } from '../../support/words';
import { actingWithKey } from '../../../shared/domain/partnerAccess';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';

const en = messagesFor('en');
const de = messagesFor('de');
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices', microsoftPartnerId: '4711001' });
});
afterAll(async () => {
  await app.stop();
});

/** A pending request for a fresh tenant, and that tenant's Global Administrator. */
async function pendingRequest(body: Record<string, unknown> = {}, partner = csp) {
  const admin = customer();
  const link = await issuedLink(app, partner, {
    customer: { tenantId: admin.tenantId, displayName: 'Woodgrove Bank' },
    delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 180 },
    message: 'Hello from Fabrikam',
    ...body,
  });
  return { admin, link };
}

async function stateOf(link: IssuedLink, admin: Customer, partner = csp) {
  return storedState(partner.id, link.consentId, admin.tenantId);
}

async function accept(link: IssuedLink, as: Customer, fields: Record<string, string | undefined> = {}) {
  const page = await getPage(app, link.path, { as });
  return postForm(app, link.path, { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes', ...fields }, { as });
}

describe('GET /consent/{token}', () => {
  it('sends a reader who is not signed in to the sign-in, and back to the link', async () => {
    const { link } = await pendingRequest();
    const page = await getPage(app, link.path);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/.auth/login/aad?post_login_redirect_uri=/consent/${link.token}`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('treats a malformed principal header as signed out, never a 5xx', async () => {
    const { link } = await pendingRequest();
    const page = await getPage(app, link.path, { headers: { 'x-ms-client-principal': 'not base64 json' } });
    expect(page.status).toBe(302);
  });

  it('R5, R10: shows a Global Administrator who asks, for what, which roles, the message and the expiry', async () => {
    const { admin, link } = await pendingRequest({
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR, GLOBAL_ADMINISTRATOR_ROLE_ID], durationDays: 180 },
    });
    const page = await getPage(app, link.path, { as: admin });
    const { consent } = await stateOf(link, admin);

    expect(page.status).toBe(200);
    expect(page.text).toContain(en.consentTitle('Fabrikam Devices'));
    expect(page.text).toContain(`${en.partnerIdLabel} 4711001`);
    expect(page.text).toContain(`${en.verifiedDomainLabel} contoso.example`);
    expect(page.text).toContain(`${en.requestedForLabel} Woodgrove Bank`);
    expect(page.text).toContain(en.channel['partner-center-api']);
    expect(page.text).toContain('Intune Administrator');
    expect(page.text).toContain(`${en.rolesDuration(180)} ${en.autoExtendNo}`);
    expect(page.text).toContain(en.globalAdminWarningTitle);
    expect(page.text).toContain(`${en.messageHeading('Fabrikam Devices')} Hello from Fabrikam`);
    expect(page.text).toContain(en.expiresAt(formatDateTime(consent!.value.expiresAt!, 'en')));
    expect(page.text).toContain(en.confirmLabel('Fabrikam Devices'));
    expect(page.html).toContain(
      `<button type="submit" class="primary" name="decision" value="accept">${en.accept}</button>`,
    );
  });

  it('sends the security headers of API.md on every page', async () => {
    const { admin, link } = await pendingRequest();
    const page = await getPage(app, link.path, { as: admin });
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('script-src');
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers HEAD as GET without a body (link checkers and mail scanners probe links that way), changing nothing', async () => {
    const { admin, link } = await pendingRequest();
    const before = await stateOf(link, admin);
    const head = (as?: Customer) =>
      fetch(`${app.url}${link.path}`, {
        method: 'HEAD',
        redirect: 'manual',
        headers: as ? { 'x-ms-client-principal': as.header } : {},
      });

    const signedOut = await head();
    const signedIn = await head(admin);

    expect(signedOut.status).toBe(302);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(signedIn.headers.get('x-frame-options')).toBe('DENY');
    expect(await signedIn.text()).toBe('');
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('R5: a request without delegated admin says plainly that no roles are requested', async () => {
    const { admin, link } = await pendingRequest({ delegatedAdmin: undefined });
    const page = await getPage(app, link.path, { as: admin });
    expect(page.text).toContain(en.noRoles);
    expect(page.text).not.toContain('Intune Administrator');
  });

  it('R9: an indirect reseller’s request names the indirect provider authorized too', async () => {
    const provider = await registeredPartner(app, 'indirect-provider', { displayName: 'Litware Distribution' });
    const reseller = await registeredPartner(app, 'indirect-reseller', {
      displayName: 'Northwind Resale',
      indirectProviderId: provider.id,
    });
    const { admin, link } = await pendingRequest({}, reseller);
    const page = await getPage(app, link.path, { as: admin });
    expect(page.text).toContain(
      `${en.whatIntro('Northwind Resale')} ${en.channel['partner-center-csv']} ` +
        `${en.providerIntro('Litware Distribution', 'Northwind Resale')} ${en.channel['partner-center-api']}`,
    );
  });

  it('serves the page in German for a request made in German, whatever the browser asks for', async () => {
    const admin = customer();
    const link = await issuedLink(app, csp, {
      customer: { tenantId: admin.tenantId, locale: 'de' },
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] },
    });
    const page = await getPage(app, link.path, { as: admin, headers: { 'accept-language': 'en-US' } });
    expect(page.html.startsWith('<!DOCTYPE html><html lang="de">')).toBe(true);
    expect(page.text).toContain(de.consentTitle('Fabrikam Devices'));
    expect(page.text).toContain(`${de.rolesHeading} ${de.rolesIntro('Fabrikam Devices')} Intune Administrator`);
    expect(page.html).toContain(
      `<button type="submit" class="primary" name="decision" value="accept">${de.accept}</button>`,
    );
  });

  it('never changes state: three views by an administrator, a non-administrator and a stranger change nothing', async () => {
    const { admin, link } = await pendingRequest();
    const before = await stateOf(link, admin);

    await getPage(app, link.path, { as: admin });
    await getPage(app, link.path, { as: customer({ tenantId: admin.tenantId, globalAdmin: false }) });
    await getPage(app, link.path);

    expect(await stateOf(link, admin)).toEqual(before);
    expect(before.consent?.value.status).toBe('pending');
  });

  it('404: an unknown or malformed link', async () => {
    const admin = customer();
    for (const token of ['A'.repeat(43), 'not-a-token', '%3Cscript%3E']) {
      const page = await getPage(app, `/consent/${token}`, { as: admin });
      expect(page.status).toBe(404);
      expect(page.text).toContain(en.notFoundTitle);
    }
  });

  it('410: a withdrawn request', async () => {
    const { admin, link } = await pendingRequest();
    await app.call('POST', `/api/consent-requests/${link.consentId}/cancel`, { key: csp.key });
    const page = await getPage(app, link.path, { as: admin });
    expect(page.status).toBe(410);
    expect(page.text).toContain(en.gone.cancelled);
  });

  it('410: a link replaced by a resend is refused as replaced (GET and POST), while the new one works', async () => {
    const { admin, link } = await pendingRequest();
    const resent = await app.call('POST', `/api/consent-requests/${link.consentId}/resend`, { key: csp.key });
    const before = await stateOf(link, admin);

    const old = await getPage(app, link.path, { as: admin });
    const posted = await postForm(
      app,
      link.path,
      {
        csrf: formToken(admin, formTargets.consentLink(hashLinkToken(link.token))),
        decision: 'accept',
        confirm: 'yes',
      },
      { as: admin },
    );

    expect(old.status).toBe(410);
    expect(old.text).toContain(en.gone.replaced);
    expect(posted.status).toBe(410);
    expect(await stateOf(link, admin)).toEqual(before);
    const fresh = await getPage(app, new URL(resent.body.consentUrl as string).pathname, { as: admin });
    expect(fresh.status).toBe(200);
  });

  it('410: an expired request', async () => {
    const admin = customer();
    const partner = (await live.partners.findPartner(csp.id))!.value;
    const twoDaysAgo = { ...live, now: () => new Date(Date.now() - 2 * 86_400_000) };
    const issued = await issueConsentRequest(twoDaysAgo, actingWithKey(partner), {
      customer: { tenantId: admin.tenantId, locale: 'en' },
      expiresInDays: 1,
      sendEmail: false,
    });
    const page = await getPage(app, new URL(issued.consentUrl).pathname, { as: admin });
    expect(page.status).toBe(410);
    expect(page.text).toContain(en.gone.expired);
  });
});

describe('refusals: a page that says why and what to do, and nothing changes', () => {
  it('R6: a user without Global Administrator is told to forward the link', async () => {
    const { admin, link } = await pendingRequest();
    const user = customer({ tenantId: admin.tenantId, globalAdmin: false, userPrincipalName: 'kim@woodgrove.example' });
    const before = await stateOf(link, admin);

    const page = await getPage(app, link.path, { as: user });
    // Even with a valid form token of its own, the post is refused.
    const token = formToken(user, formTargets.consentLink(hashLinkToken(link.token)));
    const posted = await postForm(app, link.path, { csrf: token, decision: 'accept', confirm: 'yes' }, { as: user });

    const words = refusalWords('en', 'not-global-admin', { user: 'kim@woodgrove.example' });
    expect(page.status).toBe(403);
    expect(page.text).toContain(words.title);
    expect(page.text).toContain(`${words.why} ${en.whatToDo} ${words.todo}`);
    expect(page.html).toContain(`href="/.auth/logout?post_logout_redirect_uri=/consent/${link.token}"`);
    expect(posted.status).toBe(403);
    expect(posted.text).toContain(words.title);
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('a Global Administrator of another organization is refused', async () => {
    const { admin, link } = await pendingRequest();
    const stranger = customer();
    const before = await stateOf(link, admin);
    const token = formToken(stranger, formTargets.consentLink(hashLinkToken(link.token)));

    const page = await getPage(app, link.path, { as: stranger });
    const posted = await postForm(app, link.path, { csrf: token, decision: 'decline' }, { as: stranger });

    expect(page.status).toBe(403);
    expect(page.text).toContain(refusalWords('en', 'wrong-tenant').title);
    expect(posted.status).toBe(403);
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('a user whose UPN domain does not match the requested domain is refused', async () => {
    const admin = customer({ userPrincipalName: 'admin@fourthcoffee.example' });
    const link = await issuedLink(app, csp, { customer: { domain: 'woodgrove.example' } });
    const before = await stateOf(link, admin);

    const page = await getPage(app, link.path, { as: admin });

    const words = refusalWords('en', 'upn-domain-mismatch', {
      user: 'admin@fourthcoffee.example',
      domain: 'woodgrove.example',
    });
    expect(page.status).toBe(403);
    expect(page.text).toContain(words.title);
    expect(page.text).toContain(words.why);
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('R12: an OEM request refuses an account that is not cloud-native', async () => {
    const oem = await registeredPartner(app, 'oem', { displayName: 'Tailspin Hardware' });
    const admin = customer({ userPrincipalName: 'admin@contoso.com' });
    const link = await issuedLink(app, oem, { customer: { tenantId: admin.tenantId } });
    const before = await storedState(oem.id, link.consentId, admin.tenantId);
    const token = formToken(admin, formTargets.consentLink(hashLinkToken(link.token)));

    const page = await getPage(app, link.path, { as: admin });
    const posted = await postForm(app, link.path, { csrf: token, decision: 'accept', confirm: 'yes' }, { as: admin });

    const words = refusalWords('en', 'not-cloud-native', { user: 'admin@contoso.com' });
    expect(page.status).toBe(403);
    expect(page.text).toContain(words.title);
    expect(page.text).toContain(words.why);
    expect(posted.status).toBe(403);
    expect(await storedState(oem.id, link.consentId, admin.tenantId)).toEqual(before);
  });
});

describe('POST /consent/{token}', () => {
  it('R7, R16: Yes + Accept authorizes at once, and the page says what happens next', async () => {
    const { admin, link } = await pendingRequest();

    const posted = await accept(link, admin);
    const outcome = await getPage(app, posted.headers.get('location')!, { as: admin });

    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${link.path}?outcome=accepted`);
    const { consent, authorizations, events } = await stateOf(link, admin);
    expect(outcome.status).toBe(200);
    expect(outcome.text).toContain(en.acceptedTitle);
    expect(outcome.text).toContain(en.acceptedNow('Fabrikam Devices'));
    expect(outcome.text).toContain(
      `${en.rolesActiveUntil(formatDateTime(consent!.value.delegatedAdmin!.expiresAt!, 'en'))} Intune Administrator`,
    );
    expect(consent?.value).toMatchObject({ status: 'accepted', acceptedBy: { objectId: admin.objectId } });
    expect(authorizations).toEqual([expect.objectContaining({ partnerId: csp.id, consentId: link.consentId })]);
    expect(events.map((event) => event.type)).toEqual(['consent.issued', 'consent.accepted']);
    // R8: the partner sees the customer in its list at once.
    const customers = await app.call('GET', '/api/customers', { key: csp.key });
    expect(customers.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ tenantId: admin.tenantId })]),
    );
  });

  it('repeating an accept is harmless and says so', async () => {
    const { admin, link } = await pendingRequest();
    const form = await getPage(app, link.path, { as: admin });
    const fields = { csrf: csrfOf(form.html), decision: 'accept', confirm: 'yes' };
    const first = await postForm(app, link.path, fields, { as: admin });
    const after = await stateOf(link, admin);

    // The same form sent again, as a double click or the back button would.
    const again = await postForm(app, link.path, fields, { as: admin });
    const page = await getPage(app, again.headers.get('location')!, { as: admin });

    expect(first.headers.get('location')).toBe(`${link.path}?outcome=accepted`);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(link.path);
    const acceptedAt = formatDateTime(after.consent!.value.acceptedAt!, 'en');
    expect(page.text).toContain(en.alreadyTitle);
    expect(page.text).toContain(
      `${en.alreadyAccepted('Fabrikam Devices', acceptedAt)} ${en.answeredBy('admin@contoso.onmicrosoft.com')}`,
    );
    expect(page.text).toContain(en.nothingChanged);
    expect((await stateOf(link, admin)).consent).toEqual(after.consent);
    expect((await stateOf(link, admin)).events).toHaveLength(2);
  });

  it('R7: Accept without Yes shows the form again (422) with the reason, and nothing changes', async () => {
    const { admin, link } = await pendingRequest();
    const before = await stateOf(link, admin);

    const posted = await accept(link, admin, { confirm: undefined });

    expect(posted.status).toBe(422);
    expect(posted.text).toContain(en.confirmRequired);
    expect(posted.html).toContain('aria-invalid="true"');
    expect(csrfOf(posted.html)).toBeTruthy();
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('Decline records the answer, and the page says nothing was authorized', async () => {
    const { admin, link } = await pendingRequest();
    const page = await getPage(app, link.path, { as: admin });

    const posted = await postForm(app, link.path, { csrf: csrfOf(page.html), decision: 'decline' }, { as: admin });
    const outcome = await getPage(app, posted.headers.get('location')!, { as: admin });
    const later = await getPage(app, link.path, { as: admin });

    const { consent, authorizations } = await stateOf(link, admin);
    expect(posted.status).toBe(303);
    expect(outcome.text).toContain(en.declinedTitle);
    expect(outcome.text).toContain(en.declinedText('Fabrikam Devices'));
    expect(later.text).toContain(
      en.alreadyDeclined('Fabrikam Devices', formatDateTime(consent!.value.declinedAt!, 'en')),
    );
    expect(consent?.value.status).toBe('declined');
    expect(authorizations).toEqual([]);
  });

  it('accepting after declining changes nothing and shows the decision', async () => {
    const { admin, link } = await pendingRequest();
    const page = await getPage(app, link.path, { as: admin });
    await postForm(app, link.path, { csrf: csrfOf(page.html), decision: 'decline' }, { as: admin });
    const before = await stateOf(link, admin);

    const posted = await postForm(
      app,
      link.path,
      { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' },
      { as: admin },
    );

    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(link.path);
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('twenty concurrent accepts record one acceptance', async () => {
    const { admin, link } = await pendingRequest();
    const page = await getPage(app, link.path, { as: admin });
    const fields = { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' };

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postForm(app, link.path, fields, { as: admin })),
    );

    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(303));
    const locations = answers.map((answer) => answer.headers.get('location'));
    expect(locations.filter((location) => location === `${link.path}?outcome=accepted`)).toHaveLength(1);
    const { consent, events } = await stateOf(link, admin);
    expect(consent?.value.status).toBe('accepted');
    expect(events.filter((event) => event.type === 'consent.accepted')).toHaveLength(1);
  });
});

describe('forged posts: 403 and nothing changes', () => {
  const staleToken = (admin: Customer, link: IssuedLink) =>
    issueCsrfToken(
      {
        tenantId: admin.tenantId,
        objectId: admin.objectId,
        target: formTargets.consentLink(hashLinkToken(link.token)),
      },
      { secret: config().keys.csrf, now: new Date(Date.now() - 3 * 60 * 60 * 1000) },
    );

  it.each([
    ['without a form token', () => ({})],
    [
      'with a stale form token (older than two hours)',
      (admin: Customer, link: IssuedLink) => ({ fields: { csrf: staleToken(admin, link) } }),
    ],
    [
      'with another user’s form token',
      (admin: Customer, link: IssuedLink) => ({
        fields: {
          csrf: formToken(customer({ tenantId: admin.tenantId }), formTargets.consentLink(hashLinkToken(link.token))),
        },
      }),
    ],
    [
      'with a token for another link',
      (admin: Customer) => ({
        fields: { csrf: formToken(admin, formTargets.consentLink(hashLinkToken('B'.repeat(43)))) },
      }),
    ],
    [
      'from another origin',
      (admin: Customer, link: IssuedLink, csrf: string) => ({
        fields: { csrf },
        headers: { origin: 'https://evil.example' },
      }),
    ],
    [
      'from a cross-site page that hides its origin',
      (admin: Customer, link: IssuedLink, csrf: string) => ({
        fields: { csrf },
        headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
      }),
    ],
    [
      'as JSON instead of a form',
      (admin: Customer, link: IssuedLink, csrf: string) => ({
        fields: { csrf },
        headers: { 'content-type': 'application/json' },
      }),
    ],
  ] as const)('%s', async (_name, forge) => {
    const { admin, link } = await pendingRequest();
    const csrf = csrfOf((await getPage(app, link.path, { as: admin })).html);
    const before = await stateOf(link, admin);
    const forged = (
      forge as (
        a: Customer,
        l: IssuedLink,
        c: string,
      ) => { fields?: Record<string, string>; headers?: Record<string, string> }
    )(admin, link, csrf);

    const posted = await postForm(
      app,
      link.path,
      { decision: 'accept', confirm: 'yes', ...forged.fields },
      { as: admin, headers: forged.headers },
    );

    expect(posted.status).toBe(403);
    expect(posted.text).toContain(refusalWords('en', 'forged-form').title);
    expect(posted.html).toContain(`href="${link.path}"`);
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('a post by someone not signed in goes to the sign-in and changes nothing', async () => {
    const { admin, link } = await pendingRequest();
    const before = await stateOf(link, admin);
    const posted = await postForm(app, link.path, { decision: 'accept', confirm: 'yes' });
    expect(posted.status).toBe(302);
    expect(posted.headers.get('location')).toContain('/.auth/login/aad');
    expect(await stateOf(link, admin)).toEqual(before);
  });
});

describe('a post over 256 KiB', () => {
  /** A valid accept, padded to exactly `size` bytes: only its size is wrong. */
  const paddedAccept = (csrf: string, size: number) => {
    const form = new URLSearchParams({ csrf, decision: 'accept', confirm: 'yes', pad: '' }).toString();
    return form + 'x'.repeat(size - form.length);
  };

  it.each([
    ['en', en],
    ['de', de],
  ] as const)('is answered 413 with a page in the reader’s language (%s) and changes nothing', async (lang, t) => {
    const { admin, link } = await pendingRequest();
    const csrf = csrfOf((await getPage(app, link.path, { as: admin })).html);
    const before = await stateOf(link, admin);

    const response = await fetch(`${app.url}${link.path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: config().publicBaseUrl,
        'accept-language': lang,
        'x-ms-client-principal': admin.header,
      },
      body: paddedAccept(csrf, 300_000),
      redirect: 'manual',
    });
    const html = await response.text();

    expect(response.status).toBe(413);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(t.serviceError['too-large'].title);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stateOf(link, admin)).toEqual(before);
  });
});

describe('escaping', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const ATTRIBUTE = '"><img src=x onerror=alert(1)>';

  it('partner name, customer name and message come out as text, never markup', async () => {
    const hostile = await registeredPartner(app, 'direct-csp', { displayName: `Evil ${SCRIPT}` });
    const admin = customer();
    const link = await issuedLink(app, hostile, {
      customer: { tenantId: admin.tenantId, displayName: `Victim ${ATTRIBUTE}` },
      message: `Click ${SCRIPT} ${ATTRIBUTE}`,
    });

    const page = await getPage(app, link.path, { as: admin });

    expect(page.status).toBe(200);
    expect(page.html).not.toContain(SCRIPT);
    expect(page.html).not.toContain('<img');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).toContain(en.consentTitle(`Evil ${SCRIPT}`));
    expect(page.text).toContain(`Victim ${ATTRIBUTE}`);
    expect(page.text).toContain(`Click ${SCRIPT} ${ATTRIBUTE}`);
  });
});

describe('GET /static/consent.css', () => {
  it('serves the stylesheet the pages link, cacheable for good (its URL carries its hash)', async () => {
    const { admin, link } = await pendingRequest();
    const page = await getPage(app, link.path, { as: admin });
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.html)![1]!;
    const css = await fetch(`${app.url}${href}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await css.text()).toContain(':focus-visible');
  });
});
