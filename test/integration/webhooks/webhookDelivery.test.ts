// Webhook delivery against Azurite with a moved clock and a scripted receiver: the retry schedule, Retry-After, 410,
// `failed`, one attempt per message however often it comes, the indirect provider's events, and a crash before queueing.
import { Webhook } from 'standardwebhooks';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import type { Partner } from '../../../shared/domain/partners';
import { RETRY_DELAYS_SECONDS } from '../../../shared/domain/webhooks';
import type { DeliveryMessage } from '../../../shared/storage/webhookDeliveryStore';
import { outboxEventFor } from '../../../shared/storage/webhookOutbox';
import { listWebhookDeliveries } from '../../../shared/webhooks/deliveries';
import { liveWebhookDependencies, type WebhookDependencies } from '../../../shared/webhooks/dependencies';
import { abandonDelivery, attemptDelivery } from '../../../shared/webhooks/delivery';
import { dispatchWebhookEvent, sendTestEvent, sweepWebhookOutbox } from '../../../shared/webhooks/dispatch';
import { readWebhook, registerWebhook, rotateWebhookSecret } from '../../../shared/webhooks/endpoints';
import type { PostResult, SignedPost } from '../../../shared/webhooks/post';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';

/** A world for one test: its own clock, a receiver that answers as scripted, and the queue's messages kept in order. */
function world() {
  let now = new Date();
  const posts: SignedPost[] = [];
  const answers: PostResult[] = [];
  const queued: { message: DeliveryMessage; delaySeconds?: number }[] = [];
  const deps: WebhookDependencies = {
    ...liveWebhookDependencies,
    now: () => now,
    targets: 'local',
    post: async (post) => {
      posts.push(post);
      return answers.shift() ?? { statusCode: 200 };
    },
    deliveries: {
      ...liveWebhookDependencies.deliveries,
      enqueueDelivery: async (message, options = {}) => {
        queued.push({ message, delaySeconds: options.visibilityTimeoutSeconds });
      },
    },
  };
  return {
    deps,
    posts,
    queued,
    answer: (...results: PostResult[]) => answers.push(...results),
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
  };
}

async function endpointOf(deps: WebhookDependencies, partner: Partner, events?: string[]) {
  return registerWebhook(deps, partner, {
    url: 'http://127.0.0.1:9/hooks',
    ...(events ? { events: events as never } : {}),
  });
}

describe('retries (API.md: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, then failed)', () => {
  it('a receiver that keeps failing is tried on the schedule with the same webhook-id, then the delivery is failed', async () => {
    const { deps, posts, queued, answer, advance } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    answer(...Array.from({ length: 10 }, () => ({ statusCode: 500 })));
    await sendTestEvent(deps, partner, endpoint.id);

    const delays: (number | undefined)[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const { message, delaySeconds } = queued[attempt - 1]!;
      advance(delaySeconds ?? 0);
      await attemptDelivery(deps, message);
      delays.push(queued[attempt]?.delaySeconds);
    }

    expect(delays).toEqual([...RETRY_DELAYS_SECONDS, undefined]);
    expect(new Set(posts.map((post) => post.headers['webhook-id'])).size).toBe(1);
    expect(new Set(posts.map((post) => post.headers['webhook-timestamp'])).size).toBe(10);
    const { items } = await listWebhookDeliveries(deps, partner, endpoint.id, { pageSize: 10 });
    expect(items).toEqual([
      expect.objectContaining({ type: 'webhook.test', status: 'failed', attempts: 10, lastStatusCode: 500 }),
    ]);
    expect(items[0]).not.toHaveProperty('nextAttemptAt');
  });

  it('shows the next attempt while pending, and honours Retry-After on 429 and 503', async () => {
    const { deps, queued, answer, advance } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    answer({ statusCode: 429, retryAfter: '120' }, { statusCode: 503, retryAfter: '7' });
    await sendTestEvent(deps, partner, endpoint.id);

    await attemptDelivery(deps, queued[0]!.message);
    const pending = (await listWebhookDeliveries(deps, partner, endpoint.id, { pageSize: 1 })).items[0]!;
    advance(120);
    await attemptDelivery(deps, queued[1]!.message);

    expect(queued.map((entry) => entry.delaySeconds)).toEqual([undefined, 120, 7]);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 429 });
    expect(Date.parse(pending.nextAttemptAt!) - Date.parse(pending.lastAttemptAt!)).toBe(120_000);
  });

  it('410 Gone disables the endpoint: the delivery fails and later events are not delivered to it', async () => {
    const { deps, posts, queued, answer } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    answer({ statusCode: 410 });
    await sendTestEvent(deps, partner, endpoint.id);

    expect(await attemptDelivery(deps, queued[0]!.message)).toBe('gone');

    expect(await readWebhook(deps, partner, endpoint.id)).toMatchObject({ status: 'disabled' });
    const { items } = await listWebhookDeliveries(deps, partner, endpoint.id, { pageSize: 5 });
    expect(items[0]).toMatchObject({ status: 'failed', lastStatusCode: 410, attempts: 1 });
    await sendTestEvent(deps, partner, endpoint.id);
    await attemptDelivery(deps, queued[1]!.message);
    expect(posts).toHaveLength(1);
  });

  it('a message that comes twice, or long before its attempt is due, sends nothing twice', async () => {
    const { deps, posts, queued, answer, advance } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    answer({ statusCode: 500 }, { statusCode: 500 });
    await sendTestEvent(deps, partner, endpoint.id);
    const message = queued[0]!.message;

    const outcomes = await Promise.all([attemptDelivery(deps, message), attemptDelivery(deps, message)]);
    advance(5);
    await attemptDelivery(deps, message); // the second attempt fails too: the third is due in 5 minutes
    advance(10);
    const early = await attemptDelivery(deps, message);
    advance(300);
    const third = await attemptDelivery(deps, message);
    const late = await attemptDelivery(deps, message);

    expect(outcomes.sort()).toEqual(['not-due', 'retry']);
    expect([early, third, late]).toEqual(['not-due', 'delivered', 'not-due']);
    expect(posts).toHaveLength(3);
  });
});

