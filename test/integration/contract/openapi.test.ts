// The served OpenAPI document covers every /api route, and real answers validate against it: status, media type,
// body and the headers it declares.
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { registeredFunctions } from '../../../shared/functionRegistry';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner } from '../../support/partners';
import { globalAdminOf } from '../../support/storeFixtures';
import { conformanceTo, type Conformance, type OpenApiDocument } from './conformance';

let app: AppHost;
let doc: OpenApiDocument;
let conformance: Conformance;

beforeAll(async () => {
  app = await startAppHost();
  const served = await app.call('GET', '/api/openapi.json');
  doc = served.body;
  conformance = conformanceTo(doc);
  conformance.expectConforms('/api/openapi.json', 'get', served);
});
afterAll(async () => {
  await app.stop();
});

const expectConforms: Conformance['expectConforms'] = (...args) => conformance.expectConforms(...args);

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every /api route and method', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    const registered = registeredFunctions().flatMap((f) =>
      f.trigger === 'http' && f.route.startsWith('api/') && !f.route.includes('{*')
        ? f.methods.map((m) => `${m.toLowerCase()} /${f.route}`)
        : [],
    );
    expect(documented.sort()).toEqual(registered.sort());
  });

  it('documents the problem format for errors', () => {
    expect(
      conformance.response('/api/consent-requests', 'post', 400)!.content['application/problem+json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });
});

describe('real answers validate against the served document', () => {
  it('a partner journey and the operator routes', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    const oem = await registeredPartner(app, 'oem');
    const admin = globalAdminOf();
    const check = async (
      method: string,
      path: string,
      docPath: string,
      options: Parameters<AppHost['call']>[2] = {},
    ) => {
      const answer = await app.call(method.toUpperCase(), path, options);
      expectConforms(docPath, method, answer);
      return answer;
    };

    const issued = await check('post', '/api/consent-requests', '/api/consent-requests', {
      key: csp.key,
      body: {
        customer: { tenantId: admin.tenantId, contactEmail: 'it@woodgrove.example', locale: 'de' },
        delegatedAdmin: { roles: ['3a2c62db-5318-420d-8d74-23affee5d9d5'] },
      },
    });
    const id = issued.body.id as string;
    await check('post', '/api/consent-requests', '/api/consent-requests', { key: csp.key, body: { customer: {} } });
    const replayed = await check('post', '/api/consent-requests', '/api/consent-requests', {
      key: csp.key,
      headers: { 'idempotency-key': 'contract-replay' },
      body: { customer: { tenantId: admin.tenantId }, sendEmail: false },
    });
    expect(replayed.status).toBe(201);
    const replay = await check('post', '/api/consent-requests', '/api/consent-requests', {
      key: csp.key,
      headers: { 'idempotency-key': 'contract-replay' },
      body: { customer: { tenantId: admin.tenantId }, sendEmail: false },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const mismatch = await check('post', '/api/consent-requests', '/api/consent-requests', {
      key: csp.key,
      headers: { 'idempotency-key': 'contract-replay' },
      body: { customer: { tenantId: admin.tenantId }, sendEmail: true },
    });
    expect(mismatch.status).toBe(422);
    const tooLarge = await check('post', '/api/consent-requests', '/api/consent-requests', {
      key: csp.key,
      body: JSON.stringify({ message: 'x'.repeat(300 * 1024) }),
    });
    expect(tooLarge.status).toBe(413);
    const notJson = await check('post', '/api/consent-requests', '/api/consent-requests', {
      key: csp.key,
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    await check('get', '/api/consent-requests', '/api/consent-requests', {});
    await check('get', '/api/consent-requests', '/api/consent-requests', { key: csp.key });
    await check('get', `/api/consent-requests/${id}`, '/api/consent-requests/{id}', { key: csp.key });
    await check('get', `/api/consent-requests/nope`, '/api/consent-requests/{id}', { key: csp.key });
    await check('post', `/api/consent-requests/${id}/resend`, '/api/consent-requests/{id}/resend', { key: csp.key });
    await acceptAsCustomer(live, { partnerId: csp.id, consentId: id }, admin);
    await check('get', `/api/consent-requests/${id}/events`, '/api/consent-requests/{id}/events', { key: csp.key });
    await check('post', `/api/consent-requests/${id}/cancel`, '/api/consent-requests/{id}/cancel', { key: csp.key });
    await check('get', '/api/customers', '/api/customers', { key: csp.key });
    await check('get', `/api/customers/${admin.tenantId}/authorization`, '/api/customers/{tenantId}/authorization', {
      key: csp.key,
    });
    await check('get', `/api/customers/${randomUUID()}/authorization`, '/api/customers/{tenantId}/authorization', {
      key: csp.key,
    });
    await check('get', '/api/consent-link', '/api/consent-link', { key: oem.key });
    await check('post', '/api/consent-link/rotate', '/api/consent-link/rotate', { key: oem.key });
    await check('get', `/api/oem/consents/${admin.tenantId}`, '/api/oem/consents/{tenantId}', { key: oem.key });
    await check('get', `/api/oem/consents/${admin.tenantId}`, '/api/oem/consents/{tenantId}', { key: csp.key });
    await check('post', '/api/oem/consent-checks', '/api/oem/consent-checks', {
      key: oem.key,
      body: { tenantIds: [admin.tenantId, randomUUID()] },
    });
    const devices = doc.paths['/api/oem/device-submission-checks']!.post!.requestBody.content;
    await check('post', '/api/oem/device-submission-checks', '/api/oem/device-submission-checks', {
      key: oem.key,
      body: devices['application/json'].example,
    });
    await check(
      'post',
      `/api/oem/device-submission-checks?tenantId=${admin.tenantId}`,
      '/api/oem/device-submission-checks',
      {
        key: oem.key,
        headers: { 'content-type': 'text/csv' },
        body: devices['text/csv'].example,
      },
    );
    await check('get', '/api/admin/partners', '/api/admin/partners', { key: app.operatorKey });
    await check('get', `/api/admin/partners/${csp.id}`, '/api/admin/partners/{id}', { key: app.operatorKey });
    await check('get', `/api/admin/partners/${csp.id}`, '/api/admin/partners/{id}', { key: csp.key });
    await check('patch', `/api/admin/partners/${csp.id}`, '/api/admin/partners/{id}', {
      key: app.operatorKey,
      body: { displayName: 'Contoso Renamed' },
    });
    const key = await check('post', `/api/admin/partners/${csp.id}/keys`, '/api/admin/partners/{id}/keys', {
      key: app.operatorKey,
    });
    await check(
      'delete',
      `/api/admin/partners/${csp.id}/keys/${key.body.keyId as string}`,
      '/api/admin/partners/{id}/keys/{keyId}',
      {
        key: app.operatorKey,
      },
    );
    const operatorKey = await check('post', '/api/admin/keys', '/api/admin/keys', {
      key: app.operatorKey,
      body: { name: 'contract' },
    });
    await check('post', '/api/admin/keys', '/api/admin/keys', { key: app.operatorKey, body: { name: '' } });
    await check('delete', `/api/admin/keys/${operatorKey.body.keyId as string}`, '/api/admin/keys/{keyId}', {
      key: app.operatorKey,
    });
    await check('delete', '/api/admin/keys/nope', '/api/admin/keys/{keyId}', { key: app.operatorKey });
    await check('get', '/api/admin/keys', '/api/admin/keys', { key: app.operatorKey });
    await check('get', '/api/admin/keys', '/api/admin/keys', { key: csp.key });
    await check('post', `/api/admin/consents/${id}/revoke`, '/api/admin/consents/{consentId}/revoke', {
      key: app.operatorKey,
      body: { reason: 'test', ticket: 'T-1' },
    });
    await check('get', '/api/health', '/api/health');
  });
});
