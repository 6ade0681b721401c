// The partner routes for consent requests through the local host, as API.md "Partner routes" describes them.
import { randomUUID } from 'node:crypto';
import { hashLinkToken } from '../../../shared/auth/linkTokens';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { openConsentLink } from '../../../shared/consent/openLink';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { globalAdminOf } from '../../support/storeFixtures';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';

let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp');
});
afterAll(async () => {
  await app.stop();
});

const request = (overrides: Record<string, unknown> = {}) => ({
  customer: { tenantId: randomUUID(), displayName: 'Woodgrove Bank', contactEmail: 'it@woodgrove.example' },
  sendEmail: false,
  ...overrides,
});

function tokenOf(consentUrl: string): string {
  return consentUrl.slice(consentUrl.lastIndexOf('/') + 1);
}

describe('POST /api/consent-requests (R2)', () => {
  it('R2: issues a pending consent with a one-time link built from PUBLIC_BASE_URL, stored only as a hash', async () => {
    const response = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request(),
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/consent-requests/${response.body.id as string}`);
    expect(response.body).toMatchObject({
      source: 'invitation',
      status: 'pending',
      partner: { id: csp.id, type: 'direct-csp' },
      email: { status: 'not-requested' },
    });
    expect(response.body.consentUrl).toMatch(/^http:\/\/localhost:7071\/consent\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(response.body.consentUrl);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await live.links.findLinkTarget(hashLinkToken(token))).toMatchObject({ consentId: response.body.id });
    const stored = await live.consents.findConsent(csp.id, response.body.id);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(response.body.linkNonce).toBeUndefined();
  });

  it('R4: queues the invitation email unless sendEmail is false', async () => {
    const response = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request({ sendEmail: true }),
    });
    expect(response.body.email).toEqual({ status: 'queued' });
    const events = await app.call('GET', `/api/consent-requests/${response.body.id as string}/events`, {
      key: csp.key,
    });
    expect(events.body).toEqual([
      expect.objectContaining({ type: 'consent.issued', actor: { kind: 'partner', id: csp.id, via: 'api-key' } }),
    ]);
  });

  it('R3, R10: delegated admin roles are echoed with a least-privilege warning for Global Administrator', async () => {
    const response = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request({
        delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR, GLOBAL_ADMINISTRATOR_ROLE_ID], durationDays: 180 },
      }),
    });
    expect(response.status).toBe(201);
    expect(response.body.delegatedAdmin).toMatchObject({
      roles: [
        { id: INTUNE_ADMINISTRATOR, displayName: 'Intune Administrator' },
        { id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' },
      ],
      durationDays: 180,
      autoExtend: false,
      status: 'requested',
    });
    expect(response.body.warnings).toHaveLength(1);
    expect(response.body.warnings[0]).toContain('Global Administrator');
  });

  it('refuses invalid requests with 400 and errors[] naming each field, creating nothing', async () => {
    const before = await app.call('GET', '/api/consent-requests?pageSize=100', { key: csp.key });
    const response = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: {
        customer: { tenantId: 'not-a-guid', contactEmail: 'nope', locale: 'fr' },
        delegatedAdmin: { roles: [GLOBAL_ADMINISTRATOR_ROLE_ID], autoExtend: true },
        expiresInDays: 91,
        message: 'x'.repeat(501),
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['customer.contactEmail', 'customer.locale', 'customer.tenantId', 'expiresInDays', 'message'].sort(),
    );
    const rules = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request({ delegatedAdmin: { roles: [GLOBAL_ADMINISTRATOR_ROLE_ID, randomUUID()], autoExtend: true } }),
    });
    expect(rules.status).toBe(400);
    expect(rules.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['delegatedAdmin.roles.1', 'delegatedAdmin.autoExtend']),
    );
    const noEmail = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: {}, sendEmail: true },
    });
    expect(noEmail.body.errors).toEqual([
      { path: 'customer.contactEmail', message: expect.stringContaining('Required when sendEmail is true') },
    ]);
    const after = await app.call('GET', '/api/consent-requests?pageSize=100', { key: csp.key });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('R15: an OEM may not request delegated admin (400); R11: an OEM not eligible may not issue (403)', async () => {
    const oem = await registeredPartner(app, 'oem');
    const withRoles = await app.call('POST', '/api/consent-requests', {
      key: oem.key,
      body: request({ delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] } }),
    });
    expect(withRoles.status).toBe(400);
    const notEligible = await registeredPartner(app, 'oem', { oemDirectApiEligible: false });
    const refused = await app.call('POST', '/api/consent-requests', { key: notEligible.key, body: request() });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('OEM Direct API');
  });

  it('R9: an indirect provider cannot issue (403); its reseller can, naming the provider on the consent', async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    const refused = await app.call('POST', '/api/consent-requests', { key: provider.key, body: request() });
    expect(refused.status).toBe(403);
    const reseller = await registeredPartner(app, 'indirect-reseller', { indirectProviderId: provider.id });
    const issued = await app.call('POST', '/api/consent-requests', { key: reseller.key, body: request() });
    expect(issued.status).toBe(201);
    expect(issued.body.indirectProvider).toEqual({ id: provider.id, displayName: 'Contoso indirect-provider' });
  });

  it('401 without a key, 403 with an operator key or for a suspended partner', async () => {
    expect((await app.call('POST', '/api/consent-requests', { body: request() })).status).toBe(401);
    expect((await app.call('GET', '/api/consent-requests', { key: app.operatorKey })).status).toBe(403);
    const suspended = await registeredPartner(app, 'direct-csp');
    await app.call('PATCH', `/api/admin/partners/${suspended.id}`, {
      key: app.operatorKey,
      body: { status: 'suspended' },
    });
    const refused = await app.call('GET', '/api/consent-requests', { key: suspended.key });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('suspended');
  });

  it('413 for a body over 256 KiB and 415 for a body that is not JSON', async () => {
    const large = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: JSON.stringify({ ...request(), message: 'x'.repeat(300 * 1024) }),
    });
    expect(large.status).toBe(413);
    expect(large.body.type).toBe('/problems/payload-too-large');
    const form = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: 'customer=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer for the same key and body, with Idempotent-Replayed', async () => {
    const key = randomUUID();
    const body = request();
    const first = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body,
      headers: { 'idempotency-key': key },
    });
    const second = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('422 for the same key with a different body', async () => {
    const key = randomUUID();
    await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request(),
      headers: { 'idempotency-key': key },
    });
    const other = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request(),
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-mismatch');
  });

  it('creates nothing twice when identical requests race', async () => {
    const key = randomUUID();
    const body = request();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.call('POST', '/api/consent-requests', { key: csp.key, body, headers: { 'idempotency-key': key } }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    const listed = await app.call('GET', `/api/consent-requests?tenantId=${body.customer.tenantId}`, { key: csp.key });
    expect(listed.body.items).toHaveLength(1);
  });
});

describe('reading, listing, cancelling and resending', () => {
  it("another partner's consent is 404, exactly as if it did not exist", async () => {
    const issued = await app.call('POST', '/api/consent-requests', { key: csp.key, body: request() });
    const other = await registeredPartner(app, 'direct-csp');
    for (const path of ['', '/events']) {
      const response = await app.call('GET', `/api/consent-requests/${issued.body.id as string}${path}`, {
        key: other.key,
      });
      expect(response.status).toBe(404);
    }
    expect(
      (await app.call('POST', `/api/consent-requests/${issued.body.id as string}/cancel`, { key: other.key })).status,
    ).toBe(404);
  });

  it('lists newest first, filters by status and tenant, and pages with a continuation token', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const tenantId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const issued = await app.call('POST', '/api/consent-requests', {
        key: partner.key,
        body: request({ customer: { tenantId } }),
      });
      ids.push(issued.body.id);
    }
    await app.call('POST', `/api/consent-requests/${ids[0]!}/cancel`, { key: partner.key });
    const page1 = await app.call('GET', '/api/consent-requests?pageSize=2', { key: partner.key });
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const page2 = await app.call(
      'GET',
      `/api/consent-requests?pageSize=2&continuationToken=${page1.body.continuationToken as string}`,
      {
        key: partner.key,
      },
    );
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(page2.body.continuationToken).toBeUndefined();
    const cancelled = await app.call('GET', '/api/consent-requests?status=cancelled', { key: partner.key });
    expect(cancelled.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    const pending = await app.call('GET', `/api/consent-requests?status=pending&tenantId=${tenantId}`, {
      key: partner.key,
    });
    expect(pending.body.items).toHaveLength(2);
    expect((await app.call('GET', '/api/consent-requests?pageSize=101', { key: partner.key })).status).toBe(400);
  });

  it('cancel: a pending request is withdrawn and its link stops working; cancelling again is 409', async () => {
    const issued = await app.call('POST', '/api/consent-requests', { key: csp.key, body: request() });
    const cancelled = await app.call('POST', `/api/consent-requests/${issued.body.id as string}/cancel`, {
      key: csp.key,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    const again = await app.call('POST', `/api/consent-requests/${issued.body.id as string}/cancel`, { key: csp.key });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/conflict');
  });

  it('resend: a new link, the old one stops working at once, the email is queued again', async () => {
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request({ sendEmail: true }),
    });
    const resent = await app.call('POST', `/api/consent-requests/${issued.body.id as string}/resend`, { key: csp.key });
    expect(resent.status).toBe(200);
    expect(resent.body.consentUrl).not.toBe(issued.body.consentUrl);
    expect(resent.body.email).toEqual({ status: 'queued' });
    const oldLink = await openConsentLink(live, tokenOf(issued.body.consentUrl));
    expect(oldLink).toEqual({ kind: 'gone', reason: 'replaced' });
    expect(await live.links.findLinkTarget(hashLinkToken(tokenOf(resent.body.consentUrl)))).toMatchObject({
      linkVersion: 2,
    });
    const events = await app.call('GET', `/api/consent-requests/${issued.body.id as string}/events`, { key: csp.key });
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['consent.issued', 'consent.resent']);
  });

  it('resend of an accepted consent is 409', async () => {
    const admin = globalAdminOf();
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: request({ customer: { tenantId: admin.tenantId } }),
    });
    await acceptAsCustomer(live, { partnerId: csp.id, consentId: issued.body.id }, admin);
    const resent = await app.call('POST', `/api/consent-requests/${issued.body.id as string}/resend`, { key: csp.key });
    expect(resent.status).toBe(409);
  });
});

describe('standing link (R11)', () => {
  it('R11: one link per partner, stable until rotated; rotating makes the old one stop working', async () => {
    const oem = await registeredPartner(app, 'oem');
    const first = await app.call('GET', '/api/consent-link', { key: oem.key });
    const again = await app.call('GET', '/api/consent-link', { key: oem.key });
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.url).toMatch(/^http:\/\/localhost:7071\/consent\/[A-Za-z0-9_-]{43}$/);
    const rotated = await app.call('POST', '/api/consent-link/rotate', { key: oem.key });
    expect(rotated.body.url).not.toBe(first.body.url);
    expect(await openConsentLink(live, tokenOf(first.body.url))).toEqual({ kind: 'gone', reason: 'replaced' });
    expect(await live.links.findLinkTarget(hashLinkToken(tokenOf(rotated.body.url)))).toMatchObject({
      kind: 'standing-link',
      partnerId: oem.id,
      linkVersion: 2,
    });
    expect((await app.call('GET', '/api/consent-link', { key: oem.key })).body).toEqual(rotated.body);
  });

  it('concurrent first calls agree on one link', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => app.call('GET', '/api/consent-link', { key: partner.key })),
    );
    expect(new Set(answers.map((a) => a.body.url)).size).toBe(1);
  });

  it('an indirect provider has no standing link (403)', async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    expect((await app.call('GET', '/api/consent-link', { key: provider.key })).status).toBe(403);
  });
});
