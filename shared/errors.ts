// The small set of errors use cases throw; shared/http/problem.ts maps each kind to one problem+json answer.

/**
 * What is wrong, as a stable code: the API answers only the English `message`, while pages that speak other languages
 * (the partner portal) choose their own words by code. Never part of an answer's JSON.
 */
export type ErrorCode =
  | 'required'
  | 'empty'
  | 'wrong-type'
  | 'not-a-number'
  | 'not-whole-number'
  | 'too-small'
  | 'too-big'
  | 'too-short'
  | 'too-long'
  | 'too-few'
  | 'too-many'
  | 'invalid-format'
  | 'not-allowed'
  | 'unknown-field'
  | 'control-characters'
  | 'web-address'
  | 'contact-email-needed'
  | 'delegated-admin-not-allowed'
  | 'unknown-role'
  | 'duplicate-role'
  | 'global-admin-auto-extend'
  | 'url-not-absolute'
  | 'url-scheme'
  | 'url-credentials'
  | 'url-unresolvable'
  | 'url-not-public'
  | 'webhook-limit'
  | 'changed-meanwhile';

/**
 * A field-level complaint, `path` in dotted form (`customer.contactEmail`). `code` and `limit` (the bound a too-long or
 * too-small value broke) are for pages that word it themselves; problem+json carries only `path` and `message`.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: ErrorCode;
  limit?: number;
}

export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'idempotency-mismatch'
  | 'idempotency-in-progress'
  | 'rate-limited'
  | 'unavailable';

/** An expected failure with a message meant for the caller (never a secret, never a stack). */
export class ServiceError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly errors?: FieldError[],
    readonly retryAfterSeconds?: number,
    /** Which refusal this is, for pages that word it themselves; never part of an answer's JSON. */
    readonly code?: ErrorCode,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const invalid = (message: string, errors?: FieldError[]) => new ServiceError('validation', message, errors);
export const unauthenticated = (message: string) => new ServiceError('unauthenticated', message);
export const forbidden = (message: string) => new ServiceError('forbidden', message);
export const notFound = (message: string) => new ServiceError('not-found', message);
export const conflict = (message: string, code?: ErrorCode) =>
  new ServiceError('conflict', message, undefined, undefined, code);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new ServiceError('rate-limited', message, undefined, retryAfterSeconds);
export const unavailable = (message: string, retryAfterSeconds = 5) =>
  new ServiceError('unavailable', message, undefined, retryAfterSeconds);

/** The most an error message quotes of anything a caller sent, so a huge input never makes a huge answer. */
export const MAX_ECHOED_CHARACTERS = 200;

/** A caller's value as an error message may quote it: at most MAX_ECHOED_CHARACTERS, cut with an ellipsis. */
export function shortened(text: string): string {
  return text.length > MAX_ECHOED_CHARACTERS ? `${text.slice(0, MAX_ECHOED_CHARACTERS)}…` : text;
}
