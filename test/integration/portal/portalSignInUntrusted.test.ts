// Fail closed: where no sign-in vouches for x-ms-client-principal, no portal page serves and no portal post changes
// anything, whatever principal a request carries.
import { randomUUID } from 'node:crypto';
import { config } from '../../../shared/config';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { startAppHost, type AppHost } from '../../support/appHost';
import { getPage, issuedLink, postForm } from '../../support/customerPages';
import { partnerPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner } from '../../support/partners';
import { portalMessagesFor } from '../../../shared/portal/messages';

let app: AppHost;

beforeAll(async () => {
  // Neither the local stand-in nor the platform's sign-in: as in Azure with App Service Authentication off.
  delete process.env.LOCAL_SIGN_IN;
  delete process.env.WEBSITE_AUTH_ENABLED;
  app = await startAppHost({ front: 'nothing' });
});
afterAll(async () => {
  await app.stop();
});

it('Portal: with no sign-in in front, a forged Consent.Manage principal gets the 503 page on every portal page and post', async () => {
  expect(config().signIn).toBe('none');
  const tenantId = randomUUID();
  const csp = await registeredPartner(app, 'direct-csp', { tenantId });
  const forged = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] });
  const issued = await issuedLink(app, csp, { customer: { tenantId: randomUUID() } });
  const title = portalMessagesFor('en').signInUnavailableTitle;

  for (const path of ['/portal', '/portal/requests', `/portal/requests/${issued.consentId}`, '/portal/customers']) {
    const page = await getPage(app, path, { headers: forged.headers });
    expect({ path, status: page.status }).toEqual({ path, status: 503 });
    expect(page.text).toContain(title);
  }
  const cancel = await postForm(app, `/portal/requests/${issued.consentId}/cancel`, {}, { headers: forged.headers });
  expect(cancel.status).toBe(503);
  expect((await live.consents.findConsent(csp.id, issued.consentId))!.value.status).toBe('pending');
  expect((await getPage(app, '/portal')).status).toBe(503);
});
