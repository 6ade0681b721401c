// Reminders and delegated admin expiry notices end to end on the local host: partner API → invitation email → the
// clock moved on → the notice sweep (fired twice, and twice at once) → notice-emails queue → sender → the ACS stub
// (real EmailClient, HMAC-signed). Who gets what, in which language, with which link, once.
import { changeConsent } from '../../../shared/consent/consentUpdates';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { sweepNotices } from '../../../shared/consent/noticeSweep';
import { NOTICE_COPY } from '../../../shared/email/noticeCopy';
import { removeDelegatedAdmin } from '../../../shared/domain/consentTransitions';
import { formatDateTime } from '../../../shared/pages/locale';
import type { AcsSend, AcsStub } from '../../support/acsStub';
import type { AppHost } from '../../support/appHost';
import { startEmailPipeline, type EmailPipeline } from '../../support/emailPipeline';
import { eventually } from '../../support/localHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { globalAdminOf } from '../../support/storeFixtures';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';
import { clockAt } from '../../support/clock';

const DAY = 24 * 60 * 60 * 1000;
const en = NOTICE_COPY.en;
const de = NOTICE_COPY.de;

let pipeline: EmailPipeline;
let stub: AcsStub;
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  pipeline = await startEmailPipeline();
  ({ stub, app } = pipeline);
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

afterEach(() => {
  jest.restoreAllMocks();
  expect(stub.unauthorized).toBe(0);
  // Nothing reached ACS twice: one request per operation id.
  const perOperation = new Map<string, number>();
  for (const { operationId } of stub.sendLog) perOperation.set(operationId!, (perOperation.get(operationId!) ?? 0) + 1);
  expect([...perOperation.values()].filter((count) => count > 1)).toEqual([]);
});

/** The timer fires twice at once and once more. */
async function sweepTwiceAndAgain(): Promise<void> {
  await Promise.all([sweepNotices(live), sweepNotices(live)]);
  await sweepNotices(live);
}

async function issue(body: Record<string, unknown>) {
  const response = await app.call('POST', '/api/consent-requests', { key: csp.key, body });
  expect(response.status).toBe(201);
  return response.body as { id: string; consentUrl: string; expiresAt: string };
}

async function consent(id: string) {
  return (await app.call('GET', `/api/consent-requests/${id}`, { key: csp.key })).body;
}

async function events(id: string, type: string): Promise<{ type: string; data?: Record<string, unknown> }[]> {
  const all = (await app.call('GET', `/api/consent-requests/${id}/events`, { key: csp.key })).body;
  return (all as { type: string; data?: Record<string, unknown> }[]).filter((event) => event.type === type);
}

/** Waits until the consent's invitation (of its current link) went out. */
async function emailSent(id: string) {
  await eventually(async () => ((await consent(id)).email.status === 'sent' ? true : undefined));
}

/** Every email sent to `address` so far. */
const sentTo = (address: string): AcsSend[] =>
  stub.sends.filter((send) => send.message.recipients.to.some((to) => to.address === address));

/** Waits for the `count`-th email to `address`, then a moment more for any that should not come. */
async function emailsTo(address: string, count: number): Promise<AcsSend[]> {
  await eventually(() => (sentTo(address).length >= count ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 500));
  return sentTo(address);
}

