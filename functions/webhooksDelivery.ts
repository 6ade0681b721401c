// Webhook delivery in the background: the outbox's events become deliveries, each attempt runs from its queue message,
// a dispatch or a delivery the host gave up on is drained (the one left to the sweep, the other ended failed), a timer
// finishes dispatches a crash interrupted, and another removes settled deliveries past their retention. A throw makes
// the host deliver the message again.
import type { InvocationContext, Timer } from '@azure/functions';
import { registerQueue, registerTimer } from '../shared/functionRegistry';
import { QUEUES } from '../shared/storage/tableNames';
import { deliveryMessageSchema } from '../shared/storage/webhookDeliveryStore';
import { dispatchMessageSchema } from '../shared/storage/webhookOutbox';
import { liveWebhookDependencies as deps } from '../shared/webhooks/dependencies';
import { abandonDelivery, attemptDelivery } from '../shared/webhooks/delivery';
import { dispatchWebhookEvent, poisonedDispatchWaiting, sweepWebhookOutbox } from '../shared/webhooks/dispatch';
import { removeOldDeliveries } from '../shared/webhooks/retention';

export async function dispatchWebhookEvents(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = dispatchMessageSchema.safeParse(queueItem);
  if (!message.success) {
    context.error('Dropped a message that is not a webhook event: expected { eventId }.');
    return;
  }
  await dispatchWebhookEvent(deps, message.data.eventId);
}

export async function deliverWebhook(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = deliveryMessageSchema.safeParse(queueItem);
  if (!message.success) {
    context.error('Dropped a message that is not a webhook delivery: expected { partnerId, endpointId, key }.');
    return;
  }
  const outcome = await attemptDelivery(deps, message.data);
  context.log(`Webhook delivery to ${message.data.endpointId}: ${outcome}.`);
}

export async function drainWebhookEventPoison(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = dispatchMessageSchema.safeParse(queueItem);
  if (!message.success) {
    context.error('Dropped a poisoned message that is not a webhook event: expected { eventId }.');
    return;
  }
  const { eventId } = message.data;
  if (await poisonedDispatchWaiting(deps, eventId)) {
    context.error(
      `Webhook event ${eventId}: its dispatch kept failing; it stays in the outbox, and webhookOutboxSweep tries it again every 2 minutes.`,
    );
  } else {
    context.log(`Webhook event ${eventId}: poisoned message dropped: the event was dispatched meanwhile.`);
  }
}

export async function drainWebhookPoison(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = deliveryMessageSchema.safeParse(queueItem);
  if (!message.success) {
    context.error(
      'Dropped a poisoned message that is not a webhook delivery: expected { partnerId, endpointId, key }.',
    );
    return;
  }
  if (await abandonDelivery(deps, message.data)) {
    context.warn(`Webhook delivery to ${message.data.endpointId} failed: its attempts kept throwing.`);
  }
}

export async function webhookOutboxSweep(_timer: Timer, context: InvocationContext): Promise<void> {
  const { dispatched, failed } = await sweepWebhookOutbox(deps, undefined, (message) => context.error(message));
  if (dispatched || failed) {
    context.log(`Webhook outbox sweep: ${dispatched} interrupted dispatches finished, ${failed} failed again.`);
  }
}

export async function webhookDeliveryRetention(_timer: Timer, context: InvocationContext): Promise<void> {
  const removed = await removeOldDeliveries(deps);
  context.log(`Webhook delivery retention: ${removed} settled deliveries past their retention removed.`);
}

registerQueue('dispatchWebhookEvents', { queueName: QUEUES.webhookEvents, handler: dispatchWebhookEvents });
registerQueue('deliverWebhook', { queueName: QUEUES.webhookDeliveries, handler: deliverWebhook });
registerQueue('drainWebhookEventPoison', {
  queueName: QUEUES.webhookEventsPoison,
  handler: drainWebhookEventPoison,
});
registerQueue('drainWebhookPoison', { queueName: QUEUES.webhookDeliveriesPoison, handler: drainWebhookPoison });
registerTimer('webhookOutboxSweep', { schedule: '0 */2 * * * *', handler: webhookOutboxSweep });
// Hourly rather than daily: a day's deliveries may outnumber one run's bound, and small runs keep each one short.
registerTimer('webhookDeliveryRetention', { schedule: '0 40 * * * *', handler: webhookDeliveryRetention });
