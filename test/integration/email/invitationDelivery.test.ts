// The sending use case against Azurite with scripted senders: every decision it makes, and convergence after a crash.
import { newLinkNonce } from '../../../shared/auth/linkTokens';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { failPoisonedInvitation, sendInvitation } from '../../../shared/consent/invitationEmails';
import { issueConsent, type Consent } from '../../../shared/domain/consent';
import type { Partner } from '../../../shared/domain/partners';
import { createLocalOutbox } from '../../../shared/email/outbox';
import type { InvitationSender, OutgoingEmail, SendResult } from '../../../shared/email/sender';
import type { EnqueueOptions, InvitationMessage } from '../../../shared/storage/invitationQueue';
import { storedPartner } from '../../support/storeFixtures';

/** A sender that answers from a script (then "sent") and keeps what it was given. */
function scriptedSender(...script: SendResult[]): InvitationSender & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    sent,
    send: async (email) => {
      sent.push(email);
      return script.shift() ?? { outcome: 'sent' };
    },
  };
}

/** Live dependencies whose queue producer only records (so nothing is delivered behind the test's back). */
function recordingQueue(): Dependencies & { enqueued: { message: InvitationMessage; options?: EnqueueOptions }[] } {
  const enqueued: { message: InvitationMessage; options?: EnqueueOptions }[] = [];
  return {
    ...live,
    enqueued,
    invitations: {
      ...live.invitations,
      enqueueInvitation: async (message, options) => {
        enqueued.push({ message, options });
      },
    },
  };
}

/** Live dependencies whose first consent write fails, as if the process died after the event was recorded. */
function crashingOnceBeforeConsentWrite(): Dependencies {
  let crashed = false;
  return {
    ...live,
    consents: {
      ...live.consents,
      replaceConsent: async (consent, etag) => {
        if (!crashed) {
          crashed = true;
          throw new Error('injected crash before the consent write');
        }
        return live.consents.replaceConsent(consent, etag);
      },
    },
  };
}

async function storedInvitation(partner: Partner, change: (consent: Consent) => Consent = (c) => c): Promise<Consent> {
  const now = live.now();
  const issued = issueConsent({
    id: live.newConsentId(now),
    partner,
    request: { customer: { contactEmail: 'admin@contoso.example' } },
    now,
  });
  const consent = change({ ...issued, linkNonce: newLinkNonce() });
  await live.consents.insertConsent(consent);
  return consent;
}

const messageFor = (consent: Consent, linkVersion = consent.linkVersion): InvitationMessage => ({
  partnerId: consent.partner.id,
  consentId: consent.id,
  linkVersion,
});

async function storedEmail(consent: Consent) {
  return (await live.consents.findConsent(consent.partner.id, consent.id))?.value.email;
}

async function eventTypes(consent: Consent) {
  return (await live.events.listEvents(consent.id)).map((event) => event.type);
}

