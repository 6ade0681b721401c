// Customer lists, authorization checks and OEM verification through the local host (R8, R9, R11, R14).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { changePartner, mintPartnerKey } from '../../../shared/consent/operatorActions';
import { tableClient } from '../../../shared/storage/clients';
import { TABLES } from '../../../shared/storage/tableNames';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { globalAdminOf } from '../../support/storeFixtures';
import { deviceSubmissionCheckSchema } from '../../../shared/schemas/responses';

let app: AppHost;
beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

/** Issues a consent through the partner API and accepts it as the tenant's Global Administrator. */
async function consentedCustomer(partner: TestPartner, displayName = 'Woodgrove Bank', tenantId?: string) {
  const admin = globalAdminOf(tenantId);
  const issued = await app.call('POST', '/api/consent-requests', {
    key: partner.key,
    body: { customer: { tenantId: admin.tenantId, displayName }, sendEmail: false },
  });
  await acceptAsCustomer(live, { partnerId: partner.id, consentId: issued.body.id }, admin);
  return { tenantId: admin.tenantId, consentId: issued.body.id as string };
}

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/devices', name), 'utf8');

describe('customer list and authorization (R8, R9)', () => {
  it('R8: a customer appears in the list once the consent is accepted, with basis and channels', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    const pendingTenant = randomUUID();
    await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: pendingTenant }, sendEmail: false },
    });
    const { tenantId, consentId } = await consentedCustomer(csp);
    const list = await app.call('GET', '/api/customers', { key: csp.key });
    expect(list.body.items).toEqual([
      {
        tenantId,
        displayName: 'Woodgrove Bank',
        basis: 'direct',
        channels: ['partner-center-api', 'partner-center-csv'],
        consentId,
        acceptedAt: expect.any(String),
      },
    ]);
    const yes = await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: csp.key });
    expect(yes.body).toMatchObject({ tenantId, authorized: true, basis: 'direct', consentId });
    const no = await app.call('GET', `/api/customers/${pendingTenant}/authorization`, { key: csp.key });
    expect(no.body).toEqual({ tenantId: pendingTenant, authorized: false, channels: [] });
  });

  it("R9: a reseller's accepted consent authorizes its provider through the API and the reseller through CSV only", async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    const reseller = await registeredPartner(app, 'indirect-reseller', { indirectProviderId: provider.id });
    const { tenantId, consentId } = await consentedCustomer(reseller);

    const asProvider = await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: provider.key });
    expect(asProvider.body).toMatchObject({
      authorized: true,
      basis: 'indirect-provider',
      channels: ['partner-center-api'],
      consentId,
    });
    const asReseller = await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: reseller.key });
    expect(asReseller.body).toMatchObject({ authorized: true, basis: 'direct', channels: ['partner-center-csv'] });
    const providerList = await app.call('GET', '/api/customers', { key: provider.key });
    expect(providerList.body.items.map((c: { tenantId: string }) => c.tenantId)).toEqual([tenantId]);
  });

  it("R8, R9: an indirect provider's list pages each tenant once, full pages while more follow, though two resellers reach it", async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    const resellers = [
      await registeredPartner(app, 'indirect-reseller', { indirectProviderId: provider.id }),
      await registeredPartner(app, 'indirect-reseller', { indirectProviderId: provider.id }),
    ];
    const tenants = [randomUUID(), randomUUID(), randomUUID()].sort();
    for (const tenantId of tenants) {
      for (const reseller of resellers) await consentedCustomer(reseller, 'Woodgrove Bank', tenantId);
    }
    for (const pageSize of [1, 2]) {
      const pages: string[][] = [];
      let token: string | undefined;
      do {
        const query = `pageSize=${pageSize}${token ? `&continuationToken=${token}` : ''}`;
        const page = await app.call('GET', `/api/customers?${query}`, { key: provider.key });
        expect(page.status).toBe(200);
        pages.push(page.body.items.map((c: { tenantId: string }) => c.tenantId));
        token = page.body.continuationToken;
      } while (token);
      expect(pages.flat()).toEqual(tenants);
      expect(pages.slice(0, -1).every((items) => items.length === pageSize)).toBe(true);
    }
    const crafted = Buffer.from(JSON.stringify({ from: 'a/b' })).toString('base64url');
    for (const token of [crafted, 'not-a-token']) {
      const refused = await app.call('GET', `/api/customers?continuationToken=${token}`, { key: provider.key });
      expect(refused.status).toBe(400);
    }
  });

  it('a revoked consent authorizes nothing: the customer leaves the list', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    const { tenantId, consentId } = await consentedCustomer(csp);
    await app.call('POST', `/api/admin/consents/${consentId}/revoke`, {
      key: app.operatorKey,
      body: { reason: 'customer request', ticket: 'SR-1' },
    });
    expect((await app.call('GET', '/api/customers', { key: csp.key })).body.items).toEqual([]);
    expect((await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: csp.key })).body.authorized).toBe(
      false,
    );
  });

  it('400 for a tenant id that is not a GUID', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    expect((await app.call('GET', '/api/customers/not-a-guid/authorization', { key: csp.key })).status).toBe(400);
  });
});

