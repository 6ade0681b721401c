// The operators' own keys through the local host (API.md "Additions to part 1"): list, mint, revoke.
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { startAppHost, type AppHost } from '../../support/appHost';
import { storedOlderOperatorKey } from '../../support/olderOperatorKey';
import { registeredPartner } from '../../support/partners';

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

/** Every operator key the list shows, page by page, as the operator with `key` sees them. */
async function listedKeys(key: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const page = await app.call(
      'GET',
      `/api/admin/keys?pageSize=100${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`,
      { key },
    );
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    token = page.body.continuationToken;
  } while (token);
  return items;
}

const mint = async (body?: unknown) => app.call('POST', '/api/admin/keys', { key: app.operatorKey, body });
const canCallAdminRoutes = async (key: string) => (await app.call('GET', '/api/admin/keys', { key })).status;

describe('operator keys', () => {
  it('mints a key shown once that works at once; the list shows its id, name and creation time, never a secret', async () => {
    const minted = await mint({ name: 'ops on-call' });

    expect(minted.status).toBe(201);
    expect(minted.body).toEqual({
      keyId: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      apiKey: expect.stringMatching(/^apc\._\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
    });
    expect(minted.body.apiKey).toContain(`.${minted.body.keyId as string}.`);
    expect(await canCallAdminRoutes(minted.body.apiKey)).toBe(200);
    const listed = await listedKeys(minted.body.apiKey);
    expect(listed.find((key) => key.keyId === minted.body.keyId)).toEqual({
      keyId: minted.body.keyId,
      name: 'ops on-call',
      createdAt: minted.body.createdAt,
    });
    const secret = (minted.body.apiKey as string).split('.')[3]!;
    const stored = await live.apiKeys.findOperatorKey(minted.body.keyId);
    for (const hidden of [secret, stored!.value.secretHash]) expect(JSON.stringify(listed)).not.toContain(hidden);
  });

  it('mints without a body (no name), and refuses a name that is empty or too long with 400', async () => {
    const unnamed = await mint();
    expect(unnamed.status).toBe(201);
    const listed = await listedKeys(app.operatorKey);
    expect(listed.find((key) => key.keyId === unnamed.body.keyId)).toEqual({
      keyId: unnamed.body.keyId,
      createdAt: unnamed.body.createdAt,
    });
    for (const name of ['  ', 'x'.repeat(101)]) {
      const refused = await mint({ name });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['name']);
    }
  });

  it('rotating a leaked key: mint a new one with it, revoke it with the new one; the old is 401 at once, the new works', async () => {
    const leaked = (await mint({ name: 'leaked' })).body;
    const successor = await app.call('POST', '/api/admin/keys', { key: leaked.apiKey, body: { name: 'successor' } });
    expect(successor.status).toBe(201);

    const revoked = await app.call('DELETE', `/api/admin/keys/${leaked.keyId as string}`, {
      key: successor.body.apiKey,
    });

    expect(revoked.status).toBe(204);
    const refused = await app.call('GET', '/api/admin/partners', { key: leaked.apiKey });
    expect(refused.status).toBe(401);
    expect(refused.body.type).toBe('/problems/unauthenticated');
    expect(await canCallAdminRoutes(successor.body.apiKey)).toBe(200);
    const listed = await listedKeys(successor.body.apiKey);
    const entry = listed.find((key) => key.keyId === leaked.keyId)!;
    expect(entry).toEqual({
      keyId: leaked.keyId,
      name: 'leaked',
      createdAt: leaked.createdAt,
      revokedAt: expect.any(String),
    });
    expect(Date.parse(entry.revokedAt as string)).toBeGreaterThanOrEqual(Date.parse(leaked.createdAt as string));
  });

  it('revoking a revoked key again answers 204 and keeps the first revocation time', async () => {
    const key = (await mint()).body;
    await app.call('DELETE', `/api/admin/keys/${key.keyId as string}`, { key: app.operatorKey });
    const first = (await listedKeys(app.operatorKey)).find((k) => k.keyId === key.keyId)!.revokedAt;

    const again = await app.call('DELETE', `/api/admin/keys/${key.keyId as string}`, { key: app.operatorKey });

    expect(again.status).toBe(204);
    expect((await listedKeys(app.operatorKey)).find((k) => k.keyId === key.keyId)!.revokedAt).toBe(first);
  });

  it("404 for an unknown key id and for a partner's key id, whose key keeps working", async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const partnerKeyId = partner.key.split('.')[2]!;
    for (const keyId of ['AAAAAAAAAAAAAAAA', partnerKeyId, 'not%20a%20key%23id']) {
      const answer = await app.call('DELETE', `/api/admin/keys/${keyId}`, { key: app.operatorKey });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(answer.body.type).toBe('/problems/not-found');
    }
    expect((await app.call('GET', '/api/customers', { key: partner.key })).status).toBe(200);
    expect((await listedKeys(app.operatorKey)).map((key) => key.keyId)).not.toContain(partnerKeyId);
  });

  it('operator-only: a partner key is refused with 403 on all three routes, no key with 401, and nothing changes', async () => {
    const partner = await registeredPartner(app, 'oem');
    const target = (await mint()).body;
    const routes: [string, string][] = [
      ['GET', '/api/admin/keys'],
      ['POST', '/api/admin/keys'],
      ['DELETE', `/api/admin/keys/${target.keyId as string}`],
    ];
    for (const [method, path] of routes) {
      expect((await app.call(method, path, { key: partner.key })).status).toBe(403);
      expect((await app.call(method, path)).status).toBe(401);
    }
    expect(await canCallAdminRoutes(target.apiKey)).toBe(200);
  });

  it('lists page by page (pageSize 1..100) and refuses a bad page size or a token it did not issue with 400', async () => {
    await mint();
    await mint();
    const first = await app.call('GET', '/api/admin/keys?pageSize=1', { key: app.operatorKey });
    expect(first.body.items).toHaveLength(1);
    const second = await app.call(
      'GET',
      `/api/admin/keys?pageSize=1&continuationToken=${encodeURIComponent(first.body.continuationToken)}`,
      { key: app.operatorKey },
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].keyId).not.toBe(first.body.items[0].keyId);
    for (const query of ['pageSize=0', 'pageSize=101', 'continuationToken=garbage']) {
      expect((await app.call('GET', `/api/admin/keys?${query}`, { key: app.operatorKey })).status).toBe(400);
    }
  });

  it('an operator key made before keys were listed keeps working, and is revoked by its id (not listed)', async () => {
    const older = await storedOlderOperatorKey();
    expect(await canCallAdminRoutes(older.apiKey)).toBe(200);
    expect((await listedKeys(app.operatorKey)).map((key) => key.keyId)).not.toContain(older.keyId);

    const revoked = await app.call('DELETE', `/api/admin/keys/${older.keyId}`, { key: app.operatorKey });

    expect(revoked.status).toBe(204);
    expect(await canCallAdminRoutes(older.apiKey)).toBe(401);
  });
});
