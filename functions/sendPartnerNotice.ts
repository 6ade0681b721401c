// Queue trigger on "partner-notices": emails a partner's contact about a customer's change; a throw retries it.
import type { InvocationContext } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { sendPartnerNotice as sendNotice } from '../shared/consent/partnerNotices';
import { registerQueue } from '../shared/functionRegistry';
import { partnerNoticeSchema } from '../shared/storage/partnerNoticeQueue';
import { QUEUES } from '../shared/storage/tableNames';

export async function sendPartnerNotice(queueItem: unknown, context: InvocationContext): Promise<void> {
  const notice = partnerNoticeSchema.safeParse(queueItem);
  if (!notice.success) {
    // Retrying cannot make it readable: drop it rather than send it round to the poison queue.
    context.error('Dropped a message that is not a partner notice: expected { kind, partnerId, consentId }.');
    return;
  }
  const outcome = await sendNotice(deps, notice.data);
  const what = `Partner notice ${notice.data.kind} for consent ${notice.data.consentId}`;
  if (outcome.kind === 'retry') throw new Error(`${what}: not sent, will retry: ${outcome.reason}`);
  context.log(`${what}: ${outcome.kind}${outcome.reason ? `: ${outcome.reason}` : ''}`);
}

registerQueue('sendPartnerNotice', { queueName: QUEUES.partnerNotices, handler: sendPartnerNotice });