describe('invitation reminders (7 days and 1 day before the link expires)', () => {
  it('German, 7 and 1 days before, once each, with the live link — after a resend, the new link', async () => {
    const contact = 'reminders-de@contoso.example';
    const issued = await issue({
      customer: { contactEmail: contact, contactName: 'Ada Admin', locale: 'de' },
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] },
      expiresInDays: 30,
    });
    await emailSent(issued.id);
    await emailsTo(contact, 1); // the invitation
    const expiresAt = Date.parse(issued.expiresAt);
    const date = formatDateTime(issued.expiresAt, 'de-DE');

    clockAt(expiresAt - 7 * DAY + 60_000);
    await sweepTwiceAndAgain();
    const [, sevenDays] = await emailsTo(contact, 2);
    expect(sentTo(contact)).toHaveLength(2);
    expect(sevenDays!.message.content.subject).toBe(de.reminder.subject('Fabrikam Devices', '7 Tagen'));
    expect(sevenDays!.message.content.plainText).toContain(de.reminder.expiry('7 Tagen', date));
    expect(sevenDays!.message.content.plainText).toContain(issued.consentUrl);
    expect(sevenDays!.message.content.plainText).toContain('Intune Administrator');
    expect(sevenDays!.message.content.html).toContain(issued.consentUrl);
    expect(await events(issued.id, 'consent.reminded')).toEqual([
      expect.objectContaining({ data: { daysLeft: 7 }, actor: { kind: 'system', id: 'notice-sweep' } }),
    ]);

    // Five days before the end the partner resends: a new link, emailed at once; the old one stops working.
    clockAt(expiresAt - 5 * DAY);
    const resent = await app.call('POST', `/api/consent-requests/${issued.id}/resend`, { key: csp.key });
    expect(resent.status).toBe(200);
    await emailSent(issued.id);
    await emailsTo(contact, 3);

    clockAt(expiresAt - DAY + 60_000);
    await sweepTwiceAndAgain();
    const emails = await emailsTo(contact, 4);
    expect(emails).toHaveLength(4);
    const oneDay = emails[3]!.message.content;
    expect(oneDay.subject).toBe(de.reminder.subject('Fabrikam Devices', '1 Tag'));
    expect(oneDay.plainText).toContain(resent.body.consentUrl);
    expect(oneDay.plainText).not.toContain(issued.consentUrl);
    expect((await events(issued.id, 'consent.reminded')).map((event) => event.data)).toEqual([
      { daysLeft: 7 },
      { daysLeft: 1 },
    ]);
  });

  it('a 5-day link gets only the 1-day reminder (English); a cancelled one gets none', async () => {
    const contact = 'reminders-short@contoso.example';
    const issued = await issue({ customer: { contactEmail: contact }, expiresInDays: 5 });
    const cancelledContact = 'reminders-cancelled@contoso.example';
    const other = await issue({ customer: { contactEmail: cancelledContact }, expiresInDays: 5 });
    await emailSent(issued.id);
    await emailSent(other.id);
    await app.call('POST', `/api/consent-requests/${other.id}/cancel`, { key: csp.key });
    const expiresAt = Date.parse(issued.expiresAt);

    clockAt(expiresAt - 4 * DAY); // where a 7-day window would already have begun
    await sweepTwiceAndAgain();
    clockAt(expiresAt - DAY + 60_000);
    await sweepTwiceAndAgain();

    const emails = await emailsTo(contact, 2);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.message.content.subject).toBe(en.reminder.subject('Fabrikam Devices', '1 day'));
    expect((await events(issued.id, 'consent.reminded')).map((event) => event.data)).toEqual([{ daysLeft: 1 }]);
    expect(sentTo(cancelledContact)).toHaveLength(1); // its invitation only
    expect(await events(other.id, 'consent.reminded')).toEqual([]);
  });
  it('a partner suspended since its invitation went out reminds no one: the link would say it is no longer valid', async () => {
    const partner = await registeredPartner(app, 'direct-csp', { displayName: 'Suspended Devices' });
    const contact = 'reminders-suspended@contoso.example';
    const response = await app.call('POST', '/api/consent-requests', {
      key: partner.key,
      body: { customer: { contactEmail: contact }, expiresInDays: 30 },
    });
    const id = response.body.id as string;
    await eventually(async () => {
      const current = await app.call('GET', `/api/consent-requests/${id}`, { key: partner.key });
      return current.body.email.status === 'sent' ? true : undefined;
    });
    const suspended = await app.call('PATCH', `/api/admin/partners/${partner.id}`, {
      key: app.operatorKey,
      body: { status: 'suspended' },
    });
    expect(suspended.status).toBe(200);

    clockAt(Date.parse(response.body.expiresAt as string) - 7 * DAY + 60_000);
    await sweepTwiceAndAgain();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(sentTo(contact)).toHaveLength(1); // its invitation only
    const trail = (await live.events.listEvents(id)).map((event) => event.type);
    expect(trail).not.toContain('consent.reminded');
  });
});

