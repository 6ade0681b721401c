// The partner portal's webhook endpoints through the local host (API.md, "Partner portal" and "Webhooks").
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { portalMessagesFor } from '../../../shared/portal/messages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { getPage, postForm } from '../../support/customerPages';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';

const { manage: MANAGE, read: READ } = PARTNER_APP_ROLES;
const en = portalMessagesFor('en');
let app: AppHost;
let csp: TestPartner;
let manager: TestPrincipal;
let reader: TestPrincipal;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp');
  const { tenantId } = (await live.partners.findPartner(csp.id))!.value;
  manager = partnerPrincipal(tenantId, { appRoles: [MANAGE] });
  reader = partnerPrincipal(tenantId, { appRoles: [READ] });
});
afterAll(async () => {
  await app.stop();
});

/** The token of the Add form (the page's Delete forms carry their own). */
function addToken(html: string): string {
  return /action="\/portal\/webhooks"[^>]*><input type="hidden" name="csrf" value="([^"]+)"/.exec(html)![1]!;
}

const get = (path: string, as: TestPrincipal) => getPage(app, path, { headers: as.headers });

async function post(path: string, fields: [string, string][], as: TestPrincipal) {
  const { config } = await import('../../../shared/config');
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config().publicBaseUrl, ...as.headers },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe('webhook endpoints in the portal', () => {
  it('Portal: adding an endpoint shows its secret once, in the answer; the list never shows it again', async () => {
    const page = await get('/portal/webhooks', manager);
    expect(page.status).toBe(200);
    expect(page.text).toContain(en.webhooksEmpty);
    const added = await post(
      '/portal/webhooks',
      [
        ['csrf', addToken(page.html)],
        ['url', 'http://127.0.0.1:9/hooks'],
        ['description', 'Ops <team>'],
        ['events', 'consent.accepted'],
      ],
      manager,
    );
    expect(added.status).toBe(201);
    expect(added.html).toContain(en.secretTitle);
    const secret = /id="webhook-secret" readonly="" value="([^"]+)"/.exec(added.html)![1]!;
    expect(secret).toMatch(/^whsec_/);
    expect(added.html).toContain('Ops &lt;team&gt;');

    const api = await app.call('GET', '/api/webhooks', { key: csp.key });
    expect(api.body.items).toEqual([
      expect.objectContaining({ url: 'http://127.0.0.1:9/hooks', events: ['consent.accepted'] }),
    ]);
    const list = await get('/portal/webhooks', manager);
    expect(list.html).toContain('http://127.0.0.1:9/hooks');
    expect(list.html).not.toContain(secret);
  });

  it('Portal: a bad address comes back beside its field with the values kept, and nothing is registered', async () => {
    const page = await get('/portal/webhooks', manager);
    const before = (await app.call('GET', '/api/webhooks', { key: csp.key })).body.items.length;
    const answer = await post(
      '/portal/webhooks',
      [
        ['csrf', addToken(page.html)],
        ['url', 'ftp://example.com/hook'],
        ['description', 'kept'],
      ],
      manager,
    );
    expect(answer.status).toBe(422);
    expect(answer.html).toMatch(/id="url-error"/);
    expect(answer.html).toContain('value="ftp://example.com/hook"');
    expect(answer.html).toContain('value="kept"');
    expect((await app.call('GET', '/api/webhooks', { key: csp.key })).body.items).toHaveLength(before);
  });

  it("Portal: Delete removes an endpoint and comes back saying so; another partner's endpoint is a 404 page", async () => {
    const created = await app.call('POST', '/api/webhooks', { key: csp.key, body: { url: 'http://127.0.0.1:9/x' } });
    const page = await get('/portal/webhooks', manager);
    const action = `/portal/webhooks/${created.body.id as string}/delete`;
    const token = new RegExp(`action="${action}"><input type="hidden" name="csrf" value="([^"]+)"`).exec(
      page.html,
    )![1]!;
    const deleted = await post(action, [['csrf', token]], manager);
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/portal/webhooks?done=deleted');
    expect((await get('/portal/webhooks?done=deleted', manager)).text).toContain(en.deletedNotice);
    expect((await app.call('GET', `/api/webhooks/${created.body.id as string}`, { key: csp.key })).status).toBe(404);

    const other = await registeredPartner(app, 'direct-csp');
    const theirs = await app.call('POST', '/api/webhooks', { key: other.key, body: { url: 'http://127.0.0.1:9/y' } });
    const { portalFormToken } = await import('../../../shared/portal/forms');
    const { parsePartnerPrincipal } = await import('../../../shared/auth/partnerPrincipal');
    const principal = parsePartnerPrincipal(manager.headers['x-ms-client-principal'])!;
    const theirAction = `/portal/webhooks/${theirs.body.id as string}/delete`;
    const refused = await post(theirAction, [['csrf', portalFormToken(principal, csp.id, theirAction)]], manager);
    expect(refused.status).toBe(404);
    expect((await app.call('GET', `/api/webhooks/${theirs.body.id as string}`, { key: other.key })).status).toBe(200);
  });

  it('Portal: a Consent.Read user sees the endpoints but no Add or Delete, and a post is refused with 403', async () => {
    const page = await get('/portal/webhooks', reader);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<form method="post"');
    expect(page.text).toContain(en.readOnlyNote);
    const token = addToken((await get('/portal/webhooks', manager)).html);
    const refused = await postForm(
      app,
      '/portal/webhooks',
      { csrf: token, url: 'http://127.0.0.1:9/z' },
      { headers: reader.headers },
    );
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Consent.Manage');
  });
});
