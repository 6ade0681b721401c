// Sending a consent's invitation email from its queue message (R4, D3): once per link, every outcome on the consent.
import { effectiveConsent, type Consent, type EmailAttempts, type EmailDelivery } from '../domain/consent';
import { invitationNotSendable } from '../domain/invitationEmail';
import { issuingRefusal, type Partner } from '../domain/partners';
import { renderInvitation, type InvitationEmail } from '../email/invitation';
import { QUEUE_SETTINGS } from '../hostSettings';
import { invitationOperationId, type SendResult } from '../email/sender';
import type { ConsentEvent } from '../storage/eventStore';
import type { InvitationMessage } from '../storage/invitationQueue';
import type { Versioned } from '../storage/versioned';
import { changeConsent } from './consentUpdates';
import { logDelivery, type DeliveryLog, type DeliveryOutcome } from './deliveryLog';
import type { Dependencies } from './dependencies';
import { scheduleInvitationReminders } from './noticeSweep';

/**
 * How often a send that fails for any reason but throttling is tried before the email is failed: host.json's
 * `maxDequeueCount`, so an email gets the same five tries whether it waits out the host's visibility timeout or a
 * longer Retry-After in a deferred copy of its message.
 */
export const SEND_ATTEMPTS = QUEUE_SETTINGS.maxDequeueCount;

/**
 * How long ACS may throttle one email (429) before it is failed. Quota windows are a minute or an hour, so a day of
 * refusals means the quota cannot carry the traffic; the partner should hear that rather than wait on.
 */
export const THROTTLED_AT_MOST_HOURS = 24;

type Actor = ConsentEvent['actor'];

const ACTOR: Actor = { kind: 'system', id: 'invitation-email' };
const THROTTLED_AT_MOST_MS = THROTTLED_AT_MOST_HOURS * 60 * 60 * 1000;

/** Sends the invitation a queue message asks for, if it still should be sent, and records the outcome on the consent. */
export async function sendInvitation(deps: Dependencies, message: InvitationMessage): Promise<DeliveryOutcome> {
  const stored = await deps.consents.findConsent(message.partnerId, message.consentId);
  // Issuing queues the message just before it stores the consent (its commit point): wait for it, do not drop.
  if (!stored) return { kind: 'retry', reason: 'the consent is not stored (yet)' };
  const consent = effectiveConsent(stored.value, deps.now());
  const skip = reasonNotToSend(consent, message);
  if (skip) return skip;

  const partner = (await deps.partners.findPartner(consent.partner.id))?.value;
  if (!partner) throw new Error(`Partner ${consent.partner.id} of consent ${consent.id} is not registered`);
  const notSendable = invitationNotSendable(consent, partner);
  if (notSendable) return settleNotSent(deps, message, notSendable);
  const email = invitationEmail(consent, partner, deps.consentLinks.invitation(consent.linkNonce!).url);
  const result = await deps.sender.send({
    operationId: invitationOperationId(consent.id, message.linkVersion),
    to: email.to,
    replyTo: { address: partner.contactEmail, displayName: partner.displayName },
    ...renderInvitation(email),
  });

  switch (result.outcome) {
    case 'sent': {
      // Reminders before the email's state: a stop in between sends again under the same operation id (no second
      // email) and schedules the same reminders again.
      const sentAt = deps.now();
      await scheduleInvitationReminders(deps, consent, sentAt);
      await recordEmail(deps, message, { status: 'sent', sentAt: sentAt.toISOString() });
      return { kind: 'sent' };
    }
    case 'failed':
      await recordEmail(deps, message, { status: 'failed', lastError: result.reason });
      return { kind: 'failed', reason: result.reason };
    case 'retry':
      return retryLater(deps, message, result);
  }
}

/**
 * A send to try again: counted on the consent, failed once its bound is reached, otherwise left to the host's retry
 * or deferred. Quota throttling is not a fault (the email must not be poisoned for it), and a delay longer than the
 * host's would be cut short by it: both wait as long as ACS asked, in a fresh copy of the message — which is why the
 * count lives on the consent, where every copy adds to it.
 */
async function retryLater(
  deps: Dependencies,
  message: InvitationMessage,
  result: Extract<SendResult, { outcome: 'retry' }>,
): Promise<DeliveryOutcome> {
  const now = deps.now();
  const attempts = await countAttempt(deps, message, result, now);
  if (!attempts) return { kind: 'dropped', reason: 'the email is no longer queued for this link' };
  const givenUp = attemptsExhausted(attempts, now, result.reason);
  if (givenUp) {
    await recordEmail(deps, message, { status: 'failed', lastError: givenUp });
    return { kind: 'failed', reason: givenUp };
  }
  const seconds = result.throttled
    ? Math.max(1, Math.min(result.retryAfterSeconds, secondsUntil(throttleDeadline(attempts)!, now)))
    : result.retryAfterSeconds;
  if (result.throttled || seconds > QUEUE_SETTINGS.visibilityTimeoutSeconds) {
    await deps.invitations.enqueueInvitation(message, { visibilityTimeoutSeconds: seconds });
    return { kind: 'deferred', seconds, reason: result.reason };
  }
  return { kind: 'retry', reason: result.reason };
}

