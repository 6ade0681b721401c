// GET /api/webhooks/{id}/deliveries: what was sent to one of the partner's endpoints, newest first.
import type { Partner } from '../domain/partners';
import type { WebhookDelivery } from '../schemas/webhooks';
import type { Page, PageRequest } from '../storage/paging';
import type { StoredDelivery } from '../storage/webhookDeliveryStore';
import type { WebhookDependencies } from './dependencies';
import { ownEndpoint } from './endpoints';

export async function listWebhookDeliveries(
  deps: WebhookDependencies,
  partner: Partner,
  endpointId: string,
  page: PageRequest,
): Promise<Page<WebhookDelivery>> {
  await ownEndpoint(deps, partner, endpointId);
  const { items, continuationToken } = await deps.deliveries.listDeliveries(endpointId, page);
  return { items: items.map(toWebhookDelivery), ...(continuationToken ? { continuationToken } : {}) };
}

function toWebhookDelivery(delivery: StoredDelivery): WebhookDelivery {
  return {
    id: delivery.eventId,
    type: delivery.type,
    ...(delivery.consentId ? { consentId: delivery.consentId } : {}),
    status: delivery.status,
    attempts: delivery.attempts,
    ...(delivery.lastStatusCode !== undefined ? { lastStatusCode: delivery.lastStatusCode } : {}),
    ...(delivery.lastAttemptAt ? { lastAttemptAt: delivery.lastAttemptAt } : {}),
    ...(delivery.status === 'pending' && delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt } : {}),
  };
}
