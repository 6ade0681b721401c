// Response shapes of the /api routes: documented in the OpenAPI document and checked against the domain's types.
import { z } from 'zod';
import type { ConsentResource } from '../domain/consent';
import type { Partner } from '../domain/partners';
import { CHANNELS, PARTNER_KINDS } from '../domain/partners';
import { CONSENT_STATUSES, EMAIL_STATUSES, LOCALES } from '../domain/consent';

const time = z.string().describe('RFC 3339 UTC time');
const guid = z.string().describe('lower-case GUID');
const channel = z.enum(CHANNELS);
const basis = z.enum(['direct', 'indirect-provider', 'oem']);
/** A customer's user who answered: accepted, or revoked. */
const customerUser = z.object({
  tenantId: guid,
  objectId: guid,
  userPrincipalName: z.string().optional().describe('absent once personal data is erased (personalDataErasedAt)'),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

const delegatedAdminSchema = z.object({
  roles: z.array(z.object({ id: guid, displayName: z.string() })),
  durationDays: z.number().int(),
  autoExtend: z.boolean(),
  status: z.enum(['requested', 'active', 'removed', 'expired']),
  expiresAt: time.optional(),
});

export const consentSchema = z.object({
  id: z.string(),
  source: z.enum(['invitation', 'standing-link']),
  status: z.enum(CONSENT_STATUSES),
  partner: z.object({
    id: z.string(),
    displayName: z.string(),
    type: z.enum(['direct-csp', 'indirect-reseller', 'oem']),
  }),
  indirectProvider: z.object({ id: z.string(), displayName: z.string() }).optional(),
  customer: z.object({
    tenantId: guid.optional(),
    domain: z.string().optional(),
    displayName: z.string().optional(),
    contactEmail: z.string().optional(),
    contactName: z.string().optional(),
    locale: z.enum(LOCALES),
  }),
  delegatedAdmin: delegatedAdminSchema.optional(),
  warnings: z.array(z.string()),
  email: z.object({
    status: z
      .enum(EMAIL_STATUSES)
      .describe(
        'queued always ends in sent, failed (lastError says why) or not-sent (the consent was decided, cancelled or expired, or its partner may no longer ask, before the invitation went out; lastError says which)',
      ),
    sentAt: time.optional(),
    lastError: z.string().optional(),
  }),
  createdAt: time,
  expiresAt: time.optional(),
  acceptedAt: time.optional(),
  acceptedBy: customerUser.optional(),
  declinedAt: time.optional(),
  cancelledAt: time.optional(),
  revokedAt: time.optional(),
  revocation: z
    .discriminatedUnion('by', [
      z.object({ by: z.literal('operator'), reason: z.string(), ticket: z.string() }),
      z.object({
        by: z.literal('customer'),
        at: time,
        revokedBy: customerUser,
      }),
    ])
    .optional(),
  personalDataErasedAt: time
    .optional()
    .describe(
      'when contact email and name, user names and the partner message were erased, PERSONAL_DATA_RETENTION_DAYS after a final state',
    ),
});

export const issuedConsentSchema = consentSchema.extend({
  consentUrl: z.string().describe('<public base url>/consent/<token>; shown only here'),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), continuationToken: z.string().optional() });

export const consentEventSchema = z.object({
  at: time,
  type: z.string(),
  actor: z.object({ kind: z.enum(['partner', 'operator', 'customer', 'system']), id: z.string() }),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const standingLinkSchema = z.object({ url: z.string(), createdAt: time });

export const customerSchema = z.object({
  tenantId: guid,
  displayName: z.string().optional(),
  basis,
  channels: z.array(channel),
  consentId: z.string(),
  acceptedAt: time,
  delegatedAdmin: delegatedAdminSchema.optional(),
});

export const authorizationSchema = z.object({
  tenantId: guid,
  authorized: z.boolean(),
  basis: basis.optional(),
  channels: z.array(channel),
  consentId: z.string().optional(),
  acceptedAt: time.optional(),
});

export const oemConsentSchema = z.object({
  tenantId: guid,
  consented: z.boolean(),
  consentId: z.string().optional(),
  consentedAt: time.optional(),
});

export const oemConsentChecksSchema = z.object({ results: z.array(oemConsentSchema) });

export const partnerSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  type: z.enum(PARTNER_KINDS),
  tenantId: guid,
  microsoftPartnerId: z.string().optional(),
  verifiedDomain: z.string().optional(),
  indirectProviderId: z.string().optional(),
  oemDirectApiEligible: z.boolean().optional(),
  contactEmail: z.string(),
  status: z.enum(['active', 'suspended']),
  createdAt: time,
});

export const mintedKeySchema = z.object({ keyId: z.string(), apiKey: z.string(), createdAt: time });

/** An operator key as listed: never the key or its hash. */
export const operatorKeySchema = z.object({
  keyId: z.string(),
  name: z.string().optional(),
  createdAt: time,
  revokedAt: time.optional(),
});

export const healthSchema = z.object({ status: z.string(), version: z.string(), storage: z.string() });

// Compile-time guards: the documented shapes must accept what the domain produces, so they cannot drift apart.
type Accepts<Schema extends z.ZodType, Value> = Value extends z.infer<Schema> ? true : never;
export const responseShapesMatchDomain: [
  Accepts<typeof consentSchema, ConsentResource>,
  Accepts<typeof partnerSchema, Partner>,
] = [true, true];

export const deviceSubmissionCheckSchema = z.object({
  tenantId: guid,
  consented: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      serialNumber: z.string().nullable(),
      valid: z.boolean(),
      errors: z.array(z.string()),
    }),
  ),
  summary: z.object({ rows: z.number().int(), valid: z.number().int(), invalid: z.number().int() }),
});
