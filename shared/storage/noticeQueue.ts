// The producer side of the "notice-emails" queue: one base64 JSON message per reminder or expiry email to send.
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import { NOTICE_EMAIL_KINDS } from '../domain/notices';
import { queueServiceClient, STORAGE_TRY_TIMEOUT_MS } from './clients';
import { QUEUES } from './tableNames';

/**
 * One email of one notice to one recipient. The recipient's address is not in the message (no address in a queue):
 * the sender reads it from the consent or the partner's registration. `deferrals` counts waits for ACS's quota.
 */
export const noticeMessageSchema = z.object({
  partnerId: z.string().min(1),
  consentId: z.string().min(1),
  kind: z.enum(NOTICE_EMAIL_KINDS),
  daysLeft: z.number().int().min(0),
  recipient: z.enum(['customer', 'partner']),
  deferrals: z.number().int().min(0).default(0),
});
export type NoticeMessage = z.infer<typeof noticeMessageSchema>;

const QUEUE_CALL_TIMEOUT_MS = 2 * STORAGE_TRY_TIMEOUT_MS;

let queue: Promise<QueueClient> | undefined;

/** Queues one notice email, hidden for `visibilityTimeoutSeconds` when given (a send waiting for ACS's quota). */
export async function enqueueNoticeEmail(message: NoticeMessage, visibilityTimeoutSeconds?: number): Promise<void> {
  const client = await noticeQueue();
  // host.json messageEncoding is base64, and @azure/storage-queue does not encode for us.
  await client.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'), {
    visibilityTimeout: visibilityTimeoutSeconds,
    abortSignal: AbortSignal.timeout(QUEUE_CALL_TIMEOUT_MS),
  });
}

function noticeQueue(): Promise<QueueClient> {
  queue ??= (async () => {
    const client = queueServiceClient().getQueueClient(QUEUES.noticeEmails);
    await client.createIfNotExists({ abortSignal: AbortSignal.timeout(QUEUE_CALL_TIMEOUT_MS) });
    return client;
  })();
  queue.catch(() => (queue = undefined)); // retry creation next time if storage was down
  return queue;
}
