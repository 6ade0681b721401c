// What the webhook use cases need from the outside world: stores, queues, the clock, the secrets' key, the network.
import { config, type WebhookTargets } from '../config';
import * as consents from '../storage/consentStore';
import * as deliveries from '../storage/webhookDeliveryStore';
import * as endpoints from '../storage/webhookEndpointStore';
import * as outbox from '../storage/webhookOutbox';
import { webhookPoster, type PostWebhook } from './post';
import { resolveHost, type ResolveHost } from './targets';

export interface WebhookDependencies {
  consents: Pick<typeof consents, 'findConsentById'>;
  endpoints: typeof endpoints;
  deliveries: typeof deliveries;
  outbox: typeof outbox;
  now: () => Date;
  /** The AES key that seals signing secrets at rest (derived from APP_SECRET). */
  secretKey: Buffer;
  /** Where endpoints may point (shared/config.ts). */
  targets: WebhookTargets;
  resolveHost: ResolveHost;
  /** Sends one signed attempt. */
  post: PostWebhook;
}

let post: PostWebhook | undefined;

/** The app's own: real storage and network, settings read on first use. */
export const liveWebhookDependencies: WebhookDependencies = {
  consents,
  endpoints,
  deliveries,
  outbox,
  now: () => new Date(),
  get secretKey() {
    return config().keys.webhookSecrets;
  },
  get targets() {
    return config().webhookTargets;
  },
  resolveHost,
  get post() {
    post ??= webhookPoster(config().webhookTargets);
    return post;
  },
};
