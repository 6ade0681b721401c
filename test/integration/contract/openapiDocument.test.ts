// Issue 14, "The OpenAPI document": named components, tags, examples, every answer declared — judged by ajv and by
// Redocly CLI's recommended rules on the document the service serves.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { conformanceTo, type Conformance, type OpenApiDocument } from './conformance';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the document as JSON

const ROOT = path.resolve(__dirname, '../../..');
const folder = mkdtempSync(path.join(tmpdir(), 'openapi-document-'));
let doc: OpenApiDocument;
let conformance: Conformance;

beforeAll(async () => {
  await import('../../../index');
  const { registeredFunctions } = await import('../../../shared/functionRegistry');
  const { openApi } = await import('../../../functions/openapi');
  doc = (await openApi()).jsonBody as OpenApiDocument;
  expect(registeredFunctions().length).toBeGreaterThan(0);
  conformance = conformanceTo(doc);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every operation as [label, operation]. */
function operations(): [string, Json][] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]): [string, Json] => [
      `${method.toUpperCase()} ${route}`,
      operation,
    ]),
  );
}

/** Every response of every operation, its $ref followed, as [label, status, response]. */
function responses(): [string, number, Json][] {
  return operations().flatMap(([label, operation]) =>
    Object.keys(operation.responses as Json).map((status): [string, number, Json] => {
      const [method, route] = label.split(' ') as [string, string];
      return [label, Number(status), conformance.response(route, method.toLowerCase(), Number(status))!];
    }),
  );
}

/** Every value under `json` (objects and arrays walked), with the key it sits at. */
function* entries(json: unknown, key = ''): Generator<[string, unknown]> {
  yield [key, json];
  if (json && typeof json === 'object') {
    for (const [name, value] of Object.entries(json)) yield* entries(value, name);
  }
}

