// Shapes shared by many routes: ids, emails, paging. One zod schema per shape, used to validate and to document.
import { z } from 'zod';
import { controlCharactersIn, visibleLine } from '../domain/suppliedText';

/**
 * What a field holds, in a few words ("tenant GUID"), for the 400 that asks for it when it is missing
 * (shared/http/issueMessages.ts). Kept apart from descriptions, which are the OpenAPI document's longer prose.
 */
export const fieldHints = z.registry<{ hint: string }>();

/** Every GUID the API takes; an example to copy makes the 400 for a malformed one actionable. */
export const GUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Tenant ids are GUIDs; the contract stores and answers them lower-case. */
export const tenantIdSchema = z
  .string()
  .trim()
  .regex(GUID_PATTERN, 'must be a tenant GUID such as 3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35')
  .transform((value) => value.toLowerCase())
  .register(fieldHints, { hint: 'tenant GUID' });

export const emailSchema = z.email().max(254).register(fieldHints, { hint: 'email address' });

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

/**
 * Text someone supplies for others to read, up to `maxLength` characters as sent. Control characters other than line
 * breaks and tabs are refused rather than removed: honest text never has them, so they mean a broken client or an
 * attempt to disguise text, and the caller should hear about it.
 */
export function suppliedTextSchema(maxLength: number) {
  return z.string().max(maxLength).superRefine(refuseControlCharacters);
}

/**
 * A supplied name (a partner's, a customer's, a contact's, a key's), stored and answered as one line of visible text:
 * line breaks and other white space folded to one space, invisible and bidirectional characters removed, NFC. Refused
 * when nothing visible remains.
 */
export function nameSchema(maxLength: number) {
  return suppliedTextSchema(maxLength)
    .transform(visibleLine)
    .pipe(
      z
        .string()
        .min(1, 'must contain visible text: nothing is left once white space and invisible characters are removed'),
    )
    .describe(
      'Stored and answered as one line of visible text (white space folded, invisible and bidirectional characters ' +
        'removed, NFC); control characters are refused',
    );
}

export const displayNameSchema = nameSchema(256);

/** `?pageSize=` 1..100 (default 50) and `?continuationToken=` (API.md conventions). */
export const pageQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  continuationToken: z.string().min(1).max(4096).optional(),
});

function refuseControlCharacters(value: string, context: z.RefinementCtx): void {
  const found = controlCharactersIn(value);
  if (found.length === 0) return;
  const listed = found.length > 5 ? `${found.slice(0, 5).join(', ')}, …` : found.join(', ');
  context.addIssue({
    code: 'custom',
    message: `must not contain control characters (found ${listed})`,
    params: { code: 'control-characters' },
  });
}
