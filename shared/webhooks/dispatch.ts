// From the outbox to deliveries: each event becomes one delivery per subscribed endpoint of each partner told of it,
// then leaves the outbox. Repeating a dispatch (a retried message, the sweep) finds the same rows and adds nothing.
import { randomUUID } from 'node:crypto';
import { toConsentResource } from '../domain/consent';
import type { Partner } from '../domain/partners';
import { webhookRecipients, type WebhookEventType } from '../domain/webhooks';
import { unavailable } from '../errors';
import type { WebhookPayload } from '../schemas/webhooks';
import { deliveryKey, type StoredDelivery } from '../storage/webhookDeliveryStore';
import type { StoredWebhookEndpoint } from '../storage/webhookEndpointStore';
import type { OutboxEvent } from '../storage/webhookOutbox';
import type { WebhookDependencies } from './dependencies';
import { ownEndpoint } from './endpoints';

/** An outbox row is left to the queue this long before the sweep takes it as interrupted. */
const OUTBOX_GRACE_MS = 2 * 60 * 1000;

/** Outbox rows a sweep run dispatches at most: each costs a few storage calls per endpoint. */
const OUTBOX_SWEEP_LIMIT = 200;

/** Turns one outbox event into deliveries and queues their first attempts; a vanished row is a finished dispatch. */
export async function dispatchWebhookEvent(deps: WebhookDependencies, eventId: string): Promise<number> {
  const event = await deps.outbox.findOutboxEvent(eventId);
  if (!event) return 0;
  const consent = await deps.consents.findConsentById(event.consentId);
  let queued = 0;
  if (consent) {
    const payload: WebhookPayload = {
      type: event.type,
      timestamp: event.at,
      data: { consent: toConsentResource(consent.value, deps.now()) },
    };
    const body = JSON.stringify(payload);
    for (const partnerId of webhookRecipients(consent.value, event.type)) {
      for (const endpoint of subscribed(await deps.endpoints.endpointsOf(partnerId), event.type)) {
        if (await createAndQueue(deps, endpointDelivery(endpoint, event, body))) queued++;
      }
    }
  }
  await deps.outbox.removeOutboxEvent(eventId);
  return queued;
}

/** What one outbox sweep did: interrupted dispatches finished, and those that failed again (left for the next run). */
export interface OutboxSweepReport {
  dispatched: number;
  failed: number;
}

/**
 * Outbox rows older than the grace period — their dispatch was interrupted — dispatched now. One that fails again is
 * logged and left for the next run; it never holds up the events after it.
 */
export async function sweepWebhookOutbox(
  deps: WebhookDependencies,
  limit = OUTBOX_SWEEP_LIMIT,
  log: (message: string) => void = () => undefined,
): Promise<OutboxSweepReport> {
  const before = new Date(deps.now().getTime() - OUTBOX_GRACE_MS);
  const stale = await deps.outbox.staleOutboxEvents(before, limit);
  const report: OutboxSweepReport = { dispatched: 0, failed: 0 };
  for (const event of stale) {
    try {
      await dispatchWebhookEvent(deps, event.eventId);
      report.dispatched++;
    } catch (error) {
      report.failed++;
      log(`Webhook event ${event.eventId} could not be dispatched, left for the next run: ${String(error)}`);
    }
  }
  return report;
}

/**
 * A dispatch the host gave up on (`webhook-events-poison`) loses nothing: its event stays in the outbox until its
 * deliveries exist, and the outbox sweep dispatches it again. Answers whether it is still waiting there.
 */
export async function poisonedDispatchWaiting(deps: WebhookDependencies, eventId: string): Promise<boolean> {
  return (await deps.outbox.findOutboxEvent(eventId)) !== undefined;
}

/** POST /api/webhooks/{id}/test: a `webhook.test` delivery to this endpoint alone, whatever events it chose. */
export async function sendTestEvent(
  deps: WebhookDependencies,
  partner: Partner,
  endpointId: string,
): Promise<{ id: string; type: 'webhook.test' }> {
  const { value: endpoint } = await ownEndpoint(deps, partner, endpointId);
  const at = deps.now().toISOString();
  const event: OutboxEvent = { eventId: `test.${randomUUID()}`, consentId: '', type: 'webhook.test', at };
  const payload: WebhookPayload = { type: 'webhook.test', timestamp: at, data: {} };
  const delivery = endpointDelivery(endpoint, event, JSON.stringify(payload));
  await deps.deliveries.insertDelivery(delivery);
  try {
    await deps.deliveries.enqueueDelivery(messageFor(delivery));
  } catch {
    // Nothing may stay pending with no message to send it: take the row back, and let the partner try again.
    await deps.deliveries.removeDelivery(delivery.endpointId, delivery.key);
    throw unavailable('The test event could not be queued. Try again in a few seconds.');
  }
  return { id: event.eventId, type: 'webhook.test' };
}

function subscribed(endpoints: StoredWebhookEndpoint[], type: WebhookEventType): StoredWebhookEndpoint[] {
  return endpoints.filter((endpoint) => endpoint.status === 'active' && (endpoint.events?.includes(type) ?? true));
}

function endpointDelivery(endpoint: StoredWebhookEndpoint, event: OutboxEvent, body: string): StoredDelivery {
  return {
    endpointId: endpoint.id,
    key: deliveryKey(event.at, event.eventId),
    partnerId: endpoint.partnerId,
    eventId: event.eventId,
    type: event.type,
    ...(event.consentId ? { consentId: event.consentId } : {}),
    body,
    status: 'pending',
    attempts: 0,
  };
}

/**
 * A new delivery is queued; one that exists already is queued again only while it has never been tried (the dispatch
 * that made it may have stopped before queueing). Its attempt checks the row, so a second message sends nothing twice.
 */
async function createAndQueue(deps: WebhookDependencies, delivery: StoredDelivery): Promise<boolean> {
  if (!(await deps.deliveries.insertDelivery(delivery))) {
    const existing = await deps.deliveries.findDelivery(delivery.endpointId, delivery.key);
    if (!existing || existing.value.status !== 'pending' || existing.value.attempts > 0) return false;
  }
  await deps.deliveries.enqueueDelivery(messageFor(delivery));
  return true;
}

function messageFor(delivery: StoredDelivery) {
  return { partnerId: delivery.partnerId, endpointId: delivery.endpointId, key: delivery.key };
}
