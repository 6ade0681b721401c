// Paging over Table Storage queries. A page's continuationToken here is a storage position, as plain as storage makes
// it; what clients see is sealed by the HTTP layer (shared/http/listPage.ts), so only positions we gave out come back.
import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';

export interface Page<T> {
  items: T[];
  continuationToken?: string;
}

export interface PageRequest {
  pageSize: number;
  continuationToken?: string;
}

/** One page of a query; its token is the SDK's continuation token. */
export async function queryPage<E extends object, T>(
  table: TableClient,
  filter: string,
  request: PageRequest,
  map: (entity: TableEntityResult<E>) => T,
): Promise<Page<T>> {
  const pages = table
    .listEntities<E>({ queryOptions: { filter } })
    .byPage({ maxPageSize: request.pageSize, continuationToken: request.continuationToken });
  const next: IteratorResult<TableEntityResult<E>[] & { continuationToken?: string }> = await pages.next();
  const entities = next.done ? [] : next.value;
  const items = entities.map(map);
  const token = next.done ? undefined : next.value.continuationToken;
  return token ? { items, continuationToken: token } : { items };
}

/**
 * One page of a query within one partition whose consecutive rows form groups (the rows of one tenant, say), each
 * group shown once by its first row: a page holds `pageSize` groups — fewer only on the last page — and its token
 * resumes at the next group's first row, so no group is split across two pages. The SDK's tokens cannot point at a
 * row of our choosing, so this token is the row key to resume from.
 */
export async function queryGroupedPage<E extends object, T>(
  table: TableClient,
  filter: string,
  request: PageRequest,
  groupOf: (entity: TableEntityResult<E>) => string,
  map: (entity: TableEntityResult<E>) => T,
): Promise<Page<T>> {
  const from = request.continuationToken;
  const query = from === undefined ? filter : `(${filter}) and ${odata`RowKey ge ${from}`}`;
  const pages = table
    .listEntities<E>({ queryOptions: { filter: query } })
    .byPage({ maxPageSize: request.pageSize + 1 });
  const items: T[] = [];
  let group: string | undefined;
  for await (const entities of pages) {
    for (const entity of entities) {
      if (groupOf(entity) === group) continue;
      if (items.length === request.pageSize) return { items, continuationToken: entity.rowKey };
      group = groupOf(entity);
      items.push(map(entity));
    }
  }
  return { items };
}
