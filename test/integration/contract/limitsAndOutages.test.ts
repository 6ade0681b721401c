// Answers past a limit and during a storage outage are the ones the served document declares: 429 with Retry-After
// (issue 14: "everything a route can answer is declared"), and 503 with Retry-After, health's body included.
import { randomUUID } from 'node:crypto';
import { startAzurite, type RunningAzurite } from '../../../dev/azurite';
import type { AppHost } from '../../support/appHost';
import type { TestPartner } from '../../support/partners';
import { conformanceTo, type Conformance } from './conformance';

let azurite: RunningAzurite;
let app: AppHost;
let partner: TestPartner;
let conformance: Conformance;

beforeAll(async () => {
  // This file's own storage (it is stopped below) and email limit, read when the app first reads its settings.
  azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  process.env.INVITATION_EMAILS_PER_HOUR = '1';
  const { startAppHost } = await import('../../support/appHost');
  const { registeredPartner } = await import('../../support/partners');
  app = await startAppHost();
  partner = await registeredPartner(app, 'direct-csp');
  conformance = conformanceTo((await app.call('GET', '/api/openapi.json')).body);
});
afterAll(async () => {
  await app.stop();
  await azurite.stop();
});

const withEmail = () => ({ customer: { tenantId: randomUUID(), contactEmail: 'it@woodgrove.example' } });

describe('answers past a limit and during an outage, against the served document', () => {
  it('429 rate-limited past the invitation email limit, on issue and on resend', async () => {
    const issued = await app.call('POST', '/api/consent-requests', { key: partner.key, body: withEmail() });
    const refused = await app.call('POST', '/api/consent-requests', { key: partner.key, body: withEmail() });
    const resend = await app.call('POST', `/api/consent-requests/${issued.body.id as string}/resend`, {
      key: partner.key,
    });
    expect([issued.status, refused.status, resend.status]).toEqual([201, 429, 429]);
    conformance.expectConforms('/api/consent-requests', 'post', refused);
    conformance.expectConforms('/api/consent-requests/{id}/resend', 'post', resend);
  });

  it('503 with Retry-After while storage is down: health says "storage": "unavailable", partner routes a problem', async () => {
    const { ports } = azurite;
    await azurite.stop();
    const health = await app.call('GET', '/api/health');
    const customers = await app.call('GET', '/api/customers', { key: partner.key });
    expect([health.status, health.body.storage, customers.status]).toEqual([503, 'unavailable', 503]);
    conformance.expectConforms('/api/health', 'get', health);
    conformance.expectConforms('/api/customers', 'get', customers);
    azurite = await startAzurite({ ports }); // so that nothing is left retrying a storage that never comes back
  });
});
