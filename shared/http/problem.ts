// RFC 9457 problem+json answers: one table from error kind to status and title, one responder.
import type { HttpResponseInit } from '@azure/functions';
import { ServiceError, type ErrorKind, type FieldError } from '../errors';

export type ProblemSlug = ErrorKind | 'internal';

export const PROBLEMS: Record<ProblemSlug, { status: number; title: string }> = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'This action is not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  gone: { status: 410, title: 'No longer available' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'idempotency-mismatch': { status: 422, title: 'Idempotency key reused with a different request' },
  'idempotency-in-progress': { status: 409, title: 'A request with this Idempotency-Key is still running' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service temporarily unavailable' },
  internal: { status: 500, title: 'Internal error' },
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function problemResponse(
  slug: ProblemSlug,
  detail: string,
  options: { errors?: FieldError[]; retryAfterSeconds?: number; extensions?: Record<string, unknown> } = {},
): HttpResponseInit {
  const { status, title } = PROBLEMS[slug];
  // RFC 9457 extension members come first so they can never overwrite the standard ones.
  const body: ProblemBody = { ...options.extensions, type: `/problems/${slug}`, title, status, detail };
  // Only path and message: a field error's code and limit are for the portal's own words, not the contract.
  if (options.errors?.length) body.errors = options.errors.map(({ path, message }) => ({ path, message }));
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (options.retryAfterSeconds !== undefined) headers['retry-after'] = String(options.retryAfterSeconds);
  return { status, headers, body: JSON.stringify(body) };
}

export function problemFromError(error: ServiceError): HttpResponseInit {
  return problemResponse(error.kind, error.message, {
    errors: error.errors,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}