/**
 * The daily sweep's part: a queued email whose consent can no longer be emailed is settled `not-sent` even if no
 * message for it ever comes (its last copy was dropped or lost). At most `limit` consents are looked at per run:
 * those no longer pending (or past their expiry) first, then the pending ones of partners that may no longer ask.
 * Answers how many emails were settled.
 */
export async function settleUnsendableInvitations(deps: Dependencies, limit: number): Promise<number> {
  const partners = new Map<string, Promise<Partner | undefined>>();
  const partnerOf = (id: string) => {
    if (!partners.has(id))
      partners.set(
        id,
        deps.partners.findPartner(id).then((found) => found?.value),
      );
    return partners.get(id)!;
  };
  let looked = 0;
  let settled = 0;
  for await (const { value } of queuedEmailsToSettle(deps)) {
    if (looked++ >= limit) break;
    const consent = effectiveConsent(value, deps.now());
    const partner = await partnerOf(consent.partner.id);
    const reason = partner && invitationNotSendable(consent, partner);
    if (!reason) continue;
    const message = { partnerId: consent.partner.id, consentId: consent.id, linkVersion: consent.linkVersion };
    const outcome = await settleNotSent(deps, message, reason, SWEEP_ACTOR);
    if (outcome.kind === 'not-sent') settled++;
  }
  return settled;
}

const SWEEP_ACTOR: Actor = { kind: 'system', id: 'email-sweep' };

async function* queuedEmailsToSettle(deps: Dependencies): AsyncGenerator<Versioned<Consent>> {
  yield* deps.consents.closedConsentsWithQueuedEmail(deps.now());
  let continuationToken: string | undefined;
  do {
    const page = await deps.partners.listPartners({ pageSize: 100, continuationToken });
    for (const partner of page.items) {
      if (issuingRefusal(partner)) yield* deps.consents.pendingConsentsWithQueuedEmail(partner.id);
    }
    continuationToken = page.continuationToken;
  } while (continuationToken);
}

/**
 * A message the host gave up on (`invitation-emails-poison`): the consent's email is marked failed, so the partner
 * sees it and can resend — unless a newer link replaced it, or the email went out or failed for good meanwhile.
 */
export async function failPoisonedInvitation(deps: Dependencies, message: InvitationMessage): Promise<DeliveryOutcome> {
  const stored = await deps.consents.findConsent(message.partnerId, message.consentId);
  if (!stored) return { kind: 'dropped', reason: 'the consent was never stored (its request did not complete)' };
  const consent = stored.value;
  if (consent.linkVersion !== message.linkVersion) return replaced(message, consent);
  if (consent.email.status !== 'queued') {
    return { kind: 'dropped', reason: `the email is already ${consent.email.status}` };
  }
  const reason = notSentAfterAttempts(consent.email.lastError);
  await recordEmail(deps, message, { status: 'failed', lastError: reason });
  return { kind: 'failed', reason };
}

/** One log line per delivery (no address, no link); `retry` becomes the throw that asks the host to try again. */
export function settleDelivery(outcome: DeliveryOutcome, message: InvitationMessage, log: DeliveryLog): void {
  logDelivery(`Invitation email for consent ${message.consentId} (link version ${message.linkVersion})`, outcome, log);
}

/** The invitation as the template takes it, from the consent and its partner's registration. */
export function invitationEmail(consent: Consent, partner: Partner, consentUrl: string): InvitationEmail {
  const { customer } = consent;
  if (!customer.contactEmail || !consent.linkNonce || !consent.expiresAt) {
    throw new Error(`Consent ${consent.id} is not an emailed invitation`);
  }
  return {
    locale: customer.locale,
    to: { address: customer.contactEmail, ...(customer.contactName ? { displayName: customer.contactName } : {}) },
    partner: {
      displayName: partner.displayName,
      kind: consent.partner.type,
      verifiedDomain: partner.verifiedDomain,
      microsoftPartnerId: partner.microsoftPartnerId,
      contactEmail: partner.contactEmail,
    },
    indirectProvider: consent.indirectProvider && { displayName: consent.indirectProvider.displayName },
    delegatedAdmin: consent.delegatedAdmin && {
      roles: consent.delegatedAdmin.roles,
      durationDays: consent.delegatedAdmin.durationDays,
      autoExtend: consent.delegatedAdmin.autoExtend,
    },
    // The consent's only warning (least privilege, in English) is built into the template in the customer's language.
    message: consent.message,
    consentUrl,
    expiresAt: new Date(consent.expiresAt),
  };
}

function reasonNotToSend(consent: Consent, message: InvitationMessage): DeliveryOutcome | undefined {
  // Resending queues the new version's message just before the consent moves to it.
  if (message.linkVersion > consent.linkVersion) {
    return { kind: 'retry', reason: `the consent is not at link version ${message.linkVersion} yet` };
  }
  if (message.linkVersion < consent.linkVersion) return replaced(message, consent);
  if (consent.email.status !== 'queued') {
    return { kind: 'dropped', reason: `the email is already ${consent.email.status}` };
  }
  return undefined;
}

