// Request shapes of the partner consent routes (POST /api/consent-requests and the list filters).
import { z } from 'zod';
import { CONSENT_STATUSES, LOCALES } from '../domain/consent';
import { CONSENT_EXPIRY_LIMITS } from '../domain/expiry';
import { DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';
import { plainTextMessage, webAddressesIn } from '../domain/suppliedText';
import {
  displayNameSchema,
  domainNameSchema,
  emailSchema,
  GUID_PATTERN,
  pageQuerySchema,
  suppliedTextSchema,
  tenantIdSchema,
} from './common';

const roleIdSchema = z
  .string()
  .regex(GUID_PATTERN, 'must be a role template id (a GUID) that GET /api/roles lists')
  .transform((value) => value.toLowerCase());

/**
 * The partner's note for the customer (API.md: plain text, up to 500 characters): stored as plain lines, and absent when
 * nothing visible is left. It must not hold web addresses: mail clients make them into links, and an invitation's only
 * link is the consent link.
 */
const partnerMessageSchema = suppliedTextSchema(500)
  .transform(plainTextMessage)
  .superRefine(refuseWebAddresses)
  .transform((message) => message || undefined)
  .describe(
    "Plain text for the customer, shown as the partner's words: line breaks kept, invisible and bidirectional " +
      'characters removed; control characters and web addresses are refused (email addresses are fine)',
  );

/** The customer's contact is greeted by name in the invitation, where a web address would become a link too. */
const contactNameSchema = displayNameSchema
  .superRefine(refuseWebAddresses)
  .describe(`${displayNameSchema.description}, and so are web addresses`);

/** The body of POST /api/consent-requests (API.md). Cross-field rules (roles catalog, GA + autoExtend, OEM) are the domain's. */
export const consentRequestSchema = z.strictObject({
  customer: z.strictObject({
    tenantId: tenantIdSchema.optional(),
    domain: domainNameSchema.optional(),
    displayName: displayNameSchema.optional(),
    contactEmail: emailSchema.optional(),
    contactName: contactNameSchema.optional(),
    locale: z.enum(LOCALES).default('en'),
  }),
  delegatedAdmin: z
    .strictObject({
      roles: z.array(roleIdSchema).min(DELEGATED_ADMIN_LIMITS.minRoles).max(DELEGATED_ADMIN_LIMITS.maxRoles),
      durationDays: z
        .number()
        .int()
        .min(DELEGATED_ADMIN_LIMITS.minDurationDays)
        .max(DELEGATED_ADMIN_LIMITS.maxDurationDays)
        .default(DELEGATED_ADMIN_LIMITS.defaultDurationDays),
      autoExtend: z.boolean().default(false),
    })
    .optional(),
  expiresInDays: z
    .number()
    .int()
    .min(CONSENT_EXPIRY_LIMITS.minDays)
    .max(CONSENT_EXPIRY_LIMITS.maxDays)
    .default(CONSENT_EXPIRY_LIMITS.defaultDays),
  message: partnerMessageSchema.optional(),
  sendEmail: z.boolean().default(true),
});

export type ConsentRequestBody = z.infer<typeof consentRequestSchema>;

export const consentListQuerySchema = pageQuerySchema.extend({
  status: z.enum(CONSENT_STATUSES).optional(),
  tenantId: tenantIdSchema.optional(),
});

function refuseWebAddresses(text: string, context: z.RefinementCtx): void {
  const [first] = webAddressesIn(text);
  if (first === undefined) return;
  context.addIssue({
    code: 'custom',
    message:
      `must not contain web addresses (found "${quoted(first)}"): mail clients make them links, and an ` +
      "invitation's only link is the consent link. Email addresses are fine.",
    params: { code: 'web-address' },
  });
}

/** An address as the 400 quotes it: enough to find it, short enough to leave room for the reason. */
function quoted(address: string): string {
  return address.length > 40 ? `${address.slice(0, 39)}…` : address;
}
