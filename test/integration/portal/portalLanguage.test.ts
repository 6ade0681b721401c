// A German reader of the portal meets no English sentences (the least-privilege warning, role descriptions), and an
// address the portal has no page for gets the portal's own 404, through the local host.
import { randomUUID } from 'node:crypto';
import { LEAST_PRIVILEGE_WARNING } from '../../../shared/domain/delegatedAdmin';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, ROLE_CATALOG } from '../../../shared/domain/roles';
import { PAGE_HEADERS } from '../../../shared/pages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { getPage, issuedLink, type PageAnswer } from '../../support/customerPages';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };
const PORTAL_NAV = '<nav class="portal-nav"';

let app: AppHost;
let csp: TestPartner;
let manager: TestPrincipal;

beforeAll(async () => {
  app = await startAppHost();
  const tenantId = randomUUID();
  csp = await registeredPartner(app, 'direct-csp', { tenantId, displayName: 'Fabrikam Devices' });
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

describe('German portal pages say everything in German', () => {
  it('R10: a request for Global Administrator shows its least-privilege warning in German; the API keeps the English', async () => {
    const issued = await issuedLink(app, csp, {
      customer: { tenantId: randomUUID() },
      delegatedAdmin: { roles: [GLOBAL_ADMINISTRATOR_ROLE_ID], durationDays: 30 },
    });
    const page = await get(`/portal/requests/${issued.consentId}`, GERMAN, manager);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="de">');
    expect(page.html).toContain('<li>Global Administrator</li>');
    expect(page.text).toContain(
      '„Global Administrator“ gibt volle Kontrolle über die Organisation des Kunden. Fragen Sie diese Rolle nach dem Prinzip der geringsten Rechte nur für Notfälle an',
    );
    expect(page.text).not.toContain(LEAST_PRIVILEGE_WARNING);
    expect(page.text).not.toMatch(/\bglobale[nrs]? Administrator/i);

    const english = await get(`/portal/requests/${issued.consentId}`, ENGLISH, manager);
    expect(english.text).toContain(LEAST_PRIVILEGE_WARNING);
    const api = await app.call('GET', `/api/consent-requests/${issued.consentId}`, { key: csp.key });
    expect(api.body.warnings).toEqual([LEAST_PRIVILEGE_WARNING]);
  });

  it('R10: the form describes every role in German and names roles as its list does', async () => {
    const form = await get('/portal/requests/new', GERMAN, manager);
    expect(form.status).toBe(200);
    for (const role of ROLE_CATALOG) {
      expect(form.text).toContain(role.displayName);
      expect(form.text).not.toContain(role.description);
    }
    expect(form.text).toContain('Kann alle Aspekte von Microsoft Intune verwalten.');
    expect(form.text).toContain('„Intune Administrator“ und „Cloud Device Administrator“ genügen für Autopilot meist');
    expect(form.text).not.toMatch(/\bglobale[nrs]? Administrator|Intune-Administrator|Cloudgeräteadministrator/i);
  });
});

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
