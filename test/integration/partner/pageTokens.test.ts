// Paging tokens through the local host (issue 14): opaque, and a token works only on the route, for the caller and with
// the filters it came from — anything else is a 400 asking to start again, never a page of something else.
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { globalAdminOf } from '../../support/storeFixtures';

let app: AppHost;
let csp: TestPartner;
let firstPage: { items: { id: string }[]; continuationToken: string };

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp');
  for (let index = 0; index < 3; index++) {
    const admin = globalAdminOf();
    const issued = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: admin.tenantId }, sendEmail: false },
    });
    await acceptAsCustomer(live, { partnerId: csp.id, consentId: issued.body.id }, admin);
  }
  firstPage = (await app.call('GET', '/api/consent-requests?pageSize=1', { key: csp.key })).body;
});
afterAll(async () => {
  await app.stop();
});

const START_AGAIN =
  'is not a token of this list: pass back, unchanged, the continuationToken of the previous page of the same route ' +
  'with the same filters, or start again from the first page without a token';

function expectStartAgain(answer: { status: number; body: { type: string; errors: unknown } }) {
  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe('/problems/validation');
  expect(answer.body.errors).toEqual([{ path: 'continuationToken', message: START_AGAIN }]);
}

const withToken = (path: string, token: string) =>
  `${path}${path.includes('?') ? '&' : '?'}continuationToken=${encodeURIComponent(token)}`;

describe('paging tokens (issue 14)', () => {
  it('are opaque: the partner id and the storage keys do not show, decoded or not', () => {
    const token = firstPage.continuationToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    const twice = Buffer.from(decoded, 'base64').toString('latin1');
    for (const text of [token, decoded, twice]) {
      expect(text).not.toContain(csp.id);
      expect(text).not.toContain('nextPartitionKey');
      expect(text).not.toContain(firstPage.items[0]!.id.slice(0, 11));
    }
  });

  it('page through the list they came from, at any page size, each consent once', async () => {
    const seen = [...firstPage.items.map((item) => item.id)];
    let token: string | undefined = firstPage.continuationToken;
    for (const pageSize of [2, 1, 5]) {
      if (!token) break;
      const page = await app.call('GET', withToken(`/api/consent-requests?pageSize=${pageSize}`, token), {
        key: csp.key,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      token = page.body.continuationToken;
    }
    expect(token).toBeUndefined();
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('a consent-list token sent to /api/customers is a 400, not an empty page; and the other way round', async () => {
    expectStartAgain(await app.call('GET', withToken('/api/customers', firstPage.continuationToken), { key: csp.key }));
    const customers = await app.call('GET', '/api/customers?pageSize=1', { key: csp.key });
    const token = customers.body.continuationToken as string;
    expect((await app.call('GET', withToken('/api/customers?pageSize=1', token), { key: csp.key })).status).toBe(200);
    expectStartAgain(await app.call('GET', withToken('/api/consent-requests', token), { key: csp.key }));
  });

  it('a token used with other filters is a 400', async () => {
    for (const filters of ['?status=accepted', `?tenantId=${randomUUID()}`]) {
      const path = withToken(`/api/consent-requests${filters}`, firstPage.continuationToken);
      expectStartAgain(await app.call('GET', path, { key: csp.key }));
    }
  });

  it("another partner's token is a 400, even on the same route", async () => {
    const other = await registeredPartner(app, 'direct-csp');
    const path = withToken('/api/consent-requests?pageSize=1', firstPage.continuationToken);
    expectStartAgain(await app.call('GET', path, { key: other.key }));
  });

  it('the same partner with another of its keys may go on', async () => {
    const second = await app.call('POST', `/api/admin/partners/${csp.id}/keys`, { key: app.operatorKey });
    const path = withToken('/api/consent-requests?pageSize=1', firstPage.continuationToken);
    expect((await app.call('GET', path, { key: second.body.apiKey })).status).toBe(200);
  });

  it('an altered token, a made-up one and a raw storage token are 400s', async () => {
    const token = firstPage.continuationToken;
    const altered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    const storageToken = Buffer.from(
      Buffer.from(JSON.stringify({ nextPartitionKey: csp.id, nextRowKey: firstPage.items[0]!.id })).toString('base64'),
    ).toString('base64url');
    for (const bad of [altered, 'garbage', storageToken]) {
      expectStartAgain(await app.call('GET', withToken('/api/consent-requests?pageSize=1', bad), { key: csp.key }));
    }
  });

  it("operators: a partner-list token does not page the operator keys, nor another operator's partner list", async () => {
    const partners = await app.call('GET', '/api/admin/partners?pageSize=1', { key: app.operatorKey });
    const token = partners.body.continuationToken as string;
    expect(token).toBeDefined();
    expect(
      (await app.call('GET', withToken('/api/admin/partners?pageSize=1', token), { key: app.operatorKey })).status,
    ).toBe(200);
    expectStartAgain(await app.call('GET', withToken('/api/admin/keys', token), { key: app.operatorKey }));
    const otherOperator = await app.call('POST', '/api/admin/keys', { key: app.operatorKey });
    const path = withToken('/api/admin/partners?pageSize=1', token);
    expectStartAgain(await app.call('GET', path, { key: otherOperator.body.apiKey }));
  });
});
