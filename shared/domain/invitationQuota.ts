// How many invitation emails a partner may queue (API.md, "Invitation email limit"): at most a set number in any hour.

/** The window the limit counts in. */
export const QUOTA_WINDOW_MS = 60 * 60 * 1000;

/** The default of INVITATION_EMAILS_PER_HOUR: ample for real work, far below what would drain the shared ACS quota. */
export const DEFAULT_INVITATION_EMAILS_PER_HOUR = 200;

export type QuotaDecision =
  /** Queue it: `sentAt` is the partner's send times in the window, this one included, to store. */
  | { allowed: true; sentAt: string[] }
  /** Past the limit: the earliest moment another one fits, as seconds to wait. */
  | { allowed: false; retryAfterSeconds: number };

/**
 * Whether one more invitation email fits in the hour before `now`, given the times of the partner's earlier ones.
 * Times older than the window are forgotten, so what is stored never grows past the limit.
 */
export function nextInvitationEmail(earlier: readonly string[], now: Date, perHour: number): QuotaDecision {
  const windowStart = now.getTime() - QUOTA_WINDOW_MS;
  const inWindow = earlier.filter((at) => Date.parse(at) > windowStart).sort();
  if (inWindow.length < perHour) return { allowed: true, sentAt: [...inWindow, now.toISOString()] };
  // The oldest one leaving the window makes room; never less than a second.
  const frees = Date.parse(inWindow[inWindow.length - perHour]!) + QUOTA_WINDOW_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
}
