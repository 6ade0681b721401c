// Fail closed: where no sign-in vouches for x-ms-client-principal (config().signIn 'none'), no principal acts as a partner.
import { randomUUID } from 'node:crypto';
import { config } from '../../../shared/config';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { startAppHost, type AppHost } from '../../support/appHost';
import { partnerPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';

let app: AppHost;
let csp: TestPartner;
const tenantId = randomUUID();

beforeAll(async () => {
  // Neither the local stand-in nor the platform's sign-in: as in Azure with App Service Authentication off.
  delete process.env.LOCAL_SIGN_IN;
  delete process.env.WEBSITE_AUTH_ENABLED;
  app = await startAppHost({ front: 'nothing' });
  csp = await registeredPartner(app, 'direct-csp', { tenantId });
});
afterAll(async () => {
  await app.stop();
});

describe('partner routes with no sign-in in front of the app', () => {
  it('the app reads its settings as untrusted', () => {
    expect(config().signIn).toBe('none');
  });

  it("Identities: a forged Consent.Manage principal of the partner's tenant is ignored: 401, nothing created", async () => {
    const forged = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] });
    const before = await app.call('GET', '/api/consent-requests', { key: csp.key });
    const issued = await app.call('POST', '/api/consent-requests', {
      headers: forged.headers,
      body: { customer: { tenantId: randomUUID() }, sendEmail: false },
    });
    const read = await app.call('GET', '/api/consent-requests', { headers: forged.headers });
    const after = await app.call('GET', '/api/consent-requests', { key: csp.key });

    expect([issued.status, read.status]).toEqual([401, 401]);
    expect(after.body.items).toEqual(before.body.items);
  });

  it('Identities: keys keep working exactly as before', async () => {
    expect((await app.call('GET', '/api/customers', { key: csp.key })).status).toBe(200);
  });
});
