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
  await writeRows(deps, consent);
  const revoked = await noLongerAccepted(deps, consent);
  if (revoked) await withdrawAuthorizations(deps, revoked);
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
 * the same tenant then takes them over, and is read again in turn — if it was revoked meanwhile, it hands on too.
 */
export async function withdrawAuthorizations(deps: Dependencies, consent: Consent): Promise<void> {
  let leaving: Consent | undefined = consent;
  while (leaving && (await removeRowsOf(deps, leaving))) {
    const successor = await otherAcceptedConsent(deps, leaving);
    if (!successor) return;
    await writeRows(deps, successor);
    leaving = await noLongerAccepted(deps, successor);
  }
}

async function writeRows(deps: Dependencies, consent: Consent): Promise<void> {
  for (const record of authorizationRecordsFor(consent)) await deps.authorizations.saveAuthorization(record);
}

/** Deletes the rows that point at `consent`; whether there were any. */
async function removeRowsOf(deps: Dependencies, consent: Consent): Promise<boolean> {
  const tenantId = consent.customer.tenantId;
  if (!tenantId) return false;
  const rows = await deps.authorizations.listTenantAuthorizations(tenantId);
  const own = rows.filter((row) => row.consentId === consent.id);
  for (const row of own) await deps.authorizations.deleteAuthorization(row);
  return own.length > 0;
}

/** The consent as stored now if it is no longer accepted (revoked since `consent` was read); undefined otherwise. */
async function noLongerAccepted(deps: Dependencies, consent: Consent): Promise<Consent | undefined> {
  const latest = await deps.consents.findConsent(consent.partner.id, consent.id);
  return latest && latest.value.status !== 'accepted' ? latest.value : undefined;
}

async function otherAcceptedConsent(deps: Dependencies, consent: Consent): Promise<Consent | undefined> {
  const page = await deps.consents.listConsents(
    consent.partner.id,
    { status: 'accepted', tenantId: consent.customer.tenantId, now: deps.now() },
    { pageSize: 100 },
  );
  return page.items.find((other) => other.id !== consent.id);
}
