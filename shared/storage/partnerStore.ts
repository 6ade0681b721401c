// The partners table: one small partition ("partner") holding every registered partner, keyed by partner id; and its
// tenant index (partnertenants: PartitionKey = the partner's tenant id, RowKey = partner id), so a signed-in partner
// principal finds its partners with one partition query.
import { odata } from '@azure/data-tables';
import type { Partner } from '../domain/partners';
import { conflict } from '../errors';
import { tableClient } from './clients';
import { queryPage, type Page, type PageRequest } from './paging';
import { TABLES } from './tableNames';
import { getOrUndefined } from './entities';
import { isAlreadyExists, isUsableKey } from './tableErrors';
import type { Versioned } from './versioned';

const PARTITION = 'partner';

interface PartnerEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
}

export async function insertPartner(partner: Partner): Promise<void> {
  const table = await tableClient(TABLES.partners);
  try {
    await table.createEntity<PartnerEntity>(toEntity(partner));
  } catch (error) {
    if (isAlreadyExists(error)) throw conflict(`A partner with id "${partner.id}" is already registered.`);
    throw error;
  }
}

/** One point read. */
export async function findPartner(id: string): Promise<Versioned<Partner> | undefined> {
  const entity = await getOrUndefined<PartnerEntity>(await tableClient(TABLES.partners), PARTITION, id);
  return entity && { value: fromEntity(entity), etag: entity.etag };
}

/** Replaces a partner only if nobody changed it since it was read (412 otherwise, surfaced to the caller). */
export async function replacePartner(partner: Partner, etag: string): Promise<void> {
  const table = await tableClient(TABLES.partners);
  await table.updateEntity<PartnerEntity>(toEntity(partner), 'Replace', { etag });
}

export async function listPartners(page: PageRequest): Promise<Page<Partner>> {
  const table = await tableClient(TABLES.partners);
  return queryPage<PartnerEntity, Partner>(table, odata`PartitionKey eq ${PARTITION}`, page, fromEntity);
}

/**
 * Records in the tenant index that this partner is registered with its tenant. Idempotent, and written before the
 * partner row: an index row whose partner row never came (an interrupted registration) names no partner, while a
 * partner row without its index row could not be found by its principals.
 */
export async function indexPartnerTenant(partner: Pick<Partner, 'id' | 'tenantId'>): Promise<void> {
  const table = await tableClient(TABLES.partnerTenants);
  await table.upsertEntity({ partitionKey: partner.tenantId, rowKey: partner.id }, 'Replace');
}

/**
 * The partners the tenant index lists for a tenant, at most `limit` (one partition query, then their rows side by side).
 * The partner rows decide: an index row left by an interrupted registration, for an id another tenant's partner holds,
 * still comes back here with that partner's row, which names its own tenant (the caller checks).
 */
export async function findPartnersOfTenant(tenantId: string, limit: number): Promise<Partner[]> {
  if (!isUsableKey(tenantId)) return [];
  const index = await tableClient(TABLES.partnerTenants);
  const pages = index
    .listEntities<{ rowKey: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${tenantId}`, select: ['RowKey'] },
    })
    .byPage({ maxPageSize: limit });
  const first = await pages.next();
  const ids = first.done ? [] : first.value.map((entity) => entity.rowKey);
  const found = await Promise.all(ids.map((id) => findPartner(id)));
  return found.flatMap((partner) => (partner ? [partner.value] : []));
}

function toEntity(partner: Partner): PartnerEntity {
  return { partitionKey: PARTITION, rowKey: partner.id, data: JSON.stringify(partner) };
}

function fromEntity(entity: PartnerEntity): Partner {
  return JSON.parse(entity.data) as Partner;
}
