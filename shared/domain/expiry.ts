// When consent requests and delegated admin expire: the limits, and the one rule for "has this moment passed".

/**
 * GDAP leaves an unanswered request open for 90 days; our consent requests stay within that. The request schema
 * (shared/schemas/consentRequests.ts) checks these limits.
 */
export const CONSENT_EXPIRY_LIMITS = { minDays: 1, maxDays: 90, defaultDays: 30 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The RFC 3339 moment `days` whole days after `from`. */
export function daysAfter(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString();
}

/** A moment has passed once `now` reaches it; an absent moment never passes. */
export function isPast(moment: string | undefined, now: Date): boolean {
  return moment !== undefined && now.getTime() >= Date.parse(moment);
}
