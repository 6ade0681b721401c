// Sending a reminder or delegated admin expiry email from its queue message: once per notice and recipient (its ACS
// operation id), only while the notice still holds, to the address the consent or the partner's registration has now.
import type { Consent, Locale } from '../domain/consent';
import { effectiveDelegatedAdmin } from '../domain/delegatedAdmin';
import { noticeEmailStale } from '../domain/notices';
import type { Partner } from '../domain/partners';
import { renderNotice, type NoticeEmail } from '../email/notice';
import { noticeOperationId, type MailAddress, type SendResult } from '../email/sender';
import { QUEUE_SETTINGS } from '../hostSettings';
import type { NoticeMessage } from '../storage/noticeQueue';
import type { Dependencies } from './dependencies';
import { logDelivery, type DeliveryLog, type DeliveryOutcome } from './deliveryLog';

/** What became of one notice delivery: as an invitation's, but a notice is never settled `not-sent`. */
export type NoticeDelivery = Exclude<DeliveryOutcome, { kind: 'not-sent' }>;

/** How often one email waits out a long Retry-After (ACS's quota) in a deferred copy before it is given up. */
export const NOTICE_DEFERRALS = 24;

/** Partners register no language; the partner API and its contract are English, and so are their notices. */
const PARTNER_LOCALE: Locale = 'en';

export async function sendNotice(deps: Dependencies, message: NoticeMessage): Promise<NoticeDelivery> {
  const consent = (await deps.consents.findConsent(message.partnerId, message.consentId))?.value;
  if (!consent) return dropped('the consent does not exist');
  const partner = (await deps.partners.findPartner(consent.partner.id))?.value;
  if (!partner) return dropped('the partner is not registered');
  const stale = noticeEmailStale(message.kind, consent, partner, deps.now());
  if (stale) return dropped(stale);
  const email = noticeEmail(deps, message, consent, partner);
  if (!email) return dropped(`the ${message.recipient} has no email address`);
  const result = await deps.sender.send({
    operationId: noticeOperationId(consent.id, `${message.kind}-${message.daysLeft}d`, message.recipient),
    to: email.to,
    // The customer answers the partner, as with the invitation; the partner's notice has no one to answer.
    ...(message.recipient === 'customer'
      ? { replyTo: { address: partner.contactEmail, displayName: partner.displayName } }
      : {}),
    ...renderNotice(email),
  });
  switch (result.outcome) {
    case 'sent':
      return { kind: 'sent' };
    case 'failed':
      return { kind: 'failed', reason: result.reason };
    case 'retry':
      return retryLater(deps, message, result);
  }
}

/** One log line per delivery (no address, no link); `retry` becomes the throw that asks the host to try again. */
export function settleNoticeDelivery(outcome: NoticeDelivery, message: NoticeMessage, log: DeliveryLog): void {
  const email = `Notice email ${message.kind} (${message.daysLeft} days) to the ${message.recipient} of consent ${message.consentId}`;
  logDelivery(email, outcome, log);
}

/**
 * A wait the host's own retry covers is left to it; a longer one (ACS's quota) waits in a delayed copy of the message,
 * at most NOTICE_DEFERRALS times, so that throttling never sends the email to the poison queue.
 */
async function retryLater(
  deps: Dependencies,
  message: NoticeMessage,
  result: Extract<SendResult, { outcome: 'retry' }>,
): Promise<NoticeDelivery> {
  const seconds = result.retryAfterSeconds;
  if (!result.throttled && seconds <= QUEUE_SETTINGS.visibilityTimeoutSeconds) {
    return { kind: 'retry', reason: result.reason };
  }
  if (message.deferrals >= NOTICE_DEFERRALS) {
    return { kind: 'failed', reason: `waited ${NOTICE_DEFERRALS} times for ACS; last error: ${result.reason}` };
  }
  await deps.noticeEmails.enqueueNoticeEmail({ ...message, deferrals: message.deferrals + 1 }, seconds);
  return { kind: 'deferred', seconds, reason: result.reason };
}

/** The email as the template takes it; undefined when the recipient has no address. */
function noticeEmail(
  deps: Dependencies,
  message: NoticeMessage,
  consent: Consent,
  partner: Partner,
): NoticeEmail | undefined {
  const { customer } = consent;
  const to = recipientOf(message, consent, partner);
  const reminder = message.kind === 'invitation-reminder';
  const admin = consent.delegatedAdmin && effectiveDelegatedAdmin(consent.delegatedAdmin, deps.now());
  const endsAt = reminder ? consent.expiresAt : admin?.expiresAt;
  if (!to || !endsAt || (reminder && !consent.linkNonce)) return undefined;
  return {
    kind: message.kind,
    audience: message.recipient,
    locale: message.recipient === 'partner' ? PARTNER_LOCALE : customer.locale,
    to,
    partner: { displayName: partner.displayName },
    customer: { name: customer.displayName ?? customer.domain ?? customer.tenantId ?? '', tenantId: customer.tenantId },
    consentId: consent.id,
    roles: (consent.delegatedAdmin?.roles ?? []).map((role) => role.displayName),
    daysLeft: message.daysLeft,
    endsAt: new Date(endsAt),
    // Links are never stored: the live one is derived again from the consent's current link nonce.
    ...(reminder ? { consentUrl: deps.consentLinks.invitation(consent.linkNonce!).url } : {}),
  };
}

function recipientOf(message: NoticeMessage, consent: Consent, partner: Partner): MailAddress | undefined {
  if (message.recipient === 'partner') return { address: partner.contactEmail, displayName: partner.displayName };
  const { contactEmail, contactName } = consent.customer;
  return contactEmail ? { address: contactEmail, ...(contactName ? { displayName: contactName } : {}) } : undefined;
}

function dropped(reason: string): NoticeDelivery {
  return { kind: 'dropped', reason };
}
