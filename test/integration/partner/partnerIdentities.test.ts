// Partners acting with their own Microsoft Entra identities (API.md "Partner identities"), behind the platform's sign-in:
// the test plays the platform and sends the principal it would pass on for a validated token or session.
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { indexPartnerTenants, registerPartner } from '../../../shared/consent/operatorActions';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { startAppHost, type AppHost } from '../../support/appHost';
import { getPage, issuedLink } from '../../support/customerPages';
import { partnerPrincipal, type PrincipalOptions, type TestPrincipal } from '../../support/partnerPrincipals';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { storedPartner } from '../../support/storeFixtures';
import { refusalWords } from '../../support/words';

const { manage: MANAGE, read: READ } = PARTNER_APP_ROLES;

let app: AppHost;
let csp: TestPartner;
const cspTenant = randomUUID();

beforeAll(async () => {
  // As App Service reports it when its sign-in is on; the platform passes principals, the app decides who they are.
  delete process.env.LOCAL_SIGN_IN;
  process.env.WEBSITE_AUTH_ENABLED = 'True';
  app = await startAppHost({ front: 'nothing' });
  csp = await registeredPartner(app, 'direct-csp', { tenantId: cspTenant, displayName: 'Fabrikam Devices' });
});
afterAll(async () => {
  await app.stop();
});

const request = () => ({
  customer: { tenantId: randomUUID(), displayName: 'Woodgrove Bank' },
  sendEmail: false,
});

function of(tenantId: string, options: PrincipalOptions = {}): TestPrincipal {
  return partnerPrincipal(tenantId, options);
}

function call(
  method: string,
  path: string,
  as: TestPrincipal | undefined,
  options: { body?: unknown; headers?: Record<string, string>; key?: string } = {},
) {
  return app.call(method, path, { ...options, headers: { ...as?.headers, ...options.headers } });
}

async function consentsOf(key: string): Promise<string[]> {
  const page = await app.call('GET', '/api/consent-requests', { key });
  return (page.body.items as { id: string }[]).map((consent) => consent.id);
}

describe('a partner acts with its own identities (no key)', () => {
  it("Identities: a Consent.Manage user of the partner's tenant issues a request; the audit trail records the user", async () => {
    const kim = of(cspTenant, { appRoles: [MANAGE] });
    const issued = await call('POST', '/api/consent-requests', kim, { body: request() });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'pending', partner: { id: csp.id, displayName: 'Fabrikam Devices' } });

    const events = await call('GET', `/api/consent-requests/${issued.body.id as string}/events`, kim);
    expect(events.body).toEqual([
      expect.objectContaining({
        type: 'consent.issued',
        actor: { kind: 'partner', id: csp.id, via: 'user', objectId: kim.objectId },
      }),
    ]);
    expect(await consentsOf(csp.key)).toContain(issued.body.id);
  });

  it("Identities: a daemon's app-only token (roles in the long claim form) issues, resends and cancels; each event says application", async () => {
    const daemon = of(cspTenant, { appRoles: [MANAGE], application: true, appRoleClaimNames: 'long' });
    const issued = await call('POST', '/api/consent-requests', daemon, { body: request() });
    const id = issued.body.id as string;
    const resent = await call('POST', `/api/consent-requests/${id}/resend`, daemon);
    const cancelled = await call('POST', `/api/consent-requests/${id}/cancel`, daemon);
    const events = await call('GET', `/api/consent-requests/${id}/events`, daemon);

    expect([issued.status, resent.status, cancelled.status]).toEqual([201, 200, 200]);
    expect(cancelled.body.status).toBe('cancelled');
    const actor = { kind: 'partner', id: csp.id, via: 'application', objectId: daemon.objectId };
    expect((events.body as { type: string; actor: unknown }[]).map((event) => [event.type, event.actor])).toEqual([
      ['consent.issued', actor],
      ['consent.resent', actor],
      ['consent.cancelled', actor],
    ]);
  });

  it('Identities: Consent.Read reads everything read-only: lists, one request, its events, customers, an authorization check', async () => {
    const reader = of(cspTenant, { appRoles: [READ] });
    const { consentId } = await issuedLink(app, csp, { customer: { tenantId: randomUUID() } });
    const answers = await Promise.all([
      call('GET', '/api/consent-requests', reader),
      call('GET', `/api/consent-requests/${consentId}`, reader),
      call('GET', `/api/consent-requests/${consentId}/events`, reader),
      call('GET', '/api/customers', reader),
      call('GET', `/api/customers/${randomUUID()}/authorization`, reader),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[1].body.id).toBe(consentId);
  });

  it('Identities: Consent.Read changes nothing: issuing, cancelling, resending and the standing link are 403 naming Consent.Manage', async () => {
    const reader = of(cspTenant, { appRoles: [READ] });
    const { consentId } = await issuedLink(app, csp, { customer: { tenantId: randomUUID() } });
    const before = await consentsOf(csp.key);
    const answers = [
      await call('POST', '/api/consent-requests', reader, { body: request() }),
      await call('POST', `/api/consent-requests/${consentId}/cancel`, reader),
      await call('POST', `/api/consent-requests/${consentId}/resend`, reader),
      await call('GET', '/api/consent-link', reader),
      await call('POST', '/api/consent-link/rotate', reader),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.detail).toContain('needs the app role Consent.Manage');
      expect(answer.body.detail).toContain('holds only Consent.Read');
    }
    expect(await consentsOf(csp.key)).toEqual(before);
    const consent = await call('GET', `/api/consent-requests/${consentId}`, reader);
    expect(consent.body.status).toBe('pending');
  });
});

