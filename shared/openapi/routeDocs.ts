// What a route declares about itself for the OpenAPI document: the same zod schemas that validate its input.
import type { z } from 'zod';

export interface RouteDocs {
  summary: string;
  /** Who may call: decides the security requirement and the 401/403 answers. */
  caller: 'partner' | 'operator' | 'anyone';
  /**
   * Request bodies by media type; `application/json` is validated by this very schema. Without one the route takes
   * no body: an empty one passes whatever its Content-Type, anything else is a 400 (shared/http/request.ts).
   */
  body?: Partial<Record<'application/json' | 'text/csv', z.ZodType>>;
  /** The only query parameters the route takes: any other, or one given twice, is a 400. None when absent. */
  query?: z.ZodObject;
  /** Success answers (errors are added from the conventions). */
  responses: Record<number, { description: string; schema?: z.ZodType; headers?: string[] }>;
  /** Extra error answers this route gives beyond the common ones (e.g. 409, 422). */
  errors?: Record<number, string>;
}
