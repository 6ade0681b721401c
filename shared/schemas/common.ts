// Shapes shared by many routes: ids, emails, paging. One zod schema per shape, used to validate and to document.
import { z } from 'zod';

/** Tenant ids are GUIDs; the contract stores and answers them lower-case. */
export const tenantIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID')
  .transform((value) => value.toLowerCase());

export const emailSchema = z.email('must be an email address').max(254);

export const domainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a domain name such as contoso.com',
  );

/** Partner ids appear in keys and URLs: lower-case letters, digits and dashes. */
export const partnerIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be 1-64 lower-case letters, digits or dashes');

export const displayNameSchema = z.string().trim().min(1, 'must not be empty').max(256);

/** `?pageSize=` 1..100 (default 50) and `?continuationToken=` (API.md conventions). */
export const pageQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  continuationToken: z.string().min(1).max(4096).optional(),
});