describe('sending an invitation (D3)', () => {
  let partner: Partner;

  beforeAll(async () => {
    partner = await storedPartner('direct-csp', { verifiedDomain: 'contoso.example' });
  });

  it('D3: a crash between recording the send and marking the consent converges on redelivery: one email, one event', async () => {
    const consent = await storedInvitation(partner);
    const outbox = createLocalOutbox();
    const deps = crashingOnceBeforeConsentWrite();

    await expect(sendInvitation({ ...deps, sender: outbox }, messageFor(consent))).rejects.toThrow('injected crash');
    expect((await storedEmail(consent))?.status).toBe('queued');
    await expect(sendInvitation({ ...deps, sender: outbox }, messageFor(consent))).resolves.toEqual({ kind: 'sent' });

    expect(outbox.list()).toHaveLength(1);
    expect(await storedEmail(consent)).toEqual({ status: 'sent', sentAt: expect.any(String) });
    expect(await eventTypes(consent)).toEqual(['email.sent']);
  });

  it('D3: a redelivered message for an email already sent sends nothing more', async () => {
    const consent = await storedInvitation(partner);
    const sender = scriptedSender();
    await sendInvitation({ ...live, sender: sender }, messageFor(consent));
    await expect(sendInvitation({ ...live, sender: sender }, messageFor(consent))).resolves.toEqual({
      kind: 'dropped',
      reason: 'the email is already sent',
    });
    expect(sender.sent).toHaveLength(1);
  });

  it('D3: a message ahead of the stored link version waits; one behind it is dropped; a closed consent’s email is not-sent', async () => {
    const resent = await storedInvitation(partner, (c) => ({ ...c, linkVersion: 2 }));
    const cancelled = await storedInvitation(partner, (c) => ({ ...c, status: 'cancelled', cancelledAt: c.createdAt }));
    const sender = scriptedSender();

    await expect(sendInvitation({ ...live, sender: sender }, messageFor(resent, 3))).resolves.toEqual({
      kind: 'retry',
      reason: 'the consent is not at link version 3 yet',
    });
    await expect(sendInvitation({ ...live, sender: sender }, messageFor(resent, 1))).resolves.toEqual({
      kind: 'dropped',
      reason: 'link version 1 was replaced by version 2',
    });
    await expect(sendInvitation({ ...live, sender: sender }, messageFor(cancelled))).resolves.toEqual({
      kind: 'not-sent',
      reason: 'The consent was cancelled before the invitation was sent.',
    });
    await expect(
      sendInvitation({ ...live, sender }, { partnerId: partner.id, consentId: 'not-stored-yet', linkVersion: 1 }),
    ).resolves.toEqual({ kind: 'retry', reason: 'the consent is not stored (yet)' });
    expect(sender.sent).toHaveLength(0);
  });

  it('D3: throttling is deferred by exactly its Retry-After in a fresh message, and shown on the queued email', async () => {
    const consent = await storedInvitation(partner);
    const deps = recordingQueue();
    const reason = 'ACS is throttling sends (429 TooManyRequests: slow down)';
    const sender = scriptedSender({ outcome: 'retry', retryAfterSeconds: 5, reason, throttled: true });

    await expect(sendInvitation({ ...deps, sender: sender }, messageFor(consent))).resolves.toEqual({
      kind: 'deferred',
      seconds: 5,
      reason,
    });
    expect(deps.enqueued).toEqual([{ message: messageFor(consent), options: { visibilityTimeoutSeconds: 5 } }]);
    expect(await storedEmail(consent)).toEqual({ status: 'queued', lastError: reason });
  });

  it('D3: a passing fault is left to the host unless it asks to wait longer; either way it counts as an attempt', async () => {
    const consent = await storedInvitation(partner);
    const deps = recordingQueue();
    const sender = scriptedSender(
      { outcome: 'retry', retryAfterSeconds: 30, reason: 'ACS is unavailable (500)', throttled: false },
      { outcome: 'retry', retryAfterSeconds: 120, reason: 'ACS is unavailable (503)', throttled: false },
    );

    await expect(sendInvitation({ ...deps, sender: sender }, messageFor(consent))).resolves.toEqual({
      kind: 'retry',
      reason: 'ACS is unavailable (500)',
    });
    expect(deps.enqueued).toEqual([]);
    await expect(sendInvitation({ ...deps, sender: sender }, messageFor(consent))).resolves.toMatchObject({
      kind: 'deferred',
      seconds: 120,
    });
    expect(deps.enqueued).toEqual([{ message: messageFor(consent), options: { visibilityTimeoutSeconds: 120 } }]);
    const stored = (await live.consents.findConsent(consent.partner.id, consent.id))?.value;
    expect(stored?.email).toEqual({ status: 'queued', lastError: 'ACS is unavailable (503)' });
    expect(stored?.emailAttempts).toEqual({ linkVersion: 1, failures: 2 });
  });

  it('D3: a permanent failure marks the email failed once, and is not sent again', async () => {
    const consent = await storedInvitation(partner);
    const sender = scriptedSender({ outcome: 'failed', reason: 'ACS refused the email (400)' });

    await expect(sendInvitation({ ...live, sender: sender }, messageFor(consent))).resolves.toEqual({
      kind: 'failed',
      reason: 'ACS refused the email (400)',
    });
    await expect(sendInvitation({ ...live, sender: sender }, messageFor(consent))).resolves.toMatchObject({
      kind: 'dropped',
    });
    expect(sender.sent).toHaveLength(1);
    expect(await storedEmail(consent)).toEqual({ status: 'failed', lastError: 'ACS refused the email (400)' });
    expect(await eventTypes(consent)).toEqual(['email.failed']);
  });
});

describe('draining poisoned invitations (D3)', () => {
  let partner: Partner;

  beforeAll(async () => {
    partner = await storedPartner('direct-csp');
  });

  it("D3: marks the current link's queued email failed, with the last error the sender saw", async () => {
    const consent = await storedInvitation(partner, (c) => ({
      ...c,
      email: { status: 'queued', lastError: 'ACS is unavailable (500)' },
    }));
    await expect(failPoisonedInvitation(live, messageFor(consent))).resolves.toMatchObject({ kind: 'failed' });
    expect(await storedEmail(consent)).toEqual({
      status: 'failed',
      lastError: 'The invitation email could not be sent after 5 attempts; last error: ACS is unavailable (500)',
    });
    expect(await live.events.listEvents(consent.id)).toEqual([
      expect.objectContaining({
        type: 'email.failed',
        actor: { kind: 'system', id: 'invitation-email' },
        data: { linkVersion: 1, reason: expect.stringContaining('after 5 attempts') },
      }),
    ]);
  });

  it('D3: leaves a replaced link, a sent email and a consent that was never stored alone', async () => {
    const replaced = await storedInvitation(partner, (c) => ({ ...c, linkVersion: 2 }));
    const sent = await storedInvitation(partner, (c) => ({ ...c, email: { status: 'sent', sentAt: c.createdAt } }));

    await expect(failPoisonedInvitation(live, messageFor(replaced, 1))).resolves.toMatchObject({ kind: 'dropped' });
    await expect(failPoisonedInvitation(live, messageFor(sent))).resolves.toEqual({
      kind: 'dropped',
      reason: 'the email is already sent',
    });
    await expect(
      failPoisonedInvitation(live, { partnerId: partner.id, consentId: 'never-stored', linkVersion: 1 }),
    ).resolves.toMatchObject({ kind: 'dropped' });
    expect((await storedEmail(replaced))?.status).toBe('queued');
    expect((await storedEmail(sent))?.status).toBe('sent');
  });
});
