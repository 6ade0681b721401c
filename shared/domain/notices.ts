// When the service reminds and warns — invitation reminders, delegated admin expiry notices, the roles' end — and what
// a notice comes to once it falls due: the schedule and the verdict, as pure rules over the stored consent.
import { effectiveConsent, type Consent } from './consent';
import { autoExtends, extensionsUntil } from './delegatedAdmin';
import { daysAfter, isPast } from './expiry';
import { issuingRefusal, type Partner } from './partners';

/** Days before a pending, emailed invitation expires that its contact is reminded. */
export const INVITATION_REMINDER_DAYS = [7, 1] as const;

/** Days before delegated admin roles that do not auto-extend end that the partner and the customer are told (GDAP). */
export const DELEGATED_ADMIN_NOTICE_DAYS = [30, 7, 1] as const;

export type NoticeKind = 'invitation-reminder' | 'delegated-admin-expiring' | 'delegated-admin-end';

/** The emails notices send: a reminder to the customer; warnings before, and word of, the roles' end to both sides. */
export const NOTICE_EMAIL_KINDS = [
  'invitation-reminder',
  'delegated-admin-expiring',
  'delegated-admin-expired',
] as const;
export type NoticeEmailKind = (typeof NOTICE_EMAIL_KINDS)[number];
export type NoticeAudience = 'customer' | 'partner';

/** A notice the schedule holds: about which consent, what, and when it falls due. */
export interface Notice {
  partnerId: string;
  consentId: string;
  kind: NoticeKind;
  /** The moment it counts down to: the invitation's expiry, or the delegated admin roles' end. */
  endsAt: string;
  /** Whole days before `endsAt` it falls due; 0 for the end itself. */
  daysLeft: number;
  dueAt: string;
}

/** What a due notice comes to, judged against the consent as stored now. */
export type NoticeVerdict =
  | { kind: 'remind'; daysLeft: number }
  | { kind: 'warn'; daysLeft: number; expiresAt: string }
  /** Auto-extended: the new ends reached since `endsAt`, oldest first; the last is the roles' end now. */
  | { kind: 'extend'; ends: string[] }
  | { kind: 'expire'; expiresAt: string }
  | { kind: 'drop'; reason: string };

/** Names the notice within its consent: scheduling it again lands on the same schedule row. */
export function noticeKey(notice: Pick<Notice, 'kind' | 'daysLeft' | 'endsAt'>): string {
  return notice.kind === 'delegated-admin-end'
    ? `${notice.kind}-${notice.endsAt}`
    : `${notice.kind}-${notice.daysLeft}d`;
}

/**
 * The reminders of an invitation whose link was emailed at `sentAt`: 7 and 1 days before it expires, each only when it
 * falls due after the email went out (a link younger than the reminder window is not reminded of).
 */
export function invitationReminders(consent: Consent, sentAt: Date): Notice[] {
  if (!consent.expiresAt) return [];
  return INVITATION_REMINDER_DAYS.map((days) =>
    noticeOf(consent, 'invitation-reminder', consent.expiresAt!, days),
  ).filter((notice) => Date.parse(notice.dueAt) > sentAt.getTime());
}

/**
 * The notices of an accepted consent's active delegated admin: its end, and — when it does not auto-extend — the
 * warnings 30, 7 and 1 days before, each only when it falls due after the roles became active.
 */
export function delegatedAdminNotices(consent: Consent): Notice[] {
  const admin = consent.delegatedAdmin;
  if (consent.status !== 'accepted' || admin?.status !== 'active' || !admin.expiresAt) return [];
  const end = noticeOf(consent, 'delegated-admin-end', admin.expiresAt, 0);
  if (autoExtends(admin)) return [end];
  const activeSince = Date.parse(consent.acceptedAt ?? consent.createdAt);
  const warnings = DELEGATED_ADMIN_NOTICE_DAYS.map((days) =>
    noticeOf(consent, 'delegated-admin-expiring', admin.expiresAt!, days),
  ).filter((notice) => Date.parse(notice.dueAt) > activeSince);
  return [...warnings, end];
}

/** What a due notice does now. A notice the consent has moved past (decided, removed, replaced) is dropped. */
export function noticeVerdict(notice: Notice, consent: Consent | undefined, now: Date): NoticeVerdict {
  if (!consent) return { kind: 'drop', reason: 'the consent does not exist' };
  switch (notice.kind) {
    case 'invitation-reminder':
      return reminderVerdict(notice, consent, now);
    case 'delegated-admin-expiring':
      return warningVerdict(notice, consent, now);
    case 'delegated-admin-end':
      return endVerdict(notice, consent, now);
  }
}

