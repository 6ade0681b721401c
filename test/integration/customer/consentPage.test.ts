// GET and POST /consent/{token} through the local host, as API.md "Customer pages" describes them (R5–R10, R12, R16).
import { issueCsrfToken } from '../../../shared/auth/csrf';
import { hashLinkToken } from '../../../shared/auth/linkTokens';
import { config } from '../../../shared/config';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { issueConsentRequest } from '../../../shared/consent/partnerRequests';
import { formTargets, formToken } from '../../../shared/customer/forms';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { startAppHost, type AppHost } from '../../support/appHost';
import {
  csrfOf,
  customer,
  getPage,
  issuedLink,
  postForm,
  storedState,
  type Customer,
  type IssuedLink,
} from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';

const INTUNE_ADMINISTRATOR = '3a2c62db-5318-420d-8d74-23affee5d9d5';
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

    expect(page.status).toBe(200);
    expect(page.text).toContain('Authorize Fabrikam Devices to register Windows Autopilot devices?');
    expect(page.text).toContain('Microsoft partner ID 4711001');
    expect(page.text).toContain('Verified domain contoso.example');
    expect(page.text).toContain('Requested for Woodgrove Bank');
    expect(page.text).toContain('automatically, through the Microsoft Partner Center API');
    expect(page.text).toContain('Intune Administrator');
    expect(page.text).toContain('For 180 days from your acceptance. The roles end automatically');
    expect(page.text).toContain('Warning: this request includes Global Administrator');
    expect(page.text).toContain('Message from Fabrikam Devices Hello from Fabrikam');
    expect(page.text).toMatch(/This link expires on \w+ \d+, \d{4}/);
    expect(page.text).toContain('Yes, I authorize Fabrikam Devices for my organization as described above.');
    expect(page.html).toContain('<button type="submit" class="primary" name="decision" value="accept">Accept</button>');
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

  it('R5: a request without delegated admin says plainly that no roles are requested', async () => {
    const { admin, link } = await pendingRequest({ delegatedAdmin: undefined });
    const page = await getPage(app, link.path, { as: admin });
    expect(page.text).toContain('No administrator roles are requested.');
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
      'Litware Distribution, the indirect provider Northwind Resale works with, is authorized at the same time',
    );
    expect(page.text).toContain('by uploading a device list (CSV file) in Microsoft Partner Center');
  });

  it('serves the page in German for a request made in German, whatever the browser asks for', async () => {
    const admin = customer();
    const link = await issuedLink(app, csp, {
      customer: { tenantId: admin.tenantId, locale: 'de' },
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] },
    });
    const page = await getPage(app, link.path, { as: admin, headers: { 'accept-language': 'en-US' } });
    expect(page.html.startsWith('<!DOCTYPE html><html lang="de">')).toBe(true);
    expect(page.text).toContain('Fabrikam Devices zur Registrierung von Windows Autopilot-Geräten autorisieren?');
    expect(page.text).toContain('Administratorrollen');
    expect(page.html).toContain('Akzeptieren');
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
      expect(page.text).toContain('This link is not valid');
    }
  });

  it('410: a withdrawn request', async () => {
    const { admin, link } = await pendingRequest();
    await app.call('POST', `/api/consent-requests/${link.consentId}/cancel`, { key: csp.key });
    const page = await getPage(app, link.path, { as: admin });
    expect(page.status).toBe(410);
    expect(page.text).toContain('The partner withdrew this request.');
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
    expect(old.text).toContain('Use the link from the most recent email.');
    expect(posted.status).toBe(410);
    expect(await stateOf(link, admin)).toEqual(before);
    const fresh = await getPage(app, new URL(resent.body.consentUrl as string).pathname, { as: admin });
    expect(fresh.status).toBe(200);
  });

  it('410: an expired request', async () => {
    const admin = customer();
    const partner = (await live.partners.findPartner(csp.id))!.value;
    const twoDaysAgo = { ...live, now: () => new Date(Date.now() - 2 * 86_400_000) };
    const issued = await issueConsentRequest(twoDaysAgo, partner, {
      customer: { tenantId: admin.tenantId, locale: 'en' },
      expiresInDays: 1,
      sendEmail: false,
    });
    const page = await getPage(app, new URL(issued.consentUrl).pathname, { as: admin });
    expect(page.status).toBe(410);
    expect(page.text).toContain('The request expired before it was answered.');
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

    expect(page.status).toBe(403);
    expect(page.text).toContain('Only a Global Administrator can do this');
    expect(page.text).toContain('You are signed in as kim@woodgrove.example');
    expect(page.text).toContain('Forward this link to a Global Administrator of your organization');
    expect(page.html).toContain(`href="/.auth/logout?post_logout_redirect_uri=/consent/${link.token}"`);
    expect(posted.status).toBe(403);
    expect(posted.text).toContain('Only a Global Administrator can do this');
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
    expect(page.text).toContain('This request is for another organization');
    expect(posted.status).toBe(403);
    expect(await stateOf(link, admin)).toEqual(before);
  });

  it('a user whose UPN domain does not match the requested domain is refused', async () => {
    const admin = customer({ userPrincipalName: 'admin@fourthcoffee.example' });
    const link = await issuedLink(app, csp, { customer: { domain: 'woodgrove.example' } });
    const before = await stateOf(link, admin);

    const page = await getPage(app, link.path, { as: admin });

    expect(page.status).toBe(403);
    expect(page.text).toContain('Your account is not in the requested domain');
    expect(page.text).toContain(
      'This request was made for woodgrove.example, but you are signed in as admin@fourthcoffee.example.',
    );
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

    expect(page.status).toBe(403);
    expect(page.text).toContain('Sign in with your onmicrosoft.com account');
    expect(page.text).toContain('You are signed in as admin@contoso.com.');
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
    expect(outcome.status).toBe(200);
    expect(outcome.text).toContain('You accepted the request');
    expect(outcome.text).toContain('Fabrikam Devices can now register Windows Autopilot devices for your organization');
    expect(outcome.text).toMatch(/These administrator roles are active until .+ Intune Administrator/);
    const { consent, authorizations, events } = await stateOf(link, admin);
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
    expect(page.text).toContain('This request was already answered');
    expect(page.text).toContain('It was accepted on');
    expect(page.text).toContain('Answered by admin@contoso.onmicrosoft.com.');
    expect(page.text).toContain('Nothing was changed now.');
    expect((await stateOf(link, admin)).consent).toEqual(after.consent);
    expect((await stateOf(link, admin)).events).toHaveLength(2);
  });

  it('R7: Accept without Yes shows the form again (422) with the reason, and nothing changes', async () => {
    const { admin, link } = await pendingRequest();
    const before = await stateOf(link, admin);

    const posted = await accept(link, admin, { confirm: undefined });

    expect(posted.status).toBe(422);
    expect(posted.text).toContain('To accept, tick Yes first. Nothing was changed.');
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

    expect(posted.status).toBe(303);
    expect(outcome.text).toContain('You declined the request');
    expect(outcome.text).toContain('Fabrikam Devices has not been authorized.');
    expect(later.text).toContain('It was declined on');
    const { consent, authorizations } = await stateOf(link, admin);
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
    expect(posted.text).toContain('Your answer could not be accepted');
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
    expect(page.text).toContain(`Authorize Evil ${SCRIPT} to register`);
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
