// Behind the platform's sign-in (WEBSITE_AUTH_ENABLED=true, config().signIn 'platform') the principal it sets counts.
import { config } from '../../../shared/config';
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, customer, getPage, issuedLink, postForm } from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';

let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  // As App Service reports it when its sign-in is on; the test plays the platform and sends the principal it would.
  delete process.env.LOCAL_SIGN_IN;
  process.env.WEBSITE_AUTH_ENABLED = 'True';
  app = await startAppHost({ front: 'nothing' });
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
});
afterAll(async () => {
  await app.stop();
});

describe("customer pages behind the platform's sign-in", () => {
  it('the app reads its settings as trusting the platform', () => {
    expect(config().signIn).toBe('platform');
  });

  it('not signed in: /partners sends the reader to the platform sign-in and back', async () => {
    const page = await getPage(app, '/partners');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/.auth/login/aad?post_login_redirect_uri=/partners');
  });

  it("R7: a Global Administrator's principal from the platform accepts a request, and /partners then lists the partner", async () => {
    const admin = customer();
    const link = await issuedLink(app, csp, { customer: { tenantId: admin.tenantId } });
    const page = await getPage(app, link.path, { as: admin });
    expect(page.status).toBe(200);

    const posted = await postForm(
      app,
      link.path,
      { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' },
      { as: admin },
    );
    const partners = await getPage(app, '/partners', { as: admin });

    expect(posted.status).toBe(303);
    expect(partners.status).toBe(200);
    expect(partners.text).toContain('Fabrikam Devices');
  });
});
