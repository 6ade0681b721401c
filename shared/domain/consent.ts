// The consent resource of API.md, how a new one is made (invitation or standing link), and how it reads at a given moment.
import { forbidden, invalid, type FieldError } from '../errors';
import {
  effectiveDelegatedAdmin,
  validateDelegatedAdminRequest,
  type DelegatedAdmin,
  type DelegatedAdminRequest,
} from './delegatedAdmin';
import { CONSENT_EXPIRY_LIMITS, daysAfter, isPast } from './expiry';
import { issuingRefusal, PARTNER_KIND_RULES, type Partner, type PartnerKind } from './partners';

export const CONSENT_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled', 'revoked'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export type ConsentSource = 'invitation' | 'standing-link';
/** The languages the service speaks to customers: pages, emails, the consent's own `locale`. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
/** `queued` always ends in `sent`, `failed` or `not-sent` (API.md, "Additions to part 1"). */
export const EMAIL_STATUSES = ['not-requested', 'queued', 'sent', 'failed', 'not-sent'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** The kinds that can own a consent: an indirect provider never issues one. */
export type ConsentPartnerKind = Exclude<PartnerKind, 'indirect-provider'>;

export interface ConsentPartner {
  id: string;
  displayName: string;
  type: ConsentPartnerKind;
}

export interface IndirectProviderRef {
  id: string;
  displayName: string;
}

/** Who the request is for. `tenantId` is set at the latest on acceptance, to the accepting tenant. */
export interface Customer {
  tenantId?: string;
  domain?: string;
  displayName?: string;
  contactEmail?: string;
  contactName?: string;
  locale: Locale;
}

export interface EmailDelivery {
  status: EmailStatus;
  sentAt?: string;
  lastError?: string;
}

/**
 * The tries at sending one link's invitation so far: failures that were not throttling, and when ACS first throttled
 * it. Counted on the consent, not on a queue message, so every copy of the message and every retry adds to one count.
 */
export interface EmailAttempts {
  linkVersion: number;
  failures: number;
  throttledSince?: string;
}

export interface AcceptedBy {
  tenantId: string;
  objectId: string;
  /** Personal data: erased (absent) once the consent's retention has passed; the ids stay as evidence. */
  userPrincipalName?: string;
}

/** Who ended an accepted consent: the operator on a support request (R13), or the customer's Global Administrator. */
export type Revocation =
  { by: 'operator'; reason: string; ticket: string } | { by: 'customer'; at: string; revokedBy: AcceptedBy };

/** The decisions a customer makes, each of which leaves a receipt (API.md, "Receipts"). */
export const DECISION_EVENTS = ['accepted', 'declined', 'revoked'] as const;
export type DecisionEvent = (typeof DECISION_EVENTS)[number];

/** What the customer was shown when deciding: the words' version, the language, the SHA-256 of words and facts. */
export interface Disclosure {
  version: string;
  locale: Locale;
  /** Lower-case hex, as `sha256sum` prints it, and as in the receipt's `disclosure.sha256`. */
  sha256: string;
}

/** Exactly the consent resource of API.md: what partners and operators see. Fields that do not apply are absent. */
export interface ConsentResource {
  id: string;
  source: ConsentSource;
  status: ConsentStatus;
  partner: ConsentPartner;
  /** Only on an indirect reseller's consent: the provider its acceptance authorizes too (R9). */
  indirectProvider?: IndirectProviderRef;
  customer: Customer;
  delegatedAdmin?: DelegatedAdmin;
  warnings: string[];
  email: EmailDelivery;
  createdAt: string;
  /** When a pending request stops being acceptable; a standing-link consent has none. */
  expiresAt?: string;
  acceptedAt?: string;
  acceptedBy?: AcceptedBy;
  declinedAt?: string;
  cancelledAt?: string;
  revokedAt?: string;
  revocation?: Revocation;
  /** When its personal data was erased, PERSONAL_DATA_RETENTION_DAYS after it reached a final state. */
  personalDataErasedAt?: string;
}

/** The consent as stored: the resource plus what only the service needs. */
export interface Consent extends ConsentResource {
  /** Bumped whenever a new link replaces the old one; the email sender keys its idempotent send on it. */
  linkVersion: number;
  /**
   * 256 random bits behind the current invitation link: the link token is an HMAC of it under a server key, so the
   * token itself is never stored, yet an idempotent replay can show the same link again. Absent for standing links.
   */
  linkNonce?: string;
  /** The partner's plain-text note for the customer, shown on the consent page. */
  message?: string;
  /** The invitation email's tries for `linkVersion`; a resend's new link starts again from none. */
  emailAttempts?: EmailAttempts;
  /** Who declined: kept for the receipt only (the resource shows `declinedAt`). */
  declinedBy?: AcceptedBy;
  /** What the customer was shown at each decision, stored with the decision itself; receipts are signed from it. */
  disclosures?: Partial<Record<DecisionEvent, Disclosure>>;
}

/** The body of a consent request, as the HTTP layer has parsed it. */
export interface ConsentRequest {
  customer: {
    tenantId?: string;
    domain?: string;
    displayName?: string;
    contactEmail?: string;
    contactName?: string;
    locale?: Locale;
  };
  delegatedAdmin?: DelegatedAdminRequest;
  expiresInDays?: number;
  message?: string;
  sendEmail?: boolean;
}

export interface IssueConsentInput {
  id: string;
  partner: Partner;
  /** The partner's indirect provider, required for (and only for) an indirect reseller. */
  indirectProvider?: Partner;
  request: ConsentRequest;
  now: Date;
}

/** A new pending invitation; throws `forbidden` when the partner may not issue, `validation` with field errors when the request breaks a rule. */
export function issueConsent({ id, partner, indirectProvider, request, now }: IssueConsentInput): Consent {
  const owner = consentOwner(partner, indirectProvider);
  const sendEmail = request.sendEmail ?? true;
  const errors: FieldError[] = [];
  let delegatedAdmin: DelegatedAdmin | undefined;
  let warnings: string[] = [];
  if (request.delegatedAdmin) {
    const decision = validateDelegatedAdminRequest(request.delegatedAdmin, partner.type);
    if (decision.ok) {
      delegatedAdmin = decision.delegatedAdmin;
      warnings = decision.warnings;
    } else {
      errors.push(...decision.errors);
    }
  }
  const expiresInDays = request.expiresInDays ?? CONSENT_EXPIRY_LIMITS.defaultDays;
  if (sendEmail && !request.customer.contactEmail) {
    errors.push({
      path: 'customer.contactEmail',
      message: 'Required when sendEmail is true: the invitation is emailed to it.',
      code: 'contact-email-needed',
    });
  }
  if (errors.length > 0) throw invalid('The consent request breaks the rules listed in errors.', errors);
  return withoutAbsentFields({
    ...owner,
    id,
    source: 'invitation',
    status: 'pending',
    customer: normalizedCustomer(request.customer),
    delegatedAdmin,
    warnings,
    email: { status: sendEmail ? 'queued' : 'not-requested' },
    createdAt: now.toISOString(),
    expiresAt: daysAfter(now, expiresInDays),
    linkVersion: 1,
    message: request.message,
  });
}

export interface StandingLinkConsentInput {
  id: string;
  partner: Partner;
  indirectProvider?: Partner;
  locale: Locale;
  now: Date;
}

/**
 * The pending consent a customer's Global Administrator is accepting through the partner's standing link (R11): made
 * when they accept and accepted at once, so it has no expiry, no named customer and no delegated admin.
 */
export function standingLinkConsent({ id, partner, indirectProvider, locale, now }: StandingLinkConsentInput): Consent {
  return {
    ...consentOwner(partner, indirectProvider),
    id,
    source: 'standing-link',
    status: 'pending',
    customer: { locale },
    warnings: [],
    email: { status: 'not-requested' },
    createdAt: now.toISOString(),
    linkVersion: 1,
  };
}

/** The consent as it stands at `now`: a pending one past `expiresAt` is expired, and so is delegated admin past its expiry. */
export function effectiveConsent(consent: Consent, now: Date): Consent {
  const status = consent.status === 'pending' && isPast(consent.expiresAt, now) ? 'expired' : consent.status;
  const delegatedAdmin = consent.delegatedAdmin && effectiveDelegatedAdmin(consent.delegatedAdmin, now);
  if (status === consent.status && delegatedAdmin === consent.delegatedAdmin) return consent;
  return withoutAbsentFields({ ...consent, status, delegatedAdmin });
}

/** What a partner or operator is shown: the effective consent without the service's own fields. */
export function toConsentResource(consent: Consent, now: Date): ConsentResource {
  const {
    linkVersion: _linkVersion,
    linkNonce: _linkNonce,
    message: _message,
    emailAttempts: _emailAttempts,
    disclosures: _disclosures,
    declinedBy: _declinedBy,
    ...resource
  } = effectiveConsent(consent, now);
  return resource;
}

/**
 * A consent as read from storage, in today's shape: revocations stored before customers could revoke were all the
 * operator's and carry no `by`.
 */
export function storedConsent(stored: Consent): Consent {
  const revocation = stored.revocation as Revocation | Omit<Extract<Revocation, { by: 'operator' }>, 'by'> | undefined;
  if (!revocation || 'by' in revocation) return stored;
  return { ...stored, revocation: { by: 'operator', ...revocation } };
}

/** Drops keys whose value is undefined, so "fields that do not apply are absent" holds in storage and in JSON alike. */
export function withoutAbsentFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function consentOwner(
  partner: Partner,
  indirectProvider: Partner | undefined,
): Pick<Consent, 'partner' | 'indirectProvider'> {
  const refusal = issuingRefusal(partner);
  if (refusal) throw forbidden(refusal);
  // issuingRefusal has ruled out the one kind that cannot own a consent.
  const owner = { id: partner.id, displayName: partner.displayName, type: partner.type as ConsentPartnerKind };
  if (!PARTNER_KIND_RULES[partner.type].acceptanceAlsoAuthorizesProvider) {
    if (indirectProvider)
      throw new Error(`Partner ${partner.id} is not an indirect reseller; it has no indirect provider.`);
    return { partner: owner };
  }
  // A mismatch here is a bug in the caller, not a partner's mistake: the provider is fixed at registration.
  if (indirectProvider?.id !== partner.indirectProviderId || indirectProvider?.type !== 'indirect-provider') {
    throw new Error(
      `Indirect reseller ${partner.id} must be given its indirect provider ${partner.indirectProviderId}.`,
    );
  }
  return { partner: owner, indirectProvider: { id: indirectProvider.id, displayName: indirectProvider.displayName } };
}

// Tenant ids are lower-case GUIDs in the contract and domains compare case-insensitively, so both are stored lower-case.
function normalizedCustomer(customer: ConsentRequest['customer']): Customer {
  return withoutAbsentFields({
    ...customer,
    tenantId: customer.tenantId?.toLowerCase(),
    domain: customer.domain?.toLowerCase(),
    locale: customer.locale ?? 'en',
  });
}
