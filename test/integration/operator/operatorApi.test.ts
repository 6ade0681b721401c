// The operator routes through the local host, as API.md "Operator routes" describes them.
import { randomUUID } from 'node:crypto';
import { mintApiKey } from '../../../shared/auth/apiKeys';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { startAppHost, type AppHost } from '../../support/appHost';
import { globalAdminOf, storedPendingConsent, unique } from '../../support/storeFixtures';

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

const registration = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  displayName: 'Contoso Devices',
  type: 'direct-csp',
  tenantId: randomUUID().toUpperCase(),
  contactEmail: 'partners@contoso.example',
  verifiedDomain: 'Contoso.example',
  ...overrides,
});

describe('registering partners (R1)', () => {
  it('R1: registers one partner of each kind and reads them back', async () => {
    const provider = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: registration({ id: unique('provider'), type: 'indirect-provider' }),
    });
    expect(provider.status).toBe(201);
    const others = [
      registration({ id: unique('csp') }),
      registration({ id: unique('reseller'), type: 'indirect-reseller', indirectProviderId: provider.body.id }),
      registration({ id: unique('oem'), type: 'oem', oemDirectApiEligible: true }),
    ];
    for (const body of others) {
      const created = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/api/admin/partners/${String(body.id)}`);
      expect(created.body).toMatchObject({ id: body.id, type: body.type, status: 'active' });
      expect(created.body.tenantId).toBe((body.tenantId as string).toLowerCase());
      const read = await app.call('GET', `/api/admin/partners/${String(body.id)}`, { key: app.operatorKey });
      expect(read.body).toEqual(created.body);
    }
  });

  it('generates an id when none is given, and answers 409 when an id is taken', async () => {
    const created = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body: registration() });
    expect(created.body.id).toMatch(/^contoso-devices-[0-9a-f]{6}$/);
    const again = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: registration({ id: created.body.id }),
    });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/conflict');
  });

  it('refuses bad input with 400 problem+json naming each field, and stores nothing', async () => {
    const id = unique('bad');
    const response = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: { id, displayName: '', type: 'distributor', tenantId: 'nope', contactEmail: 'x' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['contactEmail', 'displayName', 'tenantId', 'type'].sort(),
    );
    expect((await app.call('GET', `/api/admin/partners/${id}`, { key: app.operatorKey })).status).toBe(404);
  });

  it('R9: refuses an indirect reseller without a registered indirect provider', async () => {
    const response = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: registration({ type: 'indirect-reseller', indirectProviderId: 'no-such-provider' }),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { path: 'indirectProviderId', message: 'must name a registered indirect-provider partner' },
    ]);
  });

  it('R11: oemDirectApiEligible applies only to OEMs', async () => {
    const response = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: registration({ oemDirectApiEligible: true }),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe('oemDirectApiEligible');
  });

  it("R9, R11: a reseller must name its provider; a field the partner's kind does not take is refused by name", async () => {
    const refusal = async (overrides: Record<string, unknown>) => {
      const response = await app.call('POST', '/api/admin/partners', {
        key: app.operatorKey,
        body: registration(overrides),
      });
      expect(response.status).toBe(400);
      return response.body.errors;
    };
    expect(await refusal({ type: 'indirect-reseller' })).toEqual([
      { path: 'indirectProviderId', message: 'is required for an indirect-reseller' },
    ]);
    expect(await refusal({ type: 'oem', indirectProviderId: 'someone' })).toEqual([
      { path: 'indirectProviderId', message: 'applies only to an indirect-reseller' },
    ]);
    expect(
      await refusal({ type: 'indirect-provider', indirectProviderId: 'someone', oemDirectApiEligible: false }),
    ).toEqual([
      { path: 'indirectProviderId', message: 'applies only to an indirect-reseller' },
      { path: 'oemDirectApiEligible', message: 'applies only to an oem' },
    ]);

    const csp = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body: registration() });
    const patched = await app.call('PATCH', `/api/admin/partners/${csp.body.id}`, {
      key: app.operatorKey,
      body: { oemDirectApiEligible: true },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.detail).toBe('Only an OEM can be eligible for the OEM Direct API.');
    expect(patched.body.errors).toEqual([
      { path: 'oemDirectApiEligible', message: 'not applicable to a direct-csp partner' },
    ]);
  });

  it('changes status and eligibility with PATCH, and lists partners page by page', async () => {
    const oem = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: registration({ type: 'oem' }),
    });
    expect(oem.body.oemDirectApiEligible).toBe(false);
    const patched = await app.call('PATCH', `/api/admin/partners/${oem.body.id}`, {
      key: app.operatorKey,
      body: { oemDirectApiEligible: true, status: 'suspended' },
    });
    expect(patched.body).toMatchObject({ oemDirectApiEligible: true, status: 'suspended' });

    const first = await app.call('GET', '/api/admin/partners?pageSize=2', { key: app.operatorKey });
    expect(first.body.items).toHaveLength(2);
    const second = await app.call(
      'GET',
      `/api/admin/partners?pageSize=2&continuationToken=${first.body.continuationToken as string}`,
      { key: app.operatorKey },
    );
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const tampered = await app.call('GET', '/api/admin/partners?continuationToken=garbage', { key: app.operatorKey });
    expect(tampered.status).toBe(400);
    // Well-formed encodings of the wrong thing (JSON null; a key Table Storage forbids) are refused the same way.
    const token = (value: unknown) =>
      Buffer.from(Buffer.from(JSON.stringify(value)).toString('base64')).toString('base64url');
    for (const crafted of [token(null), token({ nextPartitionKey: 'a/b' }), token({ nextPartitionKey: 7 })]) {
      const answer = await app.call('GET', `/api/admin/partners?continuationToken=${crafted}`, {
        key: app.operatorKey,
      });
      expect(answer.status).toBe(400);
    }
  });
});

describe('keys', () => {
  it('401 without a key or with an unknown one; 403 with a partner key', async () => {
    expect((await app.call('GET', '/api/admin/partners')).status).toBe(401);
    const unknown = await app.call('GET', '/api/admin/partners', {
      key: `apc._.${'a'.repeat(16)}.${'b'.repeat(43)}`,
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.type).toBe('/problems/unauthenticated');

    const partner = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body: registration() });
    const minted = await app.call('POST', `/api/admin/partners/${partner.body.id}/keys`, { key: app.operatorKey });
    expect(minted.status).toBe(201);
    expect(minted.body).toEqual({
      keyId: expect.any(String),
      apiKey: expect.stringMatching(/^apc\./),
      createdAt: expect.any(String),
    });
    const forbidden = await app.call('GET', '/api/admin/partners', { key: minted.body.apiKey });
    expect(forbidden.status).toBe(403);
  });

  it('401, not 500, for a key whose stored hash is not a SHA-256 (a damaged or foreign row)', async () => {
    const { apiKey, stored } = mintApiKey({ kind: 'operator' }, new Date());
    await live.apiKeys.insertApiKey({ ...stored, secretHash: stored.secretHash.slice(0, 40) });
    const answer = await app.call('GET', '/api/admin/partners', { key: apiKey });
    expect(answer.status).toBe(401);
    expect(answer.body.type).toBe('/problems/unauthenticated');
  });

  it('a revoked key fails on the very next request', async () => {
    const partner = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body: registration() });
    const minted = await app.call('POST', `/api/admin/partners/${partner.body.id}/keys`, {
      key: app.operatorKey,
      body: { name: 'ci' },
    });
    expect((await app.call('GET', '/api/admin/partners', { key: minted.body.apiKey })).status).toBe(403);

    const revoked = await app.call('DELETE', `/api/admin/partners/${partner.body.id}/keys/${minted.body.keyId}`, {
      key: app.operatorKey,
    });
    expect(revoked.status).toBe(204);
    expect((await app.call('GET', '/api/admin/partners', { key: minted.body.apiKey })).status).toBe(401);
  });

  it("answers 404 for another partner's key id", async () => {
    const a = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body: registration() });
    const b = await app.call('POST', '/api/admin/partners', { key: app.operatorKey, body: registration() });
    const key = await app.call('POST', `/api/admin/partners/${a.body.id}/keys`, { key: app.operatorKey });
    const response = await app.call('DELETE', `/api/admin/partners/${b.body.id}/keys/${key.body.keyId}`, {
      key: app.operatorKey,
    });
    expect(response.status).toBe(404);
  });
});

describe('revoking a consent on a support request (R13)', () => {
  it('R13: revokes an accepted OEM consent with reason and ticket; a second revoke is 409', async () => {
    const oem = await app.call('POST', '/api/admin/partners', {
      key: app.operatorKey,
      body: registration({ type: 'oem', oemDirectApiEligible: true }),
    });
    const admin = globalAdminOf();
    const consent = await storedPendingConsent((await live.partners.findPartner(oem.body.id))!.value, admin.tenantId);
    await acceptAsCustomer(live, { partnerId: oem.body.id, consentId: consent.id }, admin);

    const revoked = await app.call('POST', `/api/admin/consents/${consent.id}/revoke`, {
      key: app.operatorKey,
      body: { reason: 'Customer request via support', ticket: 'SR-42' },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      id: consent.id,
      status: 'revoked',
      revocation: { reason: 'Customer request via support', ticket: 'SR-42' },
    });
    expect(revoked.body.linkVersion).toBeUndefined();

    const again = await app.call('POST', `/api/admin/consents/${consent.id}/revoke`, {
      key: app.operatorKey,
      body: { reason: 'again', ticket: 'SR-43' },
    });
    expect(again.status).toBe(409);
  });

  it('400 without reason and ticket; 404 for an unknown consent', async () => {
    const missing = await app.call('POST', '/api/admin/consents/nope/revoke', { key: app.operatorKey, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason', 'ticket']);
    const unknown = await app.call('POST', '/api/admin/consents/nope/revoke', {
      key: app.operatorKey,
      body: { reason: 'r', ticket: 't' },
    });
    expect(unknown.status).toBe(404);
  });
});
