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
import { isAlreadyExists } from './tableErrors';
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
  const inverted = (NEWEST_FIRST_BASE - Date.parse(eventAt)).toString(36).padStart(11, '0');
  return `${inverted}.${eventId}`;
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
