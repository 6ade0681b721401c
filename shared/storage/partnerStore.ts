// The partners table: one small partition ("partner") holding every registered partner, keyed by partner id.
import { odata } from '@azure/data-tables';
import type { Partner } from '../domain/partners';
import { conflict } from '../errors';
import { tableClient } from './clients';
import { queryPage, type Page, type PageRequest } from './paging';
import { TABLES } from './tableNames';
import { getOrUndefined } from './entities';
import { isAlreadyExists } from './tableErrors';
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

function toEntity(partner: Partner): PartnerEntity {
  return { partitionKey: PARTITION, rowKey: partner.id, data: JSON.stringify(partner) };
}

function fromEntity(entity: PartnerEntity): Partner {
  return JSON.parse(entity.data) as Partner;
}