/**
 * Why an email for this notice must no longer go out (checked again when the email is sent), or undefined. A reminder
 * of a partner that may no longer ask (suspended, an OEM no longer eligible) would lead to a "no longer valid" page.
 */
export function noticeEmailStale(
  kind: NoticeEmailKind,
  consent: Consent,
  partner: Partner,
  now: Date,
): string | undefined {
  const current = effectiveConsent(consent, now);
  if (kind === 'invitation-reminder') {
    if (current.status !== 'pending') return `the consent is ${current.status}`;
    return issuingRefusal(partner) && 'the partner may no longer ask for consent';
  }
  if (kind === 'delegated-admin-expiring') {
    const status = current.status === 'accepted' ? current.delegatedAdmin?.status : current.status;
    return status === 'active' ? undefined : `the delegated admin roles are no longer active (${status ?? 'none'})`;
  }
  return undefined;
}

function reminderVerdict(notice: Notice, consent: Consent, now: Date): NoticeVerdict {
  const current = effectiveConsent(consent, now);
  if (current.status !== 'pending') return drop(`the consent is ${current.status}`);
  if (current.expiresAt !== notice.endsAt) return drop('the invitation expires at another time now');
  const { email } = current;
  // The link the customer holds must be older than the reminder: a fresh invitation (or resend) needs none.
  if (email.status !== 'sent' || !email.sentAt || Date.parse(email.sentAt) >= Date.parse(notice.dueAt)) {
    return drop('the current link was not emailed before the reminder fell due');
  }
  if (laterNoticeDue(INVITATION_REMINDER_DAYS, notice, now)) return drop('a later reminder is due already');
  return { kind: 'remind', daysLeft: notice.daysLeft };
}

function warningVerdict(notice: Notice, consent: Consent, now: Date): NoticeVerdict {
  const current = effectiveConsent(consent, now);
  const admin = current.delegatedAdmin;
  if (current.status !== 'accepted' || admin?.status !== 'active') {
    return drop(`the delegated admin roles are not active (${current.status}, ${admin?.status ?? 'none'})`);
  }
  if (admin.expiresAt !== notice.endsAt || autoExtends(admin)) return drop('the roles end at another time now');
  if (laterNoticeDue(DELEGATED_ADMIN_NOTICE_DAYS, notice, now)) return drop('a later notice is due already');
  return { kind: 'warn', daysLeft: notice.daysLeft, expiresAt: admin.expiresAt };
}

/**
 * The roles' end, from the stored consent (a read already shows the outcome; this stores it). An end whose outcome is
 * stored already gives the same verdict again, so a run interrupted after storing still writes its events.
 */
function endVerdict(notice: Notice, consent: Consent, now: Date): NoticeVerdict {
  const admin = consent.delegatedAdmin;
  if (consent.status !== 'accepted' || !admin?.expiresAt) return drop(`the consent is ${consent.status}`);
  if (!isPast(notice.endsAt, now)) return drop('the roles have not reached this end');
  if (autoExtends(admin)) {
    if (admin.status !== 'active') return drop(`the roles are ${admin.status}`);
    return { kind: 'extend', ends: extensionsUntil(notice.endsAt, now) };
  }
  if (admin.expiresAt !== notice.endsAt) return drop('the roles end at another time now');
  if (admin.status !== 'active' && admin.status !== 'expired') return drop(`the roles are ${admin.status}`);
  return { kind: 'expire', expiresAt: admin.expiresAt };
}

/** Whether a closer notice of the same series is due as well: then this one is stale and only that one is sent. */
function laterNoticeDue(series: readonly number[], notice: Notice, now: Date): boolean {
  return series.some((days) => days < notice.daysLeft && isPast(beforeEnd(notice.endsAt, days), now));
}

function noticeOf(consent: Consent, kind: NoticeKind, endsAt: string, daysLeft: number): Notice {
  return {
    partnerId: consent.partner.id,
    consentId: consent.id,
    kind,
    endsAt,
    daysLeft,
    dueAt: beforeEnd(endsAt, daysLeft),
  };
}

function beforeEnd(endsAt: string, days: number): string {
  return daysAfter(new Date(endsAt), -days);
}

function drop(reason: string): NoticeVerdict {
  return { kind: 'drop', reason };
}
