// One attempt of one delivery, woken by its queue message: claim it, sign it afresh, POST it, and record the outcome —
// delivered, failed, the endpoint disabled (410), or the next attempt queued with its delay.
import { Webhook } from 'standardwebhooks';
import { attemptOutcome, retryAfterSeconds, type AttemptOutcome } from '../domain/webhooks';
import type { DeliveryMessage, StoredDelivery } from '../storage/webhookDeliveryStore';
import type { StoredWebhookEndpoint } from '../storage/webhookEndpointStore';
import { isPreconditionFailed } from '../storage/tableErrors';
import type { WebhookDependencies } from './dependencies';
import type { SignedPost } from './post';
import { openSecret } from './secrets';

/**
 * A claimed attempt owns its delivery this long (beyond the 15 s timeout): a duplicate message meanwhile finds the
 * attempt not yet due and sends nothing; if the process dies mid-attempt, the message's own retry finds it due again.
 */
const CLAIM_SECONDS = 60;

/** A message may arrive this much before its attempt is due (clocks differ) and still count as that attempt's. */
const EARLY_TOLERANCE_MS = 30_000;

export type AttemptReport = AttemptOutcome['kind'] | 'not-due';

export async function attemptDelivery(deps: WebhookDependencies, message: DeliveryMessage): Promise<AttemptReport> {
  const found = await deps.deliveries.findDelivery(message.endpointId, message.key);
  const now = deps.now();
  if (!found || !isDue(found.value, now)) return 'not-due';
  const endpoint = await deps.endpoints.findEndpoint(message.partnerId, message.endpointId);
  const attempts = found.value.attempts + 1;
  const claimed: StoredDelivery = {
    ...found.value,
    attempts,
    lastAttemptAt: now.toISOString(),
    nextAttemptAt: new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString(),
  };
  let etag: string;
  try {
    etag = await deps.deliveries.replaceDelivery(claimed, found.etag);
  } catch (error) {
    if (isPreconditionFailed(error)) return 'not-due'; // another copy of the message claimed it first
    throw error;
  }
  if (!endpoint || endpoint.value.status !== 'active') {
    // Deleted or disabled since the event: nothing is sent, and the delivery says it ended.
    await deps.deliveries.replaceDelivery(settled(claimed, 'failed'), etag);
    return 'failed';
  }
  const result = await deps.post(signed(deps, endpoint.value, claimed, now));
  const outcome = attemptOutcome(attempts, {
    statusCode: result.statusCode,
    retryAfterSeconds: retryAfterSeconds(result.retryAfter, now),
  });
  const answered = result.statusCode === undefined ? claimed : { ...claimed, lastStatusCode: result.statusCode };
  await record(deps, message, answered, etag, outcome, endpoint.value);
  return outcome.kind;
}

/**
 * A delivery whose attempts kept throwing (storage down, a secret that no longer opens) until the host gave the message
 * up: it ends `failed`, so the partner sees it in the deliveries list rather than pending for ever.
 */
export async function abandonDelivery(deps: WebhookDependencies, message: DeliveryMessage): Promise<boolean> {
  const found = await deps.deliveries.findDelivery(message.endpointId, message.key);
  if (!found || found.value.status !== 'pending') return false;
  try {
    await deps.deliveries.replaceDelivery(settled(found.value, 'failed'), found.etag);
    return true;
  } catch (error) {
    if (isPreconditionFailed(error)) return false; // an attempt is under way after all: it settles the delivery
    throw error;
  }
}

async function record(
  deps: WebhookDependencies,
  message: DeliveryMessage,
  delivery: StoredDelivery,
  etag: string,
  outcome: AttemptOutcome,
  endpoint: StoredWebhookEndpoint,
): Promise<void> {
  if (outcome.kind === 'retry') {
    // The next message first: should the row's write then fail, that message still comes, and finds the attempt due.
    await deps.deliveries.enqueueDelivery(message, { visibilityTimeoutSeconds: outcome.delaySeconds });
    const due = new Date(Date.parse(delivery.lastAttemptAt!) + outcome.delaySeconds * 1000).toISOString();
    await deps.deliveries.replaceDelivery({ ...delivery, nextAttemptAt: due }, etag);
    return;
  }
  if (outcome.kind === 'gone') await disable(deps, endpoint);
  await deps.deliveries.replaceDelivery(settled(delivery, outcome.kind === 'delivered' ? 'delivered' : 'failed'), etag);
}

/** The receiver answered 410 Gone: no more deliveries to it, which the partner sees on the endpoint. */
async function disable(deps: WebhookDependencies, endpoint: StoredWebhookEndpoint): Promise<void> {
  const current = await deps.endpoints.findEndpoint(endpoint.partnerId, endpoint.id);
  if (!current || current.value.status === 'disabled') return;
  const disabled = { ...current.value, status: 'disabled' as const, disabledReason: 'The receiver answered 410 Gone.' };
  await deps.endpoints.replaceEndpoint(disabled, current.etag).catch((error: unknown) => {
    if (!isPreconditionFailed(error)) throw error; // changed meanwhile (rotated, say): the next 410 disables it
  });
}

function isDue(delivery: StoredDelivery, now: Date): boolean {
  if (delivery.status !== 'pending') return false;
  return !delivery.nextAttemptAt || Date.parse(delivery.nextAttemptAt) <= now.getTime() + EARLY_TOLERANCE_MS;
}

function settled(delivery: StoredDelivery, status: 'delivered' | 'failed'): StoredDelivery {
  const { nextAttemptAt: _next, ...rest } = delivery;
  return { ...rest, status };
}

/** The attempt as Standard Webhooks signs it: same id every time, this attempt's timestamp, one signature per secret. */
function signed(
  deps: WebhookDependencies,
  endpoint: StoredWebhookEndpoint,
  delivery: StoredDelivery,
  now: Date,
): SignedPost {
  const signatures = signingSecrets(deps, endpoint, now).map((secret) =>
    new Webhook(secret).sign(delivery.eventId, now, delivery.body),
  );
  return {
    url: endpoint.url,
    body: delivery.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'autopilot-consent-webhooks',
      'webhook-id': delivery.eventId,
      'webhook-timestamp': Math.floor(now.getTime() / 1000).toString(),
      'webhook-signature': signatures.join(' '),
    },
  };
}

/** The current secret, and during a rotation's overlap the previous one too. */
function signingSecrets(deps: WebhookDependencies, endpoint: StoredWebhookEndpoint, now: Date): string[] {
  const current = openSecret(deps.secretKey, endpoint.sealedSecret, endpoint.id);
  const overlapping =
    endpoint.sealedPreviousSecret &&
    endpoint.previousSecretExpiresAt &&
    Date.parse(endpoint.previousSecretExpiresAt) > now.getTime();
  return overlapping ? [current, openSecret(deps.secretKey, endpoint.sealedPreviousSecret!, endpoint.id)] : [current];
}
