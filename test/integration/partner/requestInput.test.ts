// What every /api route takes, through the local host (issue 14): no unknown query parameter passes silently, a POST
// that takes no body accepts an empty one whatever its Content-Type, and 400s name the field and how to fix it.
import { randomUUID } from 'node:crypto';
import { registeredFunctions, type HttpFunctionDefinition } from '../../../shared/functionRegistry';
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

/** Every documented /api route, with made-up path values (the query check needs no real resource). */
function documentedRoutes(): { method: string; path: string; accepted: string[] }[] {
  return registeredFunctions()
    .filter((f): f is HttpFunctionDefinition => f.trigger === 'http' && f.docs !== undefined)
    .filter((f) => f.route.startsWith('api/'))
    .flatMap((f) =>
      f.methods.map((method) => ({
        method,
        path: `/${f.route.replace(/\{[^}]+\}/g, randomUUID())}`,
        accepted: Object.keys(f.docs!.query?.shape ?? {}),
      })),
    );
}

/** POST routes that take no body, each with a fresh target, and the status each answers when it works. */
async function bodilessPosts(): Promise<[string, string, number][]> {
  const issue = () =>
    app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: randomUUID() }, sendEmail: false },
    });
  return [
    ['cancel', `/api/consent-requests/${(await issue()).body.id as string}/cancel`, 200],
    ['resend', `/api/consent-requests/${(await issue()).body.id as string}/resend`, 200],
    ['rotate the standing link', '/api/consent-link/rotate', 200],
  ];
}

describe('unknown query parameters (issue 14)', () => {
  it('are a 400 on every /api route, naming the parameter and the ones the route takes', async () => {
    const routes = documentedRoutes();
    expect(routes.length).toBeGreaterThan(20);
    for (const { method, path, accepted } of routes) {
      const answer = await app.call(method, `${path}?bogus=1`, { key: csp.key });
      expect({ route: `${method} ${path}`, status: answer.status }).toEqual({
        route: `${method} ${path}`,
        status: 400,
      });
      expect(answer.body.type).toBe('/problems/validation');
      expect(answer.body.errors).toEqual([
        {
          path: 'bogus',
          message: accepted.length
            ? `is not a query parameter of this route: remove it; it takes ${accepted.join(', ')}`
            : 'is not a query parameter of this route: remove it (this route takes none)',
        },
      ]);
    }
  });

  it('a misspelt list filter is refused, not ignored: the list would otherwise be unfiltered', async () => {
    const answer = await app.call('GET', `/api/consent-requests?tenantid=${randomUUID()}`, { key: csp.key });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        path: 'tenantid',
        message:
          'is not a query parameter of this route: remove it; it takes pageSize, continuationToken, status, tenantId; ' +
          'did you mean tenantId? (names are case-sensitive)',
      },
    ]);
  });

  it('a parameter given twice is refused, not half-read', async () => {
    const answer = await app.call('GET', '/api/consent-requests?status=pending&status=accepted', { key: csp.key });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ path: 'status', message: 'is given more than once: give it once' }]);
  });

  it('documented parameters still work', async () => {
    const answer = await app.call('GET', '/api/consent-requests?status=pending&pageSize=5', { key: csp.key });
    expect(answer.status).toBe(200);
  });
});

