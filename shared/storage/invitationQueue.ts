// The producer side of the "invitation-emails" queue: one base64 JSON message per invitation to send.
import type { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import { queueServiceClient, STORAGE_TRY_TIMEOUT_MS } from './clients';
import { QUEUES } from './tableNames';

/** What the sender needs to find the consent and to know which link the email is for. */
export const invitationMessageSchema = z.object({
  partnerId: z.string().min(1),
  consentId: z.string().min(1),
  linkVersion: z.number().int().min(1),
});
export type InvitationMessage = z.infer<typeof invitationMessageSchema>;

/** A queue call, retries included, is given up after this long. */
const QUEUE_CALL_TIMEOUT_MS = 2 * STORAGE_TRY_TIMEOUT_MS;

let queue: Promise<QueueClient> | undefined;

export interface EnqueueOptions {
  /** Hidden for this long before the trigger sees it (a send deferred until ACS's Retry-After); at once when absent. */
  visibilityTimeoutSeconds?: number;
}

export async function enqueueInvitation(message: InvitationMessage, options: EnqueueOptions = {}): Promise<void> {
  const client = await invitationQueue();
  // host.json messageEncoding is base64, and @azure/storage-queue does not encode for us.
  await client.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'), {
    visibilityTimeout: options.visibilityTimeoutSeconds,
    abortSignal: queueDeadline(),
  });
}

function invitationQueue(): Promise<QueueClient> {
  queue ??= (async () => {
    const client = queueServiceClient().getQueueClient(QUEUES.invitationEmails);
    await client.createIfNotExists({ abortSignal: queueDeadline() });
    return client;
  })();
  queue.catch(() => (queue = undefined)); // retry creation next time if storage was down
  return queue;
}

/** The queue SDK's own try timeout is only a hint to the server: a queue that never answers is abandoned here. */
function queueDeadline(): AbortSignal {
  return AbortSignal.timeout(QUEUE_CALL_TIMEOUT_MS);
}
