// Who may register devices for which tenant, projected from accepted consents into two tables:
// "authorizations" (PartitionKey = tenant: verification and the customer's partner list) and
// "customers" (PartitionKey = partner: the partner's customer list). Both are rebuilt from consents, never the truth.
import { odata } from '@azure/data-tables';
import type { Authorization } from '../domain/authorization';
import type { AuthorizationBasis, Channel, PartnerKind } from '../domain/partners';
import type { Consent } from '../domain/consent';
import { tableClient } from './clients';
import { queryGroupedPage, type Page, type PageRequest } from './paging';
import { TABLES } from './tableNames';
import { deleteIfPresent, getOrUndefined } from './entities';

/** An authorization with what the lists show about it. */
export interface AuthorizationRecord extends Authorization {
  /** The partner whose consent grants it: the partner itself, or for an indirect provider its reseller. */
  viaPartnerId: string;
  customerDisplayName?: string;
  delegatedAdmin?: Consent['delegatedAdmin'];
}

interface AuthorizationEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  partnerId: string;
  partnerKind: PartnerKind;
  viaPartnerId: string;
  basis: AuthorizationBasis;
  channels: string;
  consentId: string;
  acceptedAt: string;
  customerDisplayName?: string;
  delegatedAdmin?: string;
}

/** Upserts both rows; repeating it is harmless, which is what makes an interrupted acceptance converge. */
export async function saveAuthorization(record: AuthorizationRecord): Promise<void> {
  const [byTenant, byPartner] = await Promise.all([tableClient(TABLES.authorizations), tableClient(TABLES.customers)]);
  await byTenant.upsertEntity(toEntity(record, record.tenantId, tenantRowKey(record)), 'Replace');
  await byPartner.upsertEntity(toEntity(record, record.partnerId, partnerRowKey(record)), 'Replace');
}

/** Removes both rows (tenant side first: verification stops answering yes before anything else). */
export async function deleteAuthorization(
  record: Pick<AuthorizationRecord, 'tenantId' | 'partnerId' | 'viaPartnerId'>,
) {
  const [byTenant, byPartner] = await Promise.all([tableClient(TABLES.authorizations), tableClient(TABLES.customers)]);
  await deleteIfPresent(byTenant, record.tenantId, tenantRowKey(record));
  await deleteIfPresent(byPartner, record.partnerId, partnerRowKey(record));
}

/** The partner's own authorization for a tenant (direct CSP, reseller, OEM): one point read — the OEM hot path. */
export async function findOwnAuthorization(
  tenantId: string,
  partnerId: string,
): Promise<AuthorizationRecord | undefined> {
  const table = await tableClient(TABLES.authorizations);
  const entity = await getOrUndefined<AuthorizationEntity>(
    table,
    tenantId,
    tenantRowKey({ partnerId, viaPartnerId: partnerId }),
  );
  return entity && fromEntity(entity);
}

/** Whether both rows of this authorization exist (two point reads; the sweep's completeness check). */
export async function authorizationPresent(
  record: Pick<AuthorizationRecord, 'tenantId' | 'partnerId' | 'viaPartnerId'>,
): Promise<boolean> {
  const [byTenant, byPartner] = await Promise.all([tableClient(TABLES.authorizations), tableClient(TABLES.customers)]);
  const rows = await Promise.all([
    getOrUndefined(byTenant, record.tenantId, tenantRowKey(record)),
    getOrUndefined(byPartner, record.partnerId, partnerRowKey(record)),
  ]);
  return rows.every((row) => row !== undefined);
}

/** Every authorization for a tenant: the customer's partner list, and an indirect provider's check (one partition). */
export async function listTenantAuthorizations(tenantId: string): Promise<AuthorizationRecord[]> {
  const table = await tableClient(TABLES.authorizations);
  const records: AuthorizationRecord[] = [];
  for await (const entity of table.listEntities<AuthorizationEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${tenantId}` },
  })) {
    records.push(fromEntity(entity));
  }
  return records;
}

/**
 * A page of the tenants a partner is authorized for, ordered by tenant id, each tenant once across all pages: an
 * indirect provider holds one row per reseller for a tenant (adjacent, as their keys start with the tenant id), and
 * the first stands for the tenant.
 */
export async function listPartnerCustomers(partnerId: string, page: PageRequest): Promise<Page<AuthorizationRecord>> {
  const table = await tableClient(TABLES.customers);
  return queryGroupedPage<AuthorizationEntity, AuthorizationRecord>(
    table,
    odata`PartitionKey eq ${partnerId}`,
    page,
    (entity) => entity.tenantId,
    fromEntity,
  );
}

// Own authorizations use the partner id alone, so the hot check is a point read; a provider has one row per reseller.
function tenantRowKey({ partnerId, viaPartnerId }: Pick<AuthorizationRecord, 'partnerId' | 'viaPartnerId'>): string {
  return viaPartnerId === partnerId ? partnerId : `${partnerId}~${viaPartnerId}`;
}

function partnerRowKey({
  tenantId,
  partnerId,
  viaPartnerId,
}: Pick<AuthorizationRecord, 'tenantId' | 'partnerId' | 'viaPartnerId'>) {
  return viaPartnerId === partnerId ? tenantId : `${tenantId}~${viaPartnerId}`;
}

function toEntity(record: AuthorizationRecord, partitionKey: string, rowKey: string): AuthorizationEntity {
  return {
    partitionKey,
    rowKey,
    tenantId: record.tenantId,
    partnerId: record.partnerId,
    partnerKind: record.partnerKind,
    viaPartnerId: record.viaPartnerId,
    basis: record.basis,
    channels: JSON.stringify(record.channels),
    consentId: record.consentId,
    acceptedAt: record.acceptedAt,
    customerDisplayName: record.customerDisplayName,
    delegatedAdmin: record.delegatedAdmin && JSON.stringify(record.delegatedAdmin),
  };
}

function fromEntity(entity: AuthorizationEntity): AuthorizationRecord {
  return {
    tenantId: entity.tenantId,
    partnerId: entity.partnerId,
    partnerKind: entity.partnerKind,
    viaPartnerId: entity.viaPartnerId,
    basis: entity.basis,
    channels: JSON.parse(entity.channels) as Channel[],
    consentId: entity.consentId,
    acceptedAt: entity.acceptedAt,
    customerDisplayName: entity.customerDisplayName,
    delegatedAdmin: entity.delegatedAdmin
      ? (JSON.parse(entity.delegatedAdmin) as Consent['delegatedAdmin'])
      : undefined,
  };
}
