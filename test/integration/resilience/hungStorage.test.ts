// Storage that accepts connections and never answers (a paused Azurite): no request waits on it. Each ends within
// 10 s with 503 and Retry-After, as problem+json on the API and as a page on the customer pages, and all is well after.
import { startAzurite, type RunningAzurite } from '../../../dev/azurite';
import type { AppHost } from '../../support/appHost';
import type { Customer } from '../../support/customerPages';
import type { TestPartner } from '../../support/partners';

/** API.md: "a storage (or email) call that has not answered within 10 s ends the request with 503". */
const DEADLINE_MS = 10_000;

let azurite: RunningAzurite;
let app: AppHost;
let partner: TestPartner;
let admin: Customer;

beforeAll(async () => {
  azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString;
  const { startAppHost } = await import('../../support/appHost');
  const { registeredPartner } = await import('../../support/partners');
  const { customer } = await import('../../support/customerPages');
  app = await startAppHost();
  partner = await registeredPartner(app, 'direct-csp');
  admin = customer();
});

afterAll(async () => {
  await app.stop();
  await azurite.stop();
});

async function timed<T>(call: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await call();
  return { answer, ms: performance.now() - started };
}

describe('hung storage', () => {
  beforeAll(() => azurite.pause());
  afterAll(() => azurite.resume());

  it('GET /api/health answers 503 with Retry-After within 10 s', async () => {
    const { answer, ms } = await timed(() => app.call('GET', '/api/health'));
    expect(ms).toBeLessThan(DEADLINE_MS);
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 20_000);

  it('a partner route answers 503 unavailable problem+json within 10 s, changing nothing', async () => {
    const { answer, ms } = await timed(() =>
      app.call('POST', '/api/consent-requests', {
        key: partner.key,
        body: { customer: { contactEmail: 'it@woodgrove.example' } },
      }),
    );
    expect(ms).toBeLessThan(DEADLINE_MS);
    expect(answer.status).toBe(503);
    expect(answer.body.type).toBe('/problems/unavailable');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 20_000);

  it('a customer page answers the 503 page with Retry-After within 10 s', async () => {
    const { answer, ms } = await timed(() =>
      app.call('GET', '/partners', { headers: { 'x-ms-client-principal': admin.header } }),
    );
    expect(ms).toBeLessThan(DEADLINE_MS);
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 20_000);
});

describe('after storage answers again', () => {
  it('the same requests succeed, and nothing the hung ones started is left behind', async () => {
    expect((await app.call('GET', '/api/health')).status).toBe(200);
    const listed = await app.call('GET', '/api/consent-requests', { key: partner.key });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    const issued = await app.call('POST', '/api/consent-requests', {
      key: partner.key,
      body: { customer: { contactEmail: 'it@woodgrove.example' } },
    });
    expect(issued.status).toBe(201);
  }, 20_000);
});
