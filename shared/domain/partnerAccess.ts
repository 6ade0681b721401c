// Who may act as a partner with a Microsoft Entra identity (API.md "Partner identities"): the tenant a principal signed
// in from names the partner, its app roles say what it may do, and several partners in one tenant need a choice.
import type { Partner } from './partners';

/** The app roles on the service's app registration (infra/app-registration/app-roles.json declares them). */
export const PARTNER_APP_ROLES = { manage: 'Consent.Manage', read: 'Consent.Read' } as const;

/** What a route needs: 'read' for lists, reads, events, customers and checks; 'manage' for everything else. */
export type PartnerAccess = keyof typeof PARTNER_APP_ROLES;
export type PartnerAppRole = (typeof PARTNER_APP_ROLES)[PartnerAccess];

/** How a partner proved who it is: an API key, or a person's or a daemon's Microsoft Entra identity. */
export const PARTNER_VIAS = ['api-key', 'user', 'application'] as const;
export type PartnerVia = (typeof PARTNER_VIAS)[number];

/** The audit trail's actor when a partner acts: the partner, how, and which Entra object (for a principal). */
export interface PartnerActor {
  kind: 'partner';
  id: string;
  via: PartnerVia;
  /** The user's or the application's (service principal's) object id; absent for a key. */
  objectId?: string;
}

/** A partner as it acts in one request: its registration, and who acted for it (recorded in the audit trail). */
export interface ActingPartner extends Partner {
  actor: PartnerActor;
}

/**
 * A partner's person or daemon as the platform's sign-in passed it on (shared/auth/partnerPrincipal.ts reads it). A
 * different type from a customer's `Signer` on purpose: neither can be taken for the other.
 */
export interface PartnerPrincipal {
  /** Lower-case GUID of the tenant that issued the token (`tid`): where the app roles were assigned. */
  tenantId: string;
  /** Lower-case GUID of the user, or of the daemon's service principal (`oid`). */
  objectId: string;
  /** A person (a user token), or a daemon (an app-only token: `idtyp=app`, no user name). */
  via: 'user' | 'application';
  /** The app role values the token carries (`roles`, in either claim form); compared exactly. */
  appRoles: readonly string[];
}

/** One of the partners registered for a tenant, as a caller picking among them sees it. */
export interface PartnerChoice {
  id: string;
  displayName: string;
  status: Partner['status'];
}

/** What a principal comes to on a route needing `needed` access: a partner to act as, or why not (each its own kind). */
export type PartnerPrincipalDecision =
  | { kind: 'partner'; partner: ActingPartner; access: PartnerAccess }
  /** Several partners share the tenant and none (or none of them) was named. */
  | { kind: 'choose-partner'; choices: PartnerChoice[]; named?: string }
  | { kind: 'not-a-partner'; tenantId: string }
  | { kind: 'missing-role'; needed: PartnerAccess; held?: PartnerAccess; via: PartnerPrincipal['via'] }
  | { kind: 'suspended'; partner: PartnerChoice };

/**
 * The one rule for a partner principal. `partnersOfTenant`: the registered partners found for the principal's tenant
 * (only those whose own registration names that tenant count). `named`: the partner the caller picked (X-Partner-Id,
 * or the portal's choice). The tenant comes first, so someone of another organization learns nothing about roles; the
 * role next, as it holds for every partner of the tenant alike; then which partner, and whether it is active.
 */
export function partnerPrincipalDecision(
  principal: PartnerPrincipal,
  partnersOfTenant: readonly Partner[],
  needed: PartnerAccess,
  named?: string,
): PartnerPrincipalDecision {
  const candidates = partnersOfTenant.filter((partner) => partner.tenantId.toLowerCase() === principal.tenantId);
  if (candidates.length === 0) return { kind: 'not-a-partner', tenantId: principal.tenantId };
  const held = grantedAccess(principal.appRoles);
  if (!held || !allows(held, needed)) return { kind: 'missing-role', needed, held, via: principal.via };
  const partner =
    named === undefined && candidates.length === 1 ? candidates[0] : candidates.find((p) => p.id === named);
  if (!partner) return { kind: 'choose-partner', choices: candidates.map(choiceOf), named };
  if (partner.status !== 'active') return { kind: 'suspended', partner: choiceOf(partner) };
  const actor: PartnerActor = { kind: 'partner', id: partner.id, via: principal.via, objectId: principal.objectId };
  return { kind: 'partner', partner: { ...partner, actor }, access: held };
}

/** A partner acting with one of its API keys: keys may do everything a partner may. */
export function actingWithKey(partner: Partner): ActingPartner {
  return { ...partner, actor: { kind: 'partner', id: partner.id, via: 'api-key' } };
}

/** The most these app roles allow: Consent.Manage includes reading; no partner role allows nothing. */
export function grantedAccess(appRoles: readonly string[]): PartnerAccess | undefined {
  if (appRoles.includes(PARTNER_APP_ROLES.manage)) return 'manage';
  if (appRoles.includes(PARTNER_APP_ROLES.read)) return 'read';
  return undefined;
}

/** Whether `held` access covers what a route needs. */
export function allows(held: PartnerAccess, needed: PartnerAccess): boolean {
  return held === 'manage' || needed === 'read';
}

function choiceOf(partner: Partner): PartnerChoice {
  return { id: partner.id, displayName: partner.displayName, status: partner.status };
}
