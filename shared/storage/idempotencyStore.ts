// The idempotency table: the first answer to (partner, Idempotency-Key), kept 24 hours, claimed by an atomic insert.
import { createHash } from 'node:crypto';
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { deleteIfPresent, getOrUndefined } from './entities';
import { isAlreadyExists, isPreconditionFailed } from './tableErrors';

/** How long a stored answer is replayed (API.md). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * A claim older than this whose request never finished (the instance died, or storage failed before the claim could
 * be released) may be taken over. Short on purpose: a takeover resumes the same resource id, so even if the first
 * request is merely slow, both converge on one resource instead of creating two.
 */
const ABANDONED_AFTER_MS = 10 * 1000;

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { kind: 'claimed'; resourceId: string }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

interface IdempotencyEntity {
  partitionKey: string;
  rowKey: string;
  requestHash: string;
  /** The id the request creates, fixed at the first claim so that a takeover after a crash resumes the same resource. */
  resourceId: string;
  state: 'in-progress' | 'completed';
  answer?: string;
  claimedAt: Date;
  expiresAt: Date;
  etag?: string;
}

/**
 * Claims the key for this request, or says why not; exactly one of two racing identical requests gets 'claimed'.
 * `resourceId` is the id to create under; taking over an abandoned claim of the same request keeps the first one's.
 */
export async function claimIdempotencyKey(
  partnerId: string,
  key: string,
  requestHash: string,
  now: Date,
  resourceId: string,
): Promise<IdempotencyClaim> {
  const table = await tableClient(TABLES.idempotency);
  const entity: IdempotencyEntity = {
    partitionKey: partnerId,
    rowKey: rowKeyFor(key),
    requestHash,
    resourceId,
    state: 'in-progress',
    claimedAt: now,
    expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS),
  };
  try {
    await table.createEntity(entity);
    return { kind: 'claimed', resourceId };
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  // Undefined when the first request released the key meanwhile.
  const existing = await getOrUndefined<IdempotencyEntity>(table, entity.partitionKey, entity.rowKey);
  const reusable =
    !existing ||
    new Date(existing.expiresAt) <= now ||
    (existing.state === 'in-progress' && now.getTime() - new Date(existing.claimedAt).getTime() > ABANDONED_AFTER_MS);
  if (reusable) {
    const resumes = existing && existing.state === 'in-progress' && existing.requestHash === requestHash;
    return takeOver({ ...entity, resourceId: resumes ? existing.resourceId : resourceId }, existing?.etag);
  }
  if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
  if (existing.state === 'in-progress') return { kind: 'in-progress' };
  return { kind: 'replay', answer: JSON.parse(existing.answer ?? '{}') as StoredAnswer };
}

/** Stores the answer to replay. */
export async function completeIdempotencyKey(partnerId: string, key: string, answer: StoredAnswer): Promise<void> {
  const table = await tableClient(TABLES.idempotency);
  await table.updateEntity(
    { partitionKey: partnerId, rowKey: rowKeyFor(key), state: 'completed', answer: JSON.stringify(answer) },
    'Merge',
  );
}

/** Frees the key after a failed request, so that the client's retry runs it again. */
export async function releaseIdempotencyKey(partnerId: string, key: string): Promise<void> {
  const table = await tableClient(TABLES.idempotency);
  await deleteIfPresent(table, partnerId, rowKeyFor(key));
}

async function takeOver(entity: IdempotencyEntity, etag: string | undefined): Promise<IdempotencyClaim> {
  const table = await tableClient(TABLES.idempotency);
  try {
    if (etag) await table.updateEntity(entity, 'Replace', { etag });
    else await table.createEntity(entity);
    return { kind: 'claimed', resourceId: entity.resourceId };
  } catch (error) {
    // Someone else took it over first: they run, we report it as running.
    if (isPreconditionFailed(error) || isAlreadyExists(error)) return { kind: 'in-progress' };
    throw error;
  }
}

/** Keys are up to 255 arbitrary characters; RowKey forbids some, so store a hash. */
function rowKeyFor(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
