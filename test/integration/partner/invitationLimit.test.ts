// API.md "Invitation email limit" through the local host: issuing with email and resending count; past the limit a
// 429 rate-limited with Retry-After, nothing created; other partners and requests without email are not affected.
import { randomUUID } from 'node:crypto';
import type { AppHost } from '../../support/appHost';
import type { TestPartner } from '../../support/partners';

const LIMIT = 3;
let app: AppHost;
let partner: TestPartner;
let other: TestPartner;

beforeAll(async () => {
  // This file's own setting, read when the app first reads its settings.
  process.env.INVITATION_EMAILS_PER_HOUR = String(LIMIT);
  const { startAppHost } = await import('../../support/appHost');
  const { registeredPartner } = await import('../../support/partners');
  app = await startAppHost();
  partner = await registeredPartner(app, 'direct-csp');
  other = await registeredPartner(app, 'direct-csp');
});
afterAll(async () => {
  await app.stop();
});

const withEmail = () => ({
  customer: { tenantId: randomUUID(), contactEmail: 'it@woodgrove.example' },
  sendEmail: true,
});

describe('the invitation email limit per partner', () => {
  it(`issuing with email counts; the ${LIMIT + 1}th in the hour is a 429 with Retry-After and creates nothing`, async () => {
    const issued = [];
    for (let index = 0; index < LIMIT - 1; index++) {
      issued.push(await app.call('POST', '/api/consent-requests', { key: partner.key, body: withEmail() }));
    }
    expect(issued.map((answer) => answer.status)).toEqual(Array(LIMIT - 1).fill(201));
    // A resend queues an email too: it takes the last place.
    const resent = await app.call('POST', `/api/consent-requests/${issued[0]!.body.id}/resend`, { key: partner.key });
    expect(resent.status).toBe(200);

    const before = await app.call('GET', '/api/consent-requests?pageSize=100', { key: partner.key });
    const refused = await app.call('POST', '/api/consent-requests', { key: partner.key, body: withEmail() });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
    expect(refused.body.detail).toContain('"sendEmail": false');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(3500);
    expect(wait).toBeLessThanOrEqual(3600);
    const after = await app.call('GET', '/api/consent-requests?pageSize=100', { key: partner.key });
    expect(after.body.items).toEqual(before.body.items);

    const resendRefused = await app.call('POST', `/api/consent-requests/${issued[1]!.body.id}/resend`, {
      key: partner.key,
    });
    expect(resendRefused.status).toBe(429);
  });

  it('a request without email is not limited, and another partner is not affected', async () => {
    const withoutEmail = await app.call('POST', '/api/consent-requests', {
      key: partner.key,
      body: { customer: { tenantId: randomUUID() }, sendEmail: false },
    });
    expect(withoutEmail.status).toBe(201);
    const otherPartner = await app.call('POST', '/api/consent-requests', { key: other.key, body: withEmail() });
    expect(otherPartner.status).toBe(201);
  });

  it('ten requests at once: at least the limit get through, the rest are told to wait, and the hour is then full', async () => {
    const { registeredPartner } = await import('../../support/partners');
    const busy = await registeredPartner(app, 'direct-csp');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => app.call('POST', '/api/consent-requests', { key: busy.key, body: withEmail() })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 201 && status !== 429)).toEqual([]);
    // Requests in flight together may each see the others' emails late (docs/email.md), never early.
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(LIMIT);
    const after = await app.call('POST', '/api/consent-requests', { key: busy.key, body: withEmail() });
    expect(after.status).toBe(429);
  });

  it('the hour slides: an email stops counting an hour after it was queued (injected clock)', async () => {
    const { liveDependencies } = await import('../../../shared/consent/dependencies');
    const { reserveInvitationEmail } = await import('../../../shared/consent/invitationLimit');
    const partnerId = `clock-${randomUUID().slice(0, 8)}`;
    let now = new Date('2026-11-30T12:00:00.000Z');
    const deps = { ...liveDependencies, invitationEmailsPerHour: 2, now: () => now };
    await reserveInvitationEmail(deps, partnerId);
    now = new Date('2026-11-30T12:30:00.000Z');
    await reserveInvitationEmail(deps, partnerId);
    now = new Date('2026-11-30T12:59:59.000Z');
    await expect(reserveInvitationEmail(deps, partnerId)).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterSeconds: 1,
    });
    now = new Date('2026-11-30T13:00:00.001Z');
    await expect(reserveInvitationEmail(deps, partnerId)).resolves.toBeUndefined();
  });
});
