import { HttpRequest, InvocationContext, type HttpResponse } from '@azure/functions';
import { RestError } from '@azure/core-rest-pipeline';
import { conflict, invalid } from '../../../shared/errors';
import { withHttpConventions } from '../../../shared/http/conventions';

const request = new HttpRequest({ method: 'GET', url: 'http://localhost/api/x' });

async function call(handler: () => unknown) {
  const logged: string[] = [];
  const context = new InvocationContext({
    invocationId: 'inv-123',
    logHandler: (_level, ...args) => logged.push(args.join(' ')),
  });
  const response = (await withHttpConventions(async () => handler() as never)(request, context)) as HttpResponse;
  const text = await response.text();
  return { response, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, logged };
}

describe('HTTP conventions', () => {
  it('puts the invocation id in x-request-id and JSON with charset', async () => {
    const { response, body } = await call(() => ({ jsonBody: { ok: true } }));
    expect(response.headers.get('x-request-id')).toBe('inv-123');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(body).toEqual({ ok: true });
  });

  it('answers a validation error with 400 problem+json listing the fields', async () => {
    const { response, body } = await call(() => {
      throw invalid('bad', [{ path: 'customer.tenantId', message: 'must be a GUID' }]);
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(body).toEqual({
      type: '/problems/validation',
      title: 'The request is not valid',
      status: 400,
      detail: 'bad',
      errors: [{ path: 'customer.tenantId', message: 'must be a GUID' }],
    });
  });

  it('maps a conflict to 409', async () => {
    const { response, body } = await call(() => {
      throw conflict('The consent is not pending.');
    });
    expect(response.status).toBe(409);
    expect(body).toMatchObject({ type: '/problems/conflict', detail: 'The consent is not pending.' });
  });

  it('answers 503 with Retry-After when storage does not answer', async () => {
    const { response, body } = await call(() => {
      throw new RestError('connect ECONNREFUSED 127.0.0.1:1', { code: 'REQUEST_SEND_ERROR' });
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(body).toMatchObject({ type: '/problems/unavailable' });
  });

  it('answers an unexpected error with 500 that reveals nothing of it', async () => {
    const { response, body, logged } = await call(() => {
      throw new Error('secret-ish internals');
    });
    expect(response.status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret-ish');
    expect(body).toMatchObject({ type: '/problems/internal', status: 500 });
    expect(logged.join('\n')).toContain('secret-ish internals');
  });
});
