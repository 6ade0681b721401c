// Paths no route serves, through the local host: outside /api and /portal a "page not found" page of its own (not the
// consent link's words), with the page security headers and x-request-id (API.md conventions); /api, the stylesheet,
// /.auth and /dev keep their own answers.
import { messagesFor, PAGE_HEADERS, STYLESHEET_PATH } from '../../../shared/pages';
import { startAppHost, type AppHost } from '../../support/appHost';
import { getPage } from '../../support/customerPages';

const en = messagesFor('en');
const de = messagesFor('de');
let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

function expectPageHeaders(headers: Headers) {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(headers.get(name)).toBe(value);
  expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
}

describe('a path outside /api that no route serves', () => {
  it.each(['/partners/x', '/nope', '/consent', '/', '/partners/x/revoke/more'])(
    'GET %s: "page not found", where to go on, the page security headers and x-request-id',
    async (path) => {
      const page = await getPage(app, path);
      expect(page.status).toBe(404);
      expectPageHeaders(page.headers);
      expect(page.html).toContain('<html lang="en">');
      expect(page.html).toContain('<h1>Page not found</h1>');
      expect(page.text).toContain('Check the address for typing mistakes');
      expect(page.html).toContain('<a href="/partners">Partners who may register devices for your organization</a>');
      expect(page.html).toContain('<a href="/portal">Partner portal, for partners who send consent requests</a>');
      expect(page.text).not.toContain(en.notFoundTitle);
    },
  );

  it('speaks the reader’s language, as other pages do', async () => {
    const page = await getPage(app, '/nope', { headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(page.status).toBe(404);
    expect(page.html).toContain('<html lang="de">');
    expect(page.html).toContain('<h1>Seite nicht gefunden</h1>');
    expect(page.text).toContain('Prüfen Sie die Adresse auf Tippfehler');
    expect(page.html).toContain(
      '<a href="/partners">Partner, die Geräte für Ihre Organisation registrieren dürfen</a>',
    );
    expect(page.html).toContain('<a href="/portal">Partnerportal, für Partner, die Zustimmungsanfragen senden</a>');
    expect(page.text).not.toContain(de.notFoundTitle);
  });

  it('answers other methods the same way, changing nothing', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${app.url}/nope`, { method, body: method === 'DELETE' ? undefined : 'x=1' });
      expect(response.status).toBe(404);
      expectPageHeaders(response.headers);
    }
  });
});

describe('what the catch-all must not shadow', () => {
  it('an unknown /api path is still a problem+json 404', async () => {
    const answer = await app.call('GET', '/api/nope');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.type).toBe('/problems/not-found');
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('the stylesheet, the sign-in stand-in and the outbox still answer', async () => {
    const stylesheet = await fetch(`${app.url}${STYLESHEET_PATH}`);
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const signIn = await fetch(`${app.url}/.auth/login/aad?post_login_redirect_uri=/partners`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('name="tenantId"');
    expect(await (await fetch(`${app.url}/.auth/me`)).json()).toEqual([]);
    expect((await fetch(`${app.url}/dev/outbox`)).status).toBe(200);
  });

  it('known pages keep their routes: /partners sends a reader who is not signed in to sign in', async () => {
    const page = await getPage(app, '/partners');
    expect(page.status).toBe(302);
  });
});
