// The per-partner limit on invitation emails (API.md, "Invitation email limit"): the email is counted, then checked,
// before the request writes anything else — past the limit it is taken back, and the answer is 429 with Retry-After.
import { randomUUID } from 'node:crypto';
import { invitationEmailDecision, QUOTA_WINDOW_MS } from '../domain/invitationQuota';
import { rateLimited } from '../errors';
import type { Dependencies } from './dependencies';

/**
 * Counts one invitation email against the partner's hourly limit, or throws 429 when it would pass it. Counting first
 * and then reading what came before it means concurrent requests never wait on each other, and each sees every
 * email recorded before its own.
 */
export async function reserveInvitationEmail(deps: Dependencies, partnerId: string): Promise<void> {
  const now = deps.now();
  const perHour = deps.invitationEmailsPerHour;
  const rowKey = await deps.invitationQuota.recordInvitationEmail(partnerId, now, randomUUID());
  const windowStart = new Date(now.getTime() - QUOTA_WINDOW_MS);
  const upToThisOne = await deps.invitationQuota.invitationEmailsUpTo(partnerId, windowStart, rowKey, perHour + 1);
  const decision = invitationEmailDecision(upToThisOne, now, perHour);
  if (decision.allowed) return;
  await deps.invitationQuota.removeInvitationEmail(partnerId, rowKey);
  throw rateLimited(
    `You have queued ${perHour} invitation emails in the last hour, the most allowed. Retry after ` +
      `${decision.retryAfterSeconds} seconds, or issue the request with "sendEmail": false and send the link yourself.`,
    decision.retryAfterSeconds,
  );
}