describe('OEM verification (R14)', () => {
  it('R14: one tenant — consented after acceptance, not before, not for another OEM; upper-case ids accepted', async () => {
    const oem = await registeredPartner(app, 'oem');
    const other = await registeredPartner(app, 'oem');
    const { tenantId, consentId } = await consentedCustomer(oem);
    const yes = await app.call('GET', `/api/oem/consents/${tenantId.toUpperCase()}`, { key: oem.key });
    expect(yes.body).toEqual({ tenantId, consented: true, consentId, consentedAt: expect.any(String) });
    const unknown = randomUUID();
    expect((await app.call('GET', `/api/oem/consents/${unknown}`, { key: oem.key })).body).toEqual({
      tenantId: unknown,
      consented: false,
    });
    expect((await app.call('GET', `/api/oem/consents/${tenantId}`, { key: other.key })).body.consented).toBe(false);
  });

  it('R14: a suspended OEM is refused at once, keys minted before included, and served again once reactivated', async () => {
    const oem = await registeredPartner(app, 'oem');
    const { tenantId } = await consentedCustomer(oem);
    const later = await app.call('POST', `/api/admin/partners/${oem.id}/keys`, { key: app.operatorKey });
    const suspend = (status: string) =>
      app.call('PATCH', `/api/admin/partners/${oem.id}`, { key: app.operatorKey, body: { status } });

    await suspend('suspended');
    for (const key of [oem.key, later.body.apiKey as string]) {
      const refused = await app.call('GET', `/api/oem/consents/${tenantId}`, { key });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('suspended');
    }
    await suspend('active');
    expect((await app.call('GET', `/api/oem/consents/${tenantId}`, { key: oem.key })).body.consented).toBe(true);
  });

  it("R14: a key minted in the middle of its OEM's suspension is refused with the others", async () => {
    const oem = await registeredPartner(app, 'oem');
    const { tenantId } = await consentedCustomer(oem);
    let minted = '';
    // The operator mints a key after the suspension has begun and before the partner row says "suspended".
    const deps: Dependencies = {
      ...live,
      partners: {
        ...live.partners,
        replacePartner: async (partner, etag) => {
          minted = (await mintPartnerKey(live, partner.id)).apiKey;
          await live.partners.replacePartner(partner, etag);
        },
      },
    };
    await changePartner(deps, oem.id, { status: 'suspended' });
    for (const key of [oem.key, minted]) {
      const refused = await app.call('GET', `/api/oem/consents/${tenantId}`, { key });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('suspended');
    }
  });

  it("R14: a key row still carrying an old copy of its partner's kind and status is judged by the partner row", async () => {
    const oem = await registeredPartner(app, 'oem');
    const csp = await registeredPartner(app, 'direct-csp');
    const { tenantId } = await consentedCustomer(oem);
    await app.call('PATCH', `/api/admin/partners/${oem.id}`, { key: app.operatorKey, body: { status: 'suspended' } });
    // Rows written before the copy was dropped say "an active OEM"; the partner rows say otherwise.
    const keys = await tableClient(TABLES.apiKeys);
    for (const { key } of [oem, csp]) {
      const keyId = key.split('.')[2]!;
      await keys.updateEntity({ partitionKey: keyId, rowKey: 'key', partnerType: 'oem', partnerActive: true }, 'Merge');
    }
    const suspended = await app.call('GET', `/api/oem/consents/${tenantId}`, { key: oem.key });
    expect(suspended.status).toBe(403);
    expect(suspended.body.detail).toContain('suspended');
    const notAnOem = await app.call('GET', `/api/oem/consents/${tenantId}`, { key: csp.key });
    expect(notAnOem.status).toBe(403);
    expect(notAnOem.body.detail).toContain('Only OEM partners');
  });

  it('R14: only OEMs may call the OEM routes (403 for a CSP)', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    expect((await app.call('GET', `/api/oem/consents/${randomUUID()}`, { key: csp.key })).status).toBe(403);
    expect(
      (await app.call('POST', '/api/oem/consent-checks', { key: csp.key, body: { tenantIds: [randomUUID()] } })).status,
    ).toBe(403);
  });

  it('R14: up to 1000 tenants answered in request order, duplicates included', async () => {
    const oem = await registeredPartner(app, 'oem');
    const a = await consentedCustomer(oem);
    const b = await consentedCustomer(oem);
    const tenants = [
      randomUUID(),
      b.tenantId,
      ...Array.from({ length: 995 }, () => randomUUID()),
      a.tenantId,
      b.tenantId,
      randomUUID(),
    ];
    const response = await app.call('POST', '/api/oem/consent-checks', { key: oem.key, body: { tenantIds: tenants } });
    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(1000);
    expect(response.body.results.map((r: { tenantId: string }) => r.tenantId)).toEqual(tenants);
    expect(
      response.body.results
        .filter((r: { consented: boolean }) => r.consented)
        .map((r: { tenantId: string }) => r.tenantId),
    ).toEqual([b.tenantId, a.tenantId, b.tenantId]);
    const tooMany = await app.call('POST', '/api/oem/consent-checks', {
      key: oem.key,
      body: { tenantIds: Array.from({ length: 1001 }, () => randomUUID()) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('R14: a CSV device batch — consent plus a verdict per row, each problem with its code, field and file line', async () => {
    const oem = await registeredPartner(app, 'oem');
    const { tenantId } = await consentedCustomer(oem);
    const good = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${tenantId}`, {
      key: oem.key,
      body: fixture('good.csv'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(good.status).toBe(200);
    expect(deviceSubmissionCheckSchema.parse(good.body)).toEqual({
      tenantId,
      consented: true,
      rows: [1, 2, 3].map((row) => ({
        row,
        line: row + 1,
        serialNumber: expect.any(String),
        valid: true,
        errors: [],
        problems: [],
      })),
      summary: { rows: 3, valid: 3, invalid: 0 },
    });

    const duplicate = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${randomUUID()}`, {
      key: oem.key,
      body: fixture('duplicate-serial.csv'),
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(duplicate.body.consented).toBe(false);
    expect(duplicate.body.rows[2]).toEqual({
      row: 3,
      line: 4,
      serialNumber: '5CD2481KQ7',
      valid: false,
      errors: ['Device Serial Number 5CD2481KQ7 appears more than once in this batch (also row 1)'],
      problems: [
        {
          code: 'duplicate-serial-number',
          field: 'serialNumber',
          message: 'Device Serial Number 5CD2481KQ7 appears more than once in this batch (also row 1)',
        },
      ],
    });

    const partner = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${tenantId}`, {
      key: oem.key,
      body: fixture('partner-form.csv'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(partner.status).toBe(200);
    expect(partner.body.rows.map((row: { problems: { code: string }[] }) => row.problems.map((p) => p.code))).toEqual([
      [],
      [],
      [],
      ['device-not-identified'],
    ]);

    const header = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${tenantId}`, {
      key: oem.key,
      body: fixture('wrong-header-case.csv'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(header.status).toBe(400);
    expect(header.body.errors[0].path).toBe('csv.header');
  });

  it('R14: a CSV without ?tenantId= is a 400 that says exactly what to add, before the file is read', async () => {
    const oem = await registeredPartner(app, 'oem');
    const noTenant = await app.call('POST', '/api/oem/device-submission-checks', {
      key: oem.key,
      body: 'not an Autopilot CSV: read, it would be refused for its header',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noTenant.status).toBe(400);
    expect(noTenant.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(noTenant.body).toMatchObject({
      type: '/problems/validation',
      detail:
        'The customer tenant is missing: add ?tenantId=<customer tenant GUID> to the URL when sending text/csv ' +
        '(a CSV has no tenant column).',
      errors: [
        {
          path: 'tenantId',
          message: 'add ?tenantId=<customer tenant GUID> to the URL when sending text/csv (a CSV has no tenant column)',
        },
      ],
    });
  });

  it('R14: the UTF-16 file Windows PowerShell 5.1 writes is a 400 saying to save it as ANSI', async () => {
    const oem = await registeredPartner(app, 'oem');
    const response = await fetch(`${app.url}/api/oem/device-submission-checks?tenantId=${randomUUID()}`, {
      method: 'POST',
      headers: { 'x-api-key': oem.key, 'content-type': 'text/csv' },
      body: readFileSync(path.join(__dirname, '../../fixtures/devices/utf16-windows-powershell.csv')),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail).toBe(
      'The device CSV can\'t be checked: the file is UTF-16 ("Unicode"), as Windows PowerShell 5.1 writes it by ' +
        'default, and Intune takes only ANSI text: save it as ANSI (Notepad: Save as, Encoding ANSI) and send that.',
    );
  });

  it('R14: a JSON batch may name its tenant in the URL instead of the body; two different tenants are a 400', async () => {
    const oem = await registeredPartner(app, 'oem');
    const { tenantId } = await consentedCustomer(oem);
    const devices = [{ serialNumber: 'SN-1', hardwareHash: Buffer.alloc(3000, 1).toString('base64') }];
    const inUrl = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${tenantId.toUpperCase()}`, {
      key: oem.key,
      body: { devices },
    });
    expect(inUrl.status).toBe(200);
    expect(inUrl.body).toMatchObject({ tenantId, consented: true, summary: { rows: 1, valid: 1 } });
    expect(inUrl.body.rows[0]).not.toHaveProperty('line');

    const other = randomUUID();
    const twoTenants = await app.call('POST', `/api/oem/device-submission-checks?tenantId=${tenantId}`, {
      key: oem.key,
      body: { tenantId: other, devices },
    });
    expect(twoTenants.status).toBe(400);
    expect(twoTenants.body.errors).toEqual([
      {
        path: 'tenantId',
        message: `the URL names tenant ${tenantId} but the body names ${other}: send it once, or the same in both`,
      },
    ]);

    const none = await app.call('POST', '/api/oem/device-submission-checks', { key: oem.key, body: { devices } });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].message).toBe(
      'put "tenantId": "<customer tenant GUID>" in the body, or add ?tenantId=<customer tenant GUID> to the URL',
    );
  });

  it('R14: a JSON device batch, and a full 500-row batch of real-sized hashes is accepted', async () => {
    const oem = await registeredPartner(app, 'oem');
    // Hardware hashes are about 4 KB of base64 and unique per device.
    const hash = (i: number) => Buffer.concat([Buffer.from(`device-${i}`), Buffer.alloc(3000, 7)]).toString('base64');
    const devices = Array.from({ length: 500 }, (_, i) => ({ serialNumber: `SN-${i}`, hardwareHash: hash(i) }));
    devices[3] = { serialNumber: 'SN-bad', hardwareHash: 'not base64!' };
    const response = await app.call('POST', '/api/oem/device-submission-checks', {
      key: oem.key,
      body: { tenantId: randomUUID(), devices },
    });
    expect(response.status).toBe(200);
    expect(response.body.summary).toEqual({ rows: 500, valid: 499, invalid: 1 });
    expect(response.body.rows[3]).toMatchObject({
      row: 4,
      serialNumber: 'SN-bad',
      valid: false,
      problems: [{ code: 'hardware-hash-not-base64', field: 'hardwareHash' }],
    });
  });
});
