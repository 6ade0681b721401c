// The apikeys table: one row per key (PartitionKey = key id), holding only the secret's hash.
import type { KeyOwner, StoredApiKey } from '../auth/apiKeys';
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { getOrUndefined } from './entities';

const ROW = 'key';

interface ApiKeyEntity {
  partitionKey: string;
  rowKey: string;
  secretHash: string;
  ownerKind: KeyOwner['kind'];
  partnerId?: string;
  name?: string;
  createdAt: Date;
  revokedAt?: Date;
}

/** Inserts a new key; `replace` is for the local host re-registering its fixed operator key on every start. */
export async function insertApiKey(key: StoredApiKey, options: { replace?: boolean } = {}): Promise<void> {
  const table = await tableClient(TABLES.apiKeys);
  const entity: ApiKeyEntity = {
    partitionKey: key.keyId,
    rowKey: ROW,
    secretHash: key.secretHash,
    ownerKind: key.owner.kind,
    partnerId: key.owner.kind === 'partner' ? key.owner.partnerId : undefined,
    name: key.name,
    createdAt: key.createdAt,
  };
  if (options.replace) await table.upsertEntity(entity, 'Replace');
  else await table.createEntity(entity);
}

/** One point read; undefined when no such key exists. */
export async function findApiKey(keyId: string): Promise<StoredApiKey | undefined> {
  const entity = await getOrUndefined<ApiKeyEntity>(await tableClient(TABLES.apiKeys), keyId, ROW);
  return entity && fromEntity(entity);
}

/** Marks a key revoked (idempotent: the first revocation time is kept). */
export async function revokeApiKey(keyId: string, now: Date): Promise<StoredApiKey | undefined> {
  const existing = await findApiKey(keyId);
  if (!existing) return undefined;
  if (existing.revokedAt) return existing;
  const table = await tableClient(TABLES.apiKeys);
  await table.updateEntity({ partitionKey: keyId, rowKey: ROW, revokedAt: now }, 'Merge');
  return { ...existing, revokedAt: now };
}

function fromEntity(entity: ApiKeyEntity): StoredApiKey {
  // A malformed row must never widen into operator rights: only an explicit 'operator' is one.
  let owner: KeyOwner;
  if (entity.ownerKind === 'operator') owner = { kind: 'operator' };
  else if (entity.ownerKind === 'partner' && entity.partnerId) owner = { kind: 'partner', partnerId: entity.partnerId };
  else throw new Error(`API key ${entity.partitionKey} has no valid owner`);
  return {
    keyId: entity.partitionKey,
    secretHash: entity.secretHash,
    owner,
    name: entity.name,
    createdAt: new Date(entity.createdAt),
    revokedAt: entity.revokedAt ? new Date(entity.revokedAt) : undefined,
  };
}