function replaced(message: InvitationMessage, consent: Consent): DeliveryOutcome {
  return {
    kind: 'dropped',
    reason: `link version ${message.linkVersion} was replaced by version ${consent.linkVersion}`,
  };
}

/** Settles a queued email that can no longer go out as `not-sent`, with the reason and one event. */
async function settleNotSent(
  deps: Dependencies,
  message: InvitationMessage,
  reason: string,
  actor: Actor = ACTOR,
): Promise<DeliveryOutcome> {
  const settled = await recordEmail(deps, message, { status: 'not-sent', lastError: reason }, actor);
  return settled ? { kind: 'not-sent', reason } : { kind: 'dropped', reason: 'the email is no longer queued' };
}

/**
 * Records the email's final state: the event first, then the consent. A crash in between leaves the email `queued`,
 * so the message is delivered again, the send repeats under the same operation id (no second email) and both writes
 * land again; the event's key makes the second append a no-op. A send confirmed after the email was settled
 * `not-sent` (a delivery already under way when the consent closed) is shown as sent: it went out. Answers whether
 * the consent now shows this state.
 */
async function recordEmail(
  deps: Dependencies,
  message: InvitationMessage,
  email: EmailDelivery,
  actor: Actor = ACTOR,
): Promise<boolean> {
  const { linkVersion } = message;
  await deps.events.appendEvent(message.consentId, `email-${email.status}-v${linkVersion}`, {
    at: email.sentAt ?? deps.now().toISOString(),
    type: `email.${email.status}`,
    actor,
    data: email.status === 'sent' ? { linkVersion } : { linkVersion, reason: email.lastError },
  });
  const settledFrom = email.status === 'sent' ? ['queued', 'not-sent'] : ['queued'];
  const { consent } = await changeConsent(
    deps,
    () => deps.consents.findConsent(message.partnerId, message.consentId),
    (current) =>
      current.linkVersion === linkVersion && settledFrom.includes(current.email.status)
        ? { write: { ...current, email }, result: undefined }
        : { keep: true, result: undefined },
  );
  return consent.linkVersion === linkVersion && consent.email.status === email.status;
}

/**
 * Counts a failed try on the queued email of the consent's current link, and shows its reason there, so the partner
 * can see why the email has not arrived yet. Answers the count, or nothing when the email has moved on meanwhile.
 */
async function countAttempt(
  deps: Dependencies,
  message: InvitationMessage,
  result: Extract<SendResult, { outcome: 'retry' }>,
  now: Date,
): Promise<EmailAttempts | undefined> {
  const { result: attempts } = await changeConsent(
    deps,
    () => deps.consents.findConsent(message.partnerId, message.consentId),
    (current) => {
      if (current.linkVersion !== message.linkVersion || current.email.status !== 'queued') {
        return { keep: true, result: undefined };
      }
      const before = attemptsOf(current);
      const after: EmailAttempts = result.throttled
        ? { ...before, throttledSince: before.throttledSince ?? now.toISOString() }
        : { ...before, failures: before.failures + 1 };
      const unchanged =
        after.failures === before.failures &&
        after.throttledSince === before.throttledSince &&
        current.email.lastError === result.reason;
      if (unchanged) return { keep: true, result: after };
      const email = { ...current.email, lastError: result.reason };
      return { write: { ...current, email, emailAttempts: after }, result: after };
    },
  );
  return attempts;
}

function attemptsOf(consent: Consent): EmailAttempts {
  const counted = consent.emailAttempts;
  return counted?.linkVersion === consent.linkVersion ? counted : { linkVersion: consent.linkVersion, failures: 0 };
}

/** Why the email is failed now, or nothing while it has tries left. */
function attemptsExhausted(attempts: EmailAttempts, now: Date, lastError: string): string | undefined {
  if (attempts.failures >= SEND_ATTEMPTS) return notSentAfterAttempts(lastError);
  const deadline = throttleDeadline(attempts);
  if (deadline && now.getTime() >= deadline.getTime()) {
    return `The invitation email could not be sent: ACS throttled it for ${THROTTLED_AT_MOST_HOURS} hours; last error: ${lastError}`;
  }
  return undefined;
}

function notSentAfterAttempts(lastError: string | undefined): string {
  const attempts = `The invitation email could not be sent after ${SEND_ATTEMPTS} attempts`;
  return lastError ? `${attempts}; last error: ${lastError}` : attempts;
}

function throttleDeadline(attempts: EmailAttempts): Date | undefined {
  return attempts.throttledSince === undefined
    ? undefined
    : new Date(Date.parse(attempts.throttledSince) + THROTTLED_AT_MOST_MS);
}

function secondsUntil(time: Date, now: Date): number {
  return Math.ceil((time.getTime() - now.getTime()) / 1000);
}
