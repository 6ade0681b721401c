// Request bodies of the operator routes (/api/admin/...).
import { z } from 'zod';
import { PARTNER_KINDS } from '../domain/partners';
import {
  displayNameSchema,
  domainNameSchema,
  emailSchema,
  nameSchema,
  partnerIdSchema,
  tenantIdSchema,
} from './common';

export const partnerRegistrationSchema = z.strictObject({
  id: partnerIdSchema.optional(),
  displayName: displayNameSchema,
  type: z.enum(PARTNER_KINDS),
  tenantId: tenantIdSchema,
  microsoftPartnerId: z
    .string()
    .regex(/^\d{1,20}$/, 'must be the numeric Microsoft partner id (PartnerID / MPN ID)')
    .optional(),
  verifiedDomain: domainNameSchema.optional(),
  indirectProviderId: partnerIdSchema.optional(),
  oemDirectApiEligible: z.boolean().optional(),
  contactEmail: emailSchema,
});

export const partnerChangesSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    status: z.enum(['active', 'suspended']).optional(),
    oemDirectApiEligible: z.boolean().optional(),
  })
  .refine(
    (changes) => Object.keys(changes).length > 0,
    'name at least one of displayName, status, oemDirectApiEligible',
  );

export const keyRequestSchema = z.strictObject({ name: nameSchema(100).optional() });

export const revocationRequestSchema = z.strictObject({
  reason: z.string().trim().min(1, 'say why the consent is revoked').max(1000),
  ticket: z.string().trim().min(1, 'quote the support ticket').max(100),
});
