// The local host's sign-in stand-in (API.md "Local development host only"): a test identity becomes the principal.
import { randomUUID } from 'node:crypto';
import { parsePartnerPrincipal } from '../../../shared/auth/partnerPrincipal';
import { parseClientPrincipal } from '../../../shared/auth/principal';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { registeredFunctions } from '../../../shared/functionRegistry';
import { messagesFor } from '../../../shared/pages/messages';
import { DEFAULT_IDENTITY, SIGN_IN_COOKIE } from '../../../dev/signIn';
import { startAppHost, type AppHost } from '../../support/appHost';
import { customer } from '../../support/customerPages';
import { registeredPartner } from '../../support/partners';
import { startTestHost } from '../../support/localHost';
import { visibleText } from '../../unit/pages/html';

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

const TENANT = '0b4d1f6a-3c2e-4f5a-8b7c-9d0e1f2a3b4c';

/** Posts the stand-in's form as a browser does from its own page (same origin). */
async function signIn(fields: Record<string, string> | [string, string][], origin = app.url) {
  return fetch(`${app.url}/.auth/login/aad`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

function cookieOf(response: Response): string {
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('GET /.auth/login/aad', () => {
  it('shows a form to pick tenant, user name and Global Administrator, prefilled, returning to the page asked for', async () => {
    const response = await fetch(`${app.url}/.auth/login/aad?post_login_redirect_uri=/consent/abc`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(visibleText(html)).toContain('Sign in (local stand-in)');
    expect(html).toContain(`value="${DEFAULT_IDENTITY.tenantId}"`);
    expect(html).toContain('value="admin@contoso.onmicrosoft.com"');
    expect(html).toContain('<input type="hidden" name="post_login_redirect_uri" value="/consent/abc"/>');
    expect(html).toMatch(/<input id="globalAdmin-yes" name="globalAdmin" type="radio" value="yes" checked/);
  });
});

describe('POST /.auth/login/aad', () => {
  it('sets an HttpOnly, SameSite=Lax cookie and returns to the page; the host then adds the matching principal', async () => {
    const response = await signIn({
      tenantId: TENANT,
      userName: 'kim@woodgrove.onmicrosoft.com',
      globalAdmin: 'yes',
      post_login_redirect_uri: '/partners',
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/partners');
    expect(cookie).toContain(`${SIGN_IN_COOKIE}=`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const partners = await fetch(`${app.url}/partners`, {
      headers: { cookie: cookieOf(response) },
      redirect: 'manual',
    });
    expect(partners.status).toBe(200);
    expect(visibleText(await partners.text())).toContain(messagesFor('en').signedInAs('kim@woodgrove.onmicrosoft.com'));
  });

  it('an ordinary user gets no Global Administrator role', async () => {
    const response = await signIn({ tenantId: TENANT, userName: 'kim@woodgrove.example', globalAdmin: 'no' });
    const partners = await fetch(`${app.url}/partners`, {
      headers: { cookie: cookieOf(response) },
      redirect: 'manual',
    });
    expect(partners.status).toBe(403);
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', ''])(
    'never redirects off the site (%j): back to /partners instead',
    async (target) => {
      const response = await signIn({
        tenantId: TENANT,
        userName: 'a@b.example',
        globalAdmin: 'yes',
        post_login_redirect_uri: target,
      });
      expect(response.headers.get('location')).toBe('/partners');
    },
  );

  it('refuses a tenant id that is not a GUID with the form again (400) and no cookie', async () => {
    const response = await signIn({ tenantId: 'contoso', userName: 'a@b.example', globalAdmin: 'yes' });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(visibleText(await response.text())).toContain('The tenant ID must be a GUID');
  });
});

describe('GET /.auth/me and /.auth/logout', () => {
  it('/.auth/me is [] when signed out and lists the claims when signed in', async () => {
    const signedOut = await fetch(`${app.url}/.auth/me`);
    expect(await signedOut.json()).toEqual([]);

    const cookie = cookieOf(await signIn({ tenantId: TENANT, userName: 'kim@woodgrove.example', globalAdmin: 'yes' }));
    const me = (await (await fetch(`${app.url}/.auth/me`, { headers: { cookie } })).json()) as {
      provider_name: string;
      user_id: string;
      user_claims: { typ: string; val: string }[];
    }[];
    expect(me).toHaveLength(1);
    expect(me[0]).toMatchObject({ provider_name: 'aad', user_id: 'kim@woodgrove.example' });
    expect(me[0]!.user_claims).toEqual(
      expect.arrayContaining([
        { typ: 'http://schemas.microsoft.com/identity/claims/tenantid', val: TENANT },
        { typ: 'wids', val: '62e90394-69f5-4237-9190-012177145e10' },
      ]),
    );
  });

  it('/.auth/logout clears the cookie and returns to the page named, or to /', async () => {
    const named = await fetch(`${app.url}/.auth/logout?post_logout_redirect_uri=/consent/abc`, { redirect: 'manual' });
    const plain = await fetch(`${app.url}/.auth/logout`, { redirect: 'manual' });
    const offSite = await fetch(`${app.url}/.auth/logout?post_logout_redirect_uri=https://evil.example`, {
      redirect: 'manual',
    });
    expect(named.status).toBe(302);
    expect(named.headers.get('location')).toBe('/consent/abc');
    expect(named.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(plain.headers.get('location')).toBe('/');
    expect(offSite.headers.get('location')).toBe('/');
  });
});

describe('the principal the app sees', () => {
  it('the same user signing in again is the same user object (form tokens stay valid)', async () => {
    const fields = { tenantId: TENANT, userName: 'Kim@Woodgrove.example', globalAdmin: 'yes' };
    const [first, second] = [cookieOf(await signIn(fields)), cookieOf(await signIn(fields))];
    const idOf = async (cookie: string) => {
      const me = (await (await fetch(`${app.url}/.auth/me`, { headers: { cookie } })).json()) as {
        user_claims: { typ: string; val: string }[];
      }[];
      return me[0]!.user_claims.find((claim) => claim.typ.endsWith('objectidentifier'))!.val;
    };
    expect(await idOf(first)).toBe(await idOf(second));
    expect(await idOf(first)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('a principal header the client sends itself passes through, whatever the cookie says', async () => {
    const cookie = cookieOf(await signIn({ tenantId: TENANT, userName: 'admin@x.example', globalAdmin: 'yes' }));
    const ordinary = customer({ globalAdmin: false, userPrincipalName: 'own@header.example' });
    const partners = await fetch(`${app.url}/partners`, {
      headers: { cookie, 'x-ms-client-principal': ordinary.header },
      redirect: 'manual',
    });
    expect(partners.status).toBe(403);
    expect(visibleText(await partners.text())).toContain('own@header.example');
    expect(parseClientPrincipal(ordinary.header)?.roles).toEqual([]);
  });
});

describe("a partner's person or daemon (Identities)", () => {
  /** The principal the host adds for a signed-in cookie, as /.auth/me shows its claims. */
  async function principalFor(cookie: string): Promise<string> {
    const me = (await (await fetch(`${app.url}/.auth/me`, { headers: { cookie } })).json()) as {
      user_claims: { typ: string; val: string }[];
    }[];
    const body = { auth_typ: 'aad', claims: me[0]!.user_claims };
    return Buffer.from(JSON.stringify(body)).toString('base64');
  }

  it('Identities: the form offers a person or an application, and the two app roles, prefilled as none', async () => {
    const html = await (await fetch(`${app.url}/.auth/login/aad`)).text();
    expect(html).toMatch(/<input id="kind-user" name="kind" type="radio" value="user" checked/);
    expect(html).toContain('<input id="kind-application" name="kind" type="radio" value="application"/>');
    for (const role of [PARTNER_APP_ROLES.manage, PARTNER_APP_ROLES.read]) {
      expect(html).toContain(`<input id="appRole-${role}" name="appRole" type="checkbox" value="${role}"/>`);
    }
  });

  it("Identities: a developer picks a partner's daemon with Consent.Manage, and it issues a request with no key", async () => {
    const tenantId = randomUUID();
    const partner = await registeredPartner(app, 'direct-csp', { tenantId });
    const cookie = cookieOf(
      await signIn([
        ['tenantId', tenantId],
        ['userName', 'provisioning-daemon'],
        ['kind', 'application'],
        ['appRole', PARTNER_APP_ROLES.manage],
      ]),
    );
    const principal = parsePartnerPrincipal(await principalFor(cookie));
    const issued = await fetch(`${app.url}/api/consent-requests`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { tenantId: randomUUID() }, sendEmail: false }),
    });
    const body = (await issued.json()) as { id: string; partner: { id: string } };
    const events = await app.call('GET', `/api/consent-requests/${body.id}/events`, { key: partner.key });

    expect(principal).toMatchObject({ tenantId, via: 'application', appRoles: [PARTNER_APP_ROLES.manage] });
    expect(issued.status).toBe(201);
    expect(body.partner.id).toBe(partner.id);
    expect(events.body[0].actor).toEqual({
      kind: 'partner',
      id: partner.id,
      via: 'application',
      objectId: principal!.objectId,
    });
  });

  it('Identities: a person with Consent.Read reads, and is refused with 403 where it would change something', async () => {
    const tenantId = randomUUID();
    await registeredPartner(app, 'direct-csp', { tenantId });
    const cookie = cookieOf(
      await signIn([
        ['tenantId', tenantId],
        ['userName', 'kim@fabrikam.example'],
        ['globalAdmin', 'no'],
        ['appRole', PARTNER_APP_ROLES.read],
      ]),
    );
    const list = await fetch(`${app.url}/api/consent-requests`, { headers: { cookie } });
    const rotate = await fetch(`${app.url}/api/consent-link/rotate`, { method: 'POST', headers: { cookie } });
    expect(parsePartnerPrincipal(await principalFor(cookie))).toMatchObject({
      via: 'user',
      appRoles: ['Consent.Read'],
    });
    expect([list.status, rotate.status]).toEqual([200, 403]);
  });

  it('Identities: a cookie from before partner identities still signs in, as a person with no app role', async () => {
    const old = { tenantId: TENANT, userName: 'kim@woodgrove.example', globalAdministrator: true };
    const cookie = `${SIGN_IN_COOKIE}=${Buffer.from(JSON.stringify(old)).toString('base64url')}`;
    const principal = parsePartnerPrincipal(await principalFor(cookie));
    expect(principal).toMatchObject({ tenantId: TENANT, via: 'user', appRoles: [] });
    expect(parseClientPrincipal(await principalFor(cookie))?.roles).toEqual([GLOBAL_ADMINISTRATOR_ROLE_ID]);
  });
});

describe('never part of the app', () => {
  it('no registered function answers /.auth: a host without the stand-in has no sign-in', async () => {
    expect(registeredFunctions().filter((f) => f.trigger === 'http' && f.route.startsWith('.auth'))).toEqual([]);
    const bare = await startTestHost(registeredFunctions());
    try {
      expect((await fetch(`${bare.url}/.auth/login/aad`)).status).toBe(404);
      expect((await fetch(`${bare.url}/.auth/me`)).status).toBe(404);
    } finally {
      await bare.stop();
    }
  });
});

describe('the stand-in holds up to what a browser can be made to send', () => {
  it('login CSRF: a post from another site signs nobody in', async () => {
    const fields = { tenantId: TENANT, userName: 'mallory@evil.example', globalAdmin: 'yes' };
    const response = await signIn(fields, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['the sign-in page', '/.auth/login/aad?post_login_redirect_uri=/%E0%A4%A', 200],
    ['sign-out', '/.auth/logout?post_logout_redirect_uri=/%C3%28', 302],
    ['an outbox email', '/dev/outbox/%E0%A4%A', 404],
  ])('bad percent-encoding in %s is answered, never a 500', async (_, path, status) => {
    const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(status);
  });

  it('a return path with bad percent-encoding still lands on this site after signing in', async () => {
    const response = await fetch(`${app.url}/.auth/login/aad`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
      body: `tenantId=${TENANT}&userName=kim%40woodgrove.example&post_login_redirect_uri=/%E0%A4%A`,
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/%EF%BF%BD/);
  });

  it.each([
    ['/portal/requests?page=abc%2Bdef', '/portal/requests?page=abc%2Bdef'],
    ['/consent/abc%2Fdef?x=%C3%BC', '/consent/abc%2Fdef?x=%C3%BC'],
    ['/partners?x=ü', '/partners?x=%C3%BC'],
    ['/partners?x=100%', '/partners?x=100%25'],
    ['/partners?x=%zz%41', '/partners?x=%25zz%41'],
  ])('a return path %s comes back as %s: valid escapes kept, only what needs it encoded', async (sent, location) => {
    const signedIn = await signIn({
      tenantId: TENANT,
      userName: 'kim@woodgrove.example',
      post_login_redirect_uri: sent,
    });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get('location')).toBe(location);

    const form = await fetch(`${app.url}/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(sent)}`);
    expect(await form.text()).toContain(`name="post_login_redirect_uri" value="${location}"`);
  });
});
