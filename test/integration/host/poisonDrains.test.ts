// Poison queues drained end to end on the local host: a notice email or a partner notice that ACS (the stub) refuses
// every attempt reaches its poison queue, and the drain records `notice.failed` on the consent, where the partner sees
// it, with one error line that names no address; once, however often it comes. Malformed messages are dropped, and a
// poisoned webhook dispatch is left to the outbox sweep.
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { sweepNotices } from '../../../shared/consent/noticeSweep';
import { queueServiceClient } from '../../../shared/storage/clients';
import { QUEUES } from '../../../shared/storage/tableNames';
import { findOutboxEvent, recordOutboxEvent } from '../../../shared/storage/webhookOutbox';
import type { AcsStub } from '../../support/acsStub';
import type { AppHost } from '../../support/appHost';
import { acceptedConsent, csrfOf, customer, getPage, postForm } from '../../support/customerPages';
import { startEmailPipeline, type EmailPipeline } from '../../support/emailPipeline';
import { eventually } from '../../support/localHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { clockAt } from '../../support/clock';

const DAY = 24 * 60 * 60 * 1000;
const REASON = 'The email could not be sent after 5 attempts.';
const PARTNER_CONTACT = 'direct-csp@partner.example';

let pipeline: EmailPipeline;
let stub: AcsStub;
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  pipeline = await startEmailPipeline();
  ({ stub, app } = pipeline);
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

afterEach(() => {
  jest.restoreAllMocks();
});

async function failedNotices(consentId: string) {
  const trail = (await app.call('GET', `/api/consent-requests/${consentId}/events`, { key: csp.key })).body;
  return (trail as { type: string }[]).filter((event) => event.type === 'notice.failed');
}

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

describe('notice-emails-poison', () => {
  it('a reminder ACS refused every attempt is recorded on the consent once; the error line names no address', async () => {
    const contact = 'poisoned-reminder@contoso.example';
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { contactEmail: contact }, expiresInDays: 30 },
    });
    const id = issued.body.id as string;
    await eventually(async () => {
      const read = await app.call('GET', `/api/consent-requests/${id}`, { key: csp.key });
      return read.body.email.status === 'sent' ? true : undefined;
    });

    stub.failNext(5, { status: 500, message: 'Internal error' });
    clockAt(Date.parse(issued.body.expiresAt as string) - 7 * DAY + 60_000);
    await sweepNotices(live);
    const notice = `Notice email invitation-reminder (7 days) to the customer of consent ${id}`;
    await logged(`${notice}: failed: ${REASON}`, 30_000);

    expect(await failedNotices(id)).toEqual([
      {
        at: expect.any(String),
        type: 'notice.failed',
        actor: { kind: 'system', id: 'notice-email' },
        data: { kind: 'invitation-reminder', daysLeft: 7, recipient: 'customer', reason: REASON },
      },
    ]);
    expect(lines('moved to notice-emails-poison')).toHaveLength(1);
    expect(lines(`[drainNoticePoison] ERROR ${notice}: failed`)).toHaveLength(1);
    expect(lines(contact)).toEqual([]);

    // The host may deliver a poisoned message again: nothing more is recorded, and no second error.
    const message = {
      partnerId: csp.id,
      consentId: id,
      kind: 'invitation-reminder',
      daysLeft: 7,
      recipient: 'customer',
    };
    await poison(QUEUES.noticeEmailsPoison, message);
    await logged(`${notice}: poisoned message dropped: its failure is recorded already.`);
    expect(await failedNotices(id)).toHaveLength(1);
    expect(lines(`${notice}: failed`)).toHaveLength(1);
  }, 60_000);
});

describe('partner-notices-poison', () => {
  it('a revocation notice ACS refused every attempt is recorded on the consent once; the error line names no address', async () => {
    const admin = customer();
    const id = await acceptedConsent(app, csp, admin);
    const page = await getPage(app, '/partners', { as: admin });
    const form = page.html.slice(page.html.indexOf(`action="/partners/${id}/revoke"`));

    stub.failNext(5, { status: 500, message: 'Internal error' });
    const revoked = await postForm(
      app,
      `/partners/${id}/revoke`,
      { csrf: csrfOf(form), confirm: 'yes' },
      { as: admin },
    );
    expect(revoked.status).toBe(303);
    const notice = `Partner notice consent-revoked for consent ${id}`;
    await logged(`${notice}: failed: ${REASON}`, 40_000);

    expect(await failedNotices(id)).toEqual([
      expect.objectContaining({
        type: 'notice.failed',
        actor: { kind: 'system', id: 'notice-email' },
        data: { kind: 'consent-revoked', recipient: 'partner', reason: REASON },
      }),
    ]);
    expect(lines('moved to partner-notices-poison')).toHaveLength(1);
    expect(lines(`[drainPartnerNoticePoison] ERROR ${notice}: failed`)).toHaveLength(1);
    expect(lines(PARTNER_CONTACT)).toEqual([]);
    expect(lines(admin.userPrincipalName)).toEqual([]);

    await poison(QUEUES.partnerNoticesPoison, { kind: 'consent-revoked', partnerId: csp.id, consentId: id });
    await logged(`${notice}: poisoned message dropped: its failure is recorded already.`);
    expect(await failedNotices(id)).toHaveLength(1);
  }, 60_000);

  it('a notice whose revocation was never stored records nothing: nothing happened to tell', async () => {
    const id = await acceptedConsent(app, csp, customer());

    await poison(QUEUES.partnerNoticesPoison, { kind: 'consent-revoked', partnerId: csp.id, consentId: id });

    await logged(
      `Partner notice consent-revoked for consent ${id}: poisoned message dropped: the customer did not revoke it.`,
    );
    expect(await failedNotices(id)).toEqual([]);
  });
});

describe('malformed poisoned messages', () => {
  it('are dropped with an error line, never thrown (nothing moves on to a poison queue of the poison queue)', async () => {
    for (const queue of [QUEUES.noticeEmailsPoison, QUEUES.partnerNoticesPoison, QUEUES.webhookEventsPoison]) {
      await poison(queue, 'not json at all');
      await poison(queue, { consentId: 42 });
    }

    for (const [drain, what] of [
      ['drainNoticePoison', 'a notice email'],
      ['drainPartnerNoticePoison', 'a partner notice'],
      ['drainWebhookEventPoison', 'a webhook event'],
    ]) {
      await eventually(() =>
        lines(`[${drain}] ERROR Dropped a poisoned message that is not ${what}`).length === 2 ? true : undefined,
      );
    }
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
