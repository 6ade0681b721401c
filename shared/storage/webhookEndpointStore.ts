// The webhookendpoints table: a partner's endpoints in its own partition (RowKey = endpoint id), beside one row that
// lists their ids, so that "at most 10" holds however many registrations race (both rows change in one transaction).
import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { WebhookEventType } from '../domain/webhooks';
import { tableClient } from './clients';
import { getOrUndefined } from './entities';
import { queryPage, type Page, type PageRequest } from './paging';
import { TABLES } from './tableNames';
import { isAlreadyExists, isPreconditionFailed } from './tableErrors';
import type { Versioned } from './versioned';

export interface StoredWebhookEndpoint {
  id: string;
  partnerId: string;
  url: string;
  /** Absent: every event type. */
  events?: WebhookEventType[];
  description?: string;
  createdAt: string;
  /** The signing secret, sealed (shared/webhooks/secrets.ts): never stored in clear. */
  sealedSecret: string;
  /** During a rotation: the previous secret, still signing until `previousSecretExpiresAt`. */
  sealedPreviousSecret?: string;
  previousSecretExpiresAt?: string;
  status: 'active' | 'disabled';
  /** Why deliveries stopped (the receiver answered 410 Gone). */
  disabledReason?: string;
}

/** The endpoint as a row: its partner and id are the keys, and its event types a JSON array. */
type EndpointEntity = Omit<StoredWebhookEndpoint, 'id' | 'partnerId' | 'events'> & {
  partitionKey: string;
  rowKey: string;
  events?: string;
};

type RosterEntity = {
  partitionKey: string;
  rowKey: string;
  ids: string;
};

/** The row listing a partition's endpoint ids; '~' sorts after every endpoint id, so listing stops before it. */
const ROSTER = '~roster';

export type InsertOutcome = 'inserted' | 'full' | 'raced';

/** Adds an endpoint unless the partner has `max` already; 'raced' when another change to its endpoints came first. */
export async function insertEndpoint(endpoint: StoredWebhookEndpoint, max: number): Promise<InsertOutcome> {
  const table = await tableClient(TABLES.webhookEndpoints);
  const roster = await getOrUndefined<RosterEntity>(table, endpoint.partnerId, ROSTER);
  const ids = roster ? (JSON.parse(roster.ids) as string[]) : [];
  if (ids.length >= max) return 'full';
  const listed: RosterEntity = {
    partitionKey: endpoint.partnerId,
    rowKey: ROSTER,
    ids: JSON.stringify([...ids, endpoint.id]),
  };
  const rosterAction: TransactionAction = roster
    ? ['update', listed, 'Replace', { etag: roster.etag }]
    : ['create', listed];
  return commit([rosterAction, ['create', toEntity(endpoint)]]);
}

/** Removes an endpoint and its place in the roster together; false when it was not there. */
export async function deleteEndpoint(partnerId: string, endpointId: string): Promise<boolean | 'raced'> {
  if (endpointId === ROSTER) return false;
  const table = await tableClient(TABLES.webhookEndpoints);
  const [roster, endpoint] = await Promise.all([
    getOrUndefined<RosterEntity>(table, partnerId, ROSTER),
    getOrUndefined<EndpointEntity>(table, partnerId, endpointId),
  ]);
  if (!roster || !endpoint) return false;
  const ids = (JSON.parse(roster.ids) as string[]).filter((id) => id !== endpointId);
  const listed: RosterEntity = { partitionKey: partnerId, rowKey: ROSTER, ids: JSON.stringify(ids) };
  const outcome = await commit([
    ['update', listed, 'Replace', { etag: roster.etag }],
    ['delete', { partitionKey: partnerId, rowKey: endpointId }],
  ]);
  return outcome === 'raced' ? 'raced' : true;
}

export async function findEndpoint(
  partnerId: string,
  endpointId: string,
): Promise<Versioned<StoredWebhookEndpoint> | undefined> {
  if (endpointId === ROSTER) return undefined;
  const entity = await getOrUndefined<EndpointEntity>(
    await tableClient(TABLES.webhookEndpoints),
    partnerId,
    endpointId,
  );
  return entity && { value: fromEntity(entity), etag: entity.etag };
}

/** Writes a changed endpoint if nobody changed it since `etag` was read; answers the new ETag. */
export async function replaceEndpoint(endpoint: StoredWebhookEndpoint, etag: string): Promise<string> {
  const table = await tableClient(TABLES.webhookEndpoints);
  const { etag: written } = await table.updateEntity(toEntity(endpoint), 'Replace', { etag });
  return written!;
}

/** One page of a partner's endpoints, in id order. */
export async function listEndpoints(partnerId: string, page: PageRequest): Promise<Page<StoredWebhookEndpoint>> {
  const table = await tableClient(TABLES.webhookEndpoints);
  const filter = odata`PartitionKey eq ${partnerId} and RowKey lt ${ROSTER}`;
  return queryPage<EndpointEntity, StoredWebhookEndpoint>(table, filter, page, fromEntity);
}

/** Every endpoint of a partner (at most the limit, so one short query). */
export async function endpointsOf(partnerId: string): Promise<StoredWebhookEndpoint[]> {
  const table = await tableClient(TABLES.webhookEndpoints);
  const endpoints: StoredWebhookEndpoint[] = [];
  for await (const entity of table.listEntities<EndpointEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${partnerId} and RowKey lt ${ROSTER}` },
  })) {
    endpoints.push(fromEntity(entity));
  }
  return endpoints;
}

async function commit(actions: TransactionAction[]): Promise<'inserted' | 'raced'> {
  const table = await tableClient(TABLES.webhookEndpoints);
  try {
    await table.submitTransaction(actions);
    return 'inserted';
  } catch (error) {
    // Another registration or deletion for this partner changed the roster first.
    if (isPreconditionFailed(error) || isAlreadyExists(error)) return 'raced';
    throw error;
  }
}

function toEntity(endpoint: StoredWebhookEndpoint): EndpointEntity {
  return {
    partitionKey: endpoint.partnerId,
    rowKey: endpoint.id,
    url: endpoint.url,
    events: endpoint.events && JSON.stringify(endpoint.events),
    description: endpoint.description,
    createdAt: endpoint.createdAt,
    sealedSecret: endpoint.sealedSecret,
    sealedPreviousSecret: endpoint.sealedPreviousSecret,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
    status: endpoint.status,
    disabledReason: endpoint.disabledReason,
  };
}

function fromEntity(entity: TableEntityResult<EndpointEntity> | EndpointEntity): StoredWebhookEndpoint {
  const endpoint: StoredWebhookEndpoint = {
    id: entity.rowKey,
    partnerId: entity.partitionKey,
    url: entity.url,
    createdAt: entity.createdAt,
    sealedSecret: entity.sealedSecret,
    status: entity.status,
  };
  if (entity.events) endpoint.events = JSON.parse(entity.events) as WebhookEventType[];
  if (entity.description) endpoint.description = entity.description;
  if (entity.sealedPreviousSecret) endpoint.sealedPreviousSecret = entity.sealedPreviousSecret;
  if (entity.previousSecretExpiresAt) endpoint.previousSecretExpiresAt = entity.previousSecretExpiresAt;
  if (entity.disabledReason) endpoint.disabledReason = entity.disabledReason;
  return endpoint;
}
