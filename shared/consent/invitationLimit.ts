// The per-partner limit on invitation emails (API.md, "Invitation email limit"): checked, and the email counted,
// before a request writes anything — past it the answer is 429 with Retry-After and nothing is created.
import { nextInvitationEmail } from '../domain/invitationQuota';
import { rateLimited, unavailable } from '../errors';
import { isAlreadyExists, isPreconditionFailed } from '../storage/tableErrors';
import type { Dependencies } from './dependencies';

/** Concurrent requests of one partner take turns on its row; this many lost races in a row is a busy moment. */
const MAX_ATTEMPTS = 10;

/** Counts one invitation email against the partner's hourly limit, or throws 429 when it would pass it. */
export async function reserveInvitationEmail(deps: Dependencies, partnerId: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.invitationQuota.findInvitationTimes(partnerId);
    const perHour = deps.invitationEmailsPerHour;
    const decision = nextInvitationEmail(stored?.value ?? [], deps.now(), perHour);
    if (!decision.allowed) {
      throw rateLimited(
        `You have queued ${perHour} invitation emails in the last hour, the most allowed. Retry after ` +
          `${decision.retryAfterSeconds} seconds, or issue the request with "sendEmail": false and send the link yourself.`,
        decision.retryAfterSeconds,
      );
    }
    try {
      await deps.invitationQuota.saveInvitationTimes(partnerId, decision.sentAt, stored?.etag);
      return;
    } catch (error) {
      // Another request of this partner counted first: decide again on what it stored.
      if (!isPreconditionFailed(error) && !isAlreadyExists(error)) throw error;
    }
  }
  throw unavailable('Too many requests of this partner at the same moment; retry in a moment.', 1);
}
