// Sending to one of the app's queues: base64 JSON (host.json messageEncoding), optionally hidden for a while.
import type { QueueClient } from '@azure/storage-queue';
import { queueServiceClient, STORAGE_TRY_TIMEOUT_MS } from './clients';

/** A queue call, retries included, is given up after this long. */
const QUEUE_CALL_TIMEOUT_MS = 2 * STORAGE_TRY_TIMEOUT_MS;

export interface EnqueueOptions {
  /** Hidden for this long before the trigger sees it (a deferred send or a scheduled retry); at once when absent. */
  visibilityTimeoutSeconds?: number;
}

/** A sender for the named queue, which it creates on first use. */
export function queueSender<M>(queueName: string): (message: M, options?: EnqueueOptions) => Promise<void> {
  let queue: Promise<QueueClient> | undefined;
  const client = () => {
    queue ??= (async () => {
      const created = queueServiceClient().getQueueClient(queueName);
      await created.createIfNotExists({ abortSignal: queueDeadline() });
      return created;
    })();
    queue.catch(() => (queue = undefined)); // retry creation next time if storage was down
    return queue;
  };
  return async (message, options = {}) => {
    // host.json messageEncoding is base64, and @azure/storage-queue does not encode for us.
    await (
      await client()
    ).sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'), {
      visibilityTimeout: options.visibilityTimeoutSeconds,
      abortSignal: queueDeadline(),
    });
  };
}

/** The queue SDK's own try timeout is only a hint to the server: a queue that never answers is abandoned here. */
function queueDeadline(): AbortSignal {
  return AbortSignal.timeout(QUEUE_CALL_TIMEOUT_MS);
}
