// Reading request input safely: size and media type checked before parsing, then validated by one zod schema.
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { invalid, ServiceError, shortened, type FieldError } from '../errors';

/** Bodies above this are refused before they are parsed (API.md). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Reads a JSON body and validates it; every failure is a 4xx ServiceError a caller can act on. */
export async function readJsonBody<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<S>> {
  requireMediaType(request, ['application/json']);
  return parseJsonBody(await readBodyText(request, maxBytes), schema);
}

/** A JSON body already read as text, parsed and validated. */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('The request body is not valid JSON.');
  }
  return validate(schema, value, 'The request body');
}

/** Like readJsonBody, but an empty body (no Content-Type, no bytes) stands for `empty`. */
export async function readOptionalJsonBody<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  empty: z.infer<S>,
): Promise<z.infer<S>> {
  const length = request.headers.get('content-length');
  if (!request.headers.get('content-type') && (length === null || length === '0')) return empty;
  return readJsonBody(request, schema);
}

/** Reads the raw body as text, refusing bodies over `maxBytes` (by header first, then by actual length). */
export async function readBodyText(request: HttpRequest, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return bytes.toString('utf8');
}

/** Refuses a request whose Content-Type is not one of `accepted` (parameters such as charset are ignored). */
export function requireMediaType(request: HttpRequest, accepted: string[]): string {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(mediaType)) {
    throw new ServiceError(
      'unsupported-media-type',
      `Send the body as ${accepted.join(' or ')}${mediaType ? `, not ${mediaType}` : ' (Content-Type is missing)'}.`,
    );
  }
  return mediaType;
}

/** Validates query parameters (first value of each) against a schema. */
export function readQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.infer<S> {
  return validate(schema, Object.fromEntries(request.query.entries()), 'The query string');
}

/**
 * What a 400 echoes of a bad body is bounded, whatever was sent: at most this many field errors (the first ones, then
 * a count of the rest), each message and path at most MAX_ECHOED_CHARACTERS long. A body with 200 000 unknown keys gets a short answer.
 */
export const MAX_REPORTED_ERRORS = 20;

/** Validates any value, turning zod issues into field errors with dotted paths. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  const errors: FieldError[] = issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => ({
    path: shortened(issue.path.map(String).join('.')),
    message: shortened(issue.message),
  }));
  const more = issues.length - errors.length;
  const listed = errors.map((error) => describe(error)).join('; ');
  throw invalid(`${what} is not valid: ${listed}${more > 0 ? `; and ${more} more` : ''}.`, errors);
}

function describe(error: FieldError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

function tooLarge(maxBytes: number): ServiceError {
  return new ServiceError('payload-too-large', `The request body must not exceed ${maxBytes / 1024} KiB.`);
}
