// What a route declares about itself for the OpenAPI document: the same zod schemas that validate its input, examples.
import type { z } from 'zod';

/** The groups of operations in the document (its tags), by who calls them. */
export type ApiTag = 'partner' | 'OEM' | 'operator' | 'service';

/** Response headers a route names itself; x-request-id, Retry-After and Idempotent-Replayed are added where they apply. */
export type ResponseHeader = 'Location';

/** A body as sent or answered: its schema and one example that is valid against it (a test checks each). */
export interface Content {
  schema: z.ZodType;
  example: unknown;
}

/** A success answer, or an answer whose body is not the plain Problem (health's 503). */
export type Answer = {
  description: string;
  headers?: ResponseHeader[];
} & (
  { body: Content; mediaType?: 'application/json' | 'application/problem+json' | 'application/jose' } | { body?: never }
);

export interface RouteDocs {
  tag: ApiTag;
  /** One line, as an API console lists it. */
  summary: string;
  /** What a caller needs to know beyond the summary: rules, limits, what changes. */
  description: string;
  /** Who may call: decides the security requirement and the 401/403/503 answers. */
  caller: 'partner' | 'operator' | 'anyone';
  /** The route honours an Idempotency-Key header: replays answer with Idempotent-Replayed, 409 while running, 422 on reuse. */
  idempotencyKey?: true;
  /**
   * Request bodies by media type; `application/json` is validated by this very schema. A body also brings 413 and 415.
   * Without one the route takes no body: an empty one passes whatever its Content-Type, anything else is a 400
   * (shared/http/request.ts).
   */
  body?: Partial<Record<'application/json' | 'text/csv', Content>>;
  /** The route also takes no body at all (e.g. minting a key without a name). */
  bodyOptional?: true;
  /** The only query parameters the route takes: any other, or one given twice, is a 400. None when absent. */
  query?: z.ZodObject;
  /** Answers by status: the successes, and any error whose body is not the plain Problem. */
  responses: Record<number, Answer>;
  /** Problem answers this route gives beyond those of its caller and body (e.g. 404, 409), or a sharper description of one. */
  errors?: Record<number, string>;
}
