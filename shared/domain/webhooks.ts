// Webhook rules (API.md Part 2, "Webhooks"): which audit events partners hear about, who hears them, when to retry.
import type { Consent } from './consent';

/** The event types of the contract, in its order. */
export const WEBHOOK_EVENT_TYPES = [
  'consent.accepted',
  'consent.declined',
  'consent.expired',
  'consent.cancelled',
  'consent.revoked',
  'delegated-admin.removed',
  'delegated-admin.expiring',
  'delegated-admin.extended',
  'delegated-admin.expired',
  'email.failed',
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The one table from the audit trail's event types to the webhook types they are delivered as. An audit event not
 * listed here (issued, resent, email sent…) is the partner's own doing or no news to it, and is not delivered.
 */
const WEBHOOK_TYPE_OF_AUDIT_EVENT: Readonly<Record<string, WebhookEventType>> = {
  'consent.accepted': 'consent.accepted',
  'consent.declined': 'consent.declined',
  'consent.expired': 'consent.expired',
  'consent.cancelled': 'consent.cancelled',
  'consent.revoked': 'consent.revoked',
  'delegatedAdmin.removed': 'delegated-admin.removed',
  'delegatedAdmin.expiring': 'delegated-admin.expiring',
  'delegatedAdmin.extended': 'delegated-admin.extended',
  'delegatedAdmin.expired': 'delegated-admin.expired',
  'email.failed': 'email.failed',
};

/** The webhook type an audit event is delivered as, or undefined when partners are not told of it. */
export function webhookTypeOf(auditEventType: string): WebhookEventType | undefined {
  return Object.hasOwn(WEBHOOK_TYPE_OF_AUDIT_EVENT, auditEventType)
    ? WEBHOOK_TYPE_OF_AUDIT_EVENT[auditEventType]
    : undefined;
}

/** Types an indirect provider hears for its resellers' consents: the ones that start or end its authorization (R9). */
const PROVIDER_EVENT_TYPES: readonly WebhookEventType[] = ['consent.accepted', 'consent.revoked'];

/** The partners told of an event on a consent: its owner, and for some types the reseller's indirect provider. */
export function webhookRecipients(consent: Pick<Consent, 'partner' | 'indirectProvider'>, type: WebhookEventType) {
  const providerHears = consent.indirectProvider && PROVIDER_EVENT_TYPES.includes(type);
  return providerHears ? [consent.partner.id, consent.indirectProvider!.id] : [consent.partner.id];
}

/** At most this many endpoints per partner. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

/** How long a delivery attempt may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

/** After a rotation, deliveries are signed with the previous secret too for this long, so receivers can switch over. */
export const PREVIOUS_SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** Seconds to wait after the first, second… failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
export const RETRY_DELAYS_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400] as const;

/** What a receiver answered to one attempt: its HTTP status and Retry-After, or nothing (timeout, refused, unsafe). */
export interface AttemptResult {
  statusCode?: number;
  /** Retry-After in seconds, when the receiver sent one. */
  retryAfterSeconds?: number;
}

export type AttemptOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; delaySeconds: number }
  | { kind: 'failed' }
  /** 410 Gone: the receiver asks us to stop; the endpoint is disabled. */
  | { kind: 'gone' };

/** The longest wait a receiver's Retry-After can ask for: the schedule's own longest step. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

/** Where a delivery stands after its `attempts`-th attempt got `result`. */
export function attemptOutcome(attempts: number, result: AttemptResult): AttemptOutcome {
  const status = result.statusCode;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  const scheduled = RETRY_DELAYS_SECONDS[attempts - 1];
  if (scheduled === undefined) return { kind: 'failed' };
  const throttled = (status === 429 || status === 503) && result.retryAfterSeconds !== undefined;
  const delaySeconds = throttled
    ? Math.min(Math.max(result.retryAfterSeconds!, 1), MAX_RETRY_AFTER_SECONDS)
    : scheduled;
  return { kind: 'retry', delaySeconds };
}

/** A Retry-After header as seconds from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
