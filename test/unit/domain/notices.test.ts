import type { Consent } from '../../../shared/domain/consent';
import {
  cancelConsent,
  declineConsent,
  removeDelegatedAdmin,
  revokeConsent,
} from '../../../shared/domain/consentTransitions';
import {
  delegatedAdminNotices,
  invitationReminders,
  noticeEmailStale,
  noticeKey,
  noticeVerdict,
  type Notice,
} from '../../../shared/domain/notices';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { acceptedConsent, directCsp, INTUNE_ADMINISTRATOR, later, NOW, pendingConsent, TENANT } from './fixtures';

const HOUR = 1 / 24;

/** A pending invitation whose link was emailed at `sentAt` (NOW unless given). */
function emailedInvitation(expiresInDays: number, sentAt: Date = NOW): Consent {
  const consent = pendingConsent(undefined, {
    customer: { tenantId: TENANT, contactEmail: 'admin@contoso.example' },
    sendEmail: true,
    expiresInDays,
  });
  return { ...consent, email: { status: 'sent', sentAt: sentAt.toISOString() } };
}

/** Accepted one hour after NOW with Intune Administrator for `durationDays`. */
function withRoles(durationDays: number, autoExtend = false): Consent {
  return acceptedConsent(undefined, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays, autoExtend } });
}

function only(notices: Notice[], kind: Notice['kind'], daysLeft: number): Notice {
  const found = notices.find((notice) => notice.kind === kind && notice.daysLeft === daysLeft);
  if (!found) throw new Error(`no ${kind} ${daysLeft}`);
  return found;
}

describe('invitation reminders: when they are scheduled', () => {
  it('a 30-day emailed invitation is reminded 7 days and 1 day before it expires', () => {
    const consent = emailedInvitation(30);
    expect(invitationReminders(consent, NOW)).toEqual([
      expect.objectContaining({ kind: 'invitation-reminder', daysLeft: 7, dueAt: later(23).toISOString() }),
      expect.objectContaining({ kind: 'invitation-reminder', daysLeft: 1, dueAt: later(29).toISOString() }),
    ]);
  });

  it('a link younger than the reminder window is not reminded of: a 5-day (or 7-day) link gets only the 1-day reminder', () => {
    expect(invitationReminders(emailedInvitation(5), NOW).map((n) => n.daysLeft)).toEqual([1]);
    expect(invitationReminders(emailedInvitation(7), NOW).map((n) => n.daysLeft)).toEqual([1]);
    expect(invitationReminders(emailedInvitation(1), NOW)).toEqual([]);
  });

  it('a resend 5 days before expiry schedules only the 1-day reminder for the new link', () => {
    expect(invitationReminders(emailedInvitation(30), later(25)).map((n) => n.daysLeft)).toEqual([1]);
  });
});

describe('invitation reminders: what a due one does', () => {
  const consent = emailedInvitation(30);
  const [sevenDays, oneDay] = invitationReminders(consent, NOW) as [Notice, Notice];

  it('reminds a pending invitation whose link was emailed before the reminder fell due', () => {
    expect(noticeVerdict(sevenDays, consent, later(23))).toEqual({ kind: 'remind', daysLeft: 7 });
    expect(noticeVerdict(oneDay, consent, later(29 + HOUR))).toEqual({ kind: 'remind', daysLeft: 1 });
  });

  it('never after a decision, a cancellation or the expiry', () => {
    expect(noticeVerdict(sevenDays, declineConsent(consent, later(1)), later(23)).kind).toBe('drop');
    expect(noticeVerdict(sevenDays, cancelConsent(consent, later(1)), later(23)).kind).toBe('drop');
    expect(noticeVerdict(oneDay, consent, later(30))).toEqual({ kind: 'drop', reason: 'the consent is expired' });
  });

  it('not when the current link (a resend) was emailed after the reminder fell due, nor when it is still queued', () => {
    const resent = {
      ...consent,
      linkVersion: 2,
      email: { status: 'sent' as const, sentAt: later(23.5).toISOString() },
    };
    expect(noticeVerdict(sevenDays, resent, later(24)).kind).toBe('drop');
    expect(noticeVerdict(oneDay, resent, later(29))).toEqual({ kind: 'remind', daysLeft: 1 });
    const queued = { ...consent, email: { status: 'queued' as const } };
    expect(noticeVerdict(sevenDays, queued, later(23)).kind).toBe('drop');
  });

  it('a 7-day reminder taken so late that the 1-day one is due too is dropped: only the closer one is sent', () => {
    expect(noticeVerdict(sevenDays, consent, later(29))).toEqual({
      kind: 'drop',
      reason: 'a later reminder is due already',
    });
  });

  it('the email itself is not sent once the consent is decided, nor when its partner may no longer ask', () => {
    expect(noticeEmailStale('invitation-reminder', consent, directCsp, later(23))).toBeUndefined();
    expect(noticeEmailStale('invitation-reminder', declineConsent(consent, later(23)), directCsp, later(23))).toBe(
      'the consent is declined',
    );
    const suspended = { ...directCsp, status: 'suspended' as const };
    expect(noticeEmailStale('invitation-reminder', consent, suspended, later(23))).toBe(
      'the partner may no longer ask for consent',
    );
  });
});

