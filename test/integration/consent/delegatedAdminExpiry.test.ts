// Delegated admin at its end, end to end: issued through the API, accepted on the consent page, time moved on; the
// API, the customer list and the partners page show the extended end (or the expiry) before and after the notice sweep
// stores it, with one event per extension or expiry however often (or however concurrently) the sweep runs.
import type { RunningAzurite } from '../../../dev/azurite';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { scheduleExistingNotices, sweepNotices, NOTICE_SWEEP_LIMITS } from '../../../shared/consent/noticeSweep';
import { issueConsent } from '../../../shared/domain/consent';
import { acceptConsent } from '../../../shared/domain/consentTransitions';
import { formatDateTime } from '../../../shared/pages/locale';
import { messagesFor } from '../../../shared/pages/messages';
import type { ConsentEvent } from '../../../shared/storage/eventStore';
import { startAppHost, type AppHost } from '../../support/appHost';
import { acceptedConsent, csrfOf, customer, getPage, postForm, type Customer } from '../../support/customerPages';
import { useOwnAzurite } from '../../support/ownAzurite';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';
import { clockAt } from '../../support/clock';

const DAY = 24 * 60 * 60 * 1000;
const en = messagesFor('en');

let azurite: RunningAzurite;
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  // Its own storage: the sweep reads every due notice, and this file moves the clock far ahead.
  azurite = await useOwnAzurite();
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
});
afterAll(async () => {
  await app.stop();
  await azurite.stop();
});
afterEach(() => jest.restoreAllMocks());

/** A consent with delegated admin, issued through the API and accepted on its page by `admin`; answers its id. */
async function acceptedWithRoles(admin: Customer, delegatedAdmin: Record<string, unknown>): Promise<string> {
  return acceptedConsent(app, csp, admin, {
    customer: { tenantId: admin.tenantId, contactEmail: 'admin@contoso.example' },
    delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], ...delegatedAdmin },
  });
}

async function apiConsent(consentId: string) {
  return (await app.call('GET', `/api/consent-requests/${consentId}`, { key: csp.key })).body;
}

async function apiCustomer(tenantId: string) {
  const list = await app.call('GET', '/api/customers', { key: csp.key });
  return (list.body.items as { tenantId: string; delegatedAdmin?: unknown }[]).find((c) => c.tenantId === tenantId);
}

async function eventsOf(consentId: string, type: string): Promise<ConsentEvent[]> {
  const answer = await app.call('GET', `/api/consent-requests/${consentId}/events`, { key: csp.key });
  return (answer.body as ConsentEvent[]).filter((event) => event.type === type);
}

async function storedAdmin(consentId: string) {
  return (await live.consents.findConsent(csp.id, consentId))?.value.delegatedAdmin;
}

describe('auto-extension (GDAP: 180 days at a time)', () => {
  it('at its end the roles stay active for 180 more days: API, customer list and partners page say the new end, before and after the sweep, with one delegatedAdmin.extended event', async () => {
    const admin = customer();
    const consentId = await acceptedWithRoles(admin, { durationDays: 30, autoExtend: true });
    const end = (await apiConsent(consentId)).delegatedAdmin.expiresAt as string;
    const newEnd = new Date(Date.parse(end) + 180 * DAY).toISOString();

    clockAt(Date.parse(end) + 60_000);
    // Reads are right before any sweep has stored anything.
    expect((await apiConsent(consentId)).delegatedAdmin).toMatchObject({ status: 'active', expiresAt: newEnd });
    expect(await apiCustomer(admin.tenantId)).toMatchObject({
      delegatedAdmin: { status: 'active', expiresAt: newEnd },
    });
    const partners = await getPage(app, '/partners', { as: admin });
    expect(partners.text).toContain(en.rolesActive(formatDateTime(newEnd, 'en')));
    expect(partners.text).toContain(en.autoExtendYes);

    // The timer fires twice, and two instances at once: one stored extension, one event.
    const reports = [...(await Promise.all([sweepNotices(live), sweepNotices(live)])), await sweepNotices(live)];
    expect(reports.reduce((sum, report) => sum + report.extended, 0)).toBe(1);
    expect(await storedAdmin(consentId)).toMatchObject({ status: 'active', expiresAt: newEnd });
    expect(await eventsOf(consentId, 'delegatedAdmin.extended')).toEqual([
      {
        at: end,
        type: 'delegatedAdmin.extended',
        actor: { kind: 'system', id: 'notice-sweep' },
        data: { expiresAt: newEnd },
      },
    ]);
    expect((await live.authorizations.findOwnAuthorization(admin.tenantId, csp.id))?.delegatedAdmin).toMatchObject({
      expiresAt: newEnd,
    });

    // 180 days on, it extends again, from the end the first extension scheduled.
    clockAt(newEnd);
    const again = await sweepNotices(live);
    expect(again.extended).toBe(1);
    const third = new Date(Date.parse(newEnd) + 180 * DAY).toISOString();
    expect(await storedAdmin(consentId)).toMatchObject({ status: 'active', expiresAt: third });
    expect((await eventsOf(consentId, 'delegatedAdmin.extended')).map((e) => e.data)).toEqual([
      { expiresAt: newEnd },
      { expiresAt: third },
    ]);
    expect(await eventsOf(consentId, 'delegatedAdmin.expired')).toEqual([]);
  });

  it('a sweep that stops after storing the new end writes the event on a later run, once', async () => {
    const admin = customer();
    const consentId = await acceptedWithRoles(admin, { durationDays: 10, autoExtend: true });
    const end = (await apiConsent(consentId)).delegatedAdmin.expiresAt as string;
    const at = clockAt(Date.parse(end) + 1000);
    const crashing: Dependencies = {
      ...live,
      events: { ...live.events, appendEvent: () => Promise.reject(new Error('crash')) },
    };

    expect(await sweepNotices(crashing)).toMatchObject({ extended: 0, failed: 1 });
    expect(await storedAdmin(consentId)).toMatchObject({
      expiresAt: new Date(Date.parse(end) + 180 * DAY).toISOString(),
    });
    expect(await eventsOf(consentId, 'delegatedAdmin.extended')).toEqual([]);
    // Within the lease the notice is left alone; after it, a run completes it.
    expect(await sweepNotices(live)).toMatchObject({ extended: 0 });
    clockAt(at.getTime() + (NOTICE_SWEEP_LIMITS.leaseMinutes + 1) * 60_000);
    expect(await sweepNotices(live)).toMatchObject({ extended: 1, failed: 0 });
    expect(await eventsOf(consentId, 'delegatedAdmin.extended')).toHaveLength(1);
  });
});

