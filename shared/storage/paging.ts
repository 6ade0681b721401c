// Continuation-token paging over Table Storage queries, the token made opaque for clients: the SDK's own for plain
// pages, a row key to resume from for pages of grouped rows.
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { invalid } from '../errors';
import { isUsableKey } from './tableErrors';

export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

export interface PageRequest {
  pageSize: number;
  continuationToken?: string;
}

/** One page of a query; the client's token is decoded here and a tampered one is a 400, not a 500. */
export async function queryPage<E extends object, T>(
  table: TableClient,
  filter: string,
  request: PageRequest,
  map: (entity: TableEntityResult<E>) => T,
): Promise<Page<T>> {
  const pages = table
    .listEntities<E>({ queryOptions: { filter } })
    .byPage({ maxPageSize: request.pageSize, continuationToken: decodeToken(request.continuationToken) });
  const next: IteratorResult<TableEntityResult<E>[] & { continuationToken?: string }> = await pages.next();
  const entities = next.done ? [] : next.value;
  const items = entities.map(map);
  const token = next.done ? undefined : next.value.continuationToken;
  return token ? { items, continuationToken: encodeToken(token) } : { items };
}

/**
 * One page of a query within one partition whose consecutive rows form groups (the rows of one tenant, say), each
 * group shown once by its first row: a page holds `pageSize` groups — fewer only on the last page — and its token
 * resumes at the next group's first row, so no group is split across two pages. The service's own tokens are opaque
 * and cannot point at a row of our choosing, so this token names the row key to resume from.
 */
export async function queryGroupedPage<E extends object, T>(
  table: TableClient,
  filter: string,
  request: PageRequest,
  groupOf: (entity: TableEntityResult<E>) => string,
  map: (entity: TableEntityResult<E>) => T,
): Promise<Page<T>> {
  const from = decodeResumeToken(request.continuationToken);
  const query = from === undefined ? filter : `(${filter}) and ${odata`RowKey ge ${from}`}`;
  const pages = table
    .listEntities<E>({ queryOptions: { filter: query } })
    .byPage({ maxPageSize: request.pageSize + 1 });
  const items: T[] = [];
  let group: string | undefined;
  for await (const entities of pages) {
    for (const entity of entities) {
      if (groupOf(entity) === group) continue;
      if (items.length === request.pageSize) return { items, continuationToken: encodeResumeToken(entity.rowKey) };
      group = groupOf(entity);
      items.push(map(entity));
    }
  }
  return { items };
}

function encodeResumeToken(rowKey: string | undefined): string {
  return Buffer.from(JSON.stringify({ from: rowKey }), 'utf8').toString('base64url');
}

function decodeResumeToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badToken();
  }
  const { from } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof from !== 'string' || !isUsableKey(from)) throw badToken();
  return from;
}

function encodeToken(token: string): string {
  return Buffer.from(token, 'utf8').toString('base64url');
}

function decodeToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  // The SDK's own token is base64 of { nextPartitionKey, nextRowKey? }; anything else did not come from us.
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(decoded, 'base64').toString('utf8'));
  } catch {
    throw badToken();
  }
  const { nextPartitionKey, nextRowKey } = (parsed ?? {}) as Record<string, unknown>;
  const usable = (key: unknown) => typeof key === 'string' && isUsableKey(key);
  if (!usable(nextPartitionKey) || (nextRowKey !== undefined && !usable(nextRowKey))) throw badToken();
  return decoded;
}

function badToken() {
  return invalid('continuationToken is not valid: pass back the token of the previous page unchanged.', [
    { path: 'continuationToken', message: 'not a token this service issued' },
  ]);
}
