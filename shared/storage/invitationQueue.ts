// The producer side of the "invitation-emails" queue: one base64 JSON message per invitation to send.
import type { QueueClient } from '@azure/storage-queue';
import { queueServiceClient } from './clients';
import { QUEUES } from './tableNames';

/** What the sender needs to find the consent and to know which link the email is for. */
export interface InvitationMessage {
  partnerId: string;
  consentId: string;
  linkVersion: number;
}

let queue: Promise<QueueClient> | undefined;

export async function enqueueInvitation(message: InvitationMessage): Promise<void> {
  const client = await invitationQueue();
  // host.json messageEncoding is base64, and @azure/storage-queue does not encode for us.
  await client.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
}

function invitationQueue(): Promise<QueueClient> {
  queue ??= (async () => {
    const client = queueServiceClient().getQueueClient(QUEUES.invitationEmails);
    await client.createIfNotExists();
    return client;
  })();
  queue.catch(() => (queue = undefined)); // retry creation next time if storage was down
  return queue;
}
