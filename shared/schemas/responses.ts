// Response shapes of the /api routes: documented in the OpenAPI document (each `id` a named component) and checked
// against the domain's types.
import { z } from 'zod';
import type { ConsentResource } from '../domain/consent';
import { PARTNER_VIAS, type PartnerActor } from '../domain/partnerAccess';
import type { Partner } from '../domain/partners';
import type { ListedRole } from '../domain/roles';
import { CHANNELS, PARTNER_KINDS } from '../domain/partners';
import { CONSENT_STATUSES, EMAIL_STATUSES, LOCALES } from '../domain/consent';
import { deviceRowCheckSchema } from './verification';

const time = z.iso.datetime().describe('RFC 3339 UTC time');
const guid = z.guid().describe('lower-case GUID');
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
  .meta({
    id: 'Problem',
    description:
      'RFC 9457 problem details: `type` is `/problems/<slug>`, `detail` says how to fix the request, `errors` names ' +
      'each bad field of a validation failure',
  });

const delegatedAdminSchema = z
  .object({
    roles: z.array(z.object({ id: guid, displayName: z.string() })),
    durationDays: z.number().int(),
    autoExtend: z.boolean(),
    status: z.enum(['requested', 'active', 'removed', 'expired']),
    expiresAt: time.optional(),
  })
  .meta({ id: 'DelegatedAdmin', description: 'Delegated admin roles asked for with a consent, and where they stand' });

export const consentSchema = z
  .object({
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
        z.object({ by: z.literal('customer'), at: time, revokedBy: customerUser }),
      ])
      .optional()
      .describe('Who revoked: the operator on a support request (reason, ticket), or the customer on /partners'),
    personalDataErasedAt: time
      .optional()
      .describe(
        'when contact email and name, user names and the partner message were erased, PERSONAL_DATA_RETENTION_DAYS after a final state',
      ),
  })
  .meta({ id: 'Consent', description: 'A consent request and what became of it (API.md "The consent resource")' });

export const issuedConsentSchema = consentSchema
  .extend({ consentUrl: z.string().describe('<public base url>/consent/<token>; shown only here') })
  .meta({ id: 'IssuedConsent', description: 'A consent with its link, as answered only when the link is made' });

/** A page of a list (API.md conventions), named `<Item>Page` in the OpenAPI document. */
export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      continuationToken: z
        .string()
        .optional()
        .describe('Send as ?continuationToken= for the next page; absent on the last'),
    })
    .meta({ id, description: 'One page of a list, newest first where the list has an order' });

export const consentEventSchema = z
  .object({
    at: time,
    type: z.string(),
    actor: z.object({
      kind: z.enum(['partner', 'operator', 'customer', 'system']),
      id: z.string(),
      via: z
        .enum(PARTNER_VIAS)
        .optional()
        .describe("A partner's actions only: an API key, a person's or a daemon's Microsoft Entra identity"),
      objectId: guid.optional().describe("With 'user' or 'application': the user's or the application's object id"),
    }),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'ConsentEvent', description: "One entry of a consent's audit trail" });

export const standingLinkSchema = z
  .object({ url: z.string(), createdAt: time })
  .meta({ id: 'StandingLink', description: "A partner's standing consent link" });

export const customerSchema = z
  .object({
    tenantId: guid,
    displayName: z.string().optional(),
    basis,
    channels: z.array(channel),
    consentId: z.string(),
    acceptedAt: time,
    delegatedAdmin: delegatedAdminSchema.optional(),
  })
  .meta({ id: 'Customer', description: 'A customer for whom the caller is authorized now' });

export const authorizationSchema = z
  .object({
    tenantId: guid,
    authorized: z.boolean(),
    basis: basis.optional(),
    channels: z.array(channel),
    consentId: z.string().optional(),
    acceptedAt: time.optional(),
  })
  .meta({
    id: 'Authorization',
    description: 'May the caller register devices for this tenant, and through which channels (authorized false: none)',
  });

export const oemConsentSchema = z
  .object({
    tenantId: guid,
    consented: z.boolean(),
    consentId: z.string().optional(),
    consentedAt: time.optional(),
  })
  .meta({ id: 'OemConsent', description: 'Has this tenant consented to the calling OEM' });

export const oemConsentChecksSchema = z
  .object({ results: z.array(oemConsentSchema).describe('One answer per tenant, in request order') })
  .meta({ id: 'OemConsentChecks' });

export const partnerSchema = z
  .object({
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
  })
  .meta({ id: 'Partner', description: 'A registered partner' });

export const mintedKeySchema = z
  .object({ keyId: z.string(), apiKey: z.string().describe('Shown only here, once: keep it secret'), createdAt: time })
  .meta({ id: 'MintedKey', description: 'A new API key' });

/** An operator key as listed: never the key or its hash. */
export const operatorKeySchema = z
  .object({
    keyId: z.string(),
    name: z.string().optional(),
    createdAt: time,
    revokedAt: time.optional(),
  })
  .meta({ id: 'OperatorKey', description: 'An operator key as listed: never the key or its hash' });

export const healthSchema = z
  .object({ status: z.literal('ok'), version: z.string(), storage: z.literal('ok') })
  .meta({ id: 'Health', description: 'The service is up and Table Storage answers' });

/** GET /api/health's 503: a problem whose extension members say what is down (API.md `"storage": "unavailable"`). */
export const healthProblemSchema = problemSchema
  .extend({ version: z.string(), storage: z.literal('unavailable') })
  .meta({ id: 'HealthProblem', description: 'The service is up but Table Storage does not answer' });

export const consentPageSchema = pageOf(consentSchema, 'ConsentPage');
export const customerPageSchema = pageOf(customerSchema, 'CustomerPage');
export const partnerPageSchema = pageOf(partnerSchema, 'PartnerPage');
export const operatorKeyPageSchema = pageOf(operatorKeySchema, 'OperatorKeyPage');

/** A role of the catalog `delegatedAdmin.roles` accepts (GET /api/roles). */
export const roleSchema = z
  .object({
    id: guid.describe('The role template id to send in delegatedAdmin.roles'),
    displayName: z.string(),
    description: z.string().describe("What the role may do, in Microsoft's words"),
    globalAdministrator: z
      .boolean()
      .describe(
        'True only for Global Administrator: full control of the tenant, for emergencies only (least privilege)',
      ),
  })
  .meta({ id: 'Role', description: 'A Microsoft Entra built-in role that a consent request may ask for' });

export const roleCatalogSchema = z
  .object({ items: z.array(roleSchema) })
  .meta({ id: 'RoleCatalog', description: 'The role catalog that delegatedAdmin.roles accepts' });

// Compile-time guards: the documented shapes must accept what the domain produces, so they cannot drift apart.
type Accepts<Schema extends z.ZodType, Value> = Value extends z.infer<Schema> ? true : never;
export const responseShapesMatchDomain: [
  Accepts<typeof consentSchema, ConsentResource>,
  Accepts<typeof partnerSchema, Partner>,
  Accepts<typeof consentEventSchema.shape.actor, PartnerActor>,
  Accepts<typeof roleSchema, ListedRole>,
] = [true, true, true, true];

export const deviceSubmissionCheckSchema = z
  .object({
    tenantId: guid,
    consented: z.boolean(),
    rows: z.array(deviceRowCheckSchema),
    summary: z.object({ rows: z.number().int(), valid: z.number().int(), invalid: z.number().int() }),
  })
  .meta({ id: 'DeviceCheck', description: "A device batch's check: the tenant's consent and a verdict per row" });
