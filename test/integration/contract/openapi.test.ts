// The served OpenAPI document covers every /api route, and real answers validate against it.
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { registeredFunctions } from '../../../shared/functionRegistry';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner } from '../../support/partners';
import { globalAdminOf } from '../../support/storeFixtures';

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

let app: AppHost;
let doc: Document;
const ajv = new Ajv2020({ strict: false, allErrors: true });

beforeAll(async () => {
  app = await startAppHost();
  doc = (await app.call('GET', '/api/openapi.json')).body;
  ajv.addSchema({ $id: 'doc', components: doc.components });
});
afterAll(async () => {
  await app.stop();
});

/** Validates an answer against the document's schema for that route, method, status and media type. */
function expectConforms(path: string, method: string, answer: { status: number; headers: Headers; body: unknown }) {
  const operation = doc.paths[path]?.[method];
  expect(operation).toBeDefined();
  const response = operation!.responses[String(answer.status)];
  expect(response).toBeDefined();
  const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0]!;
  const schema = response!.content?.[mediaType]?.schema;
  if (!schema) {
    expect(answer.body).toBeUndefined();
    return;
  }
  const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"doc#/components')));
  const valid = validate(answer.body);
  if (!valid) throw new Error(`${method.toUpperCase()} ${path} ${answer.status}: ${ajv.errorsText(validate.errors)}`);
}

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
    const issue = doc.paths['/api/consent-requests']!.post!;
    expect(issue.responses['400']!.content!['application/problem+json']!.schema).toEqual({
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
