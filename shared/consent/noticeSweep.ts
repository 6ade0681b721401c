// Reminders and delegated admin expiry: notices put on the schedule when an invitation is emailed or roles become
// active, and the sweep that handles each once it is due — its audit event first, then its emails or its stored end.
import type { Consent } from '../domain/consent';
import { effectiveDelegatedAdmin } from '../domain/delegatedAdmin';
import {
  delegatedAdminNotices,
  invitationReminders,
  noticeEmailStale,
  noticeVerdict,
  type Notice,
  type NoticeEmailKind,
} from '../domain/notices';
import type { ConsentEvent } from '../storage/eventStore';
import { isNotFound, isPreconditionFailed } from '../storage/tableErrors';
import type { Versioned } from '../storage/versioned';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { grantAuthorizations } from './projection';

export interface NoticeSweepReport {
  reminded: number;
  warned: number;
  extended: number;
  expired: number;
  /** Due notices the consent had moved past (decided, removed, revoked, a closer notice due). */
  dropped: number;
  /** Notices whose handling failed; each is taken again by a run after its lease. */
  failed: number;
}

export interface NoticeSweepLimits {
  /** Due notices looked at per run: a larger backlog is worked off by the following runs. */
  notices: number;
  /** How long a run holds a notice it took: one that crashed meanwhile is taken again after this. */
  leaseMinutes: number;
}

/** Each notice costs at most about ten storage calls, so a run stays well within the timer's five minutes. */
export const NOTICE_SWEEP_LIMITS: NoticeSweepLimits = { notices: 500, leaseMinutes: 15 };

const ACTOR: ConsentEvent['actor'] = { kind: 'system', id: 'notice-sweep' };

/** Puts an emailed invitation's reminders on the schedule (idempotent): called as its email goes out, at `sentAt`. */
export async function scheduleInvitationReminders(deps: Dependencies, consent: Consent, sentAt: Date): Promise<void> {
  await schedule(deps, invitationReminders(consent, sentAt));
}

/** Puts an accepted consent's delegated admin notices and end on the schedule (idempotent; none without roles). */
export async function scheduleDelegatedAdminNotices(deps: Dependencies, consent: Consent): Promise<void> {
  await schedule(deps, delegatedAdminNotices(consent));
}

/**
 * Once, for a deployment that ran before the schedule existed (`npm run admin -- schedule-notices`): the notices still
 * ahead of every emailed pending invitation and every accepted consent with active roles. Idempotent; answers how
 * many consents were looked at. Reads every pending and accepted consent, so it is not part of any timer.
 */
export async function scheduleExistingNotices(deps: Dependencies): Promise<number> {
  let consents = 0;
  for await (const { value } of deps.consents.consentsInStatus('pending')) {
    consents++;
    if (value.email.status === 'sent' && value.email.sentAt) {
      await scheduleInvitationReminders(deps, value, new Date(value.email.sentAt));
    }
  }
  for await (const { value } of deps.consents.consentsInStatus('accepted')) {
    consents++;
    await scheduleDelegatedAdminNotices(deps, value);
  }
  return consents;
}

/** Only notices still ahead: scheduling again (a repeated accept, a repair) never brings back one already handled. */
async function schedule(deps: Dependencies, notices: Notice[]): Promise<void> {
  const now = deps.now();
  for (const notice of notices) {
    if (Date.parse(notice.dueAt) > now.getTime()) await deps.notices.scheduleNotice(notice);
  }
}

/**
 * Handles the notices due by now, at most `limits.notices`. A notice is claimed under its ETag first, so of two runs
 * (a timer firing twice, two instances) one handles it; it is removed only once handled, and every step before is
 * repeatable (events by key, emails by operation id), so a run that stops anywhere is completed by a later one.
 */
export async function sweepNotices(
  deps: Dependencies,
  limits: NoticeSweepLimits = NOTICE_SWEEP_LIMITS,
  log: (message: string) => void = () => undefined,
): Promise<NoticeSweepReport> {
  const now = deps.now();
  const report: NoticeSweepReport = { reminded: 0, warned: 0, extended: 0, expired: 0, dropped: 0, failed: 0 };
  let looked = 0;
  for await (const due of deps.notices.dueNotices(now)) {
    if (looked++ >= limits.notices) break;
    const claimed = await claim(deps, due, new Date(now.getTime() + limits.leaseMinutes * 60_000));
    if (!claimed) continue;
    try {
      report[await handle(deps, claimed.value, now)]++;
      await deps.notices.removeNotice(claimed);
    } catch (error) {
      report.failed++;
      log(
        `Notice ${claimed.value.kind} of consent ${claimed.value.consentId} failed, left for a later run: ${String(error)}`,
      );
    }
  }
  return report;
}

