// Each partner's recent invitation emails, one row each (PartitionKey partner, RowKey time~id): written without
// contention, counted with one range read, and rows older than the window taken away as new ones come.
import { odata } from '@azure/data-tables';
import { tableClient } from './clients';
import { deleteIfPresent } from './entities';
import { TABLES } from './tableNames';

/** Old rows removed per new email: more than arrive, so a partition never grows past the window's worth. */
const STALE_PER_WRITE = 20;

/** Records one email at `at`; answers its row key, which sorts by time (ties broken by the id). */
export async function recordInvitationEmail(partnerId: string, at: Date, id: string): Promise<string> {
  const rowKey = `${at.toISOString()}~${id}`;
  await (await tableClient(TABLES.invitationQuota)).createEntity({ partitionKey: partnerId, rowKey });
  return rowKey;
}

/**
 * The times of the partner's emails from `since` up to and including the row `upTo`, oldest first, at most `max` of
 * them — the limit needs no more to decide. Rows older than `since` are removed on the way (a bounded number).
 */
export async function invitationEmailsUpTo(
  partnerId: string,
  since: Date,
  upTo: string,
  max: number,
): Promise<string[]> {
  const table = await tableClient(TABLES.invitationQuota);
  const cutoff = since.toISOString();
  const [inWindow] = await Promise.all([
    firstRowKeys(table, odata`PartitionKey eq ${partnerId} and RowKey ge ${cutoff} and RowKey le ${upTo}`, max),
    firstRowKeys(table, odata`PartitionKey eq ${partnerId} and RowKey lt ${cutoff}`, STALE_PER_WRITE).then((stale) =>
      Promise.all(stale.map((rowKey) => deleteIfPresent(table, partnerId, rowKey))),
    ),
  ]);
  return inWindow.map((rowKey) => rowKey.slice(0, rowKey.indexOf('~')));
}

/** Takes back an email that was refused, so it does not count. */
export async function removeInvitationEmail(partnerId: string, rowKey: string): Promise<void> {
  await deleteIfPresent(await tableClient(TABLES.invitationQuota), partnerId, rowKey);
}

async function firstRowKeys(
  table: Awaited<ReturnType<typeof tableClient>>,
  filter: string,
  max: number,
): Promise<string[]> {
  const pages = table
    .listEntities<{ rowKey: string }>({ queryOptions: { filter, select: ['RowKey'] } })
    .byPage({ maxPageSize: max });
  const rowKeys: string[] = [];
  for await (const page of pages) {
    for (const entity of page) {
      rowKeys.push(entity.rowKey);
      if (rowKeys.length >= max) return rowKeys;
    }
  }
  return rowKeys;
}
