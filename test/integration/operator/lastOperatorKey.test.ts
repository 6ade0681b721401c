// The last active operator key cannot be revoked, even by two operators at the same moment. A storage of this file's own:
// every other test file mints operator keys in the shared one.
import type { RunningAzurite } from '../../../dev/azurite';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { mintOperatorKey, revokeOperatorKey, type MintedKey } from '../../../shared/consent/operatorKeys';
import type { StoredApiKey } from '../../../shared/auth/apiKeys';
import { startAppHost, type AppHost } from '../../support/appHost';
import { useOwnAzurite } from '../../support/ownAzurite';

let azurite: RunningAzurite;
let app: AppHost;

beforeAll(async () => {
  azurite = await useOwnAzurite();
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
  await azurite.stop();
});

/** Mints `count` operator keys and revokes every other, so that exactly these are active. */
async function onlyActive(count: number): Promise<MintedKey[]> {
  const minted: MintedKey[] = [];
  for (let i = 0; i < count; i++) minted.push(await mintOperatorKey(live, `key ${i + 1}`));
  for (const key of await allKeys()) {
    if (!key.revokedAt && !minted.some((m) => m.keyId === key.keyId)) await revokeOperatorKey(live, key.keyId);
  }
  return minted;
}

async function allKeys(): Promise<StoredApiKey[]> {
  const keys: StoredApiKey[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await live.apiKeys.listOperatorKeys({ pageSize: 100, continuationToken });
    keys.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return keys;
}

/** The first `parties` callers wait until all of them have arrived; later callers pass straight through. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const everyone = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    if (arrived >= parties) return;
    if (++arrived === parties) release();
    await everyone;
  };
}

const status = async (key: string) => (await app.call('GET', '/api/admin/keys', { key })).status;

describe('the last active operator key', () => {
  it('cannot be revoked: 409 problem+json saying why, and it keeps working', async () => {
    const [last] = await onlyActive(1);

    const refused = await app.call('DELETE', `/api/admin/keys/${last!.keyId}`, { key: last!.apiKey });

    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(refused.body).toEqual({
      type: '/problems/conflict',
      title: expect.any(String),
      status: 409,
      detail:
        'This is the last active operator key: revoking it would leave no key for the /api/admin routes. ' +
        'Mint a new one first (POST /api/admin/keys), then revoke this one.',
    });
    const documented = (await app.call('GET', '/api/openapi.json')).body;
    expect(documented.paths['/api/admin/keys/{keyId}'].delete.responses['409']).toBeDefined();
    expect(await status(last!.apiKey)).toBe(200);
  });

  it('rotation: after minting a successor the old key can go, and then the successor is the last', async () => {
    const [old] = await onlyActive(1);
    const successor = (await app.call('POST', '/api/admin/keys', { key: old!.apiKey })).body;

    expect((await app.call('DELETE', `/api/admin/keys/${old!.keyId}`, { key: successor.apiKey })).status).toBe(204);

    expect(await status(old!.apiKey)).toBe(401);
    const refused = await app.call('DELETE', `/api/admin/keys/${successor.keyId as string}`, {
      key: successor.apiKey,
    });
    expect(refused.status).toBe(409);
    expect(await status(successor.apiKey)).toBe(200);
  });

  it('two operators revoking the last two keys at the same moment: one succeeds, the other is 409, one key still works', async () => {
    const [a, b] = await onlyActive(2);
    const bothHaveRead = barrier(2);
    // Both revocations read the keys before either writes: each sees the other's key as still active.
    const racing: Dependencies = {
      ...live,
      apiKeys: {
        ...live.apiKeys,
        anotherActiveOperatorKey: async (keyId) => {
          const found = await live.apiKeys.anotherActiveOperatorKey(keyId);
          await bothHaveRead();
          return found;
        },
      },
    };

    const outcomes = await Promise.allSettled([
      revokeOperatorKey(racing, a!.keyId),
      revokeOperatorKey(racing, b!.keyId),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^This is the last/) });
    expect([await status(a!.apiKey), await status(b!.apiKey)].sort()).toEqual([200, 401]);
    expect((await allKeys()).filter((key) => !key.revokedAt)).toHaveLength(1);
  });

  it('five operators each revoking one of the last five keys at the same moment: four succeed, the last key stays', async () => {
    const keys = await onlyActive(5);
    const allHaveRead = barrier(keys.length);
    const racing: Dependencies = {
      ...live,
      apiKeys: {
        ...live.apiKeys,
        anotherActiveOperatorKey: async (keyId) => {
          const found = await live.apiKeys.anotherActiveOperatorKey(keyId);
          await allHaveRead();
          return found;
        },
      },
    };

    const outcomes = await Promise.allSettled(keys.map((key) => revokeOperatorKey(racing, key.keyId)));

    const active = (await allKeys()).filter((key) => !key.revokedAt);
    expect(active).toHaveLength(1);
    const kept = keys.findIndex((key) => key.keyId === active[0]!.keyId);
    expect(outcomes[kept]).toMatchObject({ status: 'rejected', reason: { kind: 'conflict' } });
    expect((outcomes[kept] as PromiseRejectedResult).reason.message).toMatch(/^This is the last active operator key/);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(keys.length - 1);
    expect(await status(keys[kept]!.apiKey)).toBe(200);
  });
});
