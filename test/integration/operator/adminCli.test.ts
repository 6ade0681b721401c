// `npm run admin` operator-key and partner-index commands, run as an operator runs them, against a storage of this
// file's own (no other file's operator keys or partners in it).
import { randomUUID } from 'node:crypto';
import type { RunningAzurite } from '../../../dev/azurite';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { runAdmin } from '../../support/adminCommand';
import { storedOlderOperatorKey } from '../../support/olderOperatorKey';
import { useOwnAzurite } from '../../support/ownAzurite';
import { storedPartner } from '../../support/storeFixtures';

let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await useOwnAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

const admin = (...args: string[]) => runAdmin(['--connection-string', azurite.connectionString, ...args]);

interface ListedKey {
  keyId: string;
  name?: string;
  createdAt: string;
  revokedAt?: string;
}

/** What list-operator-keys printed: one JSON object per key. */
async function listed(): Promise<ListedKey[]> {
  const { code, stdout } = await admin('list-operator-keys');
  expect(code).toBe(0);
  return stdout.trim() ? JSON.parse(`[${stdout.trim().replace(/\n}\n{/g, '},{')}]`) : [];
}

async function created(name: string): Promise<{ keyId: string; apiKey: string; createdAt: string }> {
  const run = await admin('create-operator-key', '--name', name);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

// Runs first, on the empty storage: a deployment whose only operator key was made before keys were listed.
it('an older operator key cannot be revoked until a listed one exists; then it can, and it is never listed', async () => {
  const older = await storedOlderOperatorKey();
  expect(await listed()).toEqual([]);

  const refused = await admin('revoke-operator-key', '--key-id', older.keyId);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^admin: No operator key is active on the list yet .* Mint a new one first/);

  const successor = await created('ops on-call');
  const revoked = await admin('revoke-operator-key', '--key-id', older.keyId);

  expect(revoked.code).toBe(0);
  expect((await live.apiKeys.findOperatorKey(older.keyId))?.value.revokedAt).toBeInstanceOf(Date);
  expect(await listed()).toEqual([{ keyId: successor.keyId, name: 'ops on-call', createdAt: successor.createdAt }]);
});

it('create, list and revoke: the key is shown once, the list shows no secret, the last active key is refused', async () => {
  const first = await created('first');
  const second = await created('second');
  for (const key of await listed()) {
    if (!key.revokedAt && key.keyId !== first.keyId && key.keyId !== second.keyId) {
      expect((await admin('revoke-operator-key', '--key-id', key.keyId)).code).toBe(0);
    }
  }

  const revoked = await admin('revoke-operator-key', '--key-id', first.keyId);
  const refused = await admin('revoke-operator-key', '--key-id', second.keyId);

  expect(revoked.code).toBe(0);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toBe(
    'admin: This is the last active operator key: revoking it would leave no key for the /api/admin routes. ' +
      'Mint a new one first (POST /api/admin/keys), then revoke this one.\n',
  );
  const keys = await listed();
  expect(keys.find((key) => key.keyId === first.keyId)).toEqual({
    keyId: first.keyId,
    name: 'first',
    createdAt: first.createdAt,
    revokedAt: expect.any(String),
  });
  expect(keys.find((key) => key.keyId === second.keyId)?.revokedAt).toBeUndefined();
  const { stdout } = await admin('list-operator-keys');
  for (const key of [first, second]) expect(stdout).not.toContain(key.apiKey.split('.')[3]!);
});

it('an unknown key id: exit code 1, saying there is no such operator key', async () => {
  const run = await admin('revoke-operator-key', '--key-id', 'AAAAAAAAAAAAAAAA');
  expect(run.code).toBe(1);
  expect(run.stderr).toBe('admin: There is no operator key "AAAAAAAAAAAAAAAA".\n');
});

it('Identities: index-partner-tenants lets the principals of partners registered before the index find them; again, it changes nothing', async () => {
  const tenantId = randomUUID();
  await storedPartner('direct-csp', {
    id: 'older-partner',
    displayName: 'Contoso Older',
    tenantId,
    contactEmail: 'older@partner.example',
  });
  const before = await live.partners.findPartnersOfTenant(tenantId, 25);

  const first = await admin('index-partner-tenants');
  const again = await admin('index-partner-tenants');

  expect(before).toEqual([]);
  expect([first.code, again.code]).toEqual([0, 0]);
  expect([JSON.parse(first.stdout), JSON.parse(again.stdout)]).toEqual([{ indexed: 1 }, { indexed: 1 }]);
  expect((await live.partners.findPartnersOfTenant(tenantId, 25)).map((partner) => partner.id)).toEqual([
    'older-partner',
  ]);
});
