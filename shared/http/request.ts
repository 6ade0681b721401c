// Reading request input safely: size and media type checked before parsing, validated by one zod schema, and input a
// route does not declare refused rather than ignored.
import type { HttpHandler, HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { invalid, ServiceError, shortened, type FieldError } from '../errors';
import { fieldErrorCount, fieldErrorsOf, issueMessages, type InputPlace } from './issueMessages';

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
  } catch (error) {
    throw notJson(error);
  }
  return validate(schema, value, 'The request body');
}

/**
 * Like readJsonBody, but an empty body stands for `empty` whatever its Content-Type: many HTTP clients send
 * `application/json` with nothing after it when there is nothing to say.
 */
export async function readOptionalJsonBody<S extends z.ZodType>(
  request: HttpRequest,
  schema: S,
  empty: z.infer<S>,
): Promise<z.infer<S>> {
  const text = await readBodyText(request);
  if (text.trim() === '') return empty;
  requireMediaType(request, ['application/json']);
  return parseJsonBody(text, schema);
}

/** What an /api route takes besides its path, as its RouteDocs declare it: its query parameters, and whether a body. */
export interface DeclaredInput {
  query: readonly string[];
  body: boolean;
}

/** Methods whose requests carry no body by their nature: nothing is read of one. */
const METHODS_WITHOUT_BODY = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Wraps an /api handler so that input the route does not declare is refused before it runs, rather than silently
 * ignored: a query parameter it does not take (or one given twice), and a body sent to a route that takes none.
 */
export function withDeclaredInput(handler: HttpHandler, declared: DeclaredInput): HttpHandler {
  return async (request, context) => {
    refuseUndeclaredQuery(request, declared.query);
    if (!declared.body && !METHODS_WITHOUT_BODY.includes(request.method.toUpperCase())) await refuseBody(request);
    return handler(request, context);
  };
}

function refuseUndeclaredQuery(request: HttpRequest, accepted: readonly string[]): void {
  // From the address itself: a host may have folded a repeated parameter into one before request.query.
  const names = [...new URL(request.url).searchParams.keys()];
  const errors: FieldError[] = [];
  for (const name of new Set(names)) {
    if (!accepted.includes(name)) errors.push({ path: name, message: notAParameter(name, accepted) });
    else if (names.indexOf(name) !== names.lastIndexOf(name)) {
      errors.push({ path: name, message: 'is given more than once: give it once' });
    }
  }
  if (errors.length) throw invalidInput('The query string', errors);
}

function notAParameter(name: string, accepted: readonly string[]): string {
  if (accepted.length === 0) return 'is not a query parameter of this route: remove it (this route takes none)';
  const meant = accepted.find((known) => known.toLowerCase() === name.toLowerCase());
  const hint = meant ? `; did you mean ${meant}? (names are case-sensitive)` : '';
  return `is not a query parameter of this route: remove it; it takes ${accepted.join(', ')}${hint}`;
}

/**
 * For a route that takes no body: an empty one passes whatever its Content-Type, and so does the empty JSON object
 * some clients always send; anything else is a 400 rather than words the service would silently drop.
 */
async function refuseBody(request: HttpRequest): Promise<void> {
  const text = (await readBodyText(request)).trim();
  if (text === '' || (mediaTypeOf(request) === 'application/json' && /^\{\s*\}$/.test(text))) return;
  throw invalidInput('The request body', [
    { path: 'body', message: 'must be empty: this request takes no body (send it without one)' },
  ]);
}

/** Reads the raw body as text, refusing bodies over `maxBytes` (by header first, then by actual length). */
export async function readBodyText(request: HttpRequest, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return bytes.toString('utf8');
}

/** What the 415 calls each media type a route accepts. */
const MEDIA_TYPE_NAMES: Record<string, string> = { 'application/json': 'JSON', 'text/csv': 'CSV' };

/** Refuses a request whose Content-Type is not one of `accepted` (parameters such as charset are ignored). */
export function requireMediaType(request: HttpRequest, accepted: string[]): string {
  const mediaType = mediaTypeOf(request);
  if (!accepted.includes(mediaType)) {
    const wanted = accepted.map((type) => `${MEDIA_TYPE_NAMES[type] ?? 'the body'} as ${type}`).join(' or ');
    const sent = mediaType ? `not ${shortened(mediaType)}` : 'the header is missing';
    throw new ServiceError('unsupported-media-type', `Send ${wanted} (the Content-Type header), ${sent}.`);
  }
  return mediaType;
}

/** The request's media type, lower-case, without parameters such as charset; empty when there is none. */
function mediaTypeOf(request: HttpRequest): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Validates query parameters (first value of each) against a schema. */
export function readQuery<S extends z.ZodType>(request: HttpRequest, schema: S): z.infer<S> {
  return validate(schema, Object.fromEntries(request.query.entries()), 'The query string', 'query');
}

/**
 * What a 400 echoes of a bad body is bounded, whatever was sent: at most this many field errors (the first ones, then
 * a count of the rest), each message and path at most MAX_ECHOED_CHARACTERS long. A body with 200 000 unknown keys gets a short answer.
 */
export const MAX_REPORTED_ERRORS = 20;

/**
 * Validates input — `what` names it in the 400's detail, `place` says where it came from — turning zod issues into
 * field errors with dotted paths and messages that say how to fix each (shared/http/issueMessages.ts).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  place: InputPlace = 'body',
): z.infer<S> {
  // reportInput: codeOf reads what was sent (absent or not, a number or not) from the finished issues.
  const parsed = schema.safeParse(value, { error: issueMessages(place, schema), reportInput: true });
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw invalidInput(what, fieldErrorsOf(issues, place, MAX_REPORTED_ERRORS), fieldErrorCount(issues));
}

/** The 400 for input with these field errors (of `total` in all): at most MAX_REPORTED_ERRORS of them, each bounded. */
function invalidInput(what: string, found: FieldError[], total = found.length): ServiceError {
  const errors = found
    .slice(0, MAX_REPORTED_ERRORS)
    .map((error) => ({ ...error, path: shortened(error.path), message: shortened(error.message) }));
  const more = total - errors.length;
  const listed = errors.map((error) => `${error.path}: ${error.message}`).join('; ');
  return invalid(`${what} is not valid: ${listed}${more > 0 ? `; and ${more} more` : ''}.`, errors);
}

/** A body that does not parse as JSON, with where the parser stopped (the one thing of its message worth passing on). */
function notJson(error: unknown): ServiceError {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  const where = position === undefined ? '' : ` (it stops making sense at character ${Number(position) + 1})`;
  const message = `is not valid JSON${where}: check quotes, commas and brackets`;
  return invalid(`The request body ${message}.`, [{ path: 'body', message }]);
}

function tooLarge(maxBytes: number): ServiceError {
  return new ServiceError('payload-too-large', `The request body must not exceed ${maxBytes / 1024} KiB.`);
}
