// Request shapes of the partner consent routes (POST /api/consent-requests and the list filters).
import { z } from 'zod';
import { CONSENT_STATUSES, LOCALES } from '../domain/consent';
import { CONSENT_EXPIRY_LIMITS } from '../domain/expiry';
import { DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';
import { domainNameSchema, emailSchema, pageQuerySchema, tenantIdSchema } from './common';

const roleIdSchema = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    'must be a role template id (GUID)',
  )
  .transform((value) => value.toLowerCase());

/** The body of POST /api/consent-requests (API.md). Cross-field rules (roles catalog, GA + autoExtend, OEM) are the domain's. */
export const consentRequestSchema = z.strictObject({
  customer: z.strictObject({
    tenantId: tenantIdSchema.optional(),
    domain: domainNameSchema.optional(),
    displayName: z.string().trim().min(1).max(256).optional(),
    contactEmail: emailSchema.optional(),
    contactName: z.string().trim().min(1).max(256).optional(),
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
  message: z.string().max(500).optional(),
  sendEmail: z.boolean().default(true),
});

export type ConsentRequestBody = z.infer<typeof consentRequestSchema>;

export const consentListQuerySchema = pageQuerySchema.extend({
  status: z.enum(CONSENT_STATUSES).optional(),
  tenantId: tenantIdSchema.optional(),
});
