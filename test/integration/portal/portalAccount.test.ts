// The partner portal's customer list and the OEM's standing link through the local host (API.md, "Partner portal").
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { messagesFor } from '../../../shared/pages/messages';
import { portalMessagesFor } from '../../../shared/portal/messages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, customer, getPage, issuedLink, postForm } from '../../support/customerPages';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';

const { manage: MANAGE, read: READ } = PARTNER_APP_ROLES;
const en = portalMessagesFor('en');
let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

async function userOf(partner: TestPartner, roles: (typeof MANAGE | typeof READ)[]): Promise<TestPrincipal> {
  const { tenantId } = (await live.partners.findPartner(partner.id))!.value;
  return partnerPrincipal(tenantId, { appRoles: roles });
}

function get(path: string, as: TestPrincipal) {
  return getPage(app, path, { headers: as.headers });
}

function post(path: string, fields: Record<string, string>, as: TestPrincipal, headers: Record<string, string> = {}) {
  return postForm(app, path, fields, { headers: { ...as.headers, ...headers } });
}

/** A customer's Global Administrator accepts a link, as on the consent page. */
async function accept(path: string, tenantId = randomUUID()) {
  const admin = customer({ tenantId });
  const page = await getPage(app, path, { as: admin });
  const answer = await postForm(
    app,
    path,
    { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' },
    { as: admin },
  );
  if (answer.status !== 303) throw new Error(`not accepted: ${answer.status}`);
  return admin;
}

describe('the customer list', () => {
  it('Portal: a customer appears in the list once it accepts, with basis, channels and a way to its request', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    const reader = await userOf(csp, [READ]);
    const empty = await get('/portal/customers', reader);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain(en.customersEmpty);

    const tenantId = randomUUID();
    const link = await issuedLink(app, csp, { customer: { tenantId, displayName: 'Woodgrove <Bank>' } });
    await accept(link.path, tenantId);
    const list = await get('/portal/customers', reader);
    expect(list.text).toContain('Woodgrove <Bank>');
    expect(list.html).toContain('Woodgrove &lt;Bank&gt;');
    expect(list.text).toContain(tenantId);
    expect(list.text).toContain(en.basis.direct);
    expect(list.text).toContain(messagesFor('en').channel['partner-center-api']);
    expect(list.html).toContain(`/portal/requests/${link.consentId}`);
  });

  it("Portal: another partner's customers never show", async () => {
    const mine = await registeredPartner(app, 'direct-csp');
    const theirs = await registeredPartner(app, 'direct-csp');
    const tenantId = randomUUID();
    await accept((await issuedLink(app, theirs, { customer: { tenantId } })).path, tenantId);
    const list = await get('/portal/customers', await userOf(mine, [MANAGE]));
    expect(list.text).not.toContain(tenantId);
  });
});

describe('the receipt once decided', () => {
  it("Portal: an accepted request's page offers the signed receipt, which downloads with the reader's own sign-in", async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    const reader = await userOf(csp, [READ]);
    const tenantId = randomUUID();
    const link = await issuedLink(app, csp, { customer: { tenantId } });
    const pending = await get(`/portal/requests/${link.consentId}`, reader);
    expect(pending.text).not.toContain(en.downloadReceipt);

    await accept(link.path, tenantId);
    const page = await get(`/portal/requests/${link.consentId}`, reader);
    expect(page.text).toContain(en.status.accepted);
    expect(page.text).toContain(en.downloadReceipt);
    const href = new RegExp(`href="([^"]+)" download="">${en.downloadReceipt}`).exec(page.html)![1]!;
    const receipt = await fetch(`${app.url}${href}`, {
      headers: { ...reader.headers, 'sec-fetch-site': 'same-origin' },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/^application\/jose/);
    expect((await receipt.text()).split('.')).toHaveLength(3);
  });
});

describe("the OEM's standing link", () => {
  it('Portal: an OEM sees its standing link with an email text; Replace makes a new one and the old stops working', async () => {
    const oem = await registeredPartner(app, 'oem');
    const manager = await userOf(oem, [MANAGE]);
    const page = await get('/portal/link', manager);
    expect(page.status).toBe(200);
    const url = /id="standing-link" readonly="" value="([^"]+)"/.exec(page.html)![1]!;
    expect(page.html).toContain(en.emailTextLabel);
    const api = await app.call('GET', '/api/consent-link', { key: oem.key });
    expect(api.body.url).toBe(url);

    const refused = await post('/portal/link/rotate', {}, manager);
    expect(refused.status).toBe(403);
    expect((await app.call('GET', '/api/consent-link', { key: oem.key })).body.url).toBe(url);

    const rotated = await post('/portal/link/rotate', { csrf: csrfOf(page.html) }, manager);
    expect(rotated.status).toBe(303);
    expect(rotated.headers.get('location')).toBe('/portal/link?done=rotated');
    const after = await get(rotated.headers.get('location')!, manager);
    expect(after.text).toContain(en.rotatedNotice);
    expect(after.html).not.toContain(url);
    const oldPath = new URL(url).pathname;
    expect((await getPage(app, oldPath, { as: customer() })).status).toBe(410);
  });

  it('Portal: a Consent.Read user sees the link but no Replace, and a rotation post is refused with 403', async () => {
    const oem = await registeredPartner(app, 'oem');
    const reader = await userOf(oem, [READ]);
    const page = await get('/portal/link', reader);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<form method="post"');
    const before = (await app.call('GET', '/api/consent-link', { key: oem.key })).body.url;
    const manager = await userOf(oem, [MANAGE]);
    const token = csrfOf((await get('/portal/link', manager)).html);
    const refused = await post('/portal/link/rotate', { csrf: token }, reader);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Consent.Manage');
    expect((await app.call('GET', '/api/consent-link', { key: oem.key })).body.url).toBe(before);
  });

  it('Portal: an indirect provider, which cannot issue, gets a 403 page for the standing link', async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    const page = await get('/portal/link', await userOf(provider, [MANAGE]));
    expect(page.status).toBe(403);
  });
});
