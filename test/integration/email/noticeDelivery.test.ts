// The notice sender's decisions against Azurite with a scripted sender: a notice that no longer holds sends nothing,
// a repeated message sends under the same operation id, ACS's quota waits in a delayed copy, a bounded number of times.
import { newLinkNonce } from '../../../shared/auth/linkTokens';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { NOTICE_DEFERRALS, sendNotice } from '../../../shared/consent/noticeEmails';
import { issueConsent, type Consent } from '../../../shared/domain/consent';
import type { Partner } from '../../../shared/domain/partners';
import { NOTICE_COPY } from '../../../shared/email/noticeCopy';
import type { InvitationSender, OutgoingEmail, SendResult } from '../../../shared/email/sender';
import type { NoticeMessage } from '../../../shared/storage/noticeQueue';
import { globalAdminOf, storedPartner } from '../../support/storeFixtures';

const THROTTLED: SendResult = {
  outcome: 'retry',
  retryAfterSeconds: 3600,
  reason: 'ACS is throttling',
  throttled: true,
};

/** Live dependencies with a sender that answers from a script (then "sent") and a queue that only records. */
function scripted(...script: SendResult[]) {
  const sent: OutgoingEmail[] = [];
  const deferred: { message: NoticeMessage; seconds?: number }[] = [];
  const sender: InvitationSender = {
    send: async (email) => {
      sent.push(email);
      return script.shift() ?? { outcome: 'sent' };
    },
  };
  const deps: Dependencies = {
    ...live,
    sender,
    noticeEmails: {
      ...live.noticeEmails,
      enqueueNoticeEmail: async (message, seconds) => void deferred.push({ message, seconds }),
    },
  };
  return { deps, sent, deferred };
}

let partner: Partner;

beforeAll(async () => {
  partner = await storedPartner('direct-csp', { displayName: 'Fabrikam Devices' });
});

async function emailedInvitation(tenantId?: string, contactEmail: string | undefined = 'admin@contoso.example') {
  const now = live.now();
  const issued = issueConsent({
    id: live.newConsentId(now),
    partner,
    request: { customer: { tenantId, contactEmail, locale: 'de' }, sendEmail: Boolean(contactEmail) },
    now,
  });
  const consent: Consent = {
    ...issued,
    linkNonce: newLinkNonce(),
    email: { status: 'sent', sentAt: now.toISOString() },
  };
  await live.consents.insertConsent(consent);
  return consent;
}

const reminderOf = (consent: Consent, deferrals = 0): NoticeMessage => ({
  partnerId: consent.partner.id,
  consentId: consent.id,
  kind: 'invitation-reminder',
  daysLeft: 7,
  recipient: 'customer',
  deferrals,
});

describe('sending a notice email', () => {
  it('a reminder goes to the contact in its language, with the live link and the partner as Reply-To; twice, under one operation id', async () => {
    const { deps, sent } = scripted();
    const consent = await emailedInvitation();
    await expect(sendNotice(deps, reminderOf(consent))).resolves.toEqual({ kind: 'sent' });
    await expect(sendNotice(deps, reminderOf(consent))).resolves.toEqual({ kind: 'sent' });

    expect(sent).toHaveLength(2);
    expect(sent[0]!.operationId).toBe(sent[1]!.operationId);
    expect(sent[0]!.to).toEqual({ address: 'admin@contoso.example' });
    expect(sent[0]!.replyTo).toEqual({ address: partner.contactEmail, displayName: 'Fabrikam Devices' });
    expect(sent[0]!.subject).toBe(NOTICE_COPY.de.reminder.subject('Fabrikam Devices', '7 Tagen'));
    expect(sent[0]!.text).toContain(live.consentLinks.invitation(consent.linkNonce!).url);
  });

  it('a reminder for a consent accepted after it was queued is dropped: nothing reaches ACS', async () => {
    const { deps, sent } = scripted();
    const admin = globalAdminOf();
    const consent = await emailedInvitation(admin.tenantId);
    await acceptAsCustomer(live, { partnerId: partner.id, consentId: consent.id }, admin);

    await expect(sendNotice(deps, reminderOf(consent))).resolves.toEqual({
      kind: 'dropped',
      reason: 'the consent is accepted',
    });
    expect(sent).toEqual([]);
  });

  it('a customer without a contact email gets no email; the partner still does', async () => {
    const { deps, sent } = scripted();
    const admin = globalAdminOf();
    const now = live.now();
    const issued = issueConsent({
      id: live.newConsentId(now),
      partner,
      request: {
        customer: { tenantId: admin.tenantId },
        sendEmail: false,
        delegatedAdmin: { roles: ['3a2c62db-5318-420d-8d74-23affee5d9d5'], durationDays: 60 },
      },
      now,
    });
    await live.consents.insertConsent(issued);
    await acceptAsCustomer(live, { partnerId: partner.id, consentId: issued.id }, admin);
    const notice = {
      partnerId: partner.id,
      consentId: issued.id,
      kind: 'delegated-admin-expiring' as const,
      daysLeft: 30,
      deferrals: 0,
    };

    await expect(sendNotice(deps, { ...notice, recipient: 'customer' })).resolves.toEqual({
      kind: 'dropped',
      reason: 'the customer has no email address',
    });
    await expect(sendNotice(deps, { ...notice, recipient: 'partner' })).resolves.toEqual({ kind: 'sent' });
    expect(sent.map((email) => email.to.address)).toEqual([partner.contactEmail]);
    expect(sent[0]!.replyTo).toBeUndefined();
  });

  it("ACS's quota: the email waits in a delayed copy for Retry-After, at most NOTICE_DEFERRALS times, then fails", async () => {
    const { deps, deferred } = scripted(THROTTLED, THROTTLED);
    const consent = await emailedInvitation();

    await expect(sendNotice(deps, reminderOf(consent))).resolves.toMatchObject({ kind: 'deferred', seconds: 3600 });
    expect(deferred).toEqual([{ message: reminderOf(consent, 1), seconds: 3600 }]);
    await expect(sendNotice(deps, reminderOf(consent, NOTICE_DEFERRALS))).resolves.toMatchObject({ kind: 'failed' });
    expect(deferred).toHaveLength(1);
  });

  it('a passing fault is left to the host’s retry (the trigger throws)', async () => {
    const { deps } = scripted({
      outcome: 'retry',
      retryAfterSeconds: 30,
      reason: 'ACS is unavailable',
      throttled: false,
    });
    const consent = await emailedInvitation();
    await expect(sendNotice(deps, reminderOf(consent))).resolves.toEqual({
      kind: 'retry',
      reason: 'ACS is unavailable',
    });
  });
});
