// The producer side of the "invitation-emails" queue: one base64 JSON message per invitation to send.
import { z } from 'zod';
import { queueSender, type EnqueueOptions } from './queueSender';
import { QUEUES } from './tableNames';

/** What the sender needs to find the consent and to know which link the email is for. */
export const invitationMessageSchema = z.object({
  partnerId: z.string().min(1),
  consentId: z.string().min(1),
  linkVersion: z.number().int().min(1),
});
export type InvitationMessage = z.infer<typeof invitationMessageSchema>;

export type { EnqueueOptions };

const send = queueSender<InvitationMessage>(QUEUES.invitationEmails);

export async function enqueueInvitation(message: InvitationMessage, options: EnqueueOptions = {}): Promise<void> {
  await send(message, options);
}
