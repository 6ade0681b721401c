// A partner's webhook endpoints: register (the secret shown once), list, read, delete, rotate the secret, send a test.
import { randomBytes } from 'node:crypto';
import type { Partner } from '../domain/partners';
import { MAX_WEBHOOK_ENDPOINTS, PREVIOUS_SECRET_OVERLAP_MS, WEBHOOK_EVENT_TYPES } from '../domain/webhooks';
import { conflict, invalid, notFound, shortened } from '../errors';
import type { WebhookEndpoint, WebhookRegistration } from '../schemas/webhooks';
import type { Page, PageRequest } from '../storage/paging';
import type { StoredWebhookEndpoint } from '../storage/webhookEndpointStore';
import { isPreconditionFailed } from '../storage/tableErrors';
import type { Versioned } from '../storage/versioned';
import type { WebhookDependencies } from './dependencies';
import { newWebhookSecret, sealSecret } from './secrets';
import { targetProblem } from './targets';

export type WebhookWithSecret = WebhookEndpoint & { secret: string };

export async function registerWebhook(
  deps: WebhookDependencies,
  partner: Partner,
  registration: WebhookRegistration,
): Promise<WebhookWithSecret> {
  const refusal = await targetProblem(registration.url, deps.targets, deps.resolveHost);
  if (refusal) throw invalid(`url ${refusal.message}.`, [{ path: 'url', ...refusal }]);
  const id = `wh_${randomBytes(12).toString('hex')}`;
  const secret = newWebhookSecret();
  const endpoint: StoredWebhookEndpoint = {
    id,
    partnerId: partner.id,
    url: registration.url,
    ...(registration.events ? { events: registration.events } : {}),
    ...(registration.description ? { description: registration.description } : {}),
    createdAt: deps.now().toISOString(),
    sealedSecret: sealSecret(deps.secretKey, secret, id),
    status: 'active',
  };
  const outcome = await deps.endpoints.insertEndpoint(endpoint, MAX_WEBHOOK_ENDPOINTS);
  if (outcome === 'full') {
    throw conflict(
      `A partner may register at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints: delete one first.`,
      'webhook-limit',
    );
  }
  if (outcome === 'raced') throw endpointsRaced();
  return { ...toWebhookEndpoint(endpoint), secret };
}

export async function listWebhooks(
  deps: WebhookDependencies,
  partner: Partner,
  page: PageRequest,
): Promise<Page<WebhookEndpoint>> {
  const { items, continuationToken } = await deps.endpoints.listEndpoints(partner.id, page);
  return { items: items.map(toWebhookEndpoint), ...(continuationToken ? { continuationToken } : {}) };
}

export async function readWebhook(deps: WebhookDependencies, partner: Partner, id: string): Promise<WebhookEndpoint> {
  return toWebhookEndpoint((await ownEndpoint(deps, partner, id)).value);
}

/** Stops deliveries to it at once: queued attempts find no endpoint and end as failed. */
export async function deleteWebhook(deps: WebhookDependencies, partner: Partner, id: string): Promise<void> {
  const deleted = await deps.endpoints.deleteEndpoint(partner.id, id);
  if (deleted === false) throw notFoundEndpoint(id);
  if (deleted === 'raced') throw endpointsRaced();
}

/** A new secret; the one it replaces keeps signing beside it for 24 hours, so receivers can switch without a gap. */
export async function rotateWebhookSecret(
  deps: WebhookDependencies,
  partner: Partner,
  id: string,
): Promise<WebhookWithSecret> {
  const { value, etag } = await ownEndpoint(deps, partner, id);
  const secret = newWebhookSecret();
  const rotated: StoredWebhookEndpoint = {
    ...value,
    sealedSecret: sealSecret(deps.secretKey, secret, id),
    sealedPreviousSecret: value.sealedSecret,
    previousSecretExpiresAt: new Date(deps.now().getTime() + PREVIOUS_SECRET_OVERLAP_MS).toISOString(),
  };
  await deps.endpoints.replaceEndpoint(rotated, etag).catch((error: unknown) => {
    throw isPreconditionFailed(error)
      ? conflict('The secret was rotated by another request at the same moment.')
      : error;
  });
  return { ...toWebhookEndpoint(rotated), secret };
}

/** One of the partner's endpoints; another partner's, or none, is 404 alike. */
export async function ownEndpoint(
  deps: WebhookDependencies,
  partner: Partner,
  id: string,
): Promise<Versioned<StoredWebhookEndpoint>> {
  const found = await deps.endpoints.findEndpoint(partner.id, id);
  if (!found) throw notFoundEndpoint(id);
  return found;
}

function toWebhookEndpoint(endpoint: StoredWebhookEndpoint): WebhookEndpoint {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events ?? [...WEBHOOK_EVENT_TYPES],
    ...(endpoint.description ? { description: endpoint.description } : {}),
    createdAt: endpoint.createdAt,
    status: endpoint.status,
  };
}

function notFoundEndpoint(id: string) {
  return notFound(`No webhook endpoint ${shortened(id)} of yours exists.`);
}

function endpointsRaced() {
  return conflict('Your webhook endpoints changed at the same moment: send the request again.', 'changed-meanwhile');
}
