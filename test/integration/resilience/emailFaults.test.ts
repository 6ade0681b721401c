// ACS failing (a storm of 429s, then 500s, then success) on the real pipeline — partner API → queue → sender → the
// ACS stub: every invitation is sent exactly once in the end, and nothing is poisoned. Its own Azurite (queue triggers).
import { invitationOperationId } from '../../../shared/email/operationId';
import type { AcsStub } from '../../support/acsStub';
import type { AppHost } from '../../support/appHost';
import { SHORT_QUEUE_SETTINGS, startEmailPipeline, type EmailPipeline } from '../../support/emailPipeline';
import { eventually } from '../../support/localHost';
import { registeredPartner, type TestPartner } from '../../support/partners';

const INVITATIONS = 20;
/** host.json's limit. A 500 counts as an attempt; a 429 does not (its message is re-queued as a fresh copy). */
const MAX_DEQUEUE_COUNT = SHORT_QUEUE_SETTINGS.maxDequeueCount;
/**
 * More 429s than the invitations could absorb if 429s counted: some consent sees more than MAX_DEQUEUE_COUNT of them
 * (pigeonhole), and is still sent rather than poisoned.
 */
const THROTTLED = INVITATIONS * MAX_DEQUEUE_COUNT + 1;
/**
 * Server errors, counted towards the poison queue. A 429 replaces the message with a fresh copy, so one copy fails at
 * most SERVER_ERRORS times, plus once if it was read before its consent was stored: below MAX_DEQUEUE_COUNT, so no
 * invitation may be poisoned.
 */
const SERVER_ERRORS = MAX_DEQUEUE_COUNT - 2;

let pipeline: EmailPipeline;
let stub: AcsStub;
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  pipeline = await startEmailPipeline();
  ({ stub, app } = pipeline);
  csp = await registeredPartner(app, 'direct-csp');
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

async function issueInvitation(index: number): Promise<string> {
  const response = await app.call('POST', '/api/consent-requests', {
    key: csp.key,
    body: { customer: { contactEmail: `admin${index}@contoso.example` }, sendEmail: true },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
}

async function emailOf(id: string): Promise<{ status: string; sentAt?: string; lastError?: string }> {
  return (await app.call('GET', `/api/consent-requests/${id}`, { key: csp.key })).body.email;
}

async function eventTypes(id: string): Promise<string[]> {
  const events = await app.call('GET', `/api/consent-requests/${id}/events`, { key: csp.key });
  return (events.body as { type: string }[]).map((event) => event.type);
}

/** What ACS answered each request for this operation, in order. */
const answersFor = (operationId: string) =>
  stub.sendLog.filter((request) => request.operationId === operationId).map((request) => request.status);

it('D3: ACS throttling (429 storm), then failing (500s), then healthy → every invitation sent exactly once', async () => {
  stub.failNext(THROTTLED, { status: 429, retryAfterSeconds: 1 });
  stub.failNext(SERVER_ERRORS, { status: 500, message: 'Internal error' });

  const ids = await Promise.all(Array.from({ length: INVITATIONS }, (_, index) => issueInvitation(index)));
  const operationIds = ids.map((id) => invitationOperationId(id, 1));

  const settled = await eventually(async () => {
    const emails = await Promise.all(ids.map(emailOf));
    return emails.every((email) => email.status !== 'queued') ? emails : undefined;
  }, 45_000);
  expect(settled.map((email) => email.status)).toEqual(Array(INVITATIONS).fill('sent'));

  // Every scripted failure was answered, and each invitation was accepted by ACS once, after its failures.
  const statuses = stub.sendLog.map((request) => request.status);
  expect(statuses.filter((status) => status === 429)).toHaveLength(THROTTLED);
  expect(statuses.filter((status) => status === 500)).toHaveLength(SERVER_ERRORS);
  expect(statuses.filter((status) => status === 202)).toHaveLength(INVITATIONS);
  for (const operationId of operationIds) {
    expect(answersFor(operationId).at(-1)).toBe(202);
    expect(stub.sendCount(operationId)).toBe(1);
  }
  expect(stub.sends).toHaveLength(INVITATIONS);
  expect(new Set(stub.sends.map((sent) => sent.operationId))).toEqual(new Set(operationIds));
  // Throttling is not counted as an attempt: some invitation was throttled more often than the poison limit allows.
  const mostThrottled = Math.max(...operationIds.map((id) => answersFor(id).filter((s) => s === 429).length));
  expect(mostThrottled).toBeGreaterThan(MAX_DEQUEUE_COUNT);

  for (const id of ids) {
    expect(await emailOf(id)).toEqual({ status: 'sent', sentAt: expect.any(String) });
    expect(await eventTypes(id)).toEqual(['consent.issued', 'email.sent']);
  }
  expect(app.log.filter((line) => line.includes('moved to invitation-emails-poison'))).toEqual([]);
  expect(stub.unauthorized).toBe(0);
}, 60_000);
