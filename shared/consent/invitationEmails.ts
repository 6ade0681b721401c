// Sending a consent's invitation email from its queue message (R4, D3): once per link, every outcome on the consent.
import { effectiveConsent, type Consent, type EmailDelivery } from '../domain/consent';
import type { Partner } from '../domain/partners';
import { renderInvitation, type InvitationEmail } from '../email/invitation';
import { QUEUE_SETTINGS } from '../hostSettings';
import { invitationOperationId } from '../email/sender';
import type { InvitationMessage } from '../storage/invitationQueue';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';

/**
 * What became of one delivery. `retry`: the trigger throws, and the host delivers the message again after its
 * visibility timeout (counted towards the poison queue). `deferred`: a copy was queued to appear after ACS's
 * Retry-After, and this delivery is complete. `dropped`: nothing to send, for the reason given.
 */
export type DeliveryOutcome =
  | { kind: 'sent' }
  | { kind: 'failed'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'deferred'; seconds: number; reason: string }
  | { kind: 'dropped'; reason: string };

/** The invocation's logger (the Functions InvocationContext is one). */
export interface DeliveryLog {
  log(message: string): void;
  warn(message: string): void;
}

const ACTOR = { kind: 'system', id: 'invitation-email' } as const;

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
  const email = invitationEmail(consent, partner, deps.consentLinks.invitation(consent.linkNonce!).url);
  const result = await deps.sender.send({
    operationId: invitationOperationId(consent.id, message.linkVersion),
    to: email.to,
    replyTo: { address: partner.contactEmail, displayName: partner.displayName },
    ...renderInvitation(email),
  });

  switch (result.outcome) {
    case 'sent':
      await recordEmail(deps, message, { status: 'sent', sentAt: deps.now().toISOString() });
      return { kind: 'sent' };
    case 'failed':
      await recordEmail(deps, message, { status: 'failed', lastError: result.reason });
      return { kind: 'failed', reason: result.reason };
    case 'retry':
      await noteRetry(deps, message, result.reason);
      // Quota throttling is not a fault (the email must not be poisoned for it), and a delay longer than the host's
      // would be cut short by it: both wait exactly as long as ACS asked, in a fresh copy of the message.
      if (result.throttled || result.retryAfterSeconds > QUEUE_SETTINGS.visibilityTimeoutSeconds) {
        await deps.invitations.enqueueInvitation(message, { visibilityTimeoutSeconds: result.retryAfterSeconds });
        return { kind: 'deferred', seconds: result.retryAfterSeconds, reason: result.reason };
      }
      return { kind: 'retry', reason: result.reason };
  }
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
  const attempts = `could not be sent after ${QUEUE_SETTINGS.maxDequeueCount} attempts`;
  const reason = consent.email.lastError ? `${attempts}; last error: ${consent.email.lastError}` : attempts;
  await recordEmail(deps, message, { status: 'failed', lastError: `The invitation email ${reason}` });
  return { kind: 'failed', reason };
}

/** One log line per delivery (no address, no link); `retry` becomes the throw that asks the host to try again. */
export function settleDelivery(outcome: DeliveryOutcome, message: InvitationMessage, log: DeliveryLog): void {
  const email = `Invitation email for consent ${message.consentId} (link version ${message.linkVersion})`;
  switch (outcome.kind) {
    case 'sent':
      return log.log(`${email}: sent.`);
    case 'failed':
      return log.warn(`${email}: failed: ${outcome.reason}`);
    case 'deferred':
      return log.warn(`${email}: deferred by ${outcome.seconds} s: ${outcome.reason}`);
    case 'dropped':
      return log.log(`${email}: dropped: ${outcome.reason}.`);
    case 'retry':
      throw new Error(`${email}: not sent, will retry: ${outcome.reason}`);
  }
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
  if (consent.status !== 'pending') return { kind: 'dropped', reason: `the consent is ${consent.status}` };
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

/**
 * Records the email's final state: the event first, then the consent. A crash in between leaves the email `queued`,
 * so the message is delivered again, the send repeats under the same operation id (no second email) and both writes
 * land again; the event's key makes the second append a no-op.
 */
async function recordEmail(deps: Dependencies, message: InvitationMessage, email: EmailDelivery): Promise<void> {
  const at = email.sentAt ?? deps.now().toISOString();
  const sent = email.status === 'sent';
  await deps.events.appendEvent(message.consentId, `email-${email.status}-v${message.linkVersion}`, {
    at,
    type: sent ? 'email.sent' : 'email.failed',
    actor: ACTOR,
    data: sent ? { linkVersion: message.linkVersion } : { linkVersion: message.linkVersion, reason: email.lastError },
  });
  await updateQueuedEmail(deps, message, () => email);
}

/** A passing failure is shown on the still-queued email, so the partner can see why it has not arrived yet. */
async function noteRetry(deps: Dependencies, message: InvitationMessage, reason: string): Promise<void> {
  await updateQueuedEmail(deps, message, (email) =>
    email.lastError === reason ? undefined : { ...email, lastError: reason },
  );
}

/** Changes the email of the consent's current link while it is queued; anything else has moved on and stays. */
async function updateQueuedEmail(
  deps: Dependencies,
  message: InvitationMessage,
  next: (email: EmailDelivery) => EmailDelivery | undefined,
): Promise<void> {
  await changeConsent(
    deps,
    () => deps.consents.findConsent(message.partnerId, message.consentId),
    (current) => {
      const email =
        current.linkVersion === message.linkVersion && current.email.status === 'queued' && next(current.email);
      return email ? { write: { ...current, email }, result: undefined } : { keep: true, result: undefined };
    },
  );
}
