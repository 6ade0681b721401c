// The apikeys table, holding only each secret's hash: a partner key in a partition of its own (PartitionKey = key id),
// every operator key in one partition ("operator", RowKey = key id) so that they can be listed and revoked together.
import { odata } from '@azure/data-tables';
import type { KeyOwner, StoredApiKey } from '../auth/apiKeys';
import { tableClient } from './clients';
import { getOrUndefined } from './entities';
import { queryPage, type Page, type PageRequest } from './paging';
import { TABLES } from './tableNames';
import type { Versioned } from './versioned';

const ROW = 'key';
const OPERATOR_PARTITION = 'operator';

interface ApiKeyEntity {
  partitionKey: string;
  rowKey: string;
  secretHash: string;
  ownerKind: KeyOwner['kind'];
  partnerId?: string;
  name?: string;
  createdAt: Date;
  revokedAt?: Date;
  /** Operator keys: false once revoked. A filter can find `active eq true`; it cannot find a missing `revokedAt`. */
  active?: boolean;
}

/** An operator key with the ETag it was read at; `listed` is false for a key made before operator keys were listed. */
export interface OperatorKeyRecord extends Versioned<StoredApiKey> {
  listed: boolean;
}

/** Inserts a new key; `replace` is for the local host re-registering its fixed operator key on every start. */
export async function insertApiKey(key: StoredApiKey, options: { replace?: boolean } = {}): Promise<void> {
  const table = await tableClient(TABLES.apiKeys);
  const entity = toEntity(key);
  if (options.replace) await table.upsertEntity(entity, 'Replace');
  else await table.createEntity(entity);
}

/** A partner key (or an operator key made before operator keys were listed): one point read; undefined when none. */
export async function findApiKey(keyId: string): Promise<StoredApiKey | undefined> {
  const entity = await getOrUndefined<ApiKeyEntity>(await tableClient(TABLES.apiKeys), keyId, ROW);
  return entity && fromEntity(entity);
}

/**
 * An operator key: one point read in the operator partition; only when it is not there, a second at the place keys
 * were kept before they were listed, so that those keep working (and can be revoked) after an upgrade.
 */
export async function findOperatorKey(keyId: string): Promise<OperatorKeyRecord | undefined> {
  const table = await tableClient(TABLES.apiKeys);
  const listed = await getOrUndefined<ApiKeyEntity>(table, OPERATOR_PARTITION, keyId);
  if (listed) return { value: fromEntity(listed), etag: listed.etag, listed: true };
  const unlisted = await getOrUndefined<ApiKeyEntity>(table, keyId, ROW);
  if (unlisted?.ownerKind !== 'operator') return undefined;
  return { value: fromEntity(unlisted), etag: unlisted.etag, listed: false };
}

/** One page of the listed operator keys, revoked ones included, in key id order. */
export async function listOperatorKeys(page: PageRequest): Promise<Page<StoredApiKey>> {
  const table = await tableClient(TABLES.apiKeys);
  return queryPage<ApiKeyEntity, StoredApiKey>(table, odata`PartitionKey eq ${OPERATOR_PARTITION}`, page, fromEntity);
}

/** An active listed operator key other than `keyId`, with its ETag; the query hands back at most one row a page. */
export async function anotherActiveOperatorKey(keyId: string): Promise<Versioned<StoredApiKey> | undefined> {
  const table = await tableClient(TABLES.apiKeys);
  const filter = odata`PartitionKey eq ${OPERATOR_PARTITION} and RowKey ne ${keyId} and active eq true`;
  const pages = table.listEntities<ApiKeyEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: 1 });
  for await (const entities of pages) {
    const [entity] = entities;
    if (entity) return { value: fromEntity(entity), etag: entity.etag };
  }
  return undefined;
}

/**
 * Revokes a listed operator key in one transaction with a write to `witness`, another active listed key, each guarded
 * by the ETag it was read with: if either changed meanwhile (the witness revoked by someone else, say) nothing is
 * written and the transaction fails with 412.
 */
export async function revokeListedOperatorKey(
  target: Versioned<StoredApiKey>,
  witness: Versioned<StoredApiKey>,
  now: Date,
): Promise<void> {
  const table = await tableClient(TABLES.apiKeys);
  const row = (key: StoredApiKey) => ({ partitionKey: OPERATOR_PARTITION, rowKey: key.keyId });
  await table.submitTransaction([
    ['update', { ...row(target.value), revokedAt: now, active: false }, 'Merge', { etag: target.etag }],
    ['update', row(witness.value), 'Merge', { etag: witness.etag }],
  ]);
}

/** Marks a key in its own partition revoked (idempotent: the first revocation time is kept). */
export async function revokeApiKey(keyId: string, now: Date): Promise<StoredApiKey | undefined> {
  const existing = await findApiKey(keyId);
  if (!existing) return undefined;
  if (existing.revokedAt) return existing;
  const table = await tableClient(TABLES.apiKeys);
  await table.updateEntity({ partitionKey: keyId, rowKey: ROW, revokedAt: now }, 'Merge');
  return { ...existing, revokedAt: now };
}

function toEntity(key: StoredApiKey): ApiKeyEntity {
  const facts = { secretHash: key.secretHash, ownerKind: key.owner.kind, name: key.name, createdAt: key.createdAt };
  if (key.owner.kind === 'operator') {
    return { partitionKey: OPERATOR_PARTITION, rowKey: key.keyId, ...facts, active: true };
  }
  return { partitionKey: key.keyId, rowKey: ROW, ...facts, partnerId: key.owner.partnerId };
}

function fromEntity(entity: ApiKeyEntity): StoredApiKey {
  const keyId = entity.partitionKey === OPERATOR_PARTITION ? entity.rowKey : entity.partitionKey;
  // A malformed row must never widen into operator rights: only an explicit 'operator' is one.
  let owner: KeyOwner;
  if (entity.ownerKind === 'operator') owner = { kind: 'operator' };
  else if (entity.ownerKind === 'partner' && entity.partnerId) owner = { kind: 'partner', partnerId: entity.partnerId };
  else throw new Error(`API key ${keyId} has no valid owner`);
  return {
    keyId,
    secretHash: entity.secretHash,
    owner,
    name: entity.name,
    createdAt: new Date(entity.createdAt),
    revokedAt: entity.revokedAt ? new Date(entity.revokedAt) : undefined,
  };
}
