// Every invitation email ends in `sent`, `failed` or `not-sent` (API.md, "Additions to part 1"): the sending use case
// with the real ACS client against the ACS stub, the test run's Azurite and a clock the test moves (no waiting).
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer, declineAsCustomer } from '../../../shared/consent/customerDecisions';
import { SEND_ATTEMPTS, THROTTLED_AT_MOST_HOURS, sendInvitation } from '../../../shared/consent/invitationEmails';
import type { DeliveryOutcome } from '../../../shared/consent/deliveryLog';
import { changePartner } from '../../../shared/consent/operatorActions';
import { cancelConsentRequest } from '../../../shared/consent/partnerRequests';
import type { Partner } from '../../../shared/domain/partners';
import { createAcsSender, invitationOperationId } from '../../../shared/email/sender';
import type { EnqueueOptions, InvitationMessage } from '../../../shared/storage/invitationQueue';
import { startAcsStub, type AcsStub } from '../../support/acsStub';
import { SENDER } from '../../support/emailPipeline';
import { globalAdminOf, issuedWithEmail, storedPartner } from '../../support/storeFixtures';
import { actingWithKey } from '../../../shared/domain/partnerAccess';

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
const DAY = 24 * HOUR;

/** The host's own retry waits host.json's visibility timeout. */
const HOST_RETRY_SECONDS = 30;

let stub: AcsStub;

beforeEach(async () => {
  stub = await startAcsStub();
});

afterEach(async () => {
  expect(stub.unauthorized).toBe(0);
  await stub.close();
});

/**
 * Live dependencies sending through the real ACS client to the stub, on a clock the test moves. The queue producer is
 * the real one; the test also notes what it was asked to defer, so it can deliver each copy when it would appear.
 */
function sendingDeps() {
  const clock = { now: Date.now() };
  const deferrals: { message: InvitationMessage; options?: EnqueueOptions }[] = [];
  const deps: Dependencies = {
    ...live,
    now: () => new Date(clock.now),
    sender: createAcsSender({
      connection: { kind: 'connectionString', connectionString: stub.connectionString },
      senderAddress: SENDER,
      pollIntervalMs: 10,
    }),
    invitations: {
      ...live.invitations,
      enqueueInvitation: async (message, options) => {
        if (options?.visibilityTimeoutSeconds !== undefined) deferrals.push({ message, options });
        await live.invitations.enqueueInvitation(message, options);
      },
    },
  };
  const advance = (ms: number) => (clock.now += ms);
  return { deps, clock, deferrals, advance };
}

async function issuedInvitation(
  deps: Dependencies,
  partner: Partner,
  options: { tenantId?: string; expiresInDays?: number } = {},
) {
  const id = await issuedWithEmail(deps, partner, options);
  const message: InvitationMessage = { partnerId: partner.id, consentId: id, linkVersion: 1 };
  return { id, message, operationId: invitationOperationId(id, 1) };
}

async function storedEmail(partnerId: string, consentId: string) {
  return (await live.consents.findConsent(partnerId, consentId))?.value.email;
}

async function emailEvents(consentId: string) {
  return (await live.events.listEvents(consentId)).filter((event) => event.type.startsWith('email.'));
}

/** What ACS answered each send request for this operation, in order. */
const acsAnswers = (operationId: string) =>
  stub.sendLog.filter((request) => request.operationId === operationId).map((request) => request.status);

