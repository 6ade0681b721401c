// Storage goes down in the middle of a run of requests: every affected request is a clean 503, nothing half-written,
// and after storage returns the same requests (same Idempotency-Keys) succeed with nothing lost or duplicated.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startAzurite, type RunningAzurite } from '../../../dev/azurite';
import type { AppHost } from '../../support/appHost';
import type { TestPartner } from '../../support/partners';

const REQUESTS = 40;
let azurite: RunningAzurite;
let app: AppHost;
let partner: TestPartner;
const folder = mkdtempSync(path.join(tmpdir(), 'azurite-outage-'));

beforeAll(async () => {
  azurite = await startAzurite({ location: folder }); // on disk, so data outlives the restart
  process.env.AzureWebJobsStorage = azurite.connectionString;
  const { startAppHost } = await import('../../support/appHost');
  const { registeredPartner } = await import('../../support/partners');
  app = await startAppHost();
  partner = await registeredPartner(app, 'direct-csp');
});

afterAll(async () => {
  await app.stop();
  await azurite.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('storage outage', () => {
  it('answers 503 problem+json with Retry-After while storage is down, never a partial write, and recovers', async () => {
    const requests = Array.from({ length: REQUESTS }, () => ({ key: randomUUID(), tenantId: randomUUID() }));
    const send = (r: (typeof requests)[number]) =>
      app.call('POST', '/api/consent-requests', {
        key: partner.key,
        headers: { 'idempotency-key': r.key },
        body: { customer: { tenantId: r.tenantId, contactEmail: 'it@woodgrove.example' }, message: 'outage test' },
      });

    const ports = azurite.ports;
    const first = await Promise.all(
      requests.map(async (r, index) => {
        if (index === REQUESTS / 2) await azurite.stop(); // the outage starts mid-run
        return send(r);
      }),
    );

    expect(first.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    const refused = first.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.body.type).toBe('/problems/unavailable');
    }
    const health = await app.call('GET', '/api/health');
    expect(health.status).toBe(503);

    azurite = await startAzurite({ location: folder, ports });
    expect((await app.call('GET', '/api/health')).status).toBe(200);

    // Nothing half-written: a refused request left no consent behind.
    for (const [index, answer] of first.entries()) {
      if (answer.status !== 503) continue;
      const listed = await app.call('GET', `/api/consent-requests?tenantId=${requests[index]!.tenantId}`, {
        key: partner.key,
      });
      expect(listed.body.items).toEqual([]);
    }

    // The same requests again: all succeed, the earlier successes are replayed, not duplicated.
    // A request cut off mid-flight may hold its key for a few seconds (409 "still being processed"); a client
    // following that answer's advice retries, and gets the one answer.
    const sendUntilDone = async (r: (typeof requests)[number]) => {
      for (const deadline = Date.now() + 20_000; ;) {
        const answer = await send(r);
        if (answer.status !== 409 || Date.now() > deadline) return answer;
        await new Promise((resolve) => setTimeout(resolve, 1000)); // a retry pause: the loop waits for an answer
      }
    };
    const second = await Promise.all(requests.map(sendUntilDone));
    expect(second.map((a) => a.status)).toEqual(requests.map(() => 201));
    for (const [index, answer] of first.entries()) {
      if (answer.status === 201) expect(second[index]!.body.id).toBe(answer.body.id);
    }
    const all = await app.call('GET', '/api/consent-requests?pageSize=100', { key: partner.key });
    expect(all.body.items).toHaveLength(REQUESTS);
    expect(new Set(all.body.items.map((c: { customer: { tenantId: string } }) => c.customer.tenantId)).size).toBe(
      REQUESTS,
    );
  });
});
