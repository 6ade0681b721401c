// A partner's people and daemons: the platform's principal read as a partner principal, and the partner it acts as.
import type { SignInTrust } from '../config';
import {
  partnerPrincipalDecision,
  type PartnerAccess,
  type PartnerPrincipal,
  type PartnerPrincipalDecision,
} from '../domain/partnerAccess';
import type { Partner } from '../domain/partners';
import {
  allClaims,
  CLAIM_TYPES,
  isApplication,
  principalClaims,
  tenantAndObject,
  vouchedIdentity,
  type Identity,
} from './principal';

/** The most partners one tenant's principal is offered to choose from (far more than any organization registers). */
export const MAX_PARTNERS_PER_TENANT = 25;

/** Where the partners of a tenant are looked up: the Dependencies' partner store, passed in. */
export interface PartnerLookups {
  partners: {
    findPartner(partnerId: string): Promise<{ value: Partner } | undefined>;
    findPartnersOfTenant(tenantId: string, limit: number): Promise<Partner[]>;
  };
}

/** Who sent a request, read as a partner's person or daemon, as far as the header can be believed. */
export type PartnerIdentity = Identity<PartnerPrincipal>;

/** A partner principal: see vouchedIdentity, the one trust check it shares with the customer pages. */
export function partnerIdentity(headers: { get(name: string): string | null }, signIn: SignInTrust): PartnerIdentity {
  return vouchedIdentity(headers, signIn, parsePartnerPrincipal);
}

/**
 * Parses an `x-ms-client-principal` value as a partner's principal: tenant, object id, whether a person or an
 * application, and this service's app roles (both claim forms). Directory roles play no part. Never throws.
 */
export function parsePartnerPrincipal(headerValue: string | null | undefined): PartnerPrincipal | undefined {
  const claims = principalClaims(headerValue);
  const ids = claims && tenantAndObject(claims);
  if (!claims || !ids) return undefined;
  return {
    ...ids,
    via: isApplication(claims) ? 'application' : 'user',
    appRoles: allClaims(claims, CLAIM_TYPES.appRoles),
  };
}

/**
 * The partner this principal acts as on a route needing `needed`, or why not (the API answers a problem, the portal a
 * page). `named`: the partner the caller picked. A named partner is one point read; only when it is not the caller's
 * (or none is named) is the tenant's list read, to offer the choices.
 */
export async function resolvePartnerPrincipal(
  principal: PartnerPrincipal,
  lookups: PartnerLookups,
  needed: PartnerAccess,
  named?: string,
): Promise<PartnerPrincipalDecision> {
  if (named !== undefined) {
    const found = await lookups.partners.findPartner(named);
    const decision = partnerPrincipalDecision(principal, found ? [found.value] : [], needed, named);
    if (decision.kind !== 'not-a-partner') return decision;
  }
  const partners = await lookups.partners.findPartnersOfTenant(principal.tenantId, MAX_PARTNERS_PER_TENANT);
  return partnerPrincipalDecision(principal, partners, needed, named);
}
