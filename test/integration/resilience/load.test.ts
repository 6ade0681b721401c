// 500 consent requests at concurrency 25: no 5xx, and every 201 is stored and listed (bounded, not timed).
import { randomUUID } from 'node:crypto';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner } from '../../support/partners';

const TOTAL = 500;
const CONCURRENCY = 25;
let app: AppHost;

beforeAll(async () => {
  // Every request here queues an email: room for all of them within the invitation email limit.
  process.env.INVITATION_EMAILS_PER_HOUR = String(TOTAL);
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

it('R16: 500 requests at concurrency 25 — zero 5xx, every created consent stored and listed', async () => {
  const partner = await registeredPartner(app, 'direct-csp');
  const statuses: number[] = [];
  const created: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < TOTAL) {
      next++;
      const answer = await app.call('POST', '/api/consent-requests', {
        key: partner.key,
        body: { customer: { tenantId: randomUUID(), contactEmail: 'it@woodgrove.example' } },
      });
      statuses.push(answer.status);
      if (answer.status === 201) created.push(answer.body.id);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  expect(statuses).toHaveLength(TOTAL);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(created).toHaveLength(TOTAL);

  const listed = new Set<string>();
  let token: string | undefined;
  do {
    const page = await app.call(
      'GET',
      `/api/consent-requests?pageSize=100${token ? `&continuationToken=${token}` : ''}`,
      {
        key: partner.key,
      },
    );
    for (const consent of page.body.items) listed.add(consent.id);
    token = page.body.continuationToken;
  } while (token);
  expect(created.filter((id) => !listed.has(id))).toEqual([]);
  expect(listed.size).toBe(TOTAL);
}, 120_000);
