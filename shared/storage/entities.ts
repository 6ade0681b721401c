// Point reads and deletes that take "not there" as an answer rather than as an error.
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { isNotFound, isUsableKey } from './tableErrors';

/** One point read; undefined when the entity is not there, or when a key could not name one (a malformed id). */
export async function getOrUndefined<E extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<E> | undefined> {
  if (!isUsableKey(partitionKey) || !isUsableKey(rowKey)) return undefined;
  try {
    return await table.getEntity<E>(partitionKey, rowKey);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Deletes an entity; one that is already gone is fine (repeating a removal is how it converges). */
export async function deleteIfPresent(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