describe('a delivery the host gave up on', () => {
  it('ends failed in the deliveries list once its message reaches the poison queue', async () => {
    const { deps, queued } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    await sendTestEvent(deps, partner, endpoint.id);

    expect(await abandonDelivery(deps, queued[0]!.message)).toBe(true);

    const { items } = await listWebhookDeliveries(deps, partner, endpoint.id, { pageSize: 5 });
    expect(items).toEqual([expect.objectContaining({ type: 'webhook.test', status: 'failed', attempts: 0 })]);
    expect(await abandonDelivery(deps, queued[0]!.message)).toBe(false);
  });
});

describe('signatures', () => {
  it('during the 24 hours after a rotation both secrets sign; afterwards only the new one', async () => {
    const { deps, posts, queued, advance } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    const rotated = await rotateWebhookSecret(deps, partner, endpoint.id);
    await sendTestEvent(deps, partner, endpoint.id);
    await attemptDelivery(deps, queued[0]!.message);
    advance(24 * 3600 + 1);
    await sendTestEvent(deps, partner, endpoint.id);
    await attemptDelivery(deps, queued[1]!.message);

    const [during, after] = posts.map((post) => post.headers['webhook-signature']!.split(' '));
    expect(during).toHaveLength(2);
    expect(after).toEqual([
      new Webhook(rotated.secret).sign(posts[1]!.headers['webhook-id']!, deps.now(), posts[1]!.body),
    ]);
  });
});

describe('who hears an event', () => {
  it('R9: an indirect provider hears consent.accepted for its reseller’s consent, but not consent.declined', async () => {
    const { deps, queued } = world();
    const provider = await storedPartner('indirect-provider');
    const reseller = await storedPartner('indirect-reseller', { indirectProviderId: provider.id });
    const [providerEndpoint, resellerEndpoint] = [await endpointOf(deps, provider), await endpointOf(deps, reseller)];
    const consent = await storedPendingConsent(reseller, globalAdminOf().tenantId, { provider });

    for (const [key, type] of [
      ['accepted', 'consent.accepted'],
      ['declined', 'consent.declined'],
    ] as const) {
      const event = outboxEventFor(consent.id, key, type, new Date().toISOString())!;
      await deps.outbox.recordOutboxEvent(event);
      await dispatchWebhookEvent(deps, event.eventId);
    }

    const heard = (endpointId: string) =>
      queued
        .filter((entry) => entry.message.endpointId === endpointId)
        .map((entry) => entry.message.key.split('.').pop());
    expect(heard(resellerEndpoint.id)).toEqual(['accepted', 'declined']);
    expect(heard(providerEndpoint.id)).toEqual(['accepted']);
  });

  it('an endpoint hears only the event types it chose', async () => {
    const { deps, queued } = world();
    const partner = await storedPartner('direct-csp');
    const chosen = await endpointOf(deps, partner, ['consent.revoked']);
    const consent = await storedPendingConsent(partner, globalAdminOf().tenantId);
    const event = outboxEventFor(consent.id, 'accepted', 'consent.accepted', new Date().toISOString())!;
    await deps.outbox.recordOutboxEvent(event);

    await dispatchWebhookEvent(deps, event.eventId);

    expect(queued.filter((entry) => entry.message.endpointId === chosen.id)).toEqual([]);
  });
});

