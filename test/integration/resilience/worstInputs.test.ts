// The worst input of each route an attacker with one OEM key can send, all at once: each is refused with a short 4xx,
// and meanwhile the service keeps answering everyone else.
import { randomUUID } from 'node:crypto';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner, type TestPartner } from '../../support/partners';

const HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User';
/** API.md: what a 400 echoes is bounded, whatever was sent. */
const MAX_ANSWER_BYTES = 1_000_000;

let app: AppHost;
let oem: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  oem = await registeredPartner(app, 'oem');
});
afterAll(async () => {
  await app.stop();
});

/** The device-check route's worst bodies, each under its 4 MiB limit, and the oversized one. */
function worstBodies(tenantId: string): { what: string; contentType: string; body: string; status: number }[] {
  const manyKeys = Object.fromEntries(Array.from({ length: 200_000 }, (_, index) => [`key${index}`, 1]));
  const serial = 'S'.repeat(8192);
  return [
    {
      what: '2 million empty CSV lines',
      contentType: 'text/csv',
      body: `${HEADER}\n${'\n'.repeat(2_000_000)}`,
      status: 400,
    },
    { what: '800 000 CSV rows', contentType: 'text/csv', body: `${HEADER}\n${',,,,\n'.repeat(800_000)}`, status: 400 },
    {
      what: '1.4 million empty JSON devices',
      contentType: 'application/json',
      body: JSON.stringify({ tenantId, devices: Array.from({ length: 1_390_000 }, () => ({})) }),
      status: 400,
    },
    {
      what: 'one JSON device with 200 000 unknown keys',
      contentType: 'application/json',
      body: JSON.stringify({ tenantId, devices: [manyKeys] }),
      status: 400,
    },
    {
      what: '500 duplicated 8 KB serial numbers',
      contentType: 'text/csv',
      body: `${HEADER}\n${`${serial},,,,\n`.repeat(500)}`,
      status: 200,
    },
    { what: 'a body over 4 MiB', contentType: 'text/csv', body: 'x'.repeat(5 * 1024 * 1024), status: 413 },
  ];
}

it('R14: every worst input is refused or answered briefly, while health and other partners are answered', async () => {
  const tenantId = randomUUID();
  const partner = await registeredPartner(app, 'direct-csp');
  // Built before the clock starts: making 4 MB bodies blocks this process, not the service.
  const bodies = worstBodies(tenantId);
  let attacking = true;
  const others: { status: number; ms: number }[] = [];
  const meanwhile = (async () => {
    while (attacking) {
      const started = performance.now();
      const answer = await app.call('GET', '/api/consent-requests?pageSize=1', { key: partner.key });
      others.push({ status: answer.status, ms: performance.now() - started });
    }
  })();

  const answers = await Promise.all(
    bodies.map(async ({ what, contentType, body, status }) => {
      const response = await fetch(`${app.url}/api/oem/device-submission-checks?tenantId=${tenantId}`, {
        method: 'POST',
        headers: { 'x-api-key': oem.key, 'content-type': contentType },
        body,
      });
      const text = await response.text();
      return { what, status: response.status, expected: status, bytes: Buffer.byteLength(text) };
    }),
  );
  attacking = false;
  await meanwhile;

  for (const answer of answers) {
    expect({ what: answer.what, status: answer.status }).toEqual({ what: answer.what, status: answer.expected });
    expect({ what: answer.what, small: answer.bytes < MAX_ANSWER_BYTES }).toEqual({ what: answer.what, small: true });
  }
  expect(others.length).toBeGreaterThan(0);
  expect(others.filter((other) => other.status !== 200)).toEqual([]);
  // Generous for a loaded 2-core machine: the point is that nobody waits behind the attack for seconds.
  expect(Math.max(...others.map((other) => other.ms))).toBeLessThan(2000);
}, 60_000);
