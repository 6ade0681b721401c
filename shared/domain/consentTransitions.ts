// The consent state machine of API.md: every state change as a pure function that returns the new consent or throws a conflict.
import { conflict, forbidden } from '../errors';
import {
  effectiveConsent,
  withoutAbsentFields,
  type AcceptedBy,
  type Consent,
  type ConsentStatus,
  type Revocation,
} from './consent';
import { activateDelegatedAdmin } from './delegatedAdmin';
import { isPast } from './expiry';

/** pending → accepted | declined | expired | cancelled; accepted → revoked; nothing leaves the other states. */
export const CONSENT_TRANSITIONS: Readonly<Record<ConsentStatus, readonly ConsentStatus[]>> = {
  pending: ['accepted', 'declined', 'expired', 'cancelled'],
  accepted: ['revoked'],
  declined: [],
  expired: [],
  cancelled: [],
  revoked: [],
};

export function canTransition(from: ConsentStatus, to: ConsentStatus): boolean {
  return CONSENT_TRANSITIONS[from].includes(to);
}

/** Accepting twice from the same tenant is harmless: the page says "already accepted" instead of failing. */
export type AcceptanceOutcome = { kind: 'accepted'; consent: Consent } | { kind: 'already-accepted'; consent: Consent };

/** R7: acceptance takes effect at once; an invitation that named no tenant becomes the accepting tenant's. */
export function acceptConsent(
  consent: Consent,
  { now, acceptedBy }: { now: Date; acceptedBy: AcceptedBy },
): AcceptanceOutcome {
  const current = effectiveConsent(consent, now);
  const tenantId = acceptedBy.tenantId.toLowerCase();
  if (current.status === 'accepted') {
    if (current.customer.tenantId === tenantId) return { kind: 'already-accepted', consent: current };
    throw conflict('This consent has already been accepted by another organization.');
  }
  requireTransition(current, 'accepted');
  if (current.customer.tenantId !== undefined && current.customer.tenantId !== tenantId) {
    throw forbidden(
      'This consent request is meant for another organization; it can only be accepted from that tenant.',
    );
  }
  const accepted = withoutAbsentFields({
    ...current,
    status: 'accepted' as const,
    customer: { ...current.customer, tenantId },
    delegatedAdmin: current.delegatedAdmin && activateDelegatedAdmin(current.delegatedAdmin, now),
    acceptedAt: now.toISOString(),
    acceptedBy: { ...acceptedBy, tenantId, objectId: acceptedBy.objectId.toLowerCase() },
  });
  return { kind: 'accepted', consent: accepted };
}

export function declineConsent(consent: Consent, now: Date): Consent {
  const current = effectiveConsent(consent, now);
  requireTransition(current, 'declined');
  return { ...current, status: 'declined', declinedAt: now.toISOString() };
}

/** The partner withdraws a pending request; its link stops working. */
export function cancelConsent(consent: Consent, now: Date): Consent {
  const current = effectiveConsent(consent, now);
  requireTransition(current, 'cancelled');
  return { ...current, status: 'cancelled', cancelledAt: now.toISOString() };
}

/** Stores the expiry the effective view already shows; only a pending consent whose `expiresAt` has passed. */
export function expireConsent(consent: Consent, now: Date): Consent {
  requireTransition(consent, 'expired');
  if (consent.expiresAt === undefined) throw conflict('This consent has no expiry.');
  if (!isPast(consent.expiresAt, now)) {
    throw conflict(`This consent stays pending until ${consent.expiresAt}; it has not expired yet.`);
  }
  return { ...consent, status: 'expired' };
}

/** What a revocation says: the operator's reason and ticket (R13), or the customer user who revoked. */
export type RevocationRequest = { reason: string; ticket: string } | { revokedBy: AcceptedBy };

/**
 * Ends an accepted consent: the operator on a support request (R13, the only way for an OEM), or the customer's Global
 * Administrator for a CSP. It then authorizes nothing, delegated admin included.
 */
export function revokeConsent(consent: Consent, { now, ...request }: { now: Date } & RevocationRequest): Consent {
  const current = effectiveConsent(consent, now);
  requireTransition(current, 'revoked');
  const delegatedAdmin =
    current.delegatedAdmin?.status === 'active'
      ? { ...current.delegatedAdmin, status: 'removed' as const }
      : current.delegatedAdmin;
  return withoutAbsentFields({
    ...current,
    status: 'revoked' as const,
    delegatedAdmin,
    revokedAt: now.toISOString(),
    revocation: revocationOf(request, now),
  });
}

function revocationOf(request: RevocationRequest, now: Date): Revocation {
  if (!('revokedBy' in request)) return { by: 'operator', reason: request.reason, ticket: request.ticket };
  const { tenantId, objectId, userPrincipalName } = request.revokedBy;
  return {
    by: 'customer',
    at: now.toISOString(),
    revokedBy: { tenantId: tenantId.toLowerCase(), objectId: objectId.toLowerCase(), userPrincipalName },
  };
}

/** R3: whether delegated admin roles can be removed now: an accepted consent whose roles are still active. */
export function canRemoveDelegatedAdmin(consent: Consent, now: Date): boolean {
  const current = effectiveConsent(consent, now);
  return current.status === 'accepted' && current.delegatedAdmin?.status === 'active';
}

/** R3: the customer removes the delegated admin roles of an accepted consent; the consent itself stays. */
export function removeDelegatedAdmin(consent: Consent, now: Date): Consent {
  const current = effectiveConsent(consent, now);
  if (current.status !== 'accepted') {
    throw conflict(`Delegated admin can be removed only from an accepted consent; this consent is ${current.status}.`);
  }
  const delegatedAdmin = current.delegatedAdmin;
  if (!delegatedAdmin) {
    throw conflict(
      current.partner.type === 'oem'
        ? 'An OEM consent carries no delegated admin roles. An OEM consent itself can be removed only through a support request.'
        : 'This consent carries no delegated admin roles.',
    );
  }
  if (delegatedAdmin.status !== 'active') {
    throw conflict(`These delegated admin roles are already ${delegatedAdmin.status}.`);
  }
  return { ...current, delegatedAdmin: { ...delegatedAdmin, status: 'removed' } };
}

/** A new link for a pending request: the old link stops working and the invitation is emailed again when it can be. */
export function reissueLink(consent: Consent, now: Date): Consent {
  const current = effectiveConsent(consent, now);
  if (current.status !== 'pending') {
    throw conflict(`Only a pending consent can get a new link; this consent is ${current.status}.`);
  }
  return {
    ...current,
    linkVersion: current.linkVersion + 1,
    email: { status: current.customer.contactEmail ? 'queued' : 'not-requested' },
  };
}

function requireTransition(consent: Consent, to: ConsentStatus): void {
  if (canTransition(consent.status, to)) return;
  const from = (Object.keys(CONSENT_TRANSITIONS) as ConsentStatus[]).filter((status) => canTransition(status, to));
  throw conflict(`Only ${from.join(' or ')} consents can be ${to}; this consent is ${consent.status}.`);
}
