import { HttpRequest, InvocationContext } from '@azure/functions';
import { z } from 'zod';
import { ServiceError } from '../../../shared/errors';
import {
  MAX_BODY_BYTES,
  readJsonBody,
  readOptionalJsonBody,
  readQuery,
  withDeclaredInput,
} from '../../../shared/http/request';

const schema = z.object({ customer: z.object({ contactEmail: z.email() }), expiresInDays: z.number().int().max(90) });

function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return new HttpRequest({ method: 'POST', url: 'http://localhost/api/x', headers, body: { string: body } });
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('reading JSON request bodies', () => {
  it('returns the validated body', async () => {
    const body = { customer: { contactEmail: 'admin@contoso.com' }, expiresInDays: 30 };
    await expect(readJsonBody(post(JSON.stringify(body)), schema)).resolves.toEqual(body);
  });

  it('accepts a charset parameter on the media type', async () => {
    const request = post('{"customer":{"contactEmail":"a@b.co"},"expiresInDays":1}', {
      'content-type': 'Application/JSON; charset=utf-8',
    });
    await expect(readJsonBody(request, schema)).resolves.toMatchObject({ expiresInDays: 1 });
  });

  it('refuses another media type with 415', async () => {
    const error = await failure(readJsonBody(post('a=b', { 'content-type': 'text/plain' }), schema));
    expect(error.kind).toBe('unsupported-media-type');
    expect(error.message).toContain('application/json');
  });

  it('refuses a body over 256 KiB with 413 before parsing', async () => {
    const error = await failure(readJsonBody(post(`"${'x'.repeat(MAX_BODY_BYTES)}"`), schema));
    expect(error.kind).toBe('payload-too-large');
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const request = post('{}', { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) });
    expect((await failure(readJsonBody(request, schema))).kind).toBe('payload-too-large');
  });

  it('refuses malformed JSON with 400', async () => {
    const error = await failure(readJsonBody(post('{"customer":'), schema));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe('The request body is not valid JSON: check quotes, commas and brackets.');
    expect(error.errors).toEqual([{ path: 'body', message: 'is not valid JSON: check quotes, commas and brackets' }]);
  });

  it('names every bad field in errors[] with a dotted path', async () => {
    const error = await failure(readJsonBody(post('{"customer":{"contactEmail":"nope"},"expiresInDays":91}'), schema));
    expect(error.kind).toBe('validation');
    expect(error.errors?.map((e) => e.path)).toEqual(['customer.contactEmail', 'expiresInDays']);
  });
});

describe('reading query strings', () => {
  it('validates the query parameters', () => {
    const request = new HttpRequest({ method: 'GET', url: 'http://localhost/api/x?pageSize=500' });
    const query = z.object({ pageSize: z.coerce.number().max(100) });
    expect(() => readQuery(request, query)).toThrow(ServiceError);
  });
});

describe('what a 400 echoes of a bad body', () => {
  it('one object with 200 000 unknown keys gets 20 errors, each naming one, then how many more', async () => {
    const keys = Object.fromEntries(Array.from({ length: 200_000 }, (_, index) => [`key${index}`, 1]));
    const error = await failure(
      readJsonBody(post(JSON.stringify({ device: keys })), z.object({ device: z.strictObject({}) }), 8 * 1024 * 1024),
    );
    expect(error.errors).toHaveLength(20);
    expect(error.errors![0]).toEqual({
      path: 'device.key0',
      message: 'is not part of this request: remove it; no fields are taken here',
      code: 'unknown-field',
    });
    expect(error.message).toMatch(/; and 199980 more\.$/);
    expect(error.message.length).toBeLessThan(2000);
  });

  it('at most 20 field errors, then how many more', async () => {
    const items = z.object({ items: z.array(z.number()) });
    const error = await failure(readJsonBody(post(JSON.stringify({ items: Array(100).fill('x') })), items));
    expect(error.errors).toHaveLength(20);
    expect(error.message).toMatch(/; and 80 more\.$/);
  });
});

describe('input a route does not declare (issue 14)', () => {
  const answered = withDeclaredInput(async () => ({ status: 204 }), { query: ['pageSize'], body: false });
  const context = new InvocationContext({ functionName: 'x', invocationId: 'i' });
  const send = async (url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
    answered(
      new HttpRequest({
        method: init.method ?? 'POST',
        url,
        headers: init.headers,
        body: init.body === undefined ? undefined : { string: init.body },
      }),
      context,
    );

  it('passes declared parameters and an empty body of any media type', async () => {
    await expect(
      send('http://localhost/api/x?pageSize=5', { headers: { 'content-type': 'application/json' } }),
    ).resolves.toEqual({
      status: 204,
    });
    await expect(
      send('http://localhost/api/x', { body: '  ', headers: { 'content-type': 'text/plain' } }),
    ).resolves.toEqual({
      status: 204,
    });
  });

  it('refuses at most 20 unknown parameters by name, then counts the rest', async () => {
    const query = Array.from({ length: 50 }, (_, index) => `p${index}=1`).join('&');
    const error = await failure(send(`http://localhost/api/x?${query}`, { method: 'GET' }));
    expect(error.errors).toHaveLength(20);
    expect(error.errors![0]).toEqual({
      path: 'p0',
      message: 'is not a query parameter of this route: remove it; it takes pageSize',
    });
    expect(error.message).toMatch(/; and 30 more\.$/);
  });

  it('refuses a body on a route that takes none', async () => {
    const error = await failure(
      send('http://localhost/api/x', { body: 'x=1', headers: { 'content-type': 'text/plain' } }),
    );
    expect(error.errors).toEqual([
      { path: 'body', message: 'must be empty: this request takes no body (send it without one)' },
    ]);
  });
});

describe('optional JSON bodies (issue 14)', () => {
  const schema = z.strictObject({ name: z.string().optional() });

  it('an empty body stands for the default whatever its Content-Type', async () => {
    const mediaTypes: Record<string, string>[] = [
      {},
      { 'content-type': 'application/json' },
      { 'content-type': 'text/plain' },
    ];
    for (const headers of mediaTypes) {
      await expect(readOptionalJsonBody(post('', headers), schema, {})).resolves.toEqual({});
    }
  });

  it('a body with content is JSON and validated', async () => {
    await expect(readOptionalJsonBody(post('{"name":"ops"}'), schema, {})).resolves.toEqual({ name: 'ops' });
    expect(
      (await failure(readOptionalJsonBody(post('name=ops', { 'content-type': 'text/plain' }), schema, {}))).kind,
    ).toBe('unsupported-media-type');
  });
});
