// Queue trigger on "invitation-emails": sends one invitation email (R4, D3); a throw makes the host deliver it again.
import type { InvocationContext } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { sendInvitation, settleDelivery } from '../shared/consent/invitationEmails';
import { registerQueue } from '../shared/functionRegistry';
import { invitationMessageSchema } from '../shared/storage/invitationQueue';
import { QUEUES } from '../shared/storage/tableNames';

export async function sendInvitationEmail(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = invitationMessageSchema.safeParse(queueItem);
  if (!message.success) {
    // Retrying cannot make it readable: drop it rather than send it round to the poison queue.
    context.error('Dropped a message that is not an invitation: expected { partnerId, consentId, linkVersion }.');
    return;
  }
  settleDelivery(await sendInvitation(deps, message.data), message.data, context);
}

registerQueue('sendInvitationEmail', { queueName: QUEUES.invitationEmails, handler: sendInvitationEmail });
