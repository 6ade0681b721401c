// What the operator does: register and change partners, mint and revoke their keys, revoke a consent on request (R13).
import { randomBytes } from 'node:crypto';
import { withoutAbsentFields, type Consent } from '../domain/consent';
import { revokeConsent } from '../domain/consentTransitions';
import { kindFieldErrors, takesField, type Partner, type PartnerStatus } from '../domain/partners';
import { conflict, invalid, notFound } from '../errors';
import { isPreconditionFailed } from '../storage/tableErrors';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { mintKey } from './operatorKeys';
import { withdrawAuthorizations } from './projection';

/** What the operator says about a new partner; the service adds the status and creation time (and an id if none). */
export type PartnerRegistration = Omit<Partner, 'id' | 'status' | 'createdAt'> & { id?: string };

export interface PartnerChanges {
  displayName?: string;
  status?: PartnerStatus;
  oemDirectApiEligible?: boolean;
}

export async function registerPartner(deps: Dependencies, registration: PartnerRegistration): Promise<Partner> {
  const errors = kindFieldErrors(registration);
  if (registration.indirectProviderId && takesField(registration.type, 'indirectProviderId')) {
    const provider = await deps.partners.findPartner(registration.indirectProviderId);
    if (provider?.value.type !== 'indirect-provider') {
      errors.push({ path: 'indirectProviderId', message: 'must name a registered indirect-provider partner' });
    }
  }
  if (errors.length) throw invalid('The partner registration breaks the rules listed in errors.', errors);
  const partner = withoutAbsentFields<Partner>({
    ...registration,
    id: registration.id ?? generatedPartnerId(registration.displayName),
    tenantId: registration.tenantId.toLowerCase(),
    verifiedDomain: registration.verifiedDomain?.toLowerCase(),
    oemDirectApiEligible: takesField(registration.type, 'oemDirectApiEligible')
      ? (registration.oemDirectApiEligible ?? false)
      : undefined,
    status: 'active',
    createdAt: deps.now().toISOString(),
  });
  // The tenant index first (see indexPartnerTenant): a retry after a crash between the two completes the registration.
  await deps.partners.indexPartnerTenant(partner);
  await deps.partners.insertPartner(partner);
  return partner;
}

/**
 * Writes the tenant index row of every registered partner (idempotent): once after upgrading from a version that had
 * no index, so partners registered before can act with their Microsoft Entra identities. Answers how many it wrote.
 */
export async function indexPartnerTenants(deps: Dependencies): Promise<number> {
  let written = 0;
  let continuationToken: string | undefined;
  do {
    const page = await deps.partners.listPartners({ pageSize: 100, continuationToken });
    await Promise.all(page.items.map((partner) => deps.partners.indexPartnerTenant(partner)));
    written += page.items.length;
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return written;
}

export async function getPartner(deps: Dependencies, id: string): Promise<Partner> {
  const found = await deps.partners.findPartner(id);
  if (!found) throw notFound(`No partner "${id}" is registered.`);
  return found.value;
}

export async function changePartner(deps: Dependencies, id: string, changes: PartnerChanges): Promise<Partner> {
  const found = await deps.partners.findPartner(id);
  if (!found) throw notFound(`No partner "${id}" is registered.`);
  if (changes.oemDirectApiEligible !== undefined && !takesField(found.value.type, 'oemDirectApiEligible')) {
    throw invalid('Only an OEM can be eligible for the OEM Direct API.', [
      { path: 'oemDirectApiEligible', message: `not applicable to a ${found.value.type} partner` },
    ]);
  }
  const changed = withoutAbsentFields<Partner>({ ...found.value, ...changes });
  try {
    await deps.partners.replacePartner(changed, found.etag);
  } catch (error) {
    if (isPreconditionFailed(error)) {
      throw conflict('The partner was changed by someone else at the same moment. Read it again and retry.');
    }
    throw error;
  }
  return changed;
}

/** A key for a registered partner; what it may do is decided by the partner row on every request, not by the key. */
export async function mintPartnerKey(deps: Dependencies, partnerId: string, name?: string) {
  await getPartner(deps, partnerId);
  return mintKey(deps, { kind: 'partner', partnerId }, name);
}

/** Revokes a partner's key; it fails from the very next request (keys are read on every request, never cached). */
export async function revokePartnerKey(deps: Dependencies, partnerId: string, keyId: string): Promise<void> {
  const key = await deps.apiKeys.findApiKey(keyId);
  if (!key || key.owner.kind !== 'partner' || key.owner.partnerId !== partnerId) {
    throw notFound(`Partner "${partnerId}" has no key "${keyId}".`);
  }
  await deps.apiKeys.revokeApiKey(keyId, deps.now());
}

/**
 * R13: revokes an accepted consent on a support request — the only way an OEM consent ends. Authorizations go first
 * so verification stops answering yes before anything else; a retry after a crash completes the rest.
 */
export async function revokeConsentOnRequest(
  deps: Dependencies,
  consentId: string,
  request: { reason: string; ticket: string; operatorId: string },
): Promise<Consent> {
  const now = deps.now();
  const stored = await deps.consents.findConsentById(consentId);
  if (!stored) throw notFound(`No consent "${consentId}".`);
  const revocation = { now, reason: request.reason, ticket: request.ticket };
  revokeConsent(stored.value, revocation); // 409 unless accepted, before anything is touched
  await withdrawAuthorizations(deps, stored.value);
  const { consent } = await changeConsent(
    deps,
    () => deps.consents.findConsent(stored.value.partner.id, consentId),
    (current) => ({ write: revokeConsent(current, revocation), result: undefined }),
  );
  // A grant from an older copy (a sweep repair, a repeated accept) may have landed between the two steps above.
  await withdrawAuthorizations(deps, consent);
  await deps.events.appendEvent(consent.id, 'revoked', {
    at: consent.revokedAt!,
    type: 'consent.revoked',
    actor: { kind: 'operator', id: request.operatorId },
    data: { reason: request.reason, ticket: request.ticket },
  });
  return consent;
}

/** A readable, unguessable id when the operator gives none: "contoso-ltd-3f9a1c". */
function generatedPartnerId(displayName: string): string {
  const slug = displayName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'partner'}-${randomBytes(3).toString('hex')}`;
}