describe('never lost, never twice', () => {
  it('a crash after the outbox row, before the event and its queueing: the sweep delivers it, once', async () => {
    const { deps, queued, advance } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);
    const crashing: Dependencies = {
      ...live,
      now: deps.now,
      events: {
        ...live.events,
        appendEvent: async (consentId, key, event) => {
          await deps.outbox.recordOutboxEvent(outboxEventFor(consentId, key, event.type, event.at)!);
          throw new Error('injected crash after the outbox row');
        },
      },
    };
    await expect(acceptAsCustomer(crashing, { partnerId: partner.id, consentId: consent.id }, admin)).rejects.toThrow(
      'injected crash',
    );
    expect(queued).toEqual([]);

    advance(180);
    await sweepWebhookOutbox(deps);
    await sweepWebhookOutbox(deps);
    await dispatchWebhookEvent(deps, `${consent.id}.accepted`);

    const mine = queued.filter((entry) => entry.message.endpointId === endpoint.id);
    expect(mine).toHaveLength(1);
    await attemptDelivery(deps, mine[0]!.message);
    const { items } = await listWebhookDeliveries(deps, partner, endpoint.id, { pageSize: 5 });
    expect(items).toEqual([
      expect.objectContaining({ id: `${consent.id}.accepted`, type: 'consent.accepted', status: 'delivered' }),
    ]);
  });

  it('an event whose dispatch keeps failing is left for the next run and holds up none after it', async () => {
    const { deps, queued, advance } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    const admin = globalAdminOf();
    const [broken, fine] = [
      await storedPendingConsent(partner, admin.tenantId),
      await storedPendingConsent(partner, admin.tenantId),
    ];
    for (const consent of [broken, fine]) {
      await deps.outbox.recordOutboxEvent(
        outboxEventFor(consent.id, 'accepted', 'consent.accepted', deps.now().toISOString())!,
      );
    }
    const failing: WebhookDependencies = {
      ...deps,
      consents: {
        ...deps.consents,
        findConsentById: (id) =>
          id === broken.id ? Promise.reject(new Error('injected read failure')) : deps.consents.findConsentById(id),
      },
    };
    const logged: string[] = [];

    advance(180);
    const report = await sweepWebhookOutbox(failing, undefined, (message) => logged.push(message));

    expect(report.failed).toBe(1);
    expect(logged).toEqual([expect.stringContaining(`${broken.id}.accepted`)]);
    const mine = () =>
      queued.filter((entry) => entry.message.endpointId === endpoint.id).map((entry) => entry.message.key);
    expect(mine()).toHaveLength(1);
    expect(await deps.outbox.findOutboxEvent(`${broken.id}.accepted`)).toBeDefined();

    await sweepWebhookOutbox(deps);
    expect(mine()).toHaveLength(2);
    expect(await deps.outbox.findOutboxEvent(`${broken.id}.accepted`)).toBeUndefined();
  });

  it('an event recorded twice (a retried change) is dispatched to one delivery, with one first attempt', async () => {
    const { deps, queued } = world();
    const partner = await storedPartner('direct-csp');
    const endpoint = await endpointOf(deps, partner);
    const consent = await storedPendingConsent(partner, globalAdminOf().tenantId);
    const event = outboxEventFor(consent.id, 'cancelled', 'consent.cancelled', new Date().toISOString())!;

    for (let i = 0; i < 2; i++) {
      await deps.outbox.recordOutboxEvent(event);
      await dispatchWebhookEvent(deps, event.eventId);
      await attemptDelivery(deps, queued.at(-1)!.message);
    }

    const { items } = await listWebhookDeliveries(deps, partner, endpoint.id, { pageSize: 5 });
    expect(items).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1 })]);
  });
});
