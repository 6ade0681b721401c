// Fail closed: where no sign-in vouches for x-ms-client-principal (config().signIn 'none'), no customer page serves.
import { config } from '../../../shared/config';
import { startAppHost, type AppHost } from '../../support/appHost';
import { customer, getPage, issuedLink, postForm, storedState } from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { refusalWords } from '../../support/words';

let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  // Neither the local stand-in nor the platform's sign-in: as in Azure with App Service Authentication off.
  delete process.env.LOCAL_SIGN_IN;
  delete process.env.WEBSITE_AUTH_ENABLED;
  app = await startAppHost({ front: 'nothing' });
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
});
afterAll(async () => {
  await app.stop();
});

describe('customer pages with no sign-in in front of the app', () => {
  it('the app reads its settings as untrusted', () => {
    expect(config().signIn).toBe('none');
  });

  it('a forged Global Administrator principal on /partners gets the 503 sign-in-not-configured page, not the list', async () => {
    const forged = customer();
    const page = await getPage(app, '/partners', { as: forged });
    expect(page.status).toBe(503);
    expect(page.text).toContain(refusalWords('en', 'sign-in-not-configured').title);
    expect(page.text).not.toContain(forged.userPrincipalName);
  });

  it('without any principal the page refuses too, rather than sending the reader to a sign-in that is not there', async () => {
    const page = await getPage(app, '/partners');
    expect(page.status).toBe(503);
    expect(page.headers.get('location')).toBeNull();
  });

  it('a forged principal can neither see nor accept a consent request: 503 and nothing changes', async () => {
    const admin = customer();
    const link = await issuedLink(app, csp, { customer: { tenantId: admin.tenantId } });
    const before = await storedState(csp.id, link.consentId, admin.tenantId);

    const page = await getPage(app, link.path, { as: admin });
    const posted = await postForm(app, link.path, { csrf: 'x', decision: 'accept', confirm: 'yes' }, { as: admin });

    expect(page.status).toBe(503);
    expect(page.text).toContain(refusalWords('en', 'sign-in-not-configured').title);
    expect(page.text).not.toContain('Fabrikam Devices');
    expect(posted.status).toBe(503);
    expect(await storedState(csp.id, link.consentId, admin.tenantId)).toEqual(before);
  });
});
