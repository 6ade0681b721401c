// Property-based fuzzing of every JSON route: random and mutated bodies, headers and keys never produce a 5xx,
// every refusal is problem+json, and no refusal changes state.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner, type TestPartner } from '../../support/partners';

let app: AppHost;
let csp: TestPartner;
let oem: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp');
  oem = await registeredPartner(app, 'oem');
});
afterAll(async () => {
  await app.stop();
});

const validRequest = {
  customer: { tenantId: randomUUID(), contactEmail: 'it@woodgrove.example', locale: 'de' },
  delegatedAdmin: { roles: ['3a2c62db-5318-420d-8d74-23affee5d9d5'], durationDays: 30 },
  expiresInDays: 10,
  message: 'hello',
};

/** A valid body with one field replaced, removed or retyped — the inputs most likely to slip past validation. */
const mutatedBody = fc
  .tuple(
    fc.constantFrom(
      'customer',
      'customer.tenantId',
      'customer.locale',
      'delegatedAdmin',
      'delegatedAdmin.roles',
      'expiresInDays',
      'message',
      'sendEmail',
    ),
    fc.oneof(
      fc.anything(),
      fc.constant(undefined),
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string()),
    ),
  )
  .map(([path, value]) => {
    const body = structuredClone(validRequest) as Record<string, unknown>;
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (tail) (body[head] as Record<string, unknown>)[tail] = value;
    else body[head] = value;
    return JSON.stringify(body);
  });

const anyBody = fc.oneof(
  mutatedBody,
  fc.json(),
  fc.string(),
  fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
  fc.constantFrom('', '{', '[]', 'null', '{"customer":', '\u0000', '{"__proto__":{"x":1}}'),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  '',
  'application/json; charset=latin1',
);

type Route = { method: string; path: (id: string) => string };
const JSON_ROUTES: Route[] = [
  { method: 'POST', path: () => '/api/consent-requests' },
  { method: 'POST', path: () => '/api/oem/consent-checks' },
  { method: 'POST', path: (id) => `/api/oem/device-submission-checks?tenantId=${id}` },
  { method: 'POST', path: (id) => `/api/consent-requests/${id}/cancel` },
  { method: 'POST', path: (id) => `/api/consent-requests/${id}/resend` },
  { method: 'GET', path: (id) => `/api/consent-requests/${id}` },
  { method: 'GET', path: (id) => `/api/consent-requests?status=${id}&pageSize=${id}&continuationToken=${id}` },
  { method: 'GET', path: (id) => `/api/customers/${id}/authorization` },
  { method: 'GET', path: (id) => `/api/oem/consents/${id}` },
  { method: 'POST', path: () => '/api/admin/partners' },
  { method: 'PATCH', path: (id) => `/api/admin/partners/${id}` },
  { method: 'POST', path: (id) => `/api/admin/partners/${id}/keys` },
  { method: 'DELETE', path: (id) => `/api/admin/partners/${id}/keys/${id}` },
  { method: 'POST', path: (id) => `/api/admin/consents/${id}/revoke` },
];

/** The fuzzed partner's own consents (other test files share the partners table, so that is not counted). */
async function consentCount(): Promise<number> {
  const consents = await app.call('GET', '/api/consent-requests?pageSize=100', { key: csp.key });
  return consents.body.items.length as number;
}

it('never answers 5xx; every refusal is problem+json; refusals change nothing', async () => {
  const before = await consentCount();
  let createdConsents = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...JSON_ROUTES),
      anyBody,
      contentType,
      fc.constantFrom<'csp' | 'oem' | 'operator' | 'none' | 'garbage' | 'forged'>(
        'csp',
        'oem',
        'operator',
        'none',
        'garbage',
        'forged',
      ),
      fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.constant('%E0%A4%A')),
      async (route, body, type, who, id) => {
        const key = {
          csp: csp.key,
          oem: oem.key,
          operator: app.operatorKey,
          none: undefined,
          garbage: 'apc.x.y',
          forged: csp.key.replace(`apc.${csp.id}.`, `apc.${oem.id}.`), // a real secret claiming another partner
        }[who];
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        const answer = await app.call(route.method, route.path(id), {
          key,
          headers,
          body: route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
        });
        expect(answer.status).toBeLessThan(500);
        // No key, a malformed one, or a real secret claiming another partner never gets anything done.
        if (who === 'forged' || who === 'garbage' || who === 'none') expect(answer.status).toBeGreaterThanOrEqual(400);
        if (answer.status >= 400) {
          expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
          expect(answer.body).toMatchObject({ type: expect.stringMatching(/^\/problems\//), status: answer.status });
        }
        if (answer.status === 201 && route.path(id) === '/api/consent-requests' && who === 'csp') createdConsents++;
        if (answer.status < 300 && route.path(id).startsWith('/api/admin/')) expect(who).toBe('operator');
      },
    ),
    { numRuns: 1000 },
  );
  expect(await consentCount()).toBe(before + createdConsents);
}, 120_000);
