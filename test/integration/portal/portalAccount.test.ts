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
const de = portalMessagesFor('de');
const germanHeaders = { 'accept-language': 'de-DE,de;q=0.9' };
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
  /** What is stored, read directly: the API's own GET would make the link. */
  const storedLink = async (partner: TestPartner) => (await live.links.findStandingLink(partner.id))?.value;
  const apiLink = async (partner: TestPartner) =>
    (await app.call('GET', '/api/consent-link', { key: partner.key })).body;

  it('Portal: a Consent.Manage user without a standing link is told what it is and offered Create; the visit makes nothing', async () => {
    const oem = await registeredPartner(app, 'oem');
    const manager = await userOf(oem, [MANAGE]);
    const page = await get('/portal/link', manager);
    expect(page.status).toBe(200);
    expect(page.text).toContain(en.linkNone);
    expect(page.text).toContain(en.linkCreate);
    expect(page.html).toContain('<form method="post" action="/portal/link">');
    expect(page.html).not.toContain('id="standing-link"');
    expect(await get('/portal/link', manager)).toMatchObject({ status: 200 });
    expect(await storedLink(oem)).toBeUndefined();

    const german = await getPage(app, '/portal/link', { headers: { ...manager.headers, ...germanHeaders } });
    expect(german.text).toContain(de.linkNone);
    expect(german.text).toContain(de.linkCreate);
    expect(await storedLink(oem)).toBeUndefined();
  });

  it('Portal: Create (form token, our origin) makes the standing link and the page shows it; a repeated post changes nothing', async () => {
    const oem = await registeredPartner(app, 'oem');
    const manager = await userOf(oem, [MANAGE]);
    const csrf = csrfOf((await get('/portal/link', manager)).html);
    const forged = [
      await post('/portal/link', {}, manager),
      await post('/portal/link', { csrf }, manager, { origin: 'https://evil.example' }),
    ];
    expect(forged.map((answer) => answer.status)).toEqual([403, 403]);
    expect(await storedLink(oem)).toBeUndefined();

    const created = await post('/portal/link', { csrf }, manager);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/portal/link?done=created');
    const stored = await storedLink(oem);
    expect(stored).toBeDefined();
    const shown = await get(created.headers.get('location')!, manager);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(en.createdLinkNotice);
    const url = /id="standing-link" readonly="" value="([^"]+)"/.exec(shown.html)![1]!;
    expect(await apiLink(oem)).toEqual({ url, createdAt: stored!.createdAt });
    expect(shown.text).toContain(en.rotate);

    // Another tab's Create finds the link made: the same link, not a new one.
    expect((await post('/portal/link', { csrf }, manager)).status).toBe(303);
    expect(await apiLink(oem)).toEqual({ url, createdAt: stored!.createdAt });
  });

  it('Portal: Create speaks German to a German browser', async () => {
    const oem = await registeredPartner(app, 'oem');
    const manager = await userOf(oem, [MANAGE]);
    const csrf = csrfOf((await get('/portal/link', manager)).html);
    const created = await post('/portal/link', { csrf }, manager, germanHeaders);
    const shown = await getPage(app, created.headers.get('location')!, {
      headers: { ...manager.headers, ...germanHeaders },
    });
    expect(shown.html).toContain('<html lang="de">');
    expect(shown.text).toContain(de.createdLinkNotice);
    expect(shown.text).toContain(de.rotate);
  });

  it('Portal: an OEM sees its standing link with an email text; Replace makes a new one and the old stops working', async () => {
    const oem = await registeredPartner(app, 'oem');
    const manager = await userOf(oem, [MANAGE]);
    const made = await apiLink(oem);
    const page = await get('/portal/link', manager);
    expect(page.status).toBe(200);
    const url = /id="standing-link" readonly="" value="([^"]+)"/.exec(page.html)![1]!;
    expect(url).toBe(made.url);
    expect(page.html).toContain(en.emailTextLabel);

    const refused = await post('/portal/link/rotate', {}, manager);
    expect(refused.status).toBe(403);
    expect((await apiLink(oem)).url).toBe(url);

    const rotated = await post('/portal/link/rotate', { csrf: csrfOf(page.html) }, manager);
    expect(rotated.status).toBe(303);
    expect(rotated.headers.get('location')).toBe('/portal/link?done=rotated');
    const after = await get(rotated.headers.get('location')!, manager);
    expect(after.text).toContain(en.rotatedNotice);
    expect(after.html).not.toContain(url);
    const oldPath = new URL(url).pathname;
    expect((await getPage(app, oldPath, { as: customer() })).status).toBe(410);
  });

  it('Portal: a Consent.Read user neither sees nor makes the standing link: a 403 page names Consent.Manage and where it is assigned', async () => {
    const oem = await registeredPartner(app, 'oem');
    const reader = await userOf(oem, [READ]);
    const manager = await userOf(oem, [MANAGE]);
    const createToken = csrfOf((await get('/portal/link', manager)).html);

    const before = await get('/portal/link', reader);
    expect(before.status).toBe(403);
    expect(before.text).toContain(en.linkNeedsManage);
    expect(before.text).toContain(en.missingRoleTodo(MANAGE));
    expect(before.html).not.toContain('<form method="post"');
    expect((await get('/portal', reader)).html).not.toContain('href="/portal/link"');
    expect((await get('/portal', manager)).html).toContain('href="/portal/link"');
    const refusedCreate = await post('/portal/link', { csrf: createToken }, reader);
    expect(refusedCreate.status).toBe(403);
    expect(refusedCreate.text).toContain(MANAGE);
    expect(await storedLink(oem)).toBeUndefined();

    const made = await apiLink(oem);
    const withLink = await get('/portal/link', reader);
    expect(withLink.status).toBe(403);
    expect(withLink.html).not.toContain(made.url);
    expect(withLink.text).toContain(en.linkNeedsManage);
    const rotateToken = csrfOf((await get('/portal/link', manager)).html);
    expect((await post('/portal/link/rotate', { csrf: rotateToken }, reader)).status).toBe(403);
    expect((await post('/portal/link', { csrf: createToken }, reader)).status).toBe(403);
    expect(await apiLink(oem)).toEqual(made);
  });

  it('Portal: the Consent.Read refusal for the standing link speaks German, and makes nothing', async () => {
    const oem = await registeredPartner(app, 'oem');
    const reader = await userOf(oem, [READ]);
    const page = await getPage(app, '/portal/link', { headers: { ...reader.headers, ...germanHeaders } });
    expect(page.status).toBe(403);
    expect(page.html).toContain('<html lang="de">');
    expect(page.text).toContain(de.linkNeedsManage);
    expect(page.text).toContain(de.missingRoleTodo(MANAGE));
    expect(await storedLink(oem)).toBeUndefined();
  });

  it('Portal: an indirect provider, which cannot issue, gets a 403 page for the standing link', async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    const page = await get('/portal/link', await userOf(provider, [MANAGE]));
    expect(page.status).toBe(403);
  });
});
