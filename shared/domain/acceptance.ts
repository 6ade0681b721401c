// Who may accept a consent (R6, R12, and the tenant or domain a request names), with the facts a refusal page explains.
import type { PartnerKind } from './partners';
import { includesGlobalAdministrator } from './roles';

/** The signed-in customer user, from the platform's principal (shared/auth/principal.ts reads it). */
export interface Signer {
  /** Lower-case GUID of the user's home tenant (`tid`). */
  tenantId: string;
  /** Lower-case GUID of the user object (`oid`). */
  objectId: string;
  /** The user name as signed in (`preferred_username`, else `upn`); '' when the token carries none. */
  userPrincipalName: string;
  /** Lower-case directory role template ids (`wids`); empty when the token carries none: no role. */
  roles: readonly string[];
}

export type AcceptanceRefusal =
  | { reason: 'wrong-tenant'; requiredTenantId: string; signerTenantId: string }
  | { reason: 'domain-mismatch'; requiredDomain: string; signerDomain: string }
  | { reason: 'not-global-admin' }
  | { reason: 'not-cloud-native'; userPrincipalName: string };

/**
 * What answering a request requires: the organization it names, if any (a standing link names none), and the kind of
 * partner asking (R12 for an OEM). A consent is such terms.
 */
export interface AcceptanceTerms {
  customer: { tenantId?: string; domain?: string };
  partner: { type: PartnerKind };
}

/**
 * Why this user may not accept (or decline) a request on these terms, or undefined when they may.
 * The organization is checked before the role: a user of the wrong organization gains nothing from forwarding the link
 * to their own Global Administrator.
 */
export function acceptanceRefusal(terms: AcceptanceTerms, signer: Signer): AcceptanceRefusal | undefined {
  const signerTenantId = signer.tenantId.toLowerCase();
  const { tenantId: requiredTenantId, domain: requiredDomain } = terms.customer;
  if (requiredTenantId !== undefined && requiredTenantId.toLowerCase() !== signerTenantId) {
    return { reason: 'wrong-tenant', requiredTenantId, signerTenantId };
  }
  const signerDomain = upnDomain(signer.userPrincipalName);
  // A named tenant is the stronger check; the domain is only the fallback when no tenant was named.
  if (requiredTenantId === undefined && requiredDomain !== undefined && requiredDomain.toLowerCase() !== signerDomain) {
    return { reason: 'domain-mismatch', requiredDomain, signerDomain };
  }
  if (!isGlobalAdministrator(signer)) return { reason: 'not-global-admin' };
  if (terms.partner.type === 'oem' && !isCloudNative(signer.userPrincipalName)) {
    return { reason: 'not-cloud-native', userPrincipalName: signer.userPrincipalName };
  }
  return undefined;
}

/** R6: only a Global Administrator may accept; no role claims means no role. */
export function isGlobalAdministrator(signer: Pick<Signer, 'roles'>): boolean {
  return includesGlobalAdministrator(signer.roles);
}

/**
 * R12: a cloud-native account lives in the tenant's initial `.onmicrosoft.com` domain. A guest's user name also ends
 * there (`name_example.com#EXT#@contoso.onmicrosoft.com`) but the account belongs to another organization, so it is not.
 */
export function isCloudNative(userPrincipalName: string): boolean {
  const name = userPrincipalName.toLowerCase();
  return name.endsWith('.onmicrosoft.com') && !name.includes('#ext#');
}

function upnDomain(userPrincipalName: string): string {
  return userPrincipalName.slice(userPrincipalName.lastIndexOf('@') + 1).toLowerCase();
}
