// The notice schedule (PartitionKey = the UTC day a notice falls due, RowKey = consent id ~ notice key): the notice
// sweep reads only the rows due by now — past days' partitions and today's — and removes each once it is handled.
import { odata } from '@azure/data-tables';
import { noticeKey, type Notice } from '../domain/notices';
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { isNotFound, isPreconditionFailed } from './tableErrors';
import type { Versioned } from './versioned';

interface NoticeEntity extends Notice {
  partitionKey: string;
  rowKey: string;
  /** When a run may take it: `dueAt`, or the end of the lease of a run that claimed it and has not removed it. */
  availableAt: string;
}

/** Puts a notice on the schedule; scheduling the same notice again replaces its row (idempotent). */
export async function scheduleNotice(notice: Notice): Promise<void> {
  const table = await tableClient(TABLES.noticeSchedule);
  await table.upsertEntity<NoticeEntity>({ ...keysOf(notice), ...notice, availableAt: notice.dueAt }, 'Replace');
}

/** The notices due by `now` and not claimed by another run, oldest day first (never on a request path). */
export async function* dueNotices(now: Date): AsyncGenerator<Versioned<Notice>> {
  const table = await tableClient(TABLES.noticeSchedule);
  const nowText = now.toISOString();
  const filter = odata`PartitionKey le ${dayOf(nowText)} and availableAt le ${nowText}`;
  for await (const entity of table.listEntities<NoticeEntity>({ queryOptions: { filter } })) {
    const { partnerId, consentId, kind, endsAt, daysLeft, dueAt } = entity;
    yield { value: { partnerId, consentId, kind, endsAt, daysLeft, dueAt }, etag: entity.etag };
  }
}

/**
 * Takes the notice for one run until `until`: only if nobody changed it since it was read (412 otherwise, and the run
 * leaves it to whoever did). Answers the new ETag. A run that stops before removing it leaves it to a later run.
 */
export async function claimNotice(notice: Versioned<Notice>, until: Date): Promise<string> {
  const table = await tableClient(TABLES.noticeSchedule);
  const { etag } = await table.updateEntity({ ...keysOf(notice.value), availableAt: until.toISOString() }, 'Merge', {
    etag: notice.etag,
  });
  return etag ?? '';
}

/** Removes a handled notice, unless it was scheduled again meanwhile (then the new row stays). */
export async function removeNotice(notice: Versioned<Notice>): Promise<void> {
  const table = await tableClient(TABLES.noticeSchedule);
  const { partitionKey, rowKey } = keysOf(notice.value);
  try {
    await table.deleteEntity(partitionKey, rowKey, { etag: notice.etag });
  } catch (error) {
    if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
  }
}

function keysOf(notice: Notice): { partitionKey: string; rowKey: string } {
  return { partitionKey: dayOf(notice.dueAt), rowKey: `${notice.consentId}~${noticeKey(notice)}` };
}

/** `YYYY-MM-DD` of an RFC 3339 UTC time: days sort as text, so "due by today" is one range over PartitionKey. */
function dayOf(time: string): string {
  return time.slice(0, 10);
}