describe('a POST that takes no body (issue 14; API.md, local host)', () => {
  it('accepts Content-Type: application/json with nothing after it, as many HTTP clients send', async () => {
    for (const [what, path, status] of await bodilessPosts()) {
      const answer = await app.call('POST', path, { key: csp.key, headers: { 'content-type': 'application/json' } });
      expect({ what, status: answer.status }).toEqual({ what, status });
    }
  });

  it('accepts an empty body of any other Content-Type, and an empty JSON object', async () => {
    const [cancel, resend, rotate] = (await bodilessPosts()).map(([, path]) => path);
    const asText = await app.call('POST', cancel!, { key: csp.key, headers: { 'content-type': 'text/plain' } });
    expect(asText.status).toBe(200);
    const asForm = await app.call('POST', rotate!, {
      key: csp.key,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(asForm.status).toBe(200);
    const emptyObject = await app.call('POST', resend!, { key: csp.key, body: {} });
    expect(emptyObject.status).toBe(200);
  });

  it('refuses a body it would ignore with a 400 that says to send none, and changes nothing', async () => {
    const [, cancel] = (await bodilessPosts())[0]!;
    const answer = await app.call('POST', cancel, { key: csp.key, body: { reason: 'customer asked' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'body', message: 'must be empty: this request takes no body (send it without one)' },
    ]);
    const consent = await app.call('GET', cancel.replace(/\/cancel$/, ''), { key: csp.key });
    expect(consent.body.status).toBe('pending');
  });

  it('the key routes take an optional name: an empty JSON body mints an unnamed key, a name is kept', async () => {
    const operator = { key: app.operatorKey, headers: { 'content-type': 'application/json' } };
    const partnerKey = await app.call('POST', `/api/admin/partners/${csp.id}/keys`, operator);
    expect(partnerKey.status).toBe(201);
    expect(partnerKey.body.apiKey).toMatch(/^apc\./);
    const operatorKey = await app.call('POST', '/api/admin/keys', operator);
    expect(operatorKey.status).toBe(201);
    const named = await app.call('POST', '/api/admin/keys', { key: app.operatorKey, body: { name: 'on-call' } });
    expect(named.status).toBe(201);
    const listed = await app.call('GET', '/api/admin/keys?pageSize=100', { key: app.operatorKey });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ keyId: named.body.keyId, name: 'on-call' }));
    const misnamed = await app.call('POST', '/api/admin/keys', { key: app.operatorKey, body: { label: 'x' } });
    expect(misnamed.status).toBe(400);
    expect(misnamed.body.errors).toEqual([
      { path: 'label', message: 'is not part of this request: remove it; the fields here are name' },
    ]);
  });
});

describe('400s name the field and how to fix it, in each route family (issue 14)', () => {
  it('partner: a consent request with a raw string body, a quoted number and an unknown field', async () => {
    const notObject = await app.call('POST', '/api/consent-requests', { key: csp.key, body: '"hello"' });
    expect(notObject.status).toBe(400);
    expect(notObject.body.errors).toEqual([
      {
        path: 'body',
        message:
          'must be a JSON object { … }, not the text "hello"; the fields here are customer, delegatedAdmin, ' +
          'expiresInDays, message, sendEmail',
      },
    ]);
    const mixed = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { contactEmail: 'it@woodgrove.example' }, expiresInDays: '30', sendMail: false },
    });
    expect(mixed.body.errors).toEqual([
      { path: 'expiresInDays', message: 'must be a number, not the text "30": send 30 without quotes' },
      {
        path: 'sendMail',
        message:
          'is not part of this request: remove it; the fields here are customer, delegatedAdmin, expiresInDays, ' +
          'message, sendEmail',
      },
    ]);
  });

  it('OEM: a CSV batch without ?tenantId= says to add it; a CSV sent as text/plain says to send text/csv', async () => {
    const oem = await registeredPartner(app, 'oem');
    const csv = 'Device Serial Number,Windows Product ID,Hardware Hash\r\nPF1,,AAAA\r\n';
    const noTenant = await app.call('POST', '/api/oem/device-submission-checks', {
      key: oem.key,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(noTenant.status).toBe(400);
    expect(noTenant.body.errors).toEqual([
      {
        path: 'tenantId',
        message: 'add ?tenantId=<customer tenant GUID> to the URL when sending text/csv (a CSV has no tenant column)',
      },
    ]);
    const asText = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${randomUUID()}`, {
      key: oem.key,
      body: csv,
      headers: { 'content-type': 'text/plain' },
    });
    expect(asText.status).toBe(415);
    expect(asText.body.detail).toBe(
      'Send CSV as text/csv or JSON as application/json (the Content-Type header), not text/plain.',
    );
  });

  it('partner: a tenant id in the path that is no GUID is named, with an example', async () => {
    const answer = await app.call('GET', '/api/customers/contoso.com/authorization', { key: csp.key });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'tenantId', message: 'must be a tenant GUID such as 3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35' },
    ]);
  });

  it('operator: a partner registration missing its tenant and with a kind that does not exist', async () => {
    const answer = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: { displayName: 'Fabrikam', type: 'csp', contactEmail: 'ops@fabrikam.example' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        path: 'type',
        message: 'must be one of "direct-csp", "indirect-provider", "indirect-reseller", "oem", not the text "csp"',
      },
      { path: 'tenantId', message: 'is required: add it (tenant GUID)' },
    ]);
  });
});
