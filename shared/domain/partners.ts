// Partner kinds and the one table of what each kind may do: register with which fields, issue, request delegated
// admin, be authorized, and how (R1, R8, R9, R11, R15).
import type { FieldError } from '../errors';

export const PARTNER_KINDS = ['direct-csp', 'indirect-provider', 'indirect-reseller', 'oem'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The ways a partner registers Autopilot devices for a customer. */
export const CHANNELS = ['partner-center-api', 'partner-center-csv', 'oem-direct-api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Why a partner is authorized for a customer: its own consent, a reseller's consent (for the provider), or an OEM consent. */
export type AuthorizationBasis = 'direct' | 'indirect-provider' | 'oem';

export type PartnerStatus = 'active' | 'suspended';

export interface Partner {
  id: string;
  displayName: string;
  type: PartnerKind;
  /** The partner's own Entra tenant. */
  tenantId: string;
  microsoftPartnerId?: string;
  verifiedDomain?: string;
  /** Required for an indirect reseller: the indirect provider it buys through, fixed at registration. */
  indirectProviderId?: string;
  /** OEM only: whether Microsoft lists it as eligible for the OEM Direct API (R11). */
  oemDirectApiEligible?: boolean;
  contactEmail: string;
  status: PartnerStatus;
  createdAt: string;
}

/** Whether a kind-specific registration field must be given, may be, or does not apply to the kind at all. */
export type KindFieldRule = 'required' | 'optional' | 'not-applicable';

/** The registration fields that only some kinds take. */
export const KIND_FIELDS = ['indirectProviderId', 'oemDirectApiEligible'] as const;
export type KindField = (typeof KIND_FIELDS)[number];

export interface PartnerKindRule {
  /** R9: a reseller names the indirect provider it buys through; R11: an OEM may be listed as OEM Direct API eligible. */
  fields: Readonly<Record<KindField, KindFieldRule>>;
  /** Why this kind can never issue consent requests; absent when it may. */
  neverIssues?: string;
  /** An OEM may issue only while eligible for the OEM Direct API (R11). */
  issuesOnlyWhenOemDirectApiEligible: boolean;
  mayRequestDelegatedAdmin: boolean;
  /** How this kind is authorized for a customer, and through which channels it may then register devices. */
  basis: AuthorizationBasis;
  channels: readonly Channel[];
  /** R9: accepting this kind's consent also authorizes its indirect provider. */
  acceptanceAlsoAuthorizesProvider: boolean;
}

/** API.md "Partner kinds and device-registration channels", as data. */
export const PARTNER_KIND_RULES: Readonly<Record<PartnerKind, PartnerKindRule>> = {
  'direct-csp': {
    fields: { indirectProviderId: 'not-applicable', oemDirectApiEligible: 'not-applicable' },
    issuesOnlyWhenOemDirectApiEligible: false,
    mayRequestDelegatedAdmin: true,
    basis: 'direct',
    channels: ['partner-center-api', 'partner-center-csv'],
    acceptanceAlsoAuthorizesProvider: false,
  },
  'indirect-reseller': {
    fields: { indirectProviderId: 'required', oemDirectApiEligible: 'not-applicable' },
    issuesOnlyWhenOemDirectApiEligible: false,
    mayRequestDelegatedAdmin: true,
    basis: 'direct',
    // R9: the reseller registers devices only through the UI (CSV upload); its provider uses the API.
    channels: ['partner-center-csv'],
    acceptanceAlsoAuthorizesProvider: true,
  },
  'indirect-provider': {
    fields: { indirectProviderId: 'not-applicable', oemDirectApiEligible: 'not-applicable' },
    neverIssues:
      "An indirect provider cannot issue consent requests: it is authorized through its resellers' consents. " +
      'Ask your indirect reseller to send the request to the customer.',
    issuesOnlyWhenOemDirectApiEligible: false,
    mayRequestDelegatedAdmin: false,
    basis: 'indirect-provider',
    channels: ['partner-center-api'],
    acceptanceAlsoAuthorizesProvider: false,
  },
  oem: {
    fields: { indirectProviderId: 'not-applicable', oemDirectApiEligible: 'optional' },
    issuesOnlyWhenOemDirectApiEligible: true,
    // R15: an OEM is never granted delegated admin rights.
    mayRequestDelegatedAdmin: false,
    basis: 'oem',
    channels: ['oem-direct-api'],
    acceptanceAlsoAuthorizesProvider: false,
  },
};

/** Why this partner may not issue consent requests (a 403 message for the partner), or undefined when it may. */
export function issuingRefusal(partner: Partner): string | undefined {
  const rule = PARTNER_KIND_RULES[partner.type];
  if (partner.status === 'suspended') {
    return 'Your partner account is suspended and cannot issue consent requests. Contact the operator of this service.';
  }
  if (rule.neverIssues) return rule.neverIssues;
  if (rule.issuesOnlyWhenOemDirectApiEligible && partner.oemDirectApiEligible !== true) {
    return 'Only OEMs eligible for the OEM Direct API can ask customers for consent, and this OEM is not registered as eligible.';
  }
  // Without its provider on record, an acceptance could not authorize the provider as R9 requires.
  if (rule.acceptanceAlsoAuthorizesProvider && !partner.indirectProviderId) {
    return 'This indirect reseller has no indirect provider on record. Ask the operator to complete your registration.';
  }
  return undefined;
}

/** Field errors for the kind-specific fields of a registration: a required one missing, or one the kind does not take. */
export function kindFieldErrors(
  registration: { type: PartnerKind } & Partial<Record<KindField, unknown>>,
): FieldError[] {
  const rules = PARTNER_KIND_RULES[registration.type].fields;
  return KIND_FIELDS.flatMap((field): FieldError[] => {
    const given = registration[field] !== undefined;
    if (rules[field] === 'required' && !given) {
      return [{ path: field, message: `is required for ${withArticle(registration.type)}` }];
    }
    if (rules[field] === 'not-applicable' && given) {
      return [{ path: field, message: `applies only to ${kindsTaking(field).map(withArticle).join(' or ')}` }];
    }
    return [];
  });
}

/** Whether a partner of this kind takes this field at all. */
export function takesField(kind: PartnerKind, field: KindField): boolean {
  return PARTNER_KIND_RULES[kind].fields[field] !== 'not-applicable';
}

/** The channels a partner of this kind may use for a customer it is authorized for. */
export function channelsFor(kind: PartnerKind): readonly Channel[] {
  return PARTNER_KIND_RULES[kind].channels;
}

function kindsTaking(field: KindField): PartnerKind[] {
  return PARTNER_KINDS.filter((kind) => takesField(kind, field));
}

function withArticle(kind: PartnerKind): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
