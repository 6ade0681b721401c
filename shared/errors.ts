// The small set of errors use cases throw; shared/http/problem.ts maps each kind to one problem+json answer.

/** A field-level complaint, `path` in dotted form (`customer.contactEmail`). */
export interface FieldError {
  path: string;
  message: string;
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
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const invalid = (message: string, errors?: FieldError[]) => new ServiceError('validation', message, errors);
export const unauthenticated = (message: string) => new ServiceError('unauthenticated', message);
export const forbidden = (message: string) => new ServiceError('forbidden', message);
export const notFound = (message: string) => new ServiceError('not-found', message);
export const conflict = (message: string) => new ServiceError('conflict', message);
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
