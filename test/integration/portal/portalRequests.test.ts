// The partner portal's session, overview and consent request pages through the local host (API.md, "Partner portal"):
// partner people sign in with app roles, see only their own requests, issue with field errors, see the link once.
import { randomUUID } from 'node:crypto';
import { config } from '../../../shared/config';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { PAGE_HEADERS } from '../../../shared/pages';
import { portalMessagesFor } from '../../../shared/portal/messages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, getPage, issuedLink, postForm, type PageAnswer } from '../../support/customerPages';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';

const { manage: MANAGE, read: READ } = PARTNER_APP_ROLES;
const INTUNE_ADMINISTRATOR = '3a2c62db-5318-420d-8d74-23affee5d9d5';
const en = portalMessagesFor('en');
const de = portalMessagesFor('de');

let app: AppHost;
let csp: TestPartner;
let other: TestPartner;
const cspTenant = randomUUID();
let manager: TestPrincipal;
let reader: TestPrincipal;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp', { tenantId: cspTenant, displayName: 'Fabrikam <Devices>' });
  other = await registeredPartner(app, 'direct-csp', { displayName: 'Northwind Traders' });
  manager = partnerPrincipal(cspTenant, { appRoles: [MANAGE] });
  reader = partnerPrincipal(cspTenant, { appRoles: [READ] });
});
afterAll(async () => {
  await app.stop();
});

function get(path: string, as?: TestPrincipal, headers: Record<string, string> = {}): Promise<PageAnswer> {
  return getPage(app, path, { headers: { ...as?.headers, ...headers } });
}

function post(
  path: string,
  fields: Record<string, string | string[] | undefined>,
  as: TestPrincipal,
  headers: Record<string, string> = {},
): Promise<PageAnswer> {
  return postFormMulti(path, fields, { ...as.headers, ...headers });
}

/** A form post as our page would send it, with repeated fields (the role checkboxes). */
async function postFormMulti(
  path: string,
  fields: Record<string, string | string[] | undefined>,
  headers: Record<string, string>,
) {
  const single = Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const repeated = Object.entries(fields).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));
  if (repeated.length === 0) return postForm(app, path, single, { headers });
  const body = new URLSearchParams(single);
  for (const [name, values] of repeated) for (const value of values) body.append(name, value);
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config().publicBaseUrl, ...headers },
    body,
    redirect: 'manual',
  });
  const html = await response.text();
  return { status: response.status, headers: response.headers, html, text: html };
}