describe('an invitation that can no longer go out is not-sent, with the reason (item 5)', () => {
  let partner: Partner;

  beforeAll(async () => {
    partner = await storedPartner('direct-csp');
  });

  it('cancelled before it went out: not-sent, saying so, one email.not-sent event though the message comes twice, and nothing reaches ACS', async () => {
    const { deps } = sendingDeps();
    const { id, message } = await issuedInvitation(deps, partner);
    await cancelConsentRequest(deps, actingWithKey(partner), id);

    const reason = 'The consent was cancelled before the invitation was sent.';
    await expect(sendInvitation(deps, message)).resolves.toEqual({ kind: 'not-sent', reason });
    await expect(sendInvitation(deps, message)).resolves.toEqual({
      kind: 'dropped',
      reason: 'the email is already not-sent',
    });

    expect(await storedEmail(partner.id, id)).toEqual({ status: 'not-sent', lastError: reason });
    expect(await emailEvents(id)).toEqual([
      {
        at: expect.any(String),
        type: 'email.not-sent',
        actor: { kind: 'system', id: 'invitation-email' },
        data: { linkVersion: 1, reason },
      },
    ]);
    expect(stub.sendRequests).toBe(0);
  });

  it('accepted or declined before it went out: not-sent, saying which', async () => {
    const { deps } = sendingDeps();
    const accepting = globalAdminOf();
    const accepted = await issuedInvitation(deps, partner, { tenantId: accepting.tenantId });
    const declining = globalAdminOf();
    const declined = await issuedInvitation(deps, partner, { tenantId: declining.tenantId });
    await acceptAsCustomer(deps, { partnerId: partner.id, consentId: accepted.id }, accepting);
    await declineAsCustomer(deps, { partnerId: partner.id, consentId: declined.id }, declining);

    await sendInvitation(deps, accepted.message);
    await sendInvitation(deps, declined.message);

    expect(await storedEmail(partner.id, accepted.id)).toEqual({
      status: 'not-sent',
      lastError: 'The consent was accepted before the invitation was sent.',
    });
    expect(await storedEmail(partner.id, declined.id)).toEqual({
      status: 'not-sent',
      lastError: 'The consent was declined before the invitation was sent.',
    });
    expect(stub.sendRequests).toBe(0);
  });

  it('expired before it went out (the clock passes expiresAt while the message waits): not-sent, saying so', async () => {
    const { deps, advance } = sendingDeps();
    const { id, message } = await issuedInvitation(deps, partner, { expiresInDays: 1 });
    advance(DAY + SECOND);

    await expect(sendInvitation(deps, message)).resolves.toMatchObject({ kind: 'not-sent' });
    expect(await storedEmail(partner.id, id)).toEqual({
      status: 'not-sent',
      lastError: 'The consent expired before the invitation was sent.',
    });
    expect(stub.sendRequests).toBe(0);
  });

  it('R11: its partner was suspended before it went out (its link would not open): not-sent, saying why', async () => {
    const { deps } = sendingDeps();
    const suspended = await storedPartner('direct-csp');
    const { id, message } = await issuedInvitation(deps, suspended);
    await changePartner(deps, suspended.id, { status: 'suspended' });

    await expect(sendInvitation(deps, message)).resolves.toMatchObject({ kind: 'not-sent' });
    const email = await storedEmail(suspended.id, id);
    expect(email?.status).toBe('not-sent');
    expect(email?.lastError).toMatch(
      /^The invitation was not sent: the partner may no longer ask for consent\. .*suspended/,
    );
    expect(stub.sendRequests).toBe(0);
  });

  it('a send already under way when another delivery settles the email not-sent is shown sent: it went out', async () => {
    const { deps } = sendingDeps();
    const { id, message, operationId } = await issuedInvitation(deps, partner);
    const acs = deps.sender;
    const racing: Dependencies = {
      ...deps,
      sender: {
        send: async (email) => {
          // While this delivery talks to ACS, the partner cancels and a duplicate of the message is delivered.
          await cancelConsentRequest(deps, actingWithKey(partner), id);
          await expect(sendInvitation(deps, message)).resolves.toMatchObject({ kind: 'not-sent' });
          return acs.send(email);
        },
      },
    };

    await expect(sendInvitation(racing, message)).resolves.toEqual({ kind: 'sent' });
    expect(stub.sendCount(operationId)).toBe(1);
    expect(await storedEmail(partner.id, id)).toEqual({ status: 'sent', sentAt: expect.any(String) });
    expect((await emailEvents(id)).map((event) => event.type)).toEqual(['email.not-sent', 'email.sent']);
  });
});

