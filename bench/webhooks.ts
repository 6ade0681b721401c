// The webhook figures of `npm run bench`: 1000 acceptances delivered to a local receiver against bare signing and
// POSTing in the same run, duplicates counted, and what the webhook outbox adds to accepting a consent.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { QUEUE_SETTINGS } from '../shared/hostSettings';
import { TABLES } from '../shared/storage/tableNames';
import { startWebhookReceiver } from '../test/support/webhookReceiver';
import { round, timeRuns, type Figures } from './measure';

export interface WebhookFigures {
  events: number;
  /** From the first acceptance to the last delivery received. */
  totalSeconds: number;
  deliveriesPerSecond: number;
  baselinePerSecond: number;
  duplicates: number;
}

export interface WebhookBench {
  pipeline: WebhookFigures;
  /** Accepting one consent (sequentially) with the outbox, against the same with the event written as before. */
  accept: { endpoint: Figures; baseline: Figures };
}

type Call = (method: string, route: string, key: string, body?: unknown) => Promise<Record<string, unknown>>;

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
const ACCEPT_RUNS = 100;

export async function webhookDelivery(call: Call, operatorKey: string): Promise<WebhookBench> {
  const receiver = await startWebhookReceiver();
  try {
    const partner = await benchPartner(call, operatorKey);
    const endpoint = await call('POST', '/api/webhooks', partner.key, {
      url: receiver.url,
      events: ['consent.accepted'],
    });
    const accept = await acceptCost(call, operatorKey);
    const pending = await issue(call, partner.key, EVENTS);
    const started = performance.now();
    await inParallel(pending, 32, (consent) => acceptNow(partner.id, consent, true));
    const ids = () => new Set(receiver.received.map((delivery) => delivery.headers['webhook-id']));
    while (ids().size < EVENTS) {
      if (performance.now() - started > 10 * 60_000) throw new Error('webhook deliveries did not drain in 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 3000)); // room for a duplicate to show up before counting
    const duplicates = receiver.received.length - ids().size;
    const baseline = await bareSignAndPost(receiver.url, endpoint.secret as string);
    return {
      pipeline: {
        events: EVENTS,
        totalSeconds: round(totalSeconds, 1),
        deliveriesPerSecond: round(EVENTS / totalSeconds, 1),
        baselinePerSecond: round(baseline, 1),
        duplicates,
      },
      accept,
    };
  } finally {
    await receiver.close();
  }
}

/** The baseline: sign with standardwebhooks and POST, nothing else, at the host's queue batch size. */
async function bareSignAndPost(url: string, secret: string): Promise<number> {
  const webhook = new Webhook(secret);
  const body = JSON.stringify({ type: 'consent.accepted', timestamp: new Date().toISOString(), data: {} });
  const started = performance.now();
  await inParallel(
    Array.from({ length: EVENTS }, () => randomUUID()),
    QUEUE_SETTINGS.batchSize,
    async (id) => {
      const now = new Date();
      await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': Math.floor(now.getTime() / 1000).toString(),
          'webhook-signature': webhook.sign(id, now, body),
        },
        body,
      });
    },
  );
  return EVENTS / ((performance.now() - started) / 1000);
}

/** Median acceptance with the webhook outbox (today's code), against the same acceptance writing its event directly. */
async function acceptCost(call: Call, operatorKey: string): Promise<WebhookBench['accept']> {
  const partner = await benchPartner(call, operatorKey);
  const consents = await issue(call, partner.key, 2 * ACCEPT_RUNS);
  const [withOutbox, direct] = [consents.slice(0, ACCEPT_RUNS), consents.slice(ACCEPT_RUNS)];
  const baseline = await timeRuns(() => acceptNow(partner.id, direct.pop()!, false), ACCEPT_RUNS);
  const endpoint = await timeRuns(() => acceptNow(partner.id, withOutbox.pop()!, true), ACCEPT_RUNS);
  return { endpoint, baseline };
}

interface PendingConsent {
  id: string;
  tenantId: string;
}

async function issue(call: Call, key: string, count: number): Promise<PendingConsent[]> {
  const tenants = Array.from({ length: count }, () => randomUUID());
  const issued: PendingConsent[] = [];
  await inParallel(tenants, 32, async (tenantId) => {
    const consent = await call('POST', '/api/consent-requests', key, { customer: { tenantId }, sendEmail: false });
    issued.push({ id: consent.id as string, tenantId });
  });
  return issued;
}

/** Accepts as the tenant's Global Administrator; `outbox` false writes the event the way it was written before webhooks. */
async function acceptNow(partnerId: string, consent: PendingConsent, outbox: boolean): Promise<void> {
  const { liveDependencies } = await import('../shared/consent/dependencies');
  const { acceptAsCustomer } = await import('../shared/consent/customerDecisions');
  const { GLOBAL_ADMINISTRATOR_ROLE_ID } = await import('../shared/domain/roles');
  const deps = outbox ? liveDependencies : { ...liveDependencies, events: await directEvents() };
  await acceptAsCustomer(
    deps,
    { partnerId, consentId: consent.id },
    {
      tenantId: consent.tenantId,
      objectId: randomUUID(),
      userPrincipalName: 'admin@bench.onmicrosoft.com',
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    },
  );
}

/** The event store as it was before webhooks: one row insert, no outbox row, nothing queued. */
async function directEvents() {
  const { liveDependencies } = await import('../shared/consent/dependencies');
  const { tableClient } = await import('../shared/storage/clients');
  const table = await tableClient(TABLES.consentEvents);
  return {
    ...liveDependencies.events,
    appendEvent: async (
      consentId: string,
      key: string,
      event: { at: string; type: string; actor: { kind: string; id: string } },
    ) => {
      await table
        .createEntity({
          partitionKey: consentId,
          rowKey: key,
          at: event.at,
          type: event.type,
          actorKind: event.actor.kind,
          actorId: event.actor.id,
        })
        .catch(() => undefined);
    },
  };
}

async function benchPartner(call: Call, operatorKey: string): Promise<{ id: string; key: string }> {
  const created = await call('POST', '/api/admin/partners', operatorKey, {
    displayName: 'Bench webhooks',
    type: 'direct-csp',
    tenantId: randomUUID(),
    contactEmail: 'bench@example.com',
  });
  const key = await call('POST', `/api/admin/partners/${created.id as string}/keys`, operatorKey);
  return { id: created.id as string, key: key.apiKey as string };
}

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}
