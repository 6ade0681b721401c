// How many invitation emails a partner may queue (API.md, "Invitation email limit"): at most a set number in any hour.

/** The window the limit counts in. */
export const QUOTA_WINDOW_MS = 60 * 60 * 1000;

/** The default of INVITATION_EMAILS_PER_HOUR: ample for real work, far below what would drain the shared ACS quota. */
export const DEFAULT_INVITATION_EMAILS_PER_HOUR = 200;

export type QuotaDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Whether this email fits: `upToThisOne` are the times of the partner's emails in the hour before `now`, oldest first,
 * ending with this one (at most `perHour + 1` of them are needed to tell). Past the limit, the wait is until the
 * oldest of them leaves the window — never less than a second.
 */
export function invitationEmailDecision(upToThisOne: readonly string[], now: Date, perHour: number): QuotaDecision {
  if (upToThisOne.length <= perHour) return { allowed: true };
  const frees = Date.parse(upToThisOne[0]!) + QUOTA_WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
}