describe('a failing send is tried a bounded number of times (item 5)', () => {
  let partner: Partner;

  beforeAll(async () => {
    partner = await storedPartner('direct-csp');
  });

  /** Delivers the message as the host would: again after each retry or deferral, until the email is settled. */
  async function deliverUntilSettled(
    deps: Dependencies,
    message: InvitationMessage,
    advance: (ms: number) => void,
  ): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (let delivery = 0; delivery < 100; delivery++) {
      const outcome = await sendInvitation(deps, message);
      outcomes.push(outcome);
      if (outcome.kind === 'retry') advance(HOST_RETRY_SECONDS * SECOND);
      else if (outcome.kind === 'deferred') advance(outcome.seconds * SECOND);
      else return outcomes;
    }
    throw new Error('the email was still queued after 100 deliveries');
  }

  it(`ACS answering 503 with Retry-After: 120 for ever: ${SEND_ATTEMPTS} attempts, each after the 120 s asked for, then failed with the reason`, async () => {
    stub.failNext(50, { status: 503, retryAfterSeconds: 120, message: 'Service is down for maintenance' });
    const { deps, deferrals, advance } = sendingDeps();
    const { id, message, operationId } = await issuedInvitation(deps, partner);
    deferrals.splice(0); // issuing hides its message briefly too; only the sender's deferrals are counted here

    const outcomes = await deliverUntilSettled(deps, message, advance);

    expect(outcomes.map((outcome) => outcome.kind)).toEqual([...Array(SEND_ATTEMPTS - 1).fill('deferred'), 'failed']);
    expect(deferrals.map((deferral) => deferral.options)).toEqual(
      Array(SEND_ATTEMPTS - 1).fill({ visibilityTimeoutSeconds: 120 }),
    );
    expect(acsAnswers(operationId)).toEqual(Array(SEND_ATTEMPTS).fill(503));
    const lastError = `The invitation email could not be sent after ${SEND_ATTEMPTS} attempts; last error: ACS is unavailable (503 ServiceUnavailable: Service is down for maintenance)`;
    expect(await storedEmail(partner.id, id)).toEqual({ status: 'failed', lastError });
    expect(await emailEvents(id)).toEqual([
      expect.objectContaining({ type: 'email.failed', data: { linkVersion: 1, reason: lastError } }),
    ]);
  });

  it("the host's retries and ACS's longer waits add to one count: two 500s, then 503s asking for 120 s, fail it at the fifth attempt", async () => {
    stub.failNext(2, { status: 500, message: 'Internal error' });
    stub.failNext(50, { status: 503, retryAfterSeconds: 120 });
    const { deps, advance } = sendingDeps();
    const { id, message, operationId } = await issuedInvitation(deps, partner);

    const outcomes = await deliverUntilSettled(deps, message, advance);

    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['retry', 'retry', 'deferred', 'deferred', 'failed']);
    expect(acsAnswers(operationId)).toEqual([500, 500, 503, 503, 503]);
    expect((await storedEmail(partner.id, id))?.status).toBe('failed');
  });

  it(`ACS throttling (429) for ever is not counted as failed attempts, but ends the email failed ${THROTTLED_AT_MOST_HOURS} hours after the first 429, the last wait cut to that deadline`, async () => {
    const retryAfterSeconds = 5000;
    stub.failNext(100, { status: 429, retryAfterSeconds });
    const { deps, deferrals, advance } = sendingDeps();
    const { id, message, operationId } = await issuedInvitation(deps, partner);
    deferrals.splice(0); // issuing hides its message briefly too; only the sender's deferrals are counted here

    const outcomes = await deliverUntilSettled(deps, message, advance);

    const bound = THROTTLED_AT_MOST_HOURS * 3600;
    const fullWaits = Math.floor(bound / retryAfterSeconds);
    const waits = deferrals.map((deferral) => deferral.options?.visibilityTimeoutSeconds);
    expect(waits).toEqual([...Array(fullWaits).fill(retryAfterSeconds), bound - fullWaits * retryAfterSeconds]);
    expect(waits.reduce((sum: number, wait) => sum + (wait ?? 0), 0)).toBe(bound);
    expect(outcomes.at(-1)?.kind).toBe('failed');
    expect(acsAnswers(operationId)).toHaveLength(fullWaits + 2);
    expect(fullWaits + 2).toBeGreaterThan(SEND_ATTEMPTS);
    const email = await storedEmail(partner.id, id);
    expect(email?.status).toBe('failed');
    expect(email?.lastError).toMatch(
      new RegExp(
        `^The invitation email could not be sent: ACS throttled it for ${THROTTLED_AT_MOST_HOURS} hours; last error: ACS is throttling sends \\(429 `,
      ),
    );
  });
});
