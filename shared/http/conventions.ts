// What every HTTP function answers alike: x-request-id, safe defaults, and errors turned into problem+json.
import { HttpResponse, type HttpHandler, type HttpResponseInit } from '@azure/functions';
import { isRestError } from '@azure/core-rest-pipeline';
import { ServiceError } from '../errors';
import { problemFromError, problemResponse } from './problem';

/** Headers every response carries unless the handler set its own. */
const DEFAULT_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Wraps a handler so that expected errors become problems and unexpected ones a 500 that leaks nothing. */
export function withHttpConventions(handler: HttpHandler): HttpHandler {
  return async (request, context) => {
    let result: HttpResponseInit | HttpResponse;
    try {
      result = await handler(request, context);
    } catch (error) {
      result = answerFor(error, (message) => context.error(message));
    }
    const response = result instanceof HttpResponse ? result : new HttpResponse(result);
    for (const [name, value] of Object.entries(DEFAULT_HEADERS)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    if (response.headers.get('content-type') === 'application/json') {
      response.headers.set('content-type', 'application/json; charset=utf-8');
    }
    response.headers.set('x-request-id', context.invocationId);
    return response;
  };
}

function answerFor(error: unknown, logError: (message: string) => void): HttpResponseInit {
  if (error instanceof ServiceError) return problemFromError(error);
  if (dependencyUnavailable(error)) {
    logError(`A dependency did not answer: ${(error as Error).message}`);
    return problemResponse('unavailable', 'Storage is not answering right now. Retry after the given delay.', {
      retryAfterSeconds: 5,
    });
  }
  // Only the error's name and message: request data (keys, tokens, principals) never reaches the log.
  logError(`Unhandled error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return problemResponse(
    'internal',
    'Something went wrong on our side. Try again; if it persists, quote the x-request-id.',
  );
}

/**
 * Azure SDK failures that are not the caller's fault and may pass: no answer at all (refused, or abandoned at its
 * deadline, which the SDKs report as an AbortError), throttling, or a 5xx.
 */
export function dependencyUnavailable(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return true;
  if (!isRestError(error)) return false;
  const status = error.statusCode;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}
