// The webhookdeliveries table: one row per event and endpoint (PartitionKey = endpoint id, RowKey newest first), which
// is both the delivery's state between attempts and what the partner's deliveries list shows.
import { odata, type TableEntityResult } from '@azure/data-tables';
import { z } from 'zod';
import type { WebhookEventType } from '../domain/webhooks';
import { tableClient } from './clients';
import { deleteIfPresent, getOrUndefined } from './entities';
import { queryPage, type Page, type PageRequest } from './paging';
import { queueSender, type EnqueueOptions } from './queueSender';
import { QUEUES, TABLES } from './tableNames';
import { isAlreadyExists, isNotFound, isPreconditionFailed } from './tableErrors';
import type { Versioned } from './versioned';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface StoredDelivery {
  endpointId: string;
  /** The row key: the event's time inverted (newest first), then its id, so one event has one row per endpoint. */
  key: string;
  partnerId: string;
  /** The event's id, sent as `webhook-id` on every attempt. */
  eventId: string;
  type: WebhookEventType;
  consentId?: string;
  /** The exact JSON sent on every attempt. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode?: number;
  lastAttemptAt?: string;
  /** When the next attempt is due (pending only). */
  nextAttemptAt?: string;
}

type DeliveryEntity = Omit<StoredDelivery, 'endpointId' | 'key'> & { partitionKey: string; rowKey: string };

/** 2^53 ms is far beyond any date we will see; subtracting from it makes newer rows sort first in a partition. */
const NEWEST_FIRST_BASE = 2 ** 53;

/** The row key of an event's delivery to an endpoint: the same however often the event is dispatched. */
export function deliveryKey(eventAt: string, eventId: string): string {
  return `${invertedTime(Date.parse(eventAt))}.${eventId}`;
}

/** Rows of one page a retention query reads at most; Table Storage answers at most 1000 a page anyway. */
const RETENTION_PAGE_SIZE = 1000;

/** Pages one retention query reads at most, matching or not: its cost stays bounded however the table looks. */
const RETENTION_MAX_PAGES = 20;

/**
 * At most `limit` settled (delivered or failed) deliveries whose event is older than `before`, with the ETags they
 * were read at; never a pending one. Old events have the highest row keys, so one key range across every partition
 * finds them, the endpoints' deleted ones included.
 */
export async function settledDeliveriesBefore(
  before: Date,
  limit: number,
): Promise<Versioned<{ endpointId: string; key: string }>[]> {
  const table = await tableClient(TABLES.webhookDeliveries);
  const oldest = invertedTime(before.getTime() - 1); // events at `before - 1 ms` and earlier sort from here on
  const pages = table
    .listEntities<Pick<DeliveryEntity, 'partitionKey' | 'rowKey' | 'status'>>({
      queryOptions: {
        filter: odata`RowKey ge ${oldest} and status ne ${'pending'}`,
        select: ['PartitionKey', 'RowKey', 'status'],
      },
    })
    .byPage({ maxPageSize: Math.min(limit, RETENTION_PAGE_SIZE) });
  const found: Versioned<{ endpointId: string; key: string }>[] = [];
  let read = 0;
  for await (const page of pages) {
    for (const entity of page) {
      if (found.length >= limit) return found;
      found.push({ value: { endpointId: entity.partitionKey, key: entity.rowKey }, etag: entity.etag });
    }
    if (found.length >= limit || ++read >= RETENTION_MAX_PAGES) break;
  }
  return found;
}

/**
 * Removes a delivery only as it was read (settled), never one written since; answers false when it is gone already or
 * was written meanwhile, which a later run judges again.
 */
export async function removeSettledDelivery(endpointId: string, key: string, etag: string): Promise<boolean> {
  const table = await tableClient(TABLES.webhookDeliveries);
  try {
    await table.deleteEntity(endpointId, key, { etag });
    return true;
  } catch (error) {
    if (isNotFound(error) || isPreconditionFailed(error)) return false;
    throw error;
  }
}

/** Inserts a new delivery; false when this event's delivery to this endpoint exists already. */
export async function insertDelivery(delivery: StoredDelivery): Promise<boolean> {
  const table = await tableClient(TABLES.webhookDeliveries);
  try {
    await table.createEntity(toEntity(delivery));
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

export async function findDelivery(endpointId: string, key: string): Promise<Versioned<StoredDelivery> | undefined> {
  const entity = await getOrUndefined<DeliveryEntity>(await tableClient(TABLES.webhookDeliveries), endpointId, key);
  return entity && { value: fromEntity(entity), etag: entity.etag };
}

/** Writes a changed delivery if nobody changed it since `etag` was read (a 412 otherwise); answers the new ETag. */
export async function replaceDelivery(delivery: StoredDelivery, etag: string): Promise<string> {
  const table = await tableClient(TABLES.webhookDeliveries);
  const { etag: written } = await table.updateEntity(toEntity(delivery), 'Replace', { etag });
  return written!;
}

/** Takes back a delivery that was never queued (its queueing failed), so none is left pending with nothing to send it. */
export async function removeDelivery(endpointId: string, key: string): Promise<void> {
  await deleteIfPresent(await tableClient(TABLES.webhookDeliveries), endpointId, key);
}

/** One page of an endpoint's deliveries, newest first. */
export async function listDeliveries(endpointId: string, page: PageRequest): Promise<Page<StoredDelivery>> {
  const table = await tableClient(TABLES.webhookDeliveries);
  return queryPage<DeliveryEntity, StoredDelivery>(table, odata`PartitionKey eq ${endpointId}`, page, fromEntity);
}

function invertedTime(ms: number): string {
  return (NEWEST_FIRST_BASE - ms).toString(36).padStart(11, '0');
}

function toEntity({ endpointId, key, ...rest }: StoredDelivery): DeliveryEntity {
  return { partitionKey: endpointId, rowKey: key, ...rest };
}

function fromEntity(entity: TableEntityResult<DeliveryEntity> | DeliveryEntity): StoredDelivery {
  const delivery: StoredDelivery = {
    endpointId: entity.partitionKey,
    key: entity.rowKey,
    partnerId: entity.partnerId,
    eventId: entity.eventId,
    type: entity.type,
    body: entity.body,
    status: entity.status,
    attempts: entity.attempts,
  };
  if (entity.consentId) delivery.consentId = entity.consentId;
  if (entity.lastStatusCode !== undefined && entity.lastStatusCode !== null)
    delivery.lastStatusCode = entity.lastStatusCode;
  if (entity.lastAttemptAt) delivery.lastAttemptAt = entity.lastAttemptAt;
  if (entity.nextAttemptAt) delivery.nextAttemptAt = entity.nextAttemptAt;
  return delivery;
}

/** The message that wakes a delivery's next attempt; the row, not the message, says whether one is due. */
export const deliveryMessageSchema = z.object({
  partnerId: z.string().min(1),
  endpointId: z.string().min(1),
  key: z.string().min(1),
});
export type DeliveryMessage = z.infer<typeof deliveryMessageSchema>;

const sendDelivery = queueSender<DeliveryMessage>(QUEUES.webhookDeliveries);

/** Queues an attempt, hidden until it is due. */
export async function enqueueDelivery(message: DeliveryMessage, options: EnqueueOptions = {}): Promise<void> {
  await sendDelivery(message, options);
}