describe('roles without auto-extension', () => {
  it('on the day they end, expired is stored (the API, list and page already said so) with one delegatedAdmin.expired event', async () => {
    const admin = customer();
    const consentId = await acceptedWithRoles(admin, { durationDays: 10 });
    const end = (await apiConsent(consentId)).delegatedAdmin.expiresAt as string;

    clockAt(end);
    expect((await apiConsent(consentId)).delegatedAdmin).toMatchObject({ status: 'expired', expiresAt: end });
    expect(await apiCustomer(admin.tenantId)).toMatchObject({ delegatedAdmin: { status: 'expired' } });
    await sweepNotices(live);
    await sweepNotices(live);

    expect(await storedAdmin(consentId)).toMatchObject({ status: 'expired', expiresAt: end });
    expect((await live.authorizations.findOwnAuthorization(admin.tenantId, csp.id))?.delegatedAdmin).toMatchObject({
      status: 'expired',
    });
    expect(await eventsOf(consentId, 'delegatedAdmin.expired')).toEqual([
      {
        at: end,
        type: 'delegatedAdmin.expired',
        actor: { kind: 'system', id: 'notice-sweep' },
        data: { expiresAt: end },
      },
    ]);
    const partners = await getPage(app, '/partners', { as: admin });
    expect(partners.text).not.toContain(en.rolesActive(formatDateTime(end, 'en')));
  });

  it('roles the customer removed before their end neither expire nor extend: no event', async () => {
    const admin = customer();
    const consentId = await acceptedWithRoles(admin, { durationDays: 10 });
    const end = (await apiConsent(consentId)).delegatedAdmin.expiresAt as string;
    const partners = await getPage(app, '/partners', { as: admin });
    const removed = await postForm(
      app,
      `/partners/${consentId}/remove-delegated-admin`,
      { csrf: csrfOf(partners.html) },
      { as: admin },
    );
    expect(removed.status).toBe(303);

    clockAt(end);
    await sweepNotices(live);
    expect(await storedAdmin(consentId)).toMatchObject({ status: 'removed' });
    expect(await eventsOf(consentId, 'delegatedAdmin.expired')).toEqual([]);
  });
});

describe('two runs at once', () => {
  it('a run that listed a notice another run has meanwhile handled and removed skips it: no failure, one event', async () => {
    const admin = customer();
    const consentId = await acceptedWithRoles(admin, { durationDays: 10 });
    const end = (await apiConsent(consentId)).delegatedAdmin.expiresAt as string;
    clockAt(end);
    // The late run reads the due notices first, then the other run handles and removes them before it claims any.
    const listedEarly: Dependencies = {
      ...live,
      notices: {
        ...live.notices,
        dueNotices: async function* (now) {
          const listed = [];
          for await (const due of live.notices.dueNotices(now)) listed.push(due);
          expect(await sweepNotices(live)).toMatchObject({ expired: 1, failed: 0 });
          yield* listed;
        },
      },
    };

    expect(await sweepNotices(listedEarly)).toMatchObject({ expired: 0, failed: 0 });
    expect(await eventsOf(consentId, 'delegatedAdmin.expired')).toHaveLength(1);
  });
});

describe('consents from before the schedule existed', () => {
  it('schedule-notices (once, idempotent) gives them their reminders and their end', async () => {
    const partner = (await live.partners.findPartner(csp.id))!.value;
    const now = live.now();
    const request = { customer: { contactEmail: 'old@contoso.example' }, expiresInDays: 30 };
    const pending = issueConsent({ id: live.newConsentId(now), partner, request, now });
    await live.consents.insertConsent({
      ...pending,
      linkNonce: 'n'.repeat(43),
      email: { status: 'sent', sentAt: now.toISOString() },
    });
    const admin = customer();
    const withRoles = issueConsent({
      id: live.newConsentId(now),
      partner,
      request: {
        customer: { tenantId: admin.tenantId },
        sendEmail: false,
        delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 20 },
      },
      now,
    });
    const accepted = acceptConsent(withRoles, { now, acceptedBy: admin }).consent;
    await live.consents.insertConsent(accepted);

    await scheduleExistingNotices(live);
    await scheduleExistingNotices(live);

    clockAt(Date.parse(pending.expiresAt!) - DAY + 1000);
    await sweepNotices(live);
    expect((await live.events.listEvents(pending.id)).filter((e) => e.type === 'consent.reminded')).toHaveLength(1);
    clockAt(accepted.delegatedAdmin!.expiresAt!);
    await sweepNotices(live);
    expect(await storedAdmin(accepted.id)).toMatchObject({ status: 'expired' });
  });
});
