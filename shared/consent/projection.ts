// Keeps the authorization tables in step with a consent: written after an acceptance, removed before a revocation.
import { authorizationsGrantedBy } from '../domain/authorization';
import type { Consent } from '../domain/consent';
import type { AuthorizationRecord } from '../storage/authorizationStore';
import type { Dependencies } from './dependencies';

/** The rows an accepted consent stands for (its partner's and, for an indirect reseller, its provider's — R9). */
export function authorizationRecordsFor(consent: Consent): AuthorizationRecord[] {
  return authorizationsGrantedBy(consent).map((authorization) => ({
    ...authorization,
    viaPartnerId: consent.partner.id,
    customerDisplayName: consent.customer.displayName,
    delegatedAdmin: consent.delegatedAdmin,
  }));
}

/**
 * Idempotent: safe to repeat, which is how an acceptance interrupted after its first write converges. The rows are
 * written from a copy read earlier, so the consent is read again afterwards: if it was revoked meanwhile, the rows
 * are taken back — a revocation is never undone by a late grant.
 */
export async function grantAuthorizations(deps: Dependencies, consent: Consent): Promise<void> {
  for (const record of authorizationRecordsFor(consent)) await deps.authorizations.saveAuthorization(record);
  const latest = await deps.consents.findConsent(consent.partner.id, consent.id);
  if (latest && latest.value.status !== 'accepted') await withdrawAuthorizations(deps, latest.value);
}

/** Whether every row an accepted consent stands for is in place (the sweep's check before repairing). */
export async function authorizationsComplete(deps: Dependencies, consent: Consent): Promise<boolean> {
  const present = await Promise.all(
    authorizationRecordsFor(consent).map((record) => deps.authorizations.authorizationPresent(record)),
  );
  return present.every(Boolean);
}

/**
 * Removes what `consent` grants, but only rows that point at it: another accepted consent of the same partner for
 * the same tenant may hold the row, and then that one keeps authorizing.
 */
export async function withdrawAuthorizations(deps: Dependencies, consent: Consent): Promise<void> {
  const tenantId = consent.customer.tenantId;
  if (!tenantId) return;
  const rows = await deps.authorizations.listTenantAuthorizations(tenantId);
  for (const row of rows.filter((r) => r.consentId === consent.id)) {
    await deps.authorizations.deleteAuthorization(row);
    const successor = await otherAcceptedConsent(deps, consent, tenantId);
    if (successor) await grantAuthorizations(deps, successor);
  }
}

async function otherAcceptedConsent(deps: Dependencies, consent: Consent, tenantId: string) {
  const page = await deps.consents.listConsents(
    consent.partner.id,
    { status: 'accepted', tenantId, now: deps.now() },
    { pageSize: 100 },
  );
  return page.items.find((other) => other.id !== consent.id);
}
