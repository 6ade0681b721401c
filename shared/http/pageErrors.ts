// Failures on the customer pages answered as HTML a person can read, never problem+json: 503 + Retry-After, or 500.
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { ServiceError } from '../errors';
import { htmlPage, pickLocale, renderServiceErrorPage } from '../pages';
import { dependencyUnavailable } from './conventions';

/** What a browser is told to wait before retrying when storage does not answer. */
const RETRY_AFTER_SECONDS = 5;

/** Wraps a page handler so that nothing it throws reaches the problem+json conventions. */
export function withPageErrors(handler: HttpHandler): HttpHandler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorPage(error, request, context);
    }
  };
}

function errorPage(error: unknown, request: HttpRequest, context: InvocationContext): HttpResponseInit {
  const locale = pickLocale(undefined, request.headers.get('accept-language'));
  const requestId = context.invocationId;
  if (dependencyUnavailable(error) || (error instanceof ServiceError && error.kind === 'unavailable')) {
    context.error(`A dependency did not answer: ${(error as Error).message}`);
    const page = renderServiceErrorPage({ locale, reason: 'unavailable', requestId });
    return htmlPage(page.status, page.html, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
  // Only the error's name and message: request data (tokens, principals) never reaches the log.
  context.error(`Unhandled error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  const page = renderServiceErrorPage({ locale, reason: 'internal', requestId });
  return htmlPage(page.status, page.html);
}
