// Poison queues drained end to end on the local host: a poisoned webhook dispatch is logged as an error and left to
// the outbox sweep; a malformed message is dropped, never thrown.
import { queueServiceClient } from '../../../shared/storage/clients';
import { QUEUES } from '../../../shared/storage/tableNames';
import { findOutboxEvent, recordOutboxEvent } from '../../../shared/storage/webhookOutbox';
import type { AppHost } from '../../support/appHost';
import { startEmailPipeline, type EmailPipeline } from '../../support/emailPipeline';
import { eventually } from '../../support/localHost';

let pipeline: EmailPipeline;
let app: AppHost;

beforeAll(async () => {
  pipeline = await startEmailPipeline();
  ({ app } = pipeline);
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

/** Puts a message on a queue as the host moves one to its poison queue: the same base64 text. */
async function poison(queueName: string, message: unknown): Promise<void> {
  const queue = queueServiceClient().getQueueClient(queueName);
  await queue.createIfNotExists();
  const text = typeof message === 'string' ? message : JSON.stringify(message);
  await queue.sendMessage(Buffer.from(text).toString('base64'));
}

/** Waits for the log line that contains `text`, then answers every line so far. */
async function logged(text: string, timeoutMs = 10_000): Promise<string[]> {
  await eventually(() => (app.log.some((line) => line.includes(text)) ? true : undefined), timeoutMs);
  return app.log;
}

const lines = (text: string) => app.log.filter((line) => line.includes(text));

describe('malformed poisoned messages', () => {
  it('are dropped with an error line, never thrown (nothing moves on to a poison queue of the poison queue)', async () => {
    await poison(QUEUES.webhookEventsPoison, 'not json at all');
    await poison(QUEUES.webhookEventsPoison, { consentId: 42 });

    await eventually(() =>
      lines('[drainWebhookEventPoison] ERROR Dropped a poisoned message that is not a webhook event').length === 2
        ? true
        : undefined,
    );
    expect(app.log.filter((line) => /\[drain\w+\] failed \(attempt/.test(line))).toEqual([]);
    expect(lines('-poison-poison')).toEqual([]);
  });
});

describe('webhook-events-poison', () => {
  it('a poisoned dispatch whose event waits in the outbox is logged as an error and left to the outbox sweep', async () => {
    const waiting = { eventId: 'consent-1.accepted', consentId: 'consent-1', type: 'consent.accepted' as const };
    await recordOutboxEvent({ ...waiting, at: new Date().toISOString() }); // as appendEvent writes it

    await poison(QUEUES.webhookEventsPoison, { eventId: waiting.eventId });
    await poison(QUEUES.webhookEventsPoison, { eventId: 'consent-2.accepted' });

    await logged(
      `[drainWebhookEventPoison] ERROR Webhook event ${waiting.eventId}: its dispatch kept failing; it stays in the outbox`,
    );
    await logged('Webhook event consent-2.accepted: poisoned message dropped: the event was dispatched meanwhile.');
    expect(await findOutboxEvent(waiting.eventId)).toMatchObject({ eventId: waiting.eventId });
  });
});