describe('the OpenAPI document', () => {
  it('names the shared shapes as components and refers to them, so the consent is written out once', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Consent',
        'IssuedConsent',
        'Partner',
        'Customer',
        'Authorization',
        'OemConsent',
        'DeviceCheck',
        'Problem',
        'ConsentEvent',
        'ConsentPage',
        'CustomerPage',
        'PartnerPage',
      ]),
    );
    const consentShapes = (json: unknown) =>
      [...entries(json)].filter(([key, value]) => key === 'properties' && 'acceptedBy' in (value as Json)).length;
    expect(consentShapes(doc.paths)).toBe(0);
    expect(consentShapes(doc.components.schemas)).toBe(2); // Consent, and IssuedConsent with its link
    const read = doc.paths['/api/consent-requests/{id}']!.get!;
    expect(read.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Consent' });
    expect(doc.components.schemas.ConsentPage.properties.items.items).toEqual({
      $ref: '#/components/schemas/Consent',
    });
  });

  it('says format date-time on every time', () => {
    const times = [...entries(doc.components.schemas)].filter(([key]) => /At$/.test(key));
    expect(times.length).toBeGreaterThan(10);
    for (const [key, schema] of times) expect([key, (schema as Json).format]).toEqual([key, 'date-time']);
  });

  it('serves from the relative server /, and groups every operation under one of its tags', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const tags = (doc.tags as Json[]).map((tag) => tag.name);
    expect(tags).toEqual(['partner', 'OEM', 'operator', 'service']);
    for (const [label, operation] of operations())
      expect([label, operation.tags]).toEqual([label, [expect.any(String)]]);
    expect(doc.paths['/api/oem/consent-checks']!.post.tags).toEqual(['OEM']);
    expect(doc.paths['/api/admin/partners']!.post.tags).toEqual(['operator']);
    expect(doc.paths['/api/health']!.get.tags).toEqual(['service']);
  });

  it('gives every operation a summary, a description and an example of every body it takes or answers', () => {
    for (const [label, operation] of operations()) {
      expect([label, operation.summary, operation.description]).toEqual([
        label,
        expect.any(String),
        expect.any(String),
      ]);
      for (const [mediaType, content] of Object.entries((operation.requestBody?.content ?? {}) as Json)) {
        expect([label, mediaType, content.example]).toEqual([label, mediaType, expect.anything()]);
      }
      const successes = Object.entries(operation.responses as Json).filter(([status]) => Number(status) < 300);
      for (const [status, response] of successes) {
        for (const content of Object.values((response.content ?? {}) as Json)) {
          expect([label, status, content.example]).toEqual([label, status, expect.anything()]);
        }
      }
    }
  });

  it('every example is valid against its schema', () => {
    let checked = 0;
    for (const [label, operation] of operations()) {
      for (const [mediaType, content] of Object.entries((operation.requestBody?.content ?? {}) as Json)) {
        conformance.expectValid(content.schema, content.example, `${label} request ${mediaType} example`);
        checked++;
      }
    }
    for (const [label, status, response] of responses()) {
      for (const [mediaType, content] of Object.entries((response.content ?? {}) as Json)) {
        if (content.example === undefined) continue;
        conformance.expectValid(content.schema, content.example, `${label} ${status} ${mediaType} example`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('declares x-request-id on every answer, and Retry-After on every 429 and 503', () => {
    for (const [label, status, response] of responses()) {
      expect([label, status, response.headers['x-request-id']]).toEqual([label, status, expect.anything()]);
      if (status === 429 || status === 503) {
        expect([label, status, response.headers['Retry-After']]).toEqual([label, status, expect.anything()]);
      }
      for (const [mediaType, content] of Object.entries((response.content ?? {}) as Json)) {
        if (status >= 400)
          expect([label, mediaType, content.schema.$ref]).toEqual([label, mediaType, expect.any(String)]);
      }
    }
  });

  it('POST /api/consent-requests: Idempotency-Key in, Idempotent-Replayed out, 409 still running with Retry-After, 422 reuse, 429 with Retry-After', () => {
    const issue = doc.paths['/api/consent-requests']!.post!;
    expect(issue.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    const answer = (status: number) => conformance.response('/api/consent-requests', 'post', status)!;
    expect(Object.keys(answer(201).headers)).toEqual(['x-request-id', 'Location', 'Idempotent-Replayed']);
    expect(answer(409).description).toContain('/problems/idempotency-in-progress');
    expect(Object.keys(answer(409).headers)).toEqual(['x-request-id', 'Retry-After']);
    expect(answer(422).content['application/problem+json'].example.type).toBe('/problems/idempotency-mismatch');
    expect(Object.keys(answer(429).headers)).toEqual(['x-request-id', 'Retry-After']);
  });

  it('every route that reads a body can answer 413 and 415, and every route with credentials 503', () => {
    for (const [label, operation] of operations()) {
      const statuses = Object.keys(operation.responses as Json).map(Number);
      if (operation.requestBody) expect([label, statuses]).toEqual([label, expect.arrayContaining([413, 415])]);
      if (operation.security.length > 0) expect([label, statuses]).toEqual([label, expect.arrayContaining([503])]);
    }
    expect(doc.paths['/api/oem/device-submission-checks']!.post.responses['413'].description).toContain('4 MiB');
  });

  it('GET /api/health declares the 503 body it sends: a problem with "storage": "unavailable"', () => {
    const unavailable = conformance.response('/api/health', 'get', 503)!;
    const { schema, example } = unavailable.content['application/problem+json'];
    expect(schema).toEqual({ $ref: '#/components/schemas/HealthProblem' });
    expect(example.storage).toBe('unavailable');
    expect(() => conformance.expectValid(schema, { ...example, storage: 'ok' }, 'health 503')).toThrow();
    expect(() =>
      conformance.expectValid({ $ref: '#/components/schemas/Problem' }, example, 'a problem with extensions'),
    ).toThrow();
  });

  it('public routes need no credentials; partner routes take a partner key or an Entra token; operator routes an operator key', () => {
    expect(doc.paths['/api/health']!.get.security).toEqual([]);
    expect(doc.paths['/api/openapi.json']!.get.security).toEqual([]);
    expect(doc.paths['/api/openapi.json']!.get.responses['200'].content['application/json']).toBeDefined();
    expect(doc.paths['/api/customers']!.get.security).toEqual([{ partnerKey: [] }, { partnerEntraToken: [] }]);
    expect(doc.paths['/api/admin/partners']!.get.security).toEqual([{ operatorKey: [] }]);
    expect(doc.components.securitySchemes.partnerEntraToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.partnerEntraToken.description).toMatch(/Consent\.Manage.*Consent\.Read/);
  });

  it("passes Redocly CLI's recommended rules with no errors and no warnings", async () => {
    const file = path.join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const args = [cli, 'lint', file, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json'];
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const { stdout } = await promisify(execFile)(process.execPath, args, { env }).catch(
      (failed: { stdout: string }) => failed,
    );
    const report = JSON.parse(stdout) as { totals: Json; problems: Json[] };
    const problems = report.problems.map(
      (problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0].pointer}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
