// The consents table (PartitionKey = partner id, RowKey = consent id, newest first) and its id → partner index.
import { odata } from '@azure/data-tables';
import { storedConsent, type Consent, type ConsentStatus, type EmailStatus } from '../domain/consent';
import { tableClient } from './clients';
import { queryPage, type Page, type PageRequest } from './paging';
import { TABLES } from './tableNames';
import { getOrUndefined } from './entities';
import type { Versioned } from './versioned';

interface ConsentEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
  // Columns of their own so that lists can filter on them; `data` stays the one source of the resource.
  status: ConsentStatus;
  tenantId?: string;
  expiresAt?: string;
  createdAt: string;
  /** Lets the sweep find emails still queued; rows last written before this column existed have none. */
  emailStatus: EmailStatus;
}

interface ConsentIndexEntity {
  partitionKey: string;
  rowKey: string;
  partnerId: string;
}

const INDEX_ROW = 'consent';

/** Writes the index row first: an index row without its consent is harmless (reads as not found). */
export async function insertConsent(consent: Consent): Promise<void> {
  await indexConsent(consent);
  await insertConsentRow(consent);
}

/** The id → partner index row alone (idempotent), for callers that write it alongside other preparatory rows. */
export async function indexConsent(consent: Consent): Promise<void> {
  const index = await tableClient(TABLES.consentIndex);
  await index.upsertEntity<ConsentIndexEntity>(
    { partitionKey: consent.id, rowKey: INDEX_ROW, partnerId: consent.partner.id },
    'Replace',
  );
}

/** The consent row alone: the commit point of a new consent (409 if it exists). Index it first. */
export async function insertConsentRow(consent: Consent): Promise<void> {
  const table = await tableClient(TABLES.consents);
  await table.createEntity<ConsentEntity>(toEntity(consent));
}

/** One point read within the partner's partition; another partner's consent is simply not found. */
export async function findConsent(partnerId: string, consentId: string): Promise<Versioned<Consent> | undefined> {
  const entity = await getOrUndefined<ConsentEntity>(await tableClient(TABLES.consents), partnerId, consentId);
  return entity && { value: consentOf(entity), etag: entity.etag };
}

/** By id alone (operator and customer routes): two point reads, through the index. */
export async function findConsentById(consentId: string): Promise<Versioned<Consent> | undefined> {
  const index = await getOrUndefined<ConsentIndexEntity>(await tableClient(TABLES.consentIndex), consentId, INDEX_ROW);
  return index && findConsent(index.partnerId, consentId);
}

/** Replaces the consent only if it is unchanged since read; a 412 means another writer won and the caller re-reads. */
export async function replaceConsent(consent: Consent, etag: string): Promise<string> {
  const table = await tableClient(TABLES.consents);
  const { etag: newEtag } = await table.updateEntity<ConsentEntity>(toEntity(consent), 'Replace', { etag });
  return newEtag ?? '';
}

export interface ConsentFilter {
  /** The effective status: "expired" includes pending consents past their expiry, "pending" excludes them. */
  status?: ConsentStatus;
  tenantId?: string;
  now: Date;
}

/** A page of one partner's consents, newest first (the RowKey order). */
export async function listConsents(
  partnerId: string,
  filter: ConsentFilter,
  page: PageRequest,
): Promise<Page<Consent>> {
  const table = await tableClient(TABLES.consents);
  return queryPage<ConsentEntity, Consent>(table, consentFilter(partnerId, filter), page, (entity) =>
    consentOf(entity),
  );
}

/** Every consent of any partner in a status (the expiry sweep and repairs; never on a request path). */
export function consentsInStatus(status: ConsentStatus): AsyncGenerator<Versioned<Consent>> {
  return consentsWhere(odata`status eq ${status}`);
}

/**
 * Consents of any partner whose invitation email is still queued although they are no longer pending or are past
 * their expiry (the daily sweep settles them; never on a request path).
 */
export function closedConsentsWithQueuedEmail(now: Date): AsyncGenerator<Versioned<Consent>> {
  return consentsWhere(odata`emailStatus eq 'queued' and (status ne 'pending' or expiresAt lt ${now.toISOString()})`);
}

/** One partner's pending consents whose invitation email is still queued (the sweep, for a partner that may no longer ask). */
export function pendingConsentsWithQueuedEmail(partnerId: string): AsyncGenerator<Versioned<Consent>> {
  return consentsWhere(odata`PartitionKey eq ${partnerId} and status eq 'pending' and emailStatus eq 'queued'`);
}

async function* consentsWhere(filter: string): AsyncGenerator<Versioned<Consent>> {
  const table = await tableClient(TABLES.consents);
  for await (const entity of table.listEntities<ConsentEntity>({ queryOptions: { filter } })) {
    yield { value: consentOf(entity), etag: entity.etag };
  }
}

function consentFilter(partnerId: string, { status, tenantId, now }: ConsentFilter): string {
  const clauses = [odata`PartitionKey eq ${partnerId}`];
  if (tenantId) clauses.push(odata`tenantId eq ${tenantId.toLowerCase()}`);
  const nowText = now.toISOString();
  // ISO 8601 UTC strings compare correctly as text, so expiry can be filtered without a date column.
  if (status === 'expired') {
    clauses.push(odata`(status eq 'expired' or (status eq 'pending' and expiresAt lt ${nowText}))`);
  } else if (status === 'pending') {
    clauses.push(odata`status eq 'pending' and expiresAt ge ${nowText}`);
  } else if (status) {
    clauses.push(odata`status eq ${status}`);
  }
  return clauses.join(' and ');
}

function consentOf(entity: { data: string }): Consent {
  return storedConsent(JSON.parse(entity.data) as Consent);
}

function toEntity(consent: Consent): ConsentEntity {
  return {
    partitionKey: consent.partner.id,
    rowKey: consent.id,
    data: JSON.stringify(consent),
    status: consent.status,
    tenantId: consent.customer.tenantId,
    expiresAt: consent.expiresAt,
    createdAt: consent.createdAt,
    emailStatus: consent.email.status,
  };
}
