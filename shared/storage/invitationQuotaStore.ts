// The times of each partner's recent invitation emails, one row per partner, changed under its ETag.
import { tableClient } from './clients';
import { getOrUndefined } from './entities';
import { TABLES } from './tableNames';
import type { Versioned } from './versioned';

const ROW_KEY = 'invitation-emails';

interface QuotaEntity {
  partitionKey: string;
  rowKey: string;
  /** JSON array of ISO times: at most the hourly limit, as older ones are dropped on every write. */
  sentAt: string;
}

/** The partner's recorded send times, with the ETag a change must match; undefined before its first email. */
export async function findInvitationTimes(partnerId: string): Promise<Versioned<string[]> | undefined> {
  const entity = await getOrUndefined<QuotaEntity>(await tableClient(TABLES.invitationQuota), partnerId, ROW_KEY);
  return entity && { value: JSON.parse(entity.sentAt) as string[], etag: entity.etag };
}

/**
 * Stores the send times: inserts the partner's row when `etag` is undefined, else replaces it only if unchanged.
 * A concurrent writer makes this fail (409 on insert, 412 on replace), and the caller decides again.
 */
export async function saveInvitationTimes(partnerId: string, sentAt: string[], etag: string | undefined) {
  const table = await tableClient(TABLES.invitationQuota);
  const entity: QuotaEntity = { partitionKey: partnerId, rowKey: ROW_KEY, sentAt: JSON.stringify(sentAt) };
  if (etag === undefined) await table.createEntity(entity);
  else await table.updateEntity(entity, 'Replace', { etag });
}
