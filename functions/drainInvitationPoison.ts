// Queue trigger on "invitation-emails-poison": an email the host gave up on is marked failed, visible to the partner.
import type { InvocationContext } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { failPoisonedInvitation, settleDelivery } from '../shared/consent/invitationEmails';
import { registerQueue } from '../shared/functionRegistry';
import { invitationMessageSchema } from '../shared/storage/invitationQueue';
import { QUEUES } from '../shared/storage/tableNames';

export async function drainInvitationPoison(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = invitationMessageSchema.safeParse(queueItem);
  if (!message.success) {
    context.error(
      'Dropped a poisoned message that is not an invitation: expected { partnerId, consentId, linkVersion }.',
    );
    return;
  }
  settleDelivery(await failPoisonedInvitation(deps, message.data), message.data, context);
}

registerQueue('drainInvitationPoison', { queueName: QUEUES.invitationEmailsPoison, handler: drainInvitationPoison });