describe('delegated admin without auto-extension: 30, 7 and 1 days before, and on the day', () => {
  it('the partner (English, its registered contact) and the customer contact (its language) are told, once each; expired stored on the day', async () => {
    const admin = globalAdminOf();
    const contact = 'roles-de@contoso.example';
    const issued = await issue({
      customer: { tenantId: admin.tenantId, displayName: 'Contoso GmbH', contactEmail: contact, locale: 'de' },
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 60 },
      sendEmail: false,
    });
    const accepted = await acceptAsCustomer(live, { partnerId: csp.id, consentId: issued.id }, admin);
    expect(accepted.kind).toBe('accepted');
    const end = (await consent(issued.id)).delegatedAdmin.expiresAt as string;
    const partnerContact = 'direct-csp@partner.example';
    const partnerBefore = sentTo(partnerContact).length;
    const partnerDate = formatDateTime(end, 'en-GB');
    const customerDate = formatDateTime(end, 'de-DE');

    for (const [index, days] of [30, 7, 1].entries()) {
      clockAt(Date.parse(end) - days * DAY + 60_000);
      await sweepTwiceAndAgain();
      const toCustomer = await emailsTo(contact, index + 1);
      const toPartner = await emailsTo(partnerContact, partnerBefore + index + 1);
      const customerEmail = toCustomer[index]!.message;
      const partnerEmail = toPartner[partnerBefore + index]!.message;
      expect(customerEmail.content.subject).toBe(de.customer.expiringSubject('Fabrikam Devices', de.days(days)));
      expect(customerEmail.content.plainText).toContain(de.customer.expiring('Fabrikam Devices', customerDate));
      expect(customerEmail.content.plainText).toContain('Intune Administrator');
      expect(partnerEmail.content.subject).toBe(en.partner.expiringSubject('Contoso GmbH', en.days(days)));
      expect(partnerEmail.content.plainText).toContain(en.partner.expiring('Contoso GmbH', partnerDate));
      expect(partnerEmail.content.plainText).toContain(admin.tenantId);
    }
    expect((await events(issued.id, 'delegatedAdmin.expiring')).map((event) => event.data)).toEqual([
      { daysLeft: 30, expiresAt: end },
      { daysLeft: 7, expiresAt: end },
      { daysLeft: 1, expiresAt: end },
    ]);

    clockAt(end);
    await sweepTwiceAndAgain();
    const toCustomer = await emailsTo(contact, 4);
    const toPartner = await emailsTo(partnerContact, partnerBefore + 4);
    expect(toCustomer).toHaveLength(4);
    expect(toPartner).toHaveLength(partnerBefore + 4);
    expect(toCustomer[3]!.message.content.subject).toBe(de.customer.expiredSubject('Fabrikam Devices'));
    expect(toPartner[partnerBefore + 3]!.message.content.subject).toBe(en.partner.expiredSubject('Contoso GmbH'));
    expect((await consent(issued.id)).delegatedAdmin).toMatchObject({ status: 'expired', expiresAt: end });
    expect(await events(issued.id, 'delegatedAdmin.expired')).toHaveLength(1);
  });

  it('roles the customer removed get no more notices, nor word of their end', async () => {
    const admin = globalAdminOf();
    const contact = 'roles-removed@contoso.example';
    const issued = await issue({
      customer: { tenantId: admin.tenantId, contactEmail: contact },
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 60 },
      sendEmail: false,
    });
    await acceptAsCustomer(live, { partnerId: csp.id, consentId: issued.id }, admin);
    const end = Date.parse((await consent(issued.id)).delegatedAdmin.expiresAt as string);
    await changeConsent(
      live,
      () => live.consents.findConsent(csp.id, issued.id),
      (current) => ({ write: removeDelegatedAdmin(current, new Date()), result: undefined }),
    );

    clockAt(end - 30 * DAY + 60_000);
    await sweepTwiceAndAgain();
    clockAt(end);
    await sweepTwiceAndAgain();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(sentTo(contact)).toEqual([]);
    expect(await events(issued.id, 'delegatedAdmin.expiring')).toEqual([]);
    expect(await events(issued.id, 'delegatedAdmin.expired')).toEqual([]);
  });
});