async function claim(deps: Dependencies, due: Versioned<Notice>, until: Date): Promise<Versioned<Notice> | undefined> {
  try {
    return { value: due.value, etag: await deps.notices.claimNotice(due, until) };
  } catch (error) {
    // Another run took it (412), or has already handled and removed it since this run listed it (404).
    if (isPreconditionFailed(error) || isNotFound(error)) return undefined;
    throw error;
  }
}

type Handled = Exclude<keyof NoticeSweepReport, 'failed'>;

async function handle(deps: Dependencies, notice: Notice, now: Date): Promise<Handled> {
  const stored = (await deps.consents.findConsent(notice.partnerId, notice.consentId))?.value;
  const verdict = noticeVerdict(notice, stored, now);
  switch (verdict.kind) {
    case 'drop':
      return 'dropped';
    case 'remind':
      if (!(await partnerMayStillAsk(deps, stored!, now))) return 'dropped';
      await deps.events.appendEvent(notice.consentId, `reminded-${verdict.daysLeft}d`, {
        at: now.toISOString(),
        type: 'consent.reminded',
        actor: ACTOR,
        data: { daysLeft: verdict.daysLeft },
      });
      await queueEmails(deps, stored!, 'invitation-reminder', verdict.daysLeft);
      return 'reminded';
    case 'warn':
      await deps.events.appendEvent(notice.consentId, `delegated-admin-expiring-${verdict.daysLeft}d`, {
        at: now.toISOString(),
        type: 'delegatedAdmin.expiring',
        actor: ACTOR,
        data: { daysLeft: verdict.daysLeft, expiresAt: verdict.expiresAt },
      });
      await queueEmails(deps, stored!, 'delegated-admin-expiring', verdict.daysLeft);
      return 'warned';
    case 'extend':
      await extend(deps, notice, verdict.ends, now);
      return 'extended';
    case 'expire':
      await expire(deps, notice, verdict.expiresAt, now);
      return 'expired';
  }
}

/** A reminder's link opens only while its partner may ask for consent (not suspended, an OEM still eligible). */
async function partnerMayStillAsk(deps: Dependencies, consent: Consent, now: Date): Promise<boolean> {
  const partner = (await deps.partners.findPartner(consent.partner.id))?.value;
  return partner !== undefined && !noticeEmailStale('invitation-reminder', consent, partner, now);
}

/**
 * Auto-extension: the consent stores its new end (the truth), then the next end goes on the schedule, then the lists,
 * then one event per extension — each step repeatable, so a stop anywhere converges when the notice is taken again.
 */
async function extend(deps: Dependencies, notice: Notice, ends: string[], now: Date): Promise<void> {
  const consent = await storeDelegatedAdminEnd(deps, notice, now);
  await scheduleDelegatedAdminNotices(deps, consent);
  await grantAuthorizations(deps, consent);
  let from = notice.endsAt;
  for (const end of ends) {
    await deps.events.appendEvent(notice.consentId, `delegated-admin-extended-${end}`, {
      at: from,
      type: 'delegatedAdmin.extended',
      actor: ACTOR,
      data: { expiresAt: end },
    });
    from = end;
  }
}

/** The roles' end without auto-extension: stored as expired, the lists updated, one event, both sides emailed. */
async function expire(deps: Dependencies, notice: Notice, expiresAt: string, now: Date): Promise<void> {
  const consent = await storeDelegatedAdminEnd(deps, notice, now);
  await grantAuthorizations(deps, consent);
  await deps.events.appendEvent(notice.consentId, 'delegated-admin-expired', {
    at: expiresAt,
    type: 'delegatedAdmin.expired',
    actor: ACTOR,
    data: { expiresAt },
  });
  await queueEmails(deps, consent, 'delegated-admin-expired', 0);
}

/** Stores the delegated admin a read already shows (expired, or extended to its new end); no write once stored. */
async function storeDelegatedAdminEnd(deps: Dependencies, notice: Notice, now: Date): Promise<Consent> {
  const { consent } = await changeConsent(
    deps,
    () => deps.consents.findConsent(notice.partnerId, notice.consentId),
    (current) => {
      const admin = current.delegatedAdmin && effectiveDelegatedAdmin(current.delegatedAdmin, now);
      return admin === current.delegatedAdmin
        ? { keep: true, result: undefined }
        : { write: { ...current, delegatedAdmin: admin }, result: undefined };
    },
  );
  return consent;
}

/** An invitation reminder goes to the customer's contact; delegated admin notices to the partner and that contact. */
async function queueEmails(deps: Dependencies, consent: Consent, kind: NoticeEmailKind, daysLeft: number) {
  const recipients = kind === 'invitation-reminder' ? ['customer' as const] : ['partner' as const, 'customer' as const];
  for (const recipient of recipients) {
    if (recipient === 'customer' && !consent.customer.contactEmail) continue;
    await deps.noticeEmails.enqueueNoticeEmail({
      partnerId: consent.partner.id,
      consentId: consent.id,
      kind,
      daysLeft,
      recipient,
      deferrals: 0,
    });
  }
}
