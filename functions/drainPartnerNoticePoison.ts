// Queue trigger on "partner-notices-poison": a partner notice the host gave up on is recorded on its consent.
import type { InvocationContext } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { failPoisonedPartnerNotice, logNoticeFailure } from '../shared/consent/noticeFailures';
import { registerQueue } from '../shared/functionRegistry';
import { partnerNoticeSchema } from '../shared/storage/partnerNoticeQueue';
import { QUEUES } from '../shared/storage/tableNames';

export async function drainPartnerNoticePoison(queueItem: unknown, context: InvocationContext): Promise<void> {
  const notice = partnerNoticeSchema.safeParse(queueItem);
  if (!notice.success) {
    // Nothing in it names a consent to record the failure on; throwing would only move it to another poison queue.
    context.error('Dropped a poisoned message that is not a partner notice: expected { kind, partnerId, consentId }.');
    return;
  }
  const what = `Partner notice ${notice.data.kind} for consent ${notice.data.consentId}`;
  logNoticeFailure(what, await failPoisonedPartnerNotice(deps, notice.data), context);
}

registerQueue('drainPartnerNoticePoison', {
  queueName: QUEUES.partnerNoticesPoison,
  handler: drainPartnerNoticePoison,
});
