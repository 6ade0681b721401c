// An address the portal has no page for gets the portal's own 404, in the reader's language, through the local host.
import { randomUUID } from 'node:crypto';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { PAGE_HEADERS } from '../../../shared/pages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { getPage, type PageAnswer } from '../../support/customerPages';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner } from '../../support/partners';

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };
const PORTAL_NAV = '<nav class="portal-nav"';

let app: AppHost;
let manager: TestPrincipal;

beforeAll(async () => {
  app = await startAppHost();
  const tenantId = randomUUID();
  await registeredPartner(app, 'direct-csp', { tenantId, displayName: 'Fabrikam Devices' });
  manager = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] });
});
afterAll(async () => {
  await app.stop();
});

const get = (path: string, headers: Record<string, string>, as?: TestPrincipal) =>
  getPage(app, path, { headers: { ...as?.headers, ...headers } });

function expectPageHeaders(page: PageAnswer) {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(page.headers.get(name)).toBe(value);
}

describe('an address under /portal that has no page', () => {
  it('Portal: a signed-in partner gets the portal’s 404 in German, with its navigation and the page headers', async () => {
    const page = await get('/portal/nope', GERMAN, manager);
    expect(page.status).toBe(404);
    expectPageHeaders(page);
    expect(page.html).toContain('<html lang="de">');
    expect(page.html).toContain('<h1>Seite nicht gefunden</h1>');
    expect(page.text).toContain('Das Partnerportal hat unter dieser Adresse keine Seite.');
    expect(page.html).toContain(PORTAL_NAV);
    expect(page.html).toContain('<a href="/portal">Zurück zur Übersicht</a>');
    expect(page.text).not.toContain('Link ist ungültig');
  });

  it('Portal: deeper unknown paths and other methods get the same page, changing nothing', async () => {
    const deeper = await get('/portal/requests/x/nope', ENGLISH, manager);
    expect(deeper.status).toBe(404);
    expect(deeper.html).toContain('<h1>Page not found</h1>');
    expect(deeper.html).toContain(PORTAL_NAV);
    const posted = await fetch(`${app.url}/portal/nope`, { method: 'POST', headers: manager.headers, body: 'x=1' });
    expect(posted.status).toBe(404);
    expect(await posted.text()).toContain('The partner portal has no page at this address.');
  });

  it('Portal: someone not signed in gets it in the plain layout, without navigation and without being sent to sign in', async () => {
    const page = await get('/portal/nope', ENGLISH);
    expect(page.status).toBe(404);
    expectPageHeaders(page);
    expect(page.html).toContain('<h1>Page not found</h1>');
    expect(page.text).toContain('The partner portal has no page at this address.');
    expect(page.html).not.toContain(PORTAL_NAV);
    expect(page.text).not.toContain('This link is not valid');
  });
});
