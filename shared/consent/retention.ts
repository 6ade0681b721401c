// The sweep's retention job: consents past PERSONAL_DATA_RETENTION_DAYS in a final state lose their personal data,
// in their events first and then on the consent itself, so an interrupted run leaves nothing behind that it cannot
// find again (the consent still holds the values until its own write, which marks it done).
import type { ConsentStatus } from '../domain/consent';
import { erasedEventData, personalDataDue, personalValuesOf, withoutPersonalData } from '../domain/retention';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';

/** The states nothing leaves; only they ever lose their personal data. */
const FINAL_STATUSES: ConsentStatus[] = ['declined', 'expired', 'cancelled', 'revoked'];

/** Erases what is due, at most `limit` consents per run; answers how many. Repeating it changes nothing more. */
export async function erasePersonalData(deps: Dependencies, limit: number): Promise<number> {
  const now = deps.now();
  const days = deps.personalDataRetentionDays;
  let erased = 0;
  for (const status of FINAL_STATUSES) {
    for await (const { value } of deps.consents.consentsInStatus(status)) {
      if (erased >= limit) return erased;
      if (!personalDataDue(value, now, days)) continue;
      const values = personalValuesOf(value);
      await deps.events.rewriteEventData(value.id, (data) => erasedEventData(data, values));
      const { result } = await changeConsent(
        deps,
        () => deps.consents.findConsent(value.partner.id, value.id),
        (current) =>
          personalDataDue(current, now, days)
            ? { write: withoutPersonalData(current, now), result: true }
            : { keep: true, result: false },
      );
      if (result) erased++;
    }
  }
  return erased;
}
