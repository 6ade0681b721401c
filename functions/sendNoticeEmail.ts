// Queue trigger on "notice-emails": sends one invitation reminder or delegated admin expiry email; a throw retries it.
import type { InvocationContext } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { sendNotice, settleNoticeDelivery } from '../shared/consent/noticeEmails';
import { registerQueue } from '../shared/functionRegistry';
import { noticeMessageSchema } from '../shared/storage/noticeQueue';
import { QUEUES } from '../shared/storage/tableNames';

export async function sendNoticeEmail(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = noticeMessageSchema.safeParse(queueItem);
  if (!message.success) {
    // Retrying cannot make it readable: drop it rather than send it round to the poison queue.
    context.error(
      'Dropped a message that is not a notice email: expected { partnerId, consentId, kind, daysLeft, recipient }.',
    );
    return;
  }
  settleNoticeDelivery(await sendNotice(deps, message.data), message.data, context);
}

registerQueue('sendNoticeEmail', { queueName: QUEUES.noticeEmails, handler: sendNoticeEmail });
