// The customer's decisions on a consent: accept (R7), decline, and removing delegated admin roles (R3).
import { acceptanceRefusal, type AcceptanceRefusal, type Signer } from '../domain/acceptance';
import type { Consent } from '../domain/consent';
import { acceptConsent, declineConsent, removeDelegatedAdmin } from '../domain/consentTransitions';
import { conflict } from '../errors';
import { invitationUrl } from './consentLinks';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { grantAuthorizations } from './projection';

/** The consent a customer answers, and the link they answered through (a replaced link decides nothing). */
export interface DecisionTarget {
  partnerId: string;
  consentId: string;
  linkTokenHash?: string;
}

export type DecisionOutcome =
  | { kind: 'accepted' | 'already-accepted' | 'declined'; consent: Consent }
  | { kind: 'refused'; refusal: AcceptanceRefusal };

/**
 * Accepts as the signed-in user. Order of writes: the consent (the truth) first, then the authorization rows, then the
 * audit event — each repeatable, so a retry after a crash anywhere converges, with one event.
 */
export async function acceptAsCustomer(
  deps: Dependencies,
  target: DecisionTarget,
  signer: Signer,
): Promise<DecisionOutcome> {
  const now = deps.now();
  const { consent, result } = await changeConsent<DecisionOutcome['kind'] | AcceptanceRefusal>(
    deps,
    () => deps.consents.findConsent(target.partnerId, target.consentId),
    (current) => {
      requireCurrentLink(current, target);
      const refusal = acceptanceRefusal(current, signer);
      if (refusal) return { keep: true, result: refusal };
      const outcome = acceptConsent(current, { now, acceptedBy: acceptedByOf(signer) });
      return outcome.kind === 'accepted'
        ? { write: outcome.consent, result: outcome.kind }
        : { keep: true, result: outcome.kind };
    },
  );
  if (typeof result !== 'string') return { kind: 'refused', refusal: result };
  await grantAuthorizations(deps, consent);
  await recordAcceptance(deps, consent);
  return { kind: result as 'accepted' | 'already-accepted', consent };
}

export async function declineAsCustomer(
  deps: Dependencies,
  target: DecisionTarget,
  signer: Signer,
): Promise<DecisionOutcome> {
  const now = deps.now();
  const { consent, result: refusal } = await changeConsent<AcceptanceRefusal | undefined>(
    deps,
    () => deps.consents.findConsent(target.partnerId, target.consentId),
    (current) => {
      requireCurrentLink(current, target);
      const refused = acceptanceRefusal(current, signer);
      return refused ? { keep: true, result: refused } : { write: declineConsent(current, now), result: undefined };
    },
  );
  if (refusal) return { kind: 'refused', refusal };
  await deps.events.appendEvent(consent.id, 'declined', {
    at: consent.declinedAt!,
    type: 'consent.declined',
    actor: { kind: 'customer', id: signer.objectId.toLowerCase() },
    data: { tenantId: signer.tenantId.toLowerCase() },
  });
  return { kind: 'declined', consent };
}

/** R3: the customer removes delegated admin roles; the consent and the device-registration authorization stay. */
export async function removeDelegatedAdminAsCustomer(
  deps: Dependencies,
  target: { partnerId: string; consentId: string },
  signer: Signer,
): Promise<Consent> {
  const now = deps.now();
  const { consent } = await changeConsent(
    deps,
    () => deps.consents.findConsent(target.partnerId, target.consentId),
    (current) => ({ write: removeDelegatedAdmin(current, now), result: undefined }),
  );
  await grantAuthorizations(deps, consent); // the lists show delegated admin as removed
  await deps.events.appendEvent(consent.id, 'delegated-admin-removed', {
    at: now.toISOString(),
    type: 'delegatedAdmin.removed',
    actor: { kind: 'customer', id: signer.objectId.toLowerCase() },
  });
  return consent;
}

/** A pending consent whose link was replaced after the page was opened is answered through the new link only. */
function requireCurrentLink(current: Consent, target: DecisionTarget): void {
  if (!target.linkTokenHash || current.status !== 'pending' || !current.linkNonce) return;
  if (invitationUrl(current.linkNonce).tokenHash !== target.linkTokenHash) {
    throw conflict('This link was replaced by a newer one; use the link from the most recent email.');
  }
}

function acceptedByOf(signer: Signer) {
  return { tenantId: signer.tenantId, objectId: signer.objectId, userPrincipalName: signer.userPrincipalName };
}

/** The acceptance's audit event; its fixed key makes a repeated write (retry, sweep) land on the same row. */
export async function recordAcceptance(deps: Dependencies, consent: Consent): Promise<void> {
  await deps.events.appendEvent(consent.id, 'accepted', {
    at: consent.acceptedAt!,
    type: 'consent.accepted',
    actor: { kind: 'customer', id: consent.acceptedBy!.objectId },
    data: { tenantId: consent.customer.tenantId, delegatedAdmin: consent.delegatedAdmin?.status ?? 'none' },
  });
}
