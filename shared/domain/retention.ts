// Personal data is kept only as long as needed: PERSONAL_DATA_RETENTION_DAYS after a consent reaches a final state,
// its contact's email and name, its users' names and the partner's message are erased; the evidence stays (ids,
// tenant ids, object ids, times, disclosure digests, receipts).
import { effectiveConsent, withoutAbsentFields, type AcceptedBy, type Consent } from './consent';
import { daysAfter, isPast } from './expiry';

export const PERSONAL_DATA_RETENTION_LIMITS = { minDays: 1, maxDays: 3650, defaultDays: 365 } as const;

/** What stands in for an erased value inside free text (an event's data, an email error). */
export const ERASED = '[erased]';

/** When the consent reached a state nothing leaves (declined, expired, cancelled, revoked); undefined before. */
export function finalSince(consent: Consent, now: Date): string | undefined {
  const current = effectiveConsent(consent, now);
  switch (current.status) {
    case 'declined':
      return current.declinedAt;
    case 'expired':
      return current.expiresAt;
    case 'cancelled':
      return current.cancelledAt;
    case 'revoked':
      return current.revokedAt;
    default:
      return undefined;
  }
}

/** Whether the consent's personal data is due for erasure now (and not erased yet). */
export function personalDataDue(consent: Consent, now: Date, retentionDays: number): boolean {
  if (consent.personalDataErasedAt) return false;
  const since = finalSince(consent, now);
  return since !== undefined && isPast(daysAfter(new Date(since), retentionDays), now);
}

/** The personal values the consent holds, longest first (so a value inside another is replaced after it). */
export function personalValuesOf(consent: Consent): string[] {
  const values = [
    consent.customer.contactEmail,
    consent.customer.contactName,
    consent.acceptedBy?.userPrincipalName,
    consent.declinedBy?.userPrincipalName,
    consent.revocation?.by === 'customer' ? consent.revocation.revokedBy.userPrincipalName : undefined,
    consent.message,
  ];
  return [...new Set(values.filter((value): value is string => Boolean(value?.trim())))].sort(
    (a, b) => b.length - a.length,
  );
}

/** The consent without its personal data, marked with when it was erased; everything else as it was. */
export function withoutPersonalData(consent: Consent, now: Date): Consent {
  const values = personalValuesOf(consent);
  const { contactEmail: _email, contactName: _name, ...customer } = consent.customer;
  const revocation =
    consent.revocation?.by === 'customer'
      ? { ...consent.revocation, revokedBy: withoutName(consent.revocation.revokedBy)! }
      : consent.revocation;
  return withoutAbsentFields({
    ...consent,
    customer,
    acceptedBy: withoutName(consent.acceptedBy),
    declinedBy: withoutName(consent.declinedBy),
    revocation,
    message: undefined,
    email: withoutAbsentFields({ ...consent.email, lastError: erasedIn(consent.email.lastError, values) }),
    personalDataErasedAt: now.toISOString(),
  });
}

/**
 * An event's data with every personal value replaced by ERASED, wherever it appears (an email error quoting the
 * address, say); undefined when there was nothing to erase.
 */
export function erasedEventData(
  data: Record<string, unknown> | undefined,
  values: string[],
): Record<string, unknown> | undefined {
  if (!data || values.length === 0) return undefined;
  const before = JSON.stringify(data);
  const after = erasedValue(data, values) as Record<string, unknown>;
  return JSON.stringify(after) === before ? undefined : after;
}

function erasedValue(value: unknown, values: string[]): unknown {
  if (typeof value === 'string') return erasedIn(value, values);
  if (Array.isArray(value)) return value.map((item) => erasedValue(item, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, erasedValue(field, values)]));
  }
  return value;
}

function erasedIn<T extends string | undefined>(text: T, values: string[]): T {
  if (text === undefined) return text;
  return values.reduce<string>((erased, value) => erased.split(value).join(ERASED), text) as T;
}

function withoutName(user: AcceptedBy | undefined): AcceptedBy | undefined {
  if (!user) return undefined;
  const { userPrincipalName: _name, ...ids } = user;
  return ids;
}
