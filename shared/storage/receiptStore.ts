// The receipts table (PartitionKey = consent id, RowKey = the decision): each receipt written once, never replaced.
import { odata } from '@azure/data-tables';
import type { DecisionEvent } from '../domain/consent';
import { tableClient } from './clients';
import { getOrUndefined } from './entities';
import { TABLES } from './tableNames';
import { isAlreadyExists, isUsableKey } from './tableErrors';

export interface StoredReceipt {
  consentId: string;
  event: DecisionEvent;
  /** The compact JWS. */
  jws: string;
  kid: string;
  issuedAt: string;
}

interface ReceiptEntity {
  partitionKey: string;
  rowKey: DecisionEvent;
  jws: string;
  kid: string;
  issuedAt: string;
}

/** Stores a receipt unless one is already there for this decision; answers the one that stays (the first). */
export async function saveReceipt(receipt: StoredReceipt): Promise<StoredReceipt> {
  const table = await tableClient(TABLES.receipts);
  try {
    await table.createEntity<ReceiptEntity>({
      partitionKey: receipt.consentId,
      rowKey: receipt.event,
      jws: receipt.jws,
      kid: receipt.kid,
      issuedAt: receipt.issuedAt,
    });
    return receipt;
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    return (await findReceipt(receipt.consentId, receipt.event))!;
  }
}

export async function findReceipt(consentId: string, event: DecisionEvent): Promise<StoredReceipt | undefined> {
  const entity = await getOrUndefined<ReceiptEntity>(await tableClient(TABLES.receipts), consentId, event);
  return entity && receiptOf(entity);
}

/** A consent's receipts, oldest decision first. */
export async function listReceipts(consentId: string): Promise<StoredReceipt[]> {
  if (!isUsableKey(consentId)) return [];
  const table = await tableClient(TABLES.receipts);
  const found: StoredReceipt[] = [];
  for await (const entity of table.listEntities<ReceiptEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${consentId}` },
  })) {
    found.push(receiptOf(entity));
  }
  return found.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
}

function receiptOf(entity: ReceiptEntity & { partitionKey: string }): StoredReceipt {
  return {
    consentId: entity.partitionKey,
    event: entity.rowKey,
    jws: entity.jws,
    kid: entity.kid,
    issuedAt: entity.issuedAt,
  };
}
