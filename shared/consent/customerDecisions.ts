// The customer's decisions on a consent: accept (R7) and decline, each answered as an outcome, never a throw.
import { acceptanceRefusal, type AcceptanceRefusal, type Signer } from '../domain/acceptance';
import { effectiveConsent, type Consent, type Disclosure } from '../domain/consent';
import { acceptConsent, canTransition, declineConsent } from '../domain/consentTransitions';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { scheduleDelegatedAdminNotices } from './noticeSweep';
import { grantAuthorizations } from './projection';
import { issueReceipt } from './receipts';

/** The consent a customer answers, and the link they answered through (a replaced link decides nothing). */
export interface DecisionTarget {
  partnerId: string;
  consentId: string;
  linkTokenHash?: string;
  /** What the page showed the customer (shared/evidence/disclosure.ts); stored with the decision, signed in its receipt. */
  disclosure?: Disclosure;
}

export type DecisionOutcome =
  | { kind: 'accepted' | 'already-accepted' | 'declined'; consent: Consent }
  | { kind: 'refused'; refusal: AcceptanceRefusal }
  /** Answered, withdrawn, expired or re-linked since the page was opened: nothing changed. */
  | { kind: 'stale' };

/** What a decision found before any write: a refusal or a stale page; undefined when the change may go ahead. */
type Verdict = Extract<DecisionOutcome, { kind: 'refused' | 'stale' }>;

/**
 * Accepts as the signed-in user. Order of writes: the consent (the truth, with what was shown) first, then the
 * delegated admin notices, the authorization rows, the audit event, then the receipt — each repeatable, so a retry
 * after a crash anywhere converges, with one event and one receipt.
 */
export async function acceptAsCustomer(
  deps: Dependencies,
  target: DecisionTarget,
  signer: Signer,
): Promise<DecisionOutcome> {
  const now = deps.now();
  const { consent, result } = await changeConsent<Verdict | { kind: 'accepted' | 'already-accepted' }>(
    deps,
    () => deps.consents.findConsent(target.partnerId, target.consentId),
    (current) => {
      const verdict = verdictOn(deps, current, target, signer, 'accepted');
      if (verdict) return { keep: true, result: verdict };
      const outcome = acceptConsent(current, { now, acceptedBy: acceptedByOf(signer) });
      return outcome.kind === 'accepted'
        ? { write: withDisclosure(outcome.consent, 'accepted', target), result: { kind: 'accepted' } }
        : { keep: true, result: { kind: 'already-accepted' } };
    },
  );
  if (result.kind === 'refused' || result.kind === 'stale') return result;
  await scheduleDelegatedAdminNotices(deps, consent);
  await grantAuthorizations(deps, consent);
  await recordAcceptance(deps, consent);
  await issueReceipt(deps, consent, 'accepted');
  return { kind: result.kind, consent };
}

export async function declineAsCustomer(
  deps: Dependencies,
  target: DecisionTarget,
  signer: Signer,
): Promise<DecisionOutcome> {
  const now = deps.now();
  const { consent, result } = await changeConsent<Verdict | { kind: 'declined' }>(
    deps,
    () => deps.consents.findConsent(target.partnerId, target.consentId),
    (current) => {
      const verdict = verdictOn(deps, current, target, signer, 'declined');
      return verdict
        ? { keep: true, result: verdict }
        : {
            write: withDisclosure(
              { ...declineConsent(current, now), declinedBy: acceptedByOf(signer) },
              'declined',
              target,
            ),
            result: { kind: 'declined' },
          };
    },
  );
  if (result.kind !== 'declined') return result;
  await deps.events.appendEvent(consent.id, 'declined', {
    at: consent.declinedAt!,
    type: 'consent.declined',
    actor: { kind: 'customer', id: signer.objectId.toLowerCase() },
    data: { tenantId: signer.tenantId.toLowerCase() },
  });
  await issueReceipt(deps, consent, 'declined');
  return { kind: 'declined', consent };
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

/**
 * Whether this signer may take the consent `to` this status now. A link replaced after the page was opened decides
 * nothing; then the organization and the role (R6, R12); a consent that moved on meanwhile is stale. An accepted
 * consent goes ahead, so that accepting twice answers "already accepted".
 */
function verdictOn(
  deps: Dependencies,
  current: Consent,
  target: DecisionTarget,
  signer: Signer,
  to: 'accepted' | 'declined',
): Verdict | undefined {
  if (linkReplaced(deps, current, target)) return { kind: 'stale' };
  const refusal = acceptanceRefusal(current, signer);
  if (refusal) return { kind: 'refused', refusal };
  const status = effectiveConsent(current, deps.now()).status;
  if (to === 'accepted' && status === 'accepted') return undefined;
  return canTransition(status, to) ? undefined : { kind: 'stale' };
}

/** A pending consent whose link was replaced after the page was opened is answered through the new link only. */
function linkReplaced(deps: Dependencies, current: Consent, target: DecisionTarget): boolean {
  if (!target.linkTokenHash || current.status !== 'pending' || !current.linkNonce) return false;
  return deps.consentLinks.invitation(current.linkNonce).tokenHash !== target.linkTokenHash;
}

function acceptedByOf(signer: Signer) {
  return { tenantId: signer.tenantId, objectId: signer.objectId, userPrincipalName: signer.userPrincipalName };
}

/** The decided consent with what its customer was shown, when the caller showed a page. */
function withDisclosure(consent: Consent, event: 'accepted' | 'declined', target: DecisionTarget): Consent {
  if (!target.disclosure) return consent;
  return { ...consent, disclosures: { ...consent.disclosures, [event]: target.disclosure } };
}
