// Failures on the customer pages answered as HTML a person can read, never problem+json: one table from error kind to
// page, as shared/http/problem.ts has for the API.
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { ServiceError, type ErrorKind } from '../errors';
import {
  htmlPage,
  pageResponse,
  pickLocale,
  renderNotFoundPage,
  renderServiceErrorPage,
  type PageContext,
  type RenderedPage,
  type ServiceErrorReason,
} from '../pages';
import { dependencyUnavailable } from './conventions';

/** What a browser is told to wait before retrying when storage does not answer (or it asked too often). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The page each kind of expected failure shows, on the customer pages and in the portal. Pages carry no API key, so
 * 401 cannot arise; it reads as 403.
 */
export const PAGE_FOR: Record<Exclude<ErrorKind, 'not-found'>, ServiceErrorReason> = {
  validation: 'bad-request',
  'payload-too-large': 'too-large',
  'unsupported-media-type': 'bad-request',
  'idempotency-mismatch': 'bad-request',
  unauthenticated: 'forbidden',
  forbidden: 'forbidden',
  conflict: 'conflict',
  'idempotency-in-progress': 'conflict',
  gone: 'conflict',
  'rate-limited': 'rate-limited',
  unavailable: 'unavailable',
};

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
  const page: PageContext = { locale: pickLocale(undefined, request.headers.get('accept-language')) };
  const requestId = context.invocationId;
  if (dependencyUnavailable(error)) {
    context.error(`A dependency did not answer: ${(error as Error).message}`);
    return withRetryAfter(failure(page, 'unavailable', requestId));
  }
  if (error instanceof ServiceError) {
    // An expected refusal or race, not our failure: its kind says which page; only its kind reaches the log.
    context.warn(`Page request refused: ${error.kind}`);
    if (error.kind === 'not-found') return pageResponse(renderNotFoundPage(page));
    const reason = PAGE_FOR[error.kind];
    const answer = failure(page, reason, requestId);
    return reason === 'unavailable' || reason === 'rate-limited' ? withRetryAfter(answer) : pageResponse(answer);
  }
  // Only the error's name and message: request data (tokens, principals) never reaches the log.
  context.error(`Unhandled error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return pageResponse(failure(page, 'internal', requestId));
}

function failure(page: PageContext, reason: ServiceErrorReason, requestId: string): RenderedPage {
  return renderServiceErrorPage({ ...page, reason, requestId });
}

function withRetryAfter(page: RenderedPage): HttpResponseInit {
  return htmlPage(page.status, page.html, { 'retry-after': String(RETRY_AFTER_SECONDS) });
}
