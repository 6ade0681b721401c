// How long webhook deliveries are kept: a settled delivery is removed DELIVERY_RETENTION_DAYS after its event, by an
// hourly sweep bounded per run; a pending one is never removed.
import type { WebhookDependencies } from './dependencies';

/**
 * Long after the last retry (about three days after the event), and long enough for a partner to look back over a
 * month of "recent deliveries". The rows hold the consent as sent, personal data included, so they are not kept longer.
 */
export const DELIVERY_RETENTION_DAYS = 30;

/** Deliveries one run removes at most (one delete each); a larger backlog is worked off by the following runs. */
export const DELIVERY_RETENTION_LIMIT = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Removes settled deliveries whose event is older than the retention period, at most `limit`; answers how many. */
export async function removeOldDeliveries(
  deps: WebhookDependencies,
  limit = DELIVERY_RETENTION_LIMIT,
): Promise<number> {
  const before = new Date(deps.now().getTime() - DELIVERY_RETENTION_DAYS * DAY_MS);
  let removed = 0;
  for (const { value, etag } of await deps.deliveries.settledDeliveriesBefore(before, limit)) {
    if (await deps.deliveries.removeSettledDelivery(value.endpointId, value.key, etag)) removed++;
  }
  return removed;
}