/** The cookies a response set, as a browser would send them back. */
function cookiesOf(answer: PageAnswer): string {
  return answer.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

async function apiRequest(partner: TestPartner, body: Record<string, unknown> = {}) {
  return issuedLink(app, partner, { customer: { tenantId: randomUUID(), displayName: 'Woodgrove Bank' }, ...body });
}

describe('signing in to the portal', () => {
  it('Portal: someone not signed in is sent to sign in and back to the page asked for', async () => {
    const page = await get('/portal/requests?status=pending');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(
      '/.auth/login/aad?post_login_redirect_uri=/portal/requests%3Fstatus%3Dpending',
    );
  });

  it('Portal: a user of a tenant that is no partner gets a 403 page saying what to ask for', async () => {
    const stranger = partnerPrincipal(randomUUID(), { appRoles: [MANAGE] });
    const page = await get('/portal', stranger);
    expect(page.status).toBe(403);
    expect(page.text).toContain(en.refusalTitle['not-a-partner']);
    expect(page.text).toContain(en.notAPartnerTodo);
  });

  it("Portal: a partner's user without an app role gets a 403 page naming the roles and where they are assigned", async () => {
    const page = await get('/portal', partnerPrincipal(cspTenant));
    expect(page.status).toBe(403);
    expect(page.text).toContain(en.missingRole('Consent.Read'));
    expect(page.text).toContain(en.missingRoleTodo('Consent.Read'));
  });

  it('Portal: several partners in one tenant → a choice page; the pick is remembered in a signed HttpOnly cookie', async () => {
    const shared = randomUUID();
    const first = await registeredPartner(app, 'direct-csp', { tenantId: shared, displayName: 'Contoso East' });
    await registeredPartner(app, 'oem', { tenantId: shared, displayName: 'Contoso Devices' });
    const kim = partnerPrincipal(shared, { appRoles: [MANAGE] });

    const choice = await get('/portal/requests', kim);
    expect(choice.status).toBe(200);
    expect(choice.text).toContain(en.chooseIntro);
    expect(choice.html).toContain(`/portal/requests?partner=${first.id}`);

    const picked = await get(`/portal/requests?partner=${first.id}`, kim);
    expect(picked.status).toBe(303);
    expect(picked.headers.get('location')).toBe('/portal/requests');
    expect(picked.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(picked.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);

    const list = await get('/portal/requests', kim, { cookie: cookiesOf(picked) });
    expect(list.status).toBe(200);
    expect(list.text).toContain(en.actingAs('Contoso East'));
    // Someone else's browser cannot use the cookie: it is bound to the person who chose.
    const someoneElse = partnerPrincipal(shared, { appRoles: [MANAGE] });
    const again = await get('/portal/requests', someoneElse, { cookie: cookiesOf(picked) });
    expect(again.text).toContain(en.chooseIntro);
  });
});

describe('the overview, the list and one request', () => {
  it('Portal: the overview counts requests by status, shows recent ones and where to go next, with the page headers', async () => {
    const issued = await apiRequest(csp);
    const page = await get('/portal', manager);
    expect(page.status).toBe(200);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(page.headers.get(name)).toBe(value);
    expect(page.text).toContain(en.byStatusHeading);
    expect(page.text).toContain(en.nextIssue);
    expect(page.html).toContain(`/portal/requests/${issued.consentId}`);
    // Supplied strings are escaped.
    expect(page.html).toContain('Fabrikam &lt;Devices&gt;');
    expect(page.html).not.toContain('Fabrikam <Devices>');
  });

  it('Portal: the overview speaks German to a German browser', async () => {
    const page = await get('/portal', manager, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(page.html).toContain('<html lang="de">');
    expect(page.text).toContain(de.byStatusHeading);
  });

  it('Portal: the list filters by status and tenant and pages with sealed tokens', async () => {
    const tenant = randomUUID();
    const pager = await registeredPartner(app, 'direct-csp', { tenantId: randomUUID() });
    const pagerUser = partnerPrincipal((await live.partners.findPartner(pager.id))!.value.tenantId, {
      appRoles: [READ],
    });
    const ids: string[] = [];
    for (let index = 0; index < 26; index += 1) {
      ids.push((await issuedLink(app, pager, { customer: { tenantId: tenant } })).consentId);
    }
    await app.call('POST', `/api/consent-requests/${ids[0]!}/cancel`, { key: pager.key });

    const first = await get(`/portal/requests?tenantId=${tenant.toUpperCase()}`, pagerUser);
    expect(first.status).toBe(200);
    const next = /href="([^"]*page=[^"]*)"/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    expect(first.html).toContain(ids[25]!); // newest first
    const second = await get(next!, pagerUser);
    expect(second.html).toContain(ids[0]!);
    expect(second.html).not.toContain(ids[25]!);

    const cancelled = await get('/portal/requests?status=cancelled', pagerUser);
    expect(cancelled.html).toContain(ids[0]!);
    expect(cancelled.html).not.toContain(ids[1]!);

    const wrongTenant = await get('/portal/requests?tenantId=contoso', pagerUser);
    expect(wrongTenant.text).toContain(en.tenantFilterInvalid);
    expect(wrongTenant.html).toContain('value="contoso"');

    // A token of another partner's list starts again, saying so.
    const foreign = await get(`${next!.replace(/tenantId=[^&]*/, '')}`, manager);
    expect(foreign.status).toBe(200);
    expect(foreign.text).toContain(en.pageTokenInvalid);
  });

  it("Portal: a request's page shows its status, delegated admin, email status and audit trail; another partner's is a 404 page", async () => {
    const issued = await apiRequest(csp, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 180 } });
    const page = await get(`/portal/requests/${issued.consentId}`, manager);
    expect(page.status).toBe(200);
    expect(page.text).toContain(en.status.pending);
    expect(page.text).toContain('Intune Administrator');
    expect(page.text).toContain(en.adminDuration(180));
    expect(page.text).toContain(en.emailStatus('not-requested'));
    expect(page.text).toContain(en.event['consent.issued']);
    expect(page.text).toContain(en.actor('partner', 'api-key'));
    // The link is never shown on a plain visit: it is not stored.
    expect(page.html).not.toContain(issued.token);

    const foreign = await apiRequest(other);
    const notOurs = await get(`/portal/requests/${foreign.consentId}`, manager);
    expect(notOurs.status).toBe(404);
    expect(notOurs.text).toContain(en.notFoundTitle);
  });
});

describe('issuing from the form', () => {
  it('Portal: field errors appear beside their fields with the values kept, and nothing is created', async () => {
    const form = await get('/portal/requests/new', manager);
    expect(form.status).toBe(200);
    expect(form.text).toContain(en.adminGuidance);
    expect(form.text).toContain(en.globalAdminMark);
    const before = await app.call('GET', '/api/consent-requests', { key: csp.key });

    const answer = await post(
      '/portal/requests',
      {
        csrf: csrfOf(form.html),
        displayName: 'Woodgrove <Bank>',
        tenantId: 'not-a-tenant',
        locale: 'de',
        sendEmail: 'yes',
        delegatedAdmin: 'yes',
        roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
        durationDays: '90',
        autoExtend: 'yes',
        expiresInDays: '30',
      },
      manager,
    );
    expect(answer.status).toBe(422);
    expect(answer.html).toContain(en.formErrors);
    expect(answer.html).toMatch(/id="tenantId-error"/);
    expect(answer.html).toContain('value="Woodgrove &lt;Bank&gt;"');
    expect(answer.html).toContain('value="not-a-tenant"');
    expect(answer.html).toContain('<option value="de" selected="">');
    const after = await app.call('GET', '/api/consent-requests', { key: csp.key });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('Portal: the domain rules come back beside their fields too (contact email needed, Global Administrator cannot auto-extend)', async () => {
    const form = await get('/portal/requests/new', manager);
    const answer = await post(
      '/portal/requests',
      {
        csrf: csrfOf(form.html),
        locale: 'en',
        sendEmail: 'yes',
        delegatedAdmin: 'yes',
        roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
        durationDays: '90',
        autoExtend: 'yes',
        expiresInDays: '30',
      },
      manager,
    );
    expect(answer.status).toBe(422);
    expect(answer.html).toMatch(/id="contactEmail-error"/);
    expect(answer.html).toMatch(/id="autoExtend-error"[^>]*>[^<]*Global Administrator/);
  });

  it('Portal: a valid post issues the request with delegated admin roles; its page shows the link once, never in a URL', async () => {
    const form = await get('/portal/requests/new', manager);
    const tenant = randomUUID();
    const answer = await post(
      '/portal/requests',
      {
        csrf: csrfOf(form.html),
        tenantId: tenant,
        displayName: 'Woodgrove Bank',
        locale: 'en',
        delegatedAdmin: 'yes',
        roles: [INTUNE_ADMINISTRATOR],
        durationDays: '180',
        expiresInDays: '14',
      },
      manager,
    );
    expect(answer.status).toBe(303);
    const location = answer.headers.get('location')!;
    const consentId = /\/portal\/requests\/([^?]+)/.exec(location)![1]!;
    expect(location).not.toMatch(/consent\//);
    const stored = (await live.consents.findConsent(csp.id, consentId))!.value;
    expect(stored).toMatchObject({
      status: 'pending',
      customer: { tenantId: tenant, displayName: 'Woodgrove Bank' },
      delegatedAdmin: { roles: [expect.objectContaining({ id: INTUNE_ADMINISTRATOR })], durationDays: 180 },
      email: { status: 'not-requested' },
    });
    const events = await live.events.listEvents(consentId);
    expect(events[0]!.actor).toEqual({ kind: 'partner', id: csp.id, via: 'user', objectId: manager.objectId });

    const page = await get(location, manager, { cookie: cookiesOf(answer) });
    expect(page.text).toContain(en.linkOnceTitle);
    const link = /id="consent-link" readonly="" value="([^"]+)"/.exec(page.html)?.[1];
    expect(link).toMatch(new RegExp(`^${config().publicBaseUrl}/consent/`));
    expect(page.html).toContain(en.emailTextLabel);
    expect(page.headers.getSetCookie().join()).toMatch(/Max-Age=0/);

    // The grant is bound to the person who issued: a colleague given the same cookie never sees the link.
    const colleague = await get(location, reader, { cookie: cookiesOf(answer) });
    expect(colleague.html).not.toContain(link!);
    const plain = await get(location, manager);
    expect(plain.html).not.toContain(link!);
  });

  it('Portal: a post without a valid form token, or from another origin, is refused with 403 and creates nothing', async () => {
    const form = await get('/portal/requests/new', manager);
    const before = await app.call('GET', '/api/consent-requests', { key: csp.key });
    const fields = { locale: 'en', tenantId: randomUUID(), expiresInDays: '30' };
    const noToken = await post('/portal/requests', fields, manager);
    const otherOrigin = await post('/portal/requests', { ...fields, csrf: csrfOf(form.html) }, manager, {
      origin: 'https://evil.example',
    });
    const otherUser = await post(
      '/portal/requests',
      { ...fields, csrf: csrfOf(form.html) },
      partnerPrincipal(cspTenant, { appRoles: [MANAGE] }),
    );
    expect([noToken.status, otherOrigin.status, otherUser.status]).toEqual([403, 403, 403]);
    expect(noToken.text).toContain(en.forgedTitle);
    const after = await app.call('GET', '/api/consent-requests', { key: csp.key });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('Portal: an OEM sees no delegated-admin choice; an indirect provider is told it cannot issue', async () => {
    const oem = await registeredPartner(app, 'oem', { tenantId: randomUUID() });
    const oemTenant = (await live.partners.findPartner(oem.id))!.value.tenantId;
    const oemForm = await get('/portal/requests/new', partnerPrincipal(oemTenant, { appRoles: [MANAGE] }));
    expect(oemForm.status).toBe(200);
    expect(oemForm.text).toContain(en.oemNoAdmin);
    expect(oemForm.html).not.toContain('name="roles"');

    const provider = await registeredPartner(app, 'indirect-provider', { tenantId: randomUUID() });
    const providerTenant = (await live.partners.findPartner(provider.id))!.value.tenantId;
    const providerForm = await get('/portal/requests/new', partnerPrincipal(providerTenant, { appRoles: [MANAGE] }));
    expect(providerForm.status).toBe(403);
    expect(providerForm.text).toContain(en.providerNote);
    expect(providerForm.html).not.toContain('<form method="post"');
  });
});

describe('resend, cancel and read-only users', () => {
  it('Portal: Cancel withdraws a pending request and comes back to its page; Resend shows the new link once', async () => {
    const issued = await apiRequest(csp);
    const page = await get(`/portal/requests/${issued.consentId}`, manager);
    const tokens = [...page.html.matchAll(/name="csrf" value="([^"]+)"/g)].map((match) => match[1]!);
    expect(tokens).toHaveLength(2);

    const resent = await post(`/portal/requests/${issued.consentId}/resend`, { csrf: tokens[0] }, manager);
    expect(resent.status).toBe(303);
    const shown = await get(resent.headers.get('location')!, manager, { cookie: cookiesOf(resent) });
    expect(shown.text).toContain(en.resentNotice);
    expect(shown.text).toContain(en.linkOnceTitle);
    expect(shown.html).not.toContain(issued.token);
    expect((await get(issued.path)).status).not.toBe(200);

    const cancelled = await post(`/portal/requests/${issued.consentId}/cancel`, { csrf: tokens[1] }, manager);
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(`/portal/requests/${issued.consentId}?done=cancelled`);
    const after = await get(cancelled.headers.get('location')!, manager);
    expect(after.text).toContain(en.cancelledNotice);
    expect(after.text).toContain(en.status.cancelled);
    expect(after.html).not.toContain('<form method="post"');
    expect((await live.consents.findConsent(csp.id, issued.consentId))!.value.status).toBe('cancelled');
  });

  it('Portal: a Consent.Read user sees no controls that change anything, and their posts are refused with 403', async () => {
    const issued = await apiRequest(csp);
    const page = await get(`/portal/requests/${issued.consentId}`, reader);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<form method="post"');
    expect(page.text).toContain(en.readOnlyNote);
    const overview = await get('/portal', reader);
    expect(overview.html).not.toContain('/portal/requests/new');

    const managerPage = await get(`/portal/requests/${issued.consentId}`, manager);
    const token = csrfOf(managerPage.html);
    const refused = await post(`/portal/requests/${issued.consentId}/cancel`, { csrf: token }, reader);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Consent.Manage');
    expect((await get('/portal/requests/new', reader)).status).toBe(403);
    expect((await live.consents.findConsent(csp.id, issued.consentId))!.value.status).toBe('pending');
  });

  it("Portal: cancelling another partner's request is a 404 page and changes nothing", async () => {
    const foreign = await apiRequest(other);
    const page = await get('/portal/requests/new', manager);
    const answer = await post(`/portal/requests/${foreign.consentId}/cancel`, { csrf: csrfOf(page.html) }, manager);
    expect(answer.status).toBe(403); // a token for another form is no token for this one
    const { portalFormToken } = await import('../../../shared/portal/forms');
    const { parsePartnerPrincipal } = await import('../../../shared/auth/partnerPrincipal');
    const principal = parsePartnerPrincipal(manager.headers['x-ms-client-principal'])!;
    const csrf = portalFormToken(principal, csp.id, `/portal/requests/${foreign.consentId}/cancel`);
    const withToken = await post(`/portal/requests/${foreign.consentId}/cancel`, { csrf }, manager);
    expect(withToken.status).toBe(404);
    expect(withToken.text).toContain(en.notFoundTitle);
    expect((await live.consents.findConsent(other.id, foreign.consentId))!.value.status).toBe('pending');
  });
});