describe('delegated admin notices: when they are scheduled', () => {
  it('roles without auto-extension: 30, 7 and 1 days before their end, and the end', () => {
    const consent = withRoles(730);
    const end = consent.delegatedAdmin!.expiresAt!;
    expect(delegatedAdminNotices(consent).map((n) => [n.kind, n.daysLeft, n.endsAt])).toEqual([
      ['delegated-admin-expiring', 30, end],
      ['delegated-admin-expiring', 7, end],
      ['delegated-admin-expiring', 1, end],
      ['delegated-admin-end', 0, end],
    ]);
  });

  it('short roles get only the notices that fall due after they became active', () => {
    expect(delegatedAdminNotices(withRoles(10)).map((n) => n.daysLeft)).toEqual([7, 1, 0]);
    expect(delegatedAdminNotices(withRoles(1)).map((n) => n.daysLeft)).toEqual([0]);
  });

  it('auto-extending roles: only their end, where they are extended', () => {
    expect(delegatedAdminNotices(withRoles(90, true)).map((n) => [n.kind, n.daysLeft])).toEqual([
      ['delegated-admin-end', 0],
    ]);
  });

  it('no notices without active roles', () => {
    expect(delegatedAdminNotices(acceptedConsent())).toEqual([]);
    expect(delegatedAdminNotices(removeDelegatedAdmin(withRoles(730), later(2)))).toEqual([]);
  });

  it('each notice has its own key within the consent (its schedule row and its event)', () => {
    const keys = delegatedAdminNotices(withRoles(730)).map(noticeKey);
    expect(keys).toEqual([
      'delegated-admin-expiring-30d',
      'delegated-admin-expiring-7d',
      'delegated-admin-expiring-1d',
      `delegated-admin-end-${withRoles(730).delegatedAdmin!.expiresAt}`,
    ]);
  });
});

describe('delegated admin notices: what a due one does', () => {
  const consent = withRoles(730);
  const end = consent.delegatedAdmin!.expiresAt!;
  const notices = delegatedAdminNotices(consent);
  const thirty = only(notices, 'delegated-admin-expiring', 30);
  const atEnd = only(notices, 'delegated-admin-end', 0);
  const endDate = new Date(end);

  it('warns 30 days before, saying when the roles end', () => {
    expect(noticeVerdict(thirty, consent, new Date(thirty.dueAt))).toEqual({
      kind: 'warn',
      daysLeft: 30,
      expiresAt: end,
    });
  });

  it('no warning once the customer removed the roles or the consent was revoked', () => {
    expect(noticeVerdict(thirty, removeDelegatedAdmin(consent, later(2)), new Date(thirty.dueAt)).kind).toBe('drop');
    const revoked = revokeConsent(consent, { now: later(2), reason: 'support', ticket: 'T-1' });
    expect(noticeVerdict(thirty, revoked, new Date(thirty.dueAt)).kind).toBe('drop');
    expect(
      noticeEmailStale('delegated-admin-expiring', removeDelegatedAdmin(consent, later(2)), directCsp, later(3)),
    ).toMatch(/no longer active/);
  });

  it('a 30-day warning taken when the 7-day one is due too is dropped', () => {
    expect(noticeVerdict(thirty, consent, new Date(endDate.getTime() - 6 * 86_400_000)).kind).toBe('drop');
  });

  it('at the end, roles without auto-extension expire — again after a stop, so the event still gets written', () => {
    expect(noticeVerdict(atEnd, consent, endDate)).toEqual({ kind: 'expire', expiresAt: end });
    const stored = { ...consent, delegatedAdmin: { ...consent.delegatedAdmin!, status: 'expired' as const } };
    expect(noticeVerdict(atEnd, stored, endDate)).toEqual({ kind: 'expire', expiresAt: end });
  });

  it('at the end, auto-extending roles are extended by 180 days (once per 180 days the sweep was away)', () => {
    const extending = withRoles(90, true);
    const [endNotice] = delegatedAdminNotices(extending) as [Notice];
    const first = later(180, new Date(endNotice.endsAt)).toISOString();
    const second = later(360, new Date(endNotice.endsAt)).toISOString();
    expect(noticeVerdict(endNotice, extending, new Date(endNotice.endsAt))).toEqual({ kind: 'extend', ends: [first] });
    expect(noticeVerdict(endNotice, extending, new Date(first))).toEqual({ kind: 'extend', ends: [first, second] });
  });

  it('roles with Global Administrator never auto-extend (refused at issue; even if stored so): they expire', () => {
    const extending = withRoles(90, true);
    const globalAdministrator = [{ id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' }];
    const consent = { ...extending, delegatedAdmin: { ...extending.delegatedAdmin!, roles: globalAdministrator } };
    const end = only(delegatedAdminNotices(consent), 'delegated-admin-end', 0);
    expect(noticeVerdict(end, consent, new Date(end.endsAt)).kind).toBe('expire');
  });

  it('nothing happens at the end of removed roles', () => {
    expect(noticeVerdict(atEnd, removeDelegatedAdmin(consent, later(2)), endDate).kind).toBe('drop');
  });
});
