// The Idempotency-Key "still running" answer through the local host, with the interleaving forced: the first request
// is held inside its one commit point while the same request arrives again.
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner, type TestPartner } from '../../support/partners';

let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp');
});
afterAll(async () => {
  await app.stop();
});

/** Holds the next consent commit until released, and says when a request has reached it. */
function holdNextConsentCommit() {
  const original = live.consents;
  let reached!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  live.consents = {
    ...original,
    insertConsentRow: async (consent) => {
      reached();
      await released;
      return original.insertConsentRow(consent);
    },
  };
  return {
    arrived,
    release: () => {
      live.consents = original;
      release();
    },
  };
}

describe('Idempotency-Key while the first request is still running (issue 14)', () => {
  it('409 idempotency-in-progress with Retry-After, distinct from a conflict; the retry after it gets the one answer', async () => {
    const key = randomUUID();
    const body = { customer: { tenantId: randomUUID() }, sendEmail: false };
    const call = () =>
      app.call('POST', '/api/consent-requests', { key: csp.key, body, headers: { 'idempotency-key': key } });
    const held = holdNextConsentCommit();
    const first = call();
    try {
      await held.arrived;
      const second = await call();
      expect(second.status).toBe(409);
      expect(second.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(5);
      expect(second.body).toEqual({
        type: '/problems/idempotency-in-progress',
        title: 'A request with this Idempotency-Key is still running',
        status: 409,
        detail: expect.stringMatching(/still running.*again.*Retry-After/),
      });
    } finally {
      held.release();
    }
    const created = await first;
    expect(created.status).toBe(201);
    const retried = await call();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.id).toBe(created.body.id);
    const listed = await app.call('GET', `/api/consent-requests?tenantId=${body.customer.tenantId}`, { key: csp.key });
    expect(listed.body.items).toHaveLength(1);
  });

  it('a permanent conflict stays /problems/conflict, without Retry-After', async () => {
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: randomUUID() }, sendEmail: false },
    });
    await app.call('POST', `/api/consent-requests/${issued.body.id as string}/cancel`, { key: csp.key });
    const again = await app.call('POST', `/api/consent-requests/${issued.body.id as string}/cancel`, { key: csp.key });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/conflict');
    expect(again.headers.get('retry-after')).toBeNull();
  });
});
