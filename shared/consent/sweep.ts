// The daily sweep: stores the expiry that reads already show, completes acceptances a crash left unprojected,
// settles invitation emails that can no longer go out, issues receipts whose signing failed, and erases personal data
// past its retention.
import { effectiveConsent } from '../domain/consent';
import { expireConsent } from '../domain/consentTransitions';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { recordAcceptance } from './customerDecisions';
import { settleUnsendableInvitations } from './invitationEmails';
import { scheduleDelegatedAdminNotices } from './noticeSweep';
import { authorizationsComplete, grantAuthorizations } from './projection';
import { completeReceipts } from './receipts';
import { erasePersonalData } from './retention';

export interface SweepReport {
  expired: number;
  repaired: number;
  /** Queued invitation emails settled `not-sent`. */
  emailsNotSent: number;
  /** Receipts issued for decisions that had none. */
  receipts: number;
  /** Consents whose personal data was erased (PERSONAL_DATA_RETENTION_DAYS after a final state). */
  personalDataErased: number;
}

export interface SweepLimits {
  /** Queued emails looked at per run: a backlog larger than this is settled over the following days. */
  queuedEmails: number;
  /** Receipts issued per run. */
  receipts: number;
  /** Consents whose personal data is erased per run: a backlog is worked off over the following days. */
  personalData: number;
}

/** A run stays well within the timer's five minutes: each email looked at costs at most four storage calls. */
export const SWEEP_LIMITS: SweepLimits = { queuedEmails: 1000, receipts: 1000, personalData: 1000 };

/** The jobs of the daily timer, one after the other (expiries first, so their emails are settled in the same run). */
export async function sweepConsents(deps: Dependencies, given: Partial<SweepLimits> = {}): Promise<SweepReport> {
  const limits = { ...SWEEP_LIMITS, ...given };
  const expired = await storeExpiries(deps);
  const repaired = await completeAcceptances(deps);
  const emailsNotSent = await settleUnsendableInvitations(deps, limits.queuedEmails);
  const receipts = await completeReceipts(deps, limits.receipts);
  const personalDataErased = await erasePersonalData(deps, limits.personalData);
  return { expired, repaired, emailsNotSent, receipts, personalDataErased };
}

/** Pending consents past their expiry are stored as expired, each with one event; answers how many. */
async function storeExpiries(deps: Dependencies): Promise<number> {
  const now = deps.now();
  let expired = 0;
  for await (const { value } of deps.consents.consentsInStatus('pending')) {
    if (effectiveConsent(value, now).status !== 'expired') continue;
    const { consent } = await changeConsent(
      deps,
      () => deps.consents.findConsent(value.partner.id, value.id),
      (current) =>
        current.status === 'pending' ? { write: expireConsent(current, now), result: 0 } : { keep: true, result: 0 },
    );
    if (consent.status !== 'expired') continue;
    await deps.events.appendEvent(consent.id, 'expired', {
      at: consent.expiresAt!,
      type: 'consent.expired',
      actor: { kind: 'system', id: 'expiry-sweep' },
    });
    expired++;
  }
  return expired;
}

/**
 * Accepted consents missing any of their authorization rows — in either table, for the partner or (R9) its provider:
 * a crash can stop between any two writes — get them, and their acceptance event; answers how many were repaired.
 */
async function completeAcceptances(deps: Dependencies): Promise<number> {
  let repaired = 0;
  for await (const { value } of deps.consents.consentsInStatus('accepted')) {
    if (!value.customer.tenantId) continue;
    if (await authorizationsComplete(deps, value)) continue;
    await scheduleDelegatedAdminNotices(deps, value); // written just before the rows on acceptance
    await grantAuthorizations(deps, value);
    await recordAcceptance(deps, value); // the interrupted acceptance may not have reached its event either
    repaired++;
  }
  return repaired;
}
