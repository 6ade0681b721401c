// Notice emails the host gave up on (`notice-emails-poison`, `partner-notices-poison`): each is recorded once on its
// consent's audit trail as `notice.failed`, where the partner sees it, instead of vanishing from the queue.
import { QUEUE_SETTINGS } from '../hostSettings';
import type { ConsentEvent } from '../storage/eventStore';
import type { NoticeMessage } from '../storage/noticeQueue';
import type { PartnerNotice } from '../storage/partnerNoticeQueue';
import type { Dependencies } from './dependencies';

/** What a drain did: recorded the failure now, or nothing (already recorded, or nothing to tell), and why. */
export type NoticeFailure = { kind: 'failed'; reason: string } | { kind: 'dropped'; reason: string };

/** The audit trail's type for a notice email that was not sent; the webhooks do not carry it (no contract change). */
export const NOTICE_FAILED = 'notice.failed';

const ACTOR: ConsentEvent['actor'] = { kind: 'system', id: 'notice-email' };

/** The host moves a message to its poison queue after this many failed deliveries. */
const REASON = `The email could not be sent after ${QUEUE_SETTINGS.maxDequeueCount} attempts.`;

/** A reminder or delegated admin notice to the customer or the partner that failed every attempt. */
export async function failPoisonedNotice(deps: Dependencies, message: NoticeMessage): Promise<NoticeFailure> {
  const { partnerId, consentId, kind, daysLeft, recipient } = message;
  const consent = await deps.consents.findConsent(partnerId, consentId);
  if (!consent) return { kind: 'dropped', reason: 'the consent does not exist' };
  // One event per notice and recipient, as the email's operation id: a 7-day and a 1-day reminder are two.
  return recordOnce(deps, consentId, `notice-failed-${kind}-${daysLeft}d-${recipient}`, { kind, daysLeft, recipient });
}

/**
 * A partner's notice of a customer's revocation that failed every attempt. A notice whose revocation was never stored
 * (the request stopped after queueing it: nothing happened to tell) is dropped, as its sender would.
 */
export async function failPoisonedPartnerNotice(deps: Dependencies, notice: PartnerNotice): Promise<NoticeFailure> {
  const consent = (await deps.consents.findConsent(notice.partnerId, notice.consentId))?.value;
  if (!consent) return { kind: 'dropped', reason: 'the consent does not exist' };
  if (consent.revocation?.by !== 'customer') return { kind: 'dropped', reason: 'the customer did not revoke it' };
  return recordOnce(deps, consent.id, `notice-failed-${notice.kind}-partner`, {
    kind: notice.kind,
    recipient: 'partner',
  });
}

/** The event's fixed key makes a second append a no-op; reading first tells a redelivery apart, for the log. */
async function recordOnce(
  deps: Dependencies,
  consentId: string,
  key: string,
  data: Record<string, unknown>,
): Promise<NoticeFailure> {
  const recorded = (await deps.events.listEvents(consentId)).some(
    (event) => event.type === NOTICE_FAILED && sameNotice(event.data, data),
  );
  if (recorded) return { kind: 'dropped', reason: 'its failure is recorded already' };
  await deps.events.appendEvent(consentId, key, {
    at: deps.now().toISOString(),
    type: NOTICE_FAILED,
    actor: ACTOR,
    data: { ...data, reason: REASON },
  });
  return { kind: 'failed', reason: REASON };
}

function sameNotice(recorded: Record<string, unknown> | undefined, data: Record<string, unknown>): boolean {
  return Object.entries(data).every(([name, value]) => recorded?.[name] === value);
}

/** The invocation's logger (the Functions InvocationContext is one). */
export interface FailureLog {
  log(message: string): void;
  error(message: string): void;
}

/** One line per drained message, naming the notice as the caller does (no address, no link); an error when failed. */
export function logNoticeFailure(notice: string, outcome: NoticeFailure, log: FailureLog): void {
  if (outcome.kind === 'failed')
    log.error(`${notice}: failed: ${outcome.reason} Recorded on the consent as ${NOTICE_FAILED}.`);
  else log.log(`${notice}: poisoned message dropped: ${outcome.reason}.`);
}
