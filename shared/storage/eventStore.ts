// The append-only audit trail (PartitionKey = consent id, RowKey = the change's key): written once, never updated.
import { odata } from '@azure/data-tables';
import type { PartnerActor, PartnerVia } from '../domain/partnerAccess';
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { isAlreadyExists, isUsableKey } from './tableErrors';
import { announceOutboxEvent, outboxEventFor, recordOutboxEvent } from './webhookOutbox';

export type ActorKind = 'partner' | 'operator' | 'customer' | 'system';

/** Who made a change: a partner also says how it proved who it is (API.md "Partner identities"). */
export type Actor = PartnerActor | { kind: Exclude<ActorKind, 'partner'>; id: string };

export interface ConsentEvent {
  at: string;
  type: string;
  actor: Actor;
  data?: Record<string, unknown>;
}

interface EventEntity {
  partitionKey: string;
  rowKey: string;
  at: string;
  type: string;
  actorKind: ActorKind;
  actorId: string;
  actorVia?: PartnerVia;
  actorObjectId?: string;
  data?: string;
}

/**
 * Appends an event. `key` names the change uniquely within the consent ("accepted", "resent-v2", "email-sent-v1"), so
 * a retried write of the same change lands on the same row and the first one stays: exactly one event per change.
 * An event partners are told of by webhook goes to the webhook outbox first, so no crash can record it unannounced.
 */
export async function appendEvent(consentId: string, key: string, event: ConsentEvent): Promise<void> {
  const announced = outboxEventFor(consentId, key, event.type, event.at);
  if (!announced) return insertEvent(consentId, key, event);
  await recordOutboxEvent(announced);
  // The dispatcher needs only the outbox row, so queueing runs beside the event's write. It is only the fast path: if
  // it fails, the outbox sweep dispatches the row within minutes, and the stored change must not answer as failed.
  await Promise.all([insertEvent(consentId, key, event), announceOutboxEvent(announced).catch(() => undefined)]);
}

async function insertEvent(consentId: string, key: string, event: ConsentEvent): Promise<void> {
  const table = await tableClient(TABLES.consentEvents);
  try {
    await table.createEntity<EventEntity>({
      partitionKey: consentId,
      rowKey: key,
      at: event.at,
      type: event.type,
      actorKind: event.actor.kind,
      actorId: event.actor.id,
      ...partnerColumns(event.actor),
      data: event.data && JSON.stringify(event.data),
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error; // already recorded: never overwrite history
  }
}

/**
 * The one change history allows: `rewrite` answers new data for an event whose data must lose personal values (or
 * undefined to leave it). Idempotent; answers how many events changed. Everything else about an event stays.
 */
export async function rewriteEventData(
  consentId: string,
  rewrite: (data: Record<string, unknown> | undefined) => Record<string, unknown> | undefined,
): Promise<number> {
  if (!isUsableKey(consentId)) return 0;
  const table = await tableClient(TABLES.consentEvents);
  let changed = 0;
  for await (const entity of table.listEntities<EventEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${consentId}` },
  })) {
    const data = rewrite(entity.data ? (JSON.parse(entity.data) as Record<string, unknown>) : undefined);
    if (!data) continue;
    await table.updateEntity({ partitionKey: consentId, rowKey: entity.rowKey, data: JSON.stringify(data) }, 'Merge', {
      etag: entity.etag,
    });
    changed++;
  }
  return changed;
}

/** The trail, oldest first. */
export async function listEvents(consentId: string): Promise<ConsentEvent[]> {
  if (!isUsableKey(consentId)) return [];
  const table = await tableClient(TABLES.consentEvents);
  const events: ConsentEvent[] = [];
  for await (const entity of table.listEntities<EventEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${consentId}` },
  })) {
    const event: ConsentEvent = { at: entity.at, type: entity.type, actor: actorOf(entity) };
    if (entity.data) event.data = JSON.parse(entity.data) as Record<string, unknown>;
    events.push(event);
  }
  // ISO 8601 UTC times sort as text; a consent has a handful of events.
  return events.sort((a, b) => a.at.localeCompare(b.at));
}

/** How a partner acted, as columns of its own (absent for other actors, and the object id for a key). */
function partnerColumns(actor: Actor): Pick<EventEntity, 'actorVia' | 'actorObjectId'> {
  if (actor.kind !== 'partner') return {};
  return actor.objectId ? { actorVia: actor.via, actorObjectId: actor.objectId } : { actorVia: actor.via };
}

/**
 * The actor as stored. Partner events written before partners could sign in carry no `via`: keys were the only way
 * then, so they read as 'api-key'.
 */
function actorOf(entity: EventEntity): Actor {
  if (entity.actorKind !== 'partner') return { kind: entity.actorKind, id: entity.actorId };
  const actor: PartnerActor = { kind: 'partner', id: entity.actorId, via: entity.actorVia ?? 'api-key' };
  if (entity.actorObjectId) actor.objectId = entity.actorObjectId;
  return actor;
}
