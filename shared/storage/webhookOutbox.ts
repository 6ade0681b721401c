// The webhook outbox: a row per audit event partners are told of, written before the event itself and removed once its
// deliveries exist, so that a crash anywhere between a change and its deliveries leaves a row to finish from.
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { webhookTypeOf, type WebhookEventType } from '../domain/webhooks';
import { tableClient } from './clients';
import { deleteIfPresent, getOrUndefined } from './entities';
import { queueSender } from './queueSender';
import { TABLES, QUEUES } from './tableNames';

export interface OutboxEvent {
  /** The event's id (the consent's id and the change's key), which becomes the deliveries' `webhook-id`. */
  eventId: string;
  consentId: string;
  type: WebhookEventType;
  /** When the change happened (the audit event's time). */
  at: string;
}

interface OutboxEntity {
  partitionKey: string;
  rowKey: string;
  consentId: string;
  type: WebhookEventType;
  at: string;
}

/** Every row in one partition: the table holds only events not yet dispatched, a handful at any time. */
const PARTITION = 'event';

/** The message asking the dispatcher to turn one outbox row into deliveries. */
export const dispatchMessageSchema = z.object({ eventId: z.string().min(1) });
export type DispatchMessage = z.infer<typeof dispatchMessageSchema>;

const sendDispatch = queueSender<DispatchMessage>(QUEUES.webhookEvents);

/** An audit event's id: its consent and the change's key, unique and stable however often the change is retried. */
function eventIdOf(consentId: string, key: string): string {
  return `${consentId}.${key}`;
}

/** The outbox row for an audit event partners are told of; undefined for one they are not (webhookTypeOf). */
export function outboxEventFor(consentId: string, key: string, auditType: string, at: string): OutboxEvent | undefined {
  const type = webhookTypeOf(auditType);
  return type && { eventId: eventIdOf(consentId, key), consentId, type, at };
}

/** Records the event (again: a repeated write of the same change is the same row). */
export async function recordOutboxEvent(event: OutboxEvent): Promise<void> {
  const table = await tableClient(TABLES.webhookOutbox);
  const entity: OutboxEntity = {
    partitionKey: PARTITION,
    rowKey: event.eventId,
    consentId: event.consentId,
    type: event.type,
    at: event.at,
  };
  await table.upsertEntity(entity, 'Replace');
}

/** Asks the dispatcher to deliver it now. */
export async function announceOutboxEvent(event: OutboxEvent): Promise<void> {
  await sendDispatch({ eventId: event.eventId });
}

export async function findOutboxEvent(eventId: string): Promise<OutboxEvent | undefined> {
  const entity = await getOrUndefined<OutboxEntity>(await tableClient(TABLES.webhookOutbox), PARTITION, eventId);
  return entity && { eventId: entity.rowKey, consentId: entity.consentId, type: entity.type, at: entity.at };
}

/** Removes a dispatched event. */
export async function removeOutboxEvent(eventId: string): Promise<void> {
  await deleteIfPresent(await tableClient(TABLES.webhookOutbox), PARTITION, eventId);
}

/** Up to `limit` events that happened before `before` and are still in the outbox: dispatches that did not finish. */
export async function staleOutboxEvents(before: Date, limit: number): Promise<OutboxEvent[]> {
  const table = await tableClient(TABLES.webhookOutbox);
  const stale: OutboxEvent[] = [];
  const pages = table
    .listEntities<OutboxEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and at lt ${before.toISOString()}` },
    })
    .byPage({ maxPageSize: limit });
  for await (const page of pages) {
    for (const entity of page) {
      stale.push({ eventId: entity.rowKey, consentId: entity.consentId, type: entity.type, at: entity.at });
    }
    break; // one page: the rest waits for the next run
  }
  return stale;
}
