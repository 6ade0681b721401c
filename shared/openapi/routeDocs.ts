// What a route declares about itself for the OpenAPI document: the same zod schemas that validate its input.
import type { z } from 'zod';

export interface RouteDocs {
  summary: string;
  /** Who may call: decides the security requirement and the 401/403 answers. */
  caller: 'partner' | 'operator' | 'anyone';
  /** Request bodies by media type; `application/json` is validated by this very schema. */
  body?: Partial<Record<'application/json' | 'text/csv', z.ZodType>>;
  query?: z.ZodObject;
  /** Success answers (errors are added from the conventions). */
  responses: Record<number, { description: string; schema?: z.ZodType; headers?: string[]; mediaType?: string }>;
  /** Extra error answers this route gives beyond the common ones (e.g. 409, 422). */
  errors?: Record<number, string>;
}
