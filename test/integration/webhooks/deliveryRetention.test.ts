// Webhook delivery retention against Azurite with a moved clock: settled deliveries go 30 days after their event, a
// pending or recent one stays, a repeated run removes nothing more, one run removes at most its bound, and the
// deliveries list still pages newest first. Its own Azurite: the sweep looks across every endpoint.
import type { RunningAzurite } from '../../../dev/azurite';
import type { Partner } from '../../../shared/domain/partners';
import type { DeliveryMessage } from '../../../shared/storage/webhookDeliveryStore';
import { listWebhookDeliveries } from '../../../shared/webhooks/deliveries';
import { liveWebhookDependencies, type WebhookDependencies } from '../../../shared/webhooks/dependencies';
import { abandonDelivery, attemptDelivery } from '../../../shared/webhooks/delivery';
import { sendTestEvent } from '../../../shared/webhooks/dispatch';
import { deleteWebhook, registerWebhook } from '../../../shared/webhooks/endpoints';
import { DELIVERY_RETENTION_DAYS, removeOldDeliveries } from '../../../shared/webhooks/retention';
import { useOwnAzurite } from '../../support/ownAzurite';
import { storedPartner } from '../../support/storeFixtures';

const DAY = 24 * 60 * 60 * 1000;
let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await useOwnAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

/** Dependencies on a clock the test sets, with a receiver that accepts everything and a queue that only records. */
function world() {
  let now = new Date();
  const queued: DeliveryMessage[] = [];
  const deps: WebhookDependencies = {
    ...liveWebhookDependencies,
    now: () => now,
    targets: 'local',
    post: async () => ({ statusCode: 200 }),
    deliveries: {
      ...liveWebhookDependencies.deliveries,
      enqueueDelivery: async (message) => void queued.push(message),
    },
  };
  const daysAgo = (days: number) => (now = new Date(Date.now() - days * DAY));
  return { deps, daysAgo };
}

/** A webhook.test delivery made `days` ago and left as `end` says: delivered, failed (given up) or pending. */
async function deliveryOf(
  days: number,
  end: 'delivered' | 'failed' | 'pending',
  { deps, daysAgo }: ReturnType<typeof world>,
  partner: Partner,
  endpointId: string,
): Promise<string> {
  daysAgo(days);
  const { id } = await sendTestEvent(deps, partner, endpointId);
  const { items } = await deps.deliveries.listDeliveries(endpointId, { pageSize: 100 });
  const message = { partnerId: partner.id, endpointId, key: items.find((item) => item.eventId === id)!.key };
  if (end === 'delivered') expect(await attemptDelivery(deps, message)).toBe('delivered');
  if (end === 'failed') expect(await abandonDelivery(deps, message)).toBe(true);
  return id;
}

/** Every delivery of the endpoint as the partner lists them, following the continuation tokens one row a page. */
async function listedOneByOne(deps: WebhookDependencies, partner: Partner, endpointId: string) {
  const listed: { id: string; status: string }[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await listWebhookDeliveries(deps, partner, endpointId, { pageSize: 1, continuationToken });
    listed.push(...page.items.map(({ id, status }) => ({ id, status })));
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return listed;
}

describe(`webhook delivery retention (${DELIVERY_RETENTION_DAYS} days after the event, settled ones only)`, () => {
  it('removes old delivered and failed deliveries; keeps pending and recent ones; a second run removes nothing', async () => {
    const w = world();
    const partner = await storedPartner('direct-csp');
    const { id: endpointId } = await registerWebhook(w.deps, partner, { url: 'http://127.0.0.1:9/hooks' });
    const oldDelivered = await deliveryOf(40, 'delivered', w, partner, endpointId);
    const oldFailed = await deliveryOf(35, 'failed', w, partner, endpointId);
    const oldPending = await deliveryOf(34, 'pending', w, partner, endpointId);
    const edgeDelivered = await deliveryOf(DELIVERY_RETENTION_DAYS - 1, 'delivered', w, partner, endpointId);
    const recentFailed = await deliveryOf(2, 'failed', w, partner, endpointId);
    w.daysAgo(0);
    const before = await listedOneByOne(w.deps, partner, endpointId);
    const firstPage = await listWebhookDeliveries(w.deps, partner, endpointId, { pageSize: 2 });

    const removed = await removeOldDeliveries(w.deps);
    const after = await listedOneByOne(w.deps, partner, endpointId);
    // A partner paging through the list meanwhile goes on from where it was, past the removed rows.
    const { continuationToken } = firstPage;
    const nextPage = await listWebhookDeliveries(w.deps, partner, endpointId, { pageSize: 2, continuationToken });

    expect(before.map((item) => item.id)).toEqual([recentFailed, edgeDelivered, oldPending, oldFailed, oldDelivered]);
    expect(removed).toBe(2);
    expect(after).toEqual([
      { id: recentFailed, status: 'failed' },
      { id: edgeDelivered, status: 'delivered' },
      { id: oldPending, status: 'pending' },
    ]);
    expect(nextPage.items.map((item) => item.id)).toEqual([oldPending]);
    expect(await removeOldDeliveries(w.deps)).toBe(0);
    expect(await listedOneByOne(w.deps, partner, endpointId)).toEqual(after);
  });

  it('one run removes at most its bound; later runs work off the rest, a deleted endpoint’s deliveries too', async () => {
    const w = world();
    const partner = await storedPartner('direct-csp');
    const { id: endpointId } = await registerWebhook(w.deps, partner, { url: 'http://127.0.0.1:9/hooks' });
    for (const days of [50, 49, 48, 47, 46]) await deliveryOf(days, 'delivered', w, partner, endpointId);
    await deleteWebhook(w.deps, partner, endpointId);
    w.daysAgo(0);
    const rowsLeft = async () => (await w.deps.deliveries.listDeliveries(endpointId, { pageSize: 100 })).items;

    expect(await removeOldDeliveries(w.deps, 2)).toBe(2);
    expect(await rowsLeft()).toHaveLength(3);
    expect([await removeOldDeliveries(w.deps, 2), await removeOldDeliveries(w.deps, 2)]).toEqual([2, 1]);
    expect(await rowsLeft()).toEqual([]);
  });
});
