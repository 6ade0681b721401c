// Queue trigger on "notice-emails-poison": a reminder or expiry email the host gave up on is recorded on its consent.
import type { InvocationContext } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { failPoisonedNotice, logNoticeFailure } from '../shared/consent/noticeFailures';
import { registerQueue } from '../shared/functionRegistry';
import { noticeMessageSchema } from '../shared/storage/noticeQueue';
import { QUEUES } from '../shared/storage/tableNames';

export async function drainNoticePoison(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = noticeMessageSchema.safeParse(queueItem);
  if (!message.success) {
    // Nothing in it names a consent to record the failure on; throwing would only move it to another poison queue.
    context.error(
      'Dropped a poisoned message that is not a notice email: expected { partnerId, consentId, kind, daysLeft, recipient }.',
    );
    return;
  }
  const { kind, daysLeft, recipient, consentId } = message.data;
  const notice = `Notice email ${kind} (${daysLeft} days) to the ${recipient} of consent ${consentId}`;
  logNoticeFailure(notice, await failPoisonedNotice(deps, message.data), context);
}

registerQueue('drainNoticePoison', { queueName: QUEUES.noticeEmailsPoison, handler: drainNoticePoison });
