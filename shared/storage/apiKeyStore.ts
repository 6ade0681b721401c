// The apikeys table: one row per key (PartitionKey = key id), holding only the secret's hash.
import { odata } from '@azure/data-tables';
import type { KeyOwner, StoredApiKey } from '../auth/apiKeys';
import type { PartnerKind } from '../domain/partners';
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { isNotFound, isUsableKey } from './tableErrors';

const ROW = 'key';

interface ApiKeyEntity {
  partitionKey: string;
  rowKey: string;
  secretHash: string;
  ownerKind: KeyOwner['kind'];
  partnerId?: string;
  partnerType?: PartnerKind;
  partnerActive?: boolean;
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
    partnerType: key.partner?.type,
    partnerActive: key.partner?.active,
    name: key.name,
    createdAt: key.createdAt,
  };
  if (options.replace) await table.upsertEntity(entity, 'Replace');
  else await table.createEntity(entity);
}

/** One point read; undefined when no such key exists. */
export async function findApiKey(keyId: string): Promise<StoredApiKey | undefined> {
  if (!isUsableKey(keyId)) return undefined;
  const table = await tableClient(TABLES.apiKeys);
  try {
    return fromEntity(await table.getEntity<ApiKeyEntity>(keyId, ROW));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
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

/** Copies a partner's status onto every one of its keys (a filter over the small keys table: an operator action). */
export async function setPartnerKeysActive(partnerId: string, active: boolean): Promise<void> {
  const table = await tableClient(TABLES.apiKeys);
  const filter = odata`ownerKind eq 'partner' and partnerId eq ${partnerId}`;
  for await (const entity of table.listEntities<ApiKeyEntity>({ queryOptions: { filter, select: ['PartitionKey'] } })) {
    await table.updateEntity({ partitionKey: entity.partitionKey, rowKey: ROW, partnerActive: active }, 'Merge');
  }
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
    partner:
      entity.partnerType === undefined
        ? undefined
        : { type: entity.partnerType, active: entity.partnerActive === true },
    name: entity.name,
    createdAt: new Date(entity.createdAt),
    revokedAt: entity.revokedAt ? new Date(entity.revokedAt) : undefined,
  };
}
