// Delivers queue messages to queue-triggered functions the way the Functions host does: batches, retries, poison queue.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InvocationContext } from '@azure/functions';
import type { DequeuedMessageItem, QueueClient, QueueServiceClient } from '@azure/storage-queue';
import type { QueueFunctionDefinition } from '../shared/functionRegistry';
import type { HostLog } from './hostLog';
import type { QueueSettings } from '../shared/hostSettings';

/** How long a received message stays hidden while its function runs (the host renews; we simply take long enough). */
const LEASE_SECONDS = 600;
const MIN_POLL_MS = 100;

export interface QueueRunner {
  stop(): Promise<void>;
}

export function startQueueRunner(
  functions: QueueFunctionDefinition[],
  queues: QueueServiceClient,
  settings: QueueSettings,
  log: HostLog,
): QueueRunner {
  const stopping = new AbortController();
  const loops = functions.map((definition) => pollQueue(definition, queues, settings, log, stopping.signal));
  return {
    stop: async () => {
      stopping.abort();
      await Promise.allSettled(loops);
    },
  };
}

async function pollQueue(
  definition: QueueFunctionDefinition,
  queues: QueueServiceClient,
  settings: QueueSettings,
  log: HostLog,
  signal: AbortSignal,
): Promise<void> {
  const queue = queues.getQueueClient(definition.queueName);
  const poison = queues.getQueueClient(`${definition.queueName}-poison`);
  let delay = MIN_POLL_MS;
  while (!signal.aborted) {
    let received = 0;
    try {
      await queue.createIfNotExists();
      const { receivedMessageItems } = await queue.receiveMessages({
        numberOfMessages: settings.batchSize,
        visibilityTimeout: LEASE_SECONDS,
      });
      received = receivedMessageItems.length;
      await Promise.all(
        receivedMessageItems.map((message) => deliver(definition, queue, poison, message, settings, log)),
      );
    } catch (error) {
      if (!signal.aborted) log.error(`[${definition.name}] polling ${definition.queueName} failed: ${String(error)}`);
    }
    // Like the host: poll again at once after a delivery, back off exponentially while the queue is empty.
    delay = received ? MIN_POLL_MS : Math.min(delay * 2, settings.maxPollingIntervalMs);
    if (!received) await sleep(delay, undefined, { signal }).catch(() => undefined);
  }
}

async function deliver(
  definition: QueueFunctionDefinition,
  queue: QueueClient,
  poison: QueueClient,
  message: DequeuedMessageItem,
  settings: QueueSettings,
  log: HostLog,
): Promise<void> {
  if (message.dequeueCount > settings.maxDequeueCount) {
    await moveToPoison(queue, poison, message);
    log.invocation(definition.name, `message ${message.messageId} moved to ${poison.name} unprocessed`, 0);
    return;
  }
  const started = performance.now();
  const context = new InvocationContext({
    functionName: definition.name,
    invocationId: randomUUID(),
    logHandler: log.forFunction(definition.name),
    triggerMetadata: {
      id: message.messageId,
      popReceipt: message.popReceipt,
      dequeueCount: message.dequeueCount,
      insertionTime: message.insertedOn.toISOString(),
      expirationTime: message.expiresOn.toISOString(),
      nextVisibleTime: message.nextVisibleOn.toISOString(),
    },
  });
  const attempt = `attempt ${message.dequeueCount}/${settings.maxDequeueCount}`;
  try {
    await definition.handler(decode(message.messageText, settings), context);
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    if (message.dequeueCount >= settings.maxDequeueCount) {
      await moveToPoison(queue, poison, message);
      log.invocation(
        definition.name,
        `failed (${attempt}): ${failure}; moved to ${poison.name}`,
        performance.now() - started,
      );
    } else {
      // Visible again after host.json visibilityTimeout, with the dequeue count the next receive increments.
      await queue.updateMessage(message.messageId, message.popReceipt, undefined, settings.visibilityTimeoutSeconds);
      log.invocation(definition.name, `failed (${attempt}): ${failure}; will retry`, performance.now() - started);
    }
    return;
  }
  await queue.deleteMessage(message.messageId, message.popReceipt);
  log.invocation(definition.name, `succeeded (${attempt})`, performance.now() - started);
}

async function moveToPoison(queue: QueueClient, poison: QueueClient, message: DequeuedMessageItem): Promise<void> {
  await poison.createIfNotExists();
  await poison.sendMessage(message.messageText); // the same text, encoded as it was
  await queue.deleteMessage(message.messageId, message.popReceipt);
}

/** As the host does: base64 decoding per host.json, then JSON when the text is JSON (the worker's own rule). */
export function decode(text: string, settings: Pick<QueueSettings, 'messageEncoding'>): unknown {
  const decoded = settings.messageEncoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
  try {
    return JSON.parse(decoded) as unknown;
  } catch {
    return decoded;
  }
}
