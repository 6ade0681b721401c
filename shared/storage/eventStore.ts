// The append-only audit trail (PartitionKey = consent id, RowKey = the change's key): written once, never updated.
import { odata } from '@azure/data-tables';
import { tableClient } from './clients';
import { TABLES } from './tableNames';
import { isAlreadyExists, isUsableKey } from './tableErrors';

export type ActorKind = 'partner' | 'operator' | 'customer' | 'system';

export interface ConsentEvent {
  at: string;
  type: string;
  actor: { kind: ActorKind; id: string };
  data?: Record<string, unknown>;
}

interface EventEntity {
  partitionKey: string;
  rowKey: string;
  at: string;
  type: string;
  actorKind: ActorKind;
  actorId: string;
  data?: string;
}

/**
 * Appends an event. `key` names the change uniquely within the consent ("accepted", "resent-v2", "email-sent-v1"), so
 * a retried write of the same change lands on the same row and the first one stays: exactly one event per change.
 */
export async function appendEvent(consentId: string, key: string, event: ConsentEvent): Promise<void> {
  const table = await tableClient(TABLES.consentEvents);
  try {
    await table.createEntity<EventEntity>({
      partitionKey: consentId,
      rowKey: key,
      at: event.at,
      type: event.type,
      actorKind: event.actor.kind,
      actorId: event.actor.id,
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
    const event: ConsentEvent = {
      at: entity.at,
      type: entity.type,
      actor: { kind: entity.actorKind, id: entity.actorId },
    };
    if (entity.data) event.data = JSON.parse(entity.data) as Record<string, unknown>;
    events.push(event);
  }
  // ISO 8601 UTC times sort as text; a consent has a handful of events.
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
