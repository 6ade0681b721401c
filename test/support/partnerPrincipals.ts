// A partner's people and daemons as the platform would pass them on: principal headers with this service's app roles.
import { randomUUID } from 'node:crypto';
import { CLIENT_PRINCIPAL_HEADER, encodePrincipal } from '../../shared/auth/principal';
import type { PartnerAppRole } from '../../shared/domain/partnerAccess';

/** One signed-in principal: its object id, and the header the platform would send for it. */
export interface TestPrincipal {
  objectId: string;
  headers: Record<string, string>;
}

export interface PrincipalOptions {
  appRoles?: readonly PartnerAppRole[];
  /** A daemon's app-only token (idtyp=app, azp, no user name) instead of a person. */
  application?: boolean;
  /** Directory roles (wids), for a person who is also an administrator of its own tenant. */
  directoryRoles?: readonly string[];
  /** How app roles are written: `roles` (as the platform passes them) or the long role claim type. */
  appRoleClaimNames?: 'short' | 'long';
}

/** A person or a daemon of `tenantId`, signed in with these app roles. */
export function partnerPrincipal(tenantId: string, options: PrincipalOptions = {}): TestPrincipal {
  const objectId = randomUUID();
  const header = encodePrincipal({
    tenantId,
    objectId,
    appRoles: options.appRoles ?? [],
    roles: options.directoryRoles,
    appRoleClaimNames: options.appRoleClaimNames,
    ...(options.application
      ? { applicationClientId: randomUUID() }
      : { userPrincipalName: `kim-${objectId.slice(0, 8)}@partner.example` }),
  });
  return { objectId, headers: { [CLIENT_PRINCIPAL_HEADER]: header } };
}
