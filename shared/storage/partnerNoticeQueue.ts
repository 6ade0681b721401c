// The producer side of the "partner-notices" queue: one base64 JSON message per email that tells a partner something.
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import { queueServiceClient, STORAGE_TRY_TIMEOUT_MS } from './clients';
import { QUEUES } from './tableNames';

/** What the sender needs to find the consent the notice is about; the consent itself says what to tell. */
export const partnerNoticeSchema = z.object({
  kind: z.literal('consent-revoked'),
  partnerId: z.string().min(1),
  consentId: z.string().min(1),
});
export type PartnerNotice = z.infer<typeof partnerNoticeSchema>;

const QUEUE_CALL_TIMEOUT_MS = 2 * STORAGE_TRY_TIMEOUT_MS;

let queue: Promise<QueueClient> | undefined;

/** Hidden for `delaySeconds` first: the notice is queued before the change it announces is written. */
export async function enqueuePartnerNotice(notice: PartnerNotice, delaySeconds = 0): Promise<void> {
  const client = await noticeQueue();
  // host.json messageEncoding is base64, and @azure/storage-queue does not encode for us.
  await client.sendMessage(Buffer.from(JSON.stringify(notice)).toString('base64'), {
    visibilityTimeout: delaySeconds,
    abortSignal: AbortSignal.timeout(QUEUE_CALL_TIMEOUT_MS),
  });
}

function noticeQueue(): Promise<QueueClient> {
  queue ??= (async () => {
    const client = queueServiceClient().getQueueClient(QUEUES.partnerNotices);
    await client.createIfNotExists({ abortSignal: AbortSignal.timeout(QUEUE_CALL_TIMEOUT_MS) });
    return client;
  })();
  queue.catch(() => (queue = undefined)); // retry creation next time if storage was down
  return queue;
}
