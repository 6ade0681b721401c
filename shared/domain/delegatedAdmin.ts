// Delegated admin (GDAP) rules: which roles, how long, auto-extension, who may ask, and the status over time (R3, R10, R15).
import type { FieldError } from '../errors';
import { PARTNER_KIND_RULES, type PartnerKind } from './partners';
import { findRole, GLOBAL_ADMINISTRATOR_ROLE_ID, includesGlobalAdministrator, type DirectoryRole } from './roles';
import { daysAfter, isPast } from './expiry';

/**
 * GDAP allows 1 day to 2 years (P730D) and auto-extends by 180 days at a time; 20 roles keeps the consent page
 * readable and is ample for device work. The request schema (shared/schemas/consentRequests.ts) checks these, so a
 * request that reaches the rules below is within them.
 */
export const DELEGATED_ADMIN_LIMITS = {
  minRoles: 1,
  maxRoles: 20,
  minDurationDays: 1,
  maxDurationDays: 730,
  defaultDurationDays: 730,
  autoExtensionDays: 180,
} as const;

export type DelegatedAdminStatus = 'requested' | 'active' | 'removed' | 'expired';

/** The consent's `delegatedAdmin` part. `expiresAt` is set when it becomes active. */
export interface DelegatedAdmin {
  roles: DirectoryRole[];
  durationDays: number;
  autoExtend: boolean;
  status: DelegatedAdminStatus;
  expiresAt?: string;
}

/** What a partner asks for, as the request body carries it (already shape-checked by the HTTP layer, limits included). */
export interface DelegatedAdminRequest {
  roles: readonly string[];
  durationDays?: number;
  autoExtend?: boolean;
}

export type DelegatedAdminDecision =
  { ok: true; delegatedAdmin: DelegatedAdmin; warnings: string[] } | { ok: false; errors: FieldError[] };

/** R10: shown to the partner in `warnings` and prominently on the customer's consent page. */
export const LEAST_PRIVILEGE_WARNING =
  "Global Administrator gives full control of the customer's organization. Following least privilege, request it " +
  'only for emergencies: registering and managing Autopilot devices usually needs no more than Intune Administrator ' +
  'and Cloud Device Administrator.';

/** A consent's warning by a stable code, so that a page can say it in its reader's language. */
export type ConsentWarningCode = 'least-privilege';

/** The API's `warnings` text for each code (English, as the API has always answered it). */
export const CONSENT_WARNING_TEXT: Record<ConsentWarningCode, string> = {
  'least-privilege': LEAST_PRIVILEGE_WARNING,
};

/** The warnings delegated admin roles call for, by code: R10 least privilege when they include Global Administrator. */
export function consentWarningCodes(delegatedAdmin: Pick<DelegatedAdmin, 'roles'> | undefined): ConsentWarningCode[] {
  const roleIds = delegatedAdmin?.roles.map((role) => role.id) ?? [];
  return includesGlobalAdministrator(roleIds) ? ['least-privilege'] : [];
}

/** Checks a delegated admin request for a partner of this kind; on success gives the consent's part and its warnings. */
export function validateDelegatedAdminRequest(
  request: DelegatedAdminRequest,
  partnerKind: PartnerKind,
): DelegatedAdminDecision {
  if (!PARTNER_KIND_RULES[partnerKind].mayRequestDelegatedAdmin) {
    const refusal: FieldError = {
      path: 'delegatedAdmin',
      message: kindRefusal(partnerKind),
      code: 'delegated-admin-not-allowed',
    };
    return { ok: false, errors: [refusal] };
  }
  const durationDays = request.durationDays ?? DELEGATED_ADMIN_LIMITS.defaultDurationDays;
  const autoExtend = request.autoExtend ?? false;
  const { roles, errors } = resolveRoles(request.roles);
  if (autoExtend && roles.some((role) => role.id === GLOBAL_ADMINISTRATOR_ROLE_ID)) {
    errors.push({
      path: 'delegatedAdmin.autoExtend',
      message:
        'A delegated admin relationship that includes Global Administrator cannot auto-extend (a Microsoft GDAP rule). ' +
        'Set autoExtend to false, or leave out Global Administrator.',
      code: 'global-admin-auto-extend',
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    delegatedAdmin: { roles, durationDays, autoExtend, status: 'requested' },
    warnings: consentWarningCodes({ roles }).map((code) => CONSENT_WARNING_TEXT[code]),
  };
}

/** On acceptance the roles become active for `durationDays` from the moment of acceptance. */
export function activateDelegatedAdmin(delegatedAdmin: DelegatedAdmin, acceptedAt: Date): DelegatedAdmin {
  return { ...delegatedAdmin, status: 'active', expiresAt: daysAfter(acceptedAt, delegatedAdmin.durationDays) };
}

/**
 * Delegated admin as it stands at `now`, stored or not: active roles past their end are expired — unless they
 * auto-extend, when the end moves on by 180 days at a time until it is ahead of `now` again.
 */
export function effectiveDelegatedAdmin(delegatedAdmin: DelegatedAdmin, now: Date): DelegatedAdmin {
  if (delegatedAdmin.status !== 'active' || !isPast(delegatedAdmin.expiresAt, now)) return delegatedAdmin;
  if (!autoExtends(delegatedAdmin)) return { ...delegatedAdmin, status: 'expired' };
  return { ...delegatedAdmin, expiresAt: extensionsUntil(delegatedAdmin.expiresAt!, now).at(-1) };
}

/** GDAP: roles auto-extend only when asked to, and never while they include Global Administrator. */
export function autoExtends(delegatedAdmin: DelegatedAdmin): boolean {
  return delegatedAdmin.autoExtend && !includesGlobalAdministrator(delegatedAdmin.roles.map((role) => role.id));
}

/**
 * The ends an auto-extension from `end` has moved through by `now`, oldest first: each 180 days after the one before,
 * the last the first still ahead of `now`. Empty while `end` has not passed. One extension event is written per end.
 */
export function extensionsUntil(end: string, now: Date): string[] {
  const ends: string[] = [];
  for (let current = end; isPast(current, now);) {
    current = daysAfter(new Date(current), DELEGATED_ADMIN_LIMITS.autoExtensionDays);
    ends.push(current);
  }
  return ends;
}

function kindRefusal(partnerKind: PartnerKind): string {
  if (partnerKind === 'oem') {
    return 'An OEM is never granted delegated admin rights. Send the request without delegatedAdmin.';
  }
  return `A partner of kind '${partnerKind}' cannot request delegated admin rights.`;
}

function resolveRoles(ids: readonly string[]): { roles: DirectoryRole[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const roles: DirectoryRole[] = [];
  const firstIndexById = new Map<string, number>();
  ids.forEach((id, index) => {
    const path = `delegatedAdmin.roles.${index}`;
    const role = findRole(id);
    if (!role) {
      errors.push({
        path,
        message: `'${id}' is not a role this service can request: use a role id that GET /api/roles lists.`,
        code: 'unknown-role',
      });
      return;
    }
    const first = firstIndexById.get(role.id);
    if (first !== undefined) {
      errors.push({
        path,
        message: `${role.displayName} is already requested at delegatedAdmin.roles.${first}.`,
        code: 'duplicate-role',
      });
      return;
    }
    firstIndexById.set(role.id, index);
    roles.push(role);
  });
  return { roles, errors };
}
