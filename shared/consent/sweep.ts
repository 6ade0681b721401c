// The daily sweep: stores the expiry that reads already show, and completes acceptances a crash left unprojected.
import { effectiveConsent } from '../domain/consent';
import { expireConsent } from '../domain/consentTransitions';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { recordAcceptance } from './customerDecisions';
import { authorizationsComplete, grantAuthorizations } from './projection';

export interface SweepReport {
  expired: number;
  repaired: number;
}

export async function sweepConsents(deps: Dependencies): Promise<SweepReport> {
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
  let repaired = 0;
  for await (const { value } of deps.consents.consentsInStatus('accepted')) {
    const tenantId = value.customer.tenantId;
    if (!tenantId) continue;
    // Every row, in both tables, for the partner and (R9) its provider: a crash can stop between any two.
    if (await authorizationsComplete(deps, value)) continue;
    await grantAuthorizations(deps, value);
    await recordAcceptance(deps, value); // the interrupted acceptance may not have reached its event either
    repaired++;
  }
  return { expired, repaired };
}
