// What a partner may do for a customer (R8, R9) and the OEM's consent checks (R14), answered from the authorization rows.
import { effectiveDelegatedAdmin } from '../domain/delegatedAdmin';
import type { Partner } from '../domain/partners';
import { forbidden } from '../errors';
import type { AuthorizationRecord } from '../storage/authorizationStore';
import type { Page, PageRequest } from '../storage/paging';
import type { Dependencies } from './dependencies';

export interface CustomerEntry {
  tenantId: string;
  displayName?: string;
  basis: AuthorizationRecord['basis'];
  channels: AuthorizationRecord['channels'];
  consentId: string;
  acceptedAt: string;
  delegatedAdmin?: AuthorizationRecord['delegatedAdmin'];
}

export type AuthorizationAnswer =
  | ({ tenantId: string; authorized: true } & Pick<
      AuthorizationRecord,
      'basis' | 'channels' | 'consentId' | 'acceptedAt'
    >)
  | { tenantId: string; authorized: false; channels: [] };

export interface OemConsentAnswer {
  tenantId: string;
  consented: boolean;
  consentId?: string;
  consentedAt?: string;
}

/** R8: the customers the partner is authorized for now; a customer in this list means the request is complete. */
export async function customersOf(
  deps: Dependencies,
  partner: Partner,
  page: PageRequest,
): Promise<Page<CustomerEntry>> {
  const found = await deps.authorizations.listPartnerCustomers(partner.id, page);
  const now = deps.now();
  return { ...found, items: found.items.map((row) => customerEntry(row, now)) };
}

/** May this partner register devices for this tenant, on what basis and through which channels (R8, R9). */
export async function authorizationOf(
  deps: Dependencies,
  partner: Partner,
  tenantId: string,
): Promise<AuthorizationAnswer> {
  const row =
    partner.type === 'indirect-provider'
      ? earliest(
          (await deps.authorizations.listTenantAuthorizations(tenantId)).filter((r) => r.partnerId === partner.id),
        )
      : await deps.authorizations.findOwnAuthorization(tenantId, partner.id);
  if (!row) return { tenantId, authorized: false, channels: [] };
  const { basis, channels, consentId, acceptedAt } = row;
  return { tenantId, authorized: true, basis, channels, consentId, acceptedAt };
}

/** R14: has this tenant consented to this OEM — one point read. */
export function oemConsentFrom(tenantId: string, row: AuthorizationRecord | undefined): OemConsentAnswer {
  return row
    ? { tenantId, consented: true, consentId: row.consentId, consentedAt: row.acceptedAt }
    : { tenantId, consented: false };
}

/** R14: the same for many tenants, answered in request order; each distinct tenant is read once, `concurrency` at a time. */
export async function oemConsentsFor(
  deps: Dependencies,
  oem: Partner,
  tenantIds: string[],
  concurrency = 64,
): Promise<OemConsentAnswer[]> {
  requireOem(oem);
  const distinct = [...new Set(tenantIds)];
  const rows = await mapConcurrently(distinct, concurrency, (tenantId) =>
    deps.authorizations.findOwnAuthorization(tenantId, oem.id),
  );
  const byTenant = new Map(distinct.map((tenantId, index) => [tenantId, rows[index]]));
  return tenantIds.map((tenantId) => oemConsentFrom(tenantId, byTenant.get(tenantId)));
}

/** The OEM routes answer OEMs only (403 for any other kind). */
export function requireOem(partner: Partner): void {
  if (partner.type !== 'oem') throw forbidden('Only OEM partners use the OEM verification routes.');
}

/** Delegated admin as it stands now (expired, or auto-extended to its new end), whether or not the sweep stored it. */
function customerEntry(row: AuthorizationRecord, now: Date): CustomerEntry {
  const { tenantId, customerDisplayName, basis, channels, consentId, acceptedAt, delegatedAdmin } = row;
  const entry: CustomerEntry = { tenantId, basis, channels, consentId, acceptedAt };
  if (customerDisplayName) entry.displayName = customerDisplayName;
  if (delegatedAdmin) entry.delegatedAdmin = effectiveDelegatedAdmin(delegatedAdmin, now);
  return entry;
}

function earliest(rows: AuthorizationRecord[]): AuthorizationRecord | undefined {
  return rows.sort((a, b) => a.acceptedAt.localeCompare(b.acceptedAt))[0];
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the items' order. */
async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
