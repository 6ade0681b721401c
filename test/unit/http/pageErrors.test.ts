// Page failures are HTML a person can read: 503 with Retry-After when storage is down, 500 that reveals nothing.
import { HttpRequest, InvocationContext, type HttpHandler, type HttpResponseInit } from '@azure/functions';
import { RestError } from '@azure/core-rest-pipeline';
import { conflict, forbidden, invalid, notFound, ServiceError } from '../../../shared/errors';
import { withPageErrors } from '../../../shared/http/pageErrors';
import { messagesFor } from '../../../shared/pages/messages';
import { visibleText } from '../pages/html';

function invoke(handler: HttpHandler, acceptLanguage = 'en') {
  const logged: string[] = [];
  const context = new InvocationContext({
    invocationId: 'req-123',
    logHandler: (_level, ...args) => logged.push(args.join(' ')),
  });
  const request = new HttpRequest({
    method: 'GET',
    url: 'http://localhost/consent/x',
    headers: { 'accept-language': acceptLanguage },
  });
  return { answer: withPageErrors(handler)(request, context) as Promise<HttpResponseInit>, logged };
}

describe('withPageErrors', () => {
  it('passes a page through untouched', async () => {
    const page = { status: 200, body: 'ok' };
    expect(await invoke(async () => page).answer).toBe(page);
  });

  it('storage not answering: 503 page with Retry-After, in the reader’s language', async () => {
    const { answer, logged } = invoke(async () => {
      throw new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' });
    }, 'de');
    const response = await answer;
    const headers = response.headers as Record<string, string>;
    expect(response.status).toBe(503);
    expect(headers['retry-after']).toBe('5');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(visibleText(response.body as string)).toContain(messagesFor('de').serviceError.unavailable.title);
    expect(logged.join('\n')).toContain('A dependency did not answer');
  });

  it('storage throttling (429) is a 503 too', async () => {
    const response = await invoke(async () => {
      throw new RestError('busy', { statusCode: 429 });
    }).answer;
    expect(response.status).toBe(503);
  });

  it('anything else: a 500 page with a reference to quote, and no detail of the error', async () => {
    const { answer, logged } = invoke(async () => {
      throw new TypeError('secret detail x-ms-client-principal=abc');
    });
    const response = await answer;
    const text = visibleText(response.body as string);
    expect(response.status).toBe(500);
    const t = messagesFor('en');
    expect(text).toContain(t.serviceError.internal.title);
    expect(text).toContain(`${t.requestIdLabel}: req-123`);
    expect(text).not.toContain('secret detail');
    expect(logged.join('\n')).toContain('Unhandled error: TypeError');
  });

  it.each([
    ['a lost race', conflict('This consent is accepted.'), 409, 'conflict'],
    [
      'a partner suspended between opening and answering',
      forbidden('Your partner account is suspended.'),
      403,
      'forbidden',
    ],
    ['an unreadable post', invalid('Not a form.'), 400, 'bad-request'],
    ['a post over 256 KiB (API.md: 413)', new ServiceError('payload-too-large', 'Too large.'), 413, 'too-large'],
  ] as const)('%s: its own page and status, no 500 and no "Unhandled error" log', async (_, error, status, reason) => {
    const { answer, logged } = invoke(async () => {
      throw error;
    });
    const response = await answer;
    expect(response.status).toBe(status);
    expect(visibleText(response.body as string)).toContain(messagesFor('en').serviceError[reason].title);
    expect(visibleText(response.body as string)).not.toContain(error.message);
    expect(logged.join('\n')).not.toContain('Unhandled error');
  });

  it('not found: the not-found page', async () => {
    const response = await invoke(async () => {
      throw notFound('No such consent.');
    }).answer;
    expect(response.status).toBe(404);
  });
});