describe('refusals a partner can act on', () => {
  it("Identities: a user of the partner's tenant without an app role: 403 naming the role and Users and groups", async () => {
    const answer = await call('GET', '/api/consent-requests', of(cspTenant));
    expect(answer.status).toBe(403);
    expect(answer.body.type).toBe('/problems/forbidden');
    expect(answer.body.detail).toContain('needs the app role Consent.Read (or Consent.Manage)');
    expect(answer.body.detail).toContain('Enterprise applications → Autopilot Consent → Users and groups');
  });

  it('Identities: a daemon without the permission: 403 naming the role, API permissions and admin consent', async () => {
    const answer = await call('POST', '/api/consent-requests', of(cspTenant, { application: true }), {
      body: request(),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toContain('needs the app role Consent.Manage');
    expect(answer.body.detail).toContain('API permissions');
    expect(answer.body.detail).toContain('Grant admin consent');
  });

  it('Identities: a tenant that is no partner: 403 "not registered as a partner", whatever its roles', async () => {
    const stranger = randomUUID();
    for (const as of [of(stranger, { appRoles: [MANAGE] }), of(stranger, { application: true, appRoles: [READ] })]) {
      const answer = await call('GET', '/api/customers', as);
      expect(answer.status).toBe(403);
      expect(answer.body.detail).toContain(`tenant ${stranger} is not registered as a partner`);
    }
  });

  it('Identities: neither a key nor a principal: 401 naming both ways in', async () => {
    const answer = await call('GET', '/api/consent-requests', undefined);
    expect(answer.status).toBe(401);
    expect(answer.body.detail).toContain('X-Api-Key');
    expect(answer.body.detail).toContain('Authorization header (Bearer)');
  });

  it('Identities: a partner suspended by the operator is refused at once (403, as with keys), and acts again once active', async () => {
    const tenantId = randomUUID();
    const partner = await registeredPartner(app, 'direct-csp', { tenantId });
    const kim = of(tenantId, { appRoles: [MANAGE] });
    const patch = (status: string) =>
      app.call('PATCH', `/api/admin/partners/${partner.id}`, { key: app.operatorKey, body: { status } });

    await patch('suspended');
    const refused = await call('GET', '/api/consent-requests', kim);
    const refusedKey = await app.call('GET', '/api/consent-requests', { key: partner.key });
    await patch('active');
    const allowed = await call('GET', '/api/consent-requests', kim);

    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe(refusedKey.body.detail);
    expect(refused.body.detail).toContain('suspended');
    expect(allowed.status).toBe(200);
  });

  it('Identities: a browser signed in on another site cannot act for the partner: 403, nothing created', async () => {
    const kim = of(cspTenant, { appRoles: [MANAGE] });
    const before = await consentsOf(csp.key);
    const answer = await call('POST', '/api/consent-requests', kim, {
      body: request(),
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toContain('another site');
    expect(await consentsOf(csp.key)).toEqual(before);
  });
});

describe('several partners registered with one tenant', () => {
  const shared = randomUUID();
  let reseller: TestPartner;
  let oem: TestPartner;
  let elsewhere: TestPartner;

  beforeAll(async () => {
    const provider = await registeredPartner(app, 'indirect-provider');
    reseller = await registeredPartner(app, 'indirect-reseller', {
      tenantId: shared,
      displayName: 'Northwind Resale',
      indirectProviderId: provider.id,
    });
    oem = await registeredPartner(app, 'oem', { tenantId: shared, displayName: 'Northwind Devices' });
    elsewhere = await registeredPartner(app, 'oem', { displayName: 'Tailspin Devices' });
  });

  it('Identities: without X-Partner-Id: 400 naming exactly the tenant’s partners, never another tenant’s', async () => {
    const answer = await call('GET', '/api/consent-requests', of(shared, { appRoles: [READ] }));
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain('X-Partner-Id');
    expect(answer.body.errors).toEqual([{ path: 'X-Partner-Id', message: expect.any(String) as unknown }]);
    const choices = answer.body.errors[0].message as string;
    expect(choices).toContain(`${reseller.id} (Northwind Resale)`);
    expect(choices).toContain(`${oem.id} (Northwind Devices)`);
    expect(choices).not.toContain(elsewhere.id);
    expect(choices).not.toContain(csp.id);
  });

  it('Identities: with X-Partner-Id each acts as the partner it names', async () => {
    const kim = of(shared, { appRoles: [MANAGE] });
    const asReseller = await call('POST', '/api/consent-requests', kim, {
      body: request(),
      headers: { 'x-partner-id': reseller.id },
    });
    const asOem = await call('GET', `/api/oem/consents/${randomUUID()}`, kim, { headers: { 'x-partner-id': oem.id } });
    expect(asReseller.status).toBe(201);
    expect(asReseller.body.partner.id).toBe(reseller.id);
    expect(await consentsOf(reseller.key)).toContain(asReseller.body.id);
    expect(asOem.status).toBe(200);
    expect(asOem.body.consented).toBe(false);
  });

  it("Identities: X-Partner-Id naming another tenant's partner is 400 with the choices, and acts as nobody", async () => {
    const before = await consentsOf(elsewhere.key);
    const answer = await call('POST', '/api/consent-requests', of(shared, { appRoles: [MANAGE] }), {
      body: request(),
      headers: { 'x-partner-id': elsewhere.id },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain(`X-Partner-Id "${elsewhere.id}" is not a partner registered for your tenant`);
    expect(answer.body.errors[0].message).toContain(reseller.id);
    expect(await consentsOf(elsewhere.key)).toEqual(before);
  });
});

describe('keys keep working, and win', () => {
  it("Identities: X-Api-Key with another partner's principal acts as the key's partner, recorded as api-key", async () => {
    const other = await registeredPartner(app, 'direct-csp');
    const issued = await call('POST', '/api/consent-requests', of(cspTenant, { appRoles: [MANAGE] }), {
      key: other.key,
      body: request(),
    });
    expect(issued.status).toBe(201);
    expect(issued.body.partner.id).toBe(other.id);
    const events = await app.call('GET', `/api/consent-requests/${issued.body.id as string}/events`, {
      key: other.key,
    });
    expect(events.body[0].actor).toEqual({ kind: 'partner', id: other.id, via: 'api-key' });
  });

  it('Identities: an invalid key is 401 even beside a principal that could act', async () => {
    const answer = await call('GET', '/api/consent-requests', of(cspTenant, { appRoles: [MANAGE] }), {
      key: 'apc.nobody.AAAAAAAAAAAAAAAA.' + 'A'.repeat(43),
    });
    expect(answer.status).toBe(401);
  });
});

describe('partner and customer principals are never taken for each other', () => {
  it("Identities: a customer's Global Administrator (directory role, no app role) is no partner on the API", async () => {
    const admin = of(randomUUID(), { directoryRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID] });
    const adminOfPartnerTenant = of(cspTenant, { directoryRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID] });
    const answers = [
      await call('GET', '/api/customers', admin),
      await call('GET', '/api/customers', adminOfPartnerTenant),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([403, 403]);
    expect(answers[0]!.body.detail).toContain('not registered as a partner');
    expect(answers[1]!.body.detail).toContain('needs the app role');
  });

  it("Identities, R6: a partner's person with Consent.Manage is just a user of its tenant on /partners: no Global Administrator, refused", async () => {
    const page = await getPage(app, '/partners', { headers: of(cspTenant, { appRoles: [MANAGE] }).headers });
    expect(page.status).toBe(403);
    expect(page.text).toContain(refusalWords('en', 'not-global-admin').title);
  });

  it("Identities, R6: a partner's daemon holding Global Administrator cannot accept a consent for its tenant: only a person accepts", async () => {
    const daemonTenant = randomUUID();
    const link = await issuedLink(app, csp, { customer: { tenantId: daemonTenant } });
    const daemon = of(daemonTenant, {
      application: true,
      appRoles: [MANAGE],
      directoryRoles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    });
    const page = await getPage(app, link.path, { headers: daemon.headers });
    expect(page.status).toBe(403);
    expect(page.text).toContain(refusalWords('en', 'not-global-admin').title);
    const consent = await app.call('GET', `/api/consent-requests/${link.consentId}`, { key: csp.key });
    expect(consent.body.status).toBe('pending');
  });
});

describe("the platform's front and the tenant index", () => {
  it('Identities: a principal header a client writes itself never reaches the app behind the platform front: 401', async () => {
    const fronted = await startAppHost({ front: 'platform-sign-in' });
    try {
      const forged = await fronted.call('GET', '/api/consent-requests', {
        headers: of(cspTenant, { appRoles: [MANAGE] }).headers,
      });
      expect(forged.status).toBe(401);
    } finally {
      await fronted.stop();
    }
  });

  it('Identities: an interrupted registration leaves no partner for the tenant, and its retry makes one its principals find', async () => {
    const tenantId = randomUUID();
    const registration = {
      id: `crash-${tenantId.slice(0, 8)}`,
      displayName: 'Contoso Crash',
      type: 'direct-csp' as const,
      tenantId,
      contactEmail: 'crash@partner.example',
    };
    const crashing = {
      ...live,
      partners: {
        ...live.partners,
        insertPartner: () => Promise.reject(new Error('the process stopped')),
      },
    };
    await expect(registerPartner(crashing, registration)).rejects.toThrow('the process stopped');
    const kim = of(tenantId, { appRoles: [READ] });
    const before = await call('GET', '/api/consent-requests', kim);

    await registerPartner(live, registration);
    const after = await call('GET', '/api/consent-requests', kim);

    expect(before.status).toBe(403);
    expect(before.body.detail).toContain('not registered as a partner');
    expect(after.status).toBe(200);
  });

  it('Identities: partners stored before the tenant index act with their principals once index-partner-tenants ran', async () => {
    const tenantId = randomUUID();
    await storedPartner('direct-csp', {
      id: `older-${tenantId.slice(0, 8)}`,
      displayName: 'Contoso Older',
      tenantId,
      contactEmail: 'older@partner.example',
    });
    const kim = of(tenantId, { appRoles: [READ] });
    const before = await call('GET', '/api/consent-requests', kim);

    expect(await indexPartnerTenants(live)).toBeGreaterThan(0);
    const after = await call('GET', '/api/consent-requests', kim);

    expect(before.status).toBe(403);
    expect(after.status).toBe(200);
  });
});
