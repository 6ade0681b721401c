// The partners authorized for the reader's tenant (R8, R9), and the removal of a CSP's delegated admin roles (R3):
// for the tenant's Global Administrators only (R6); an OEM stays until support revokes it (R13).
import type { Signer } from '../domain/acceptance';
import { isGlobalAdministrator } from '../domain/acceptance';
import { formTargets } from '../customer/forms';
import { partnerEntryView, partnerView } from '../customer/views';
import { effectiveConsent, type Consent } from '../domain/consent';
import type { DelegatedAdmin } from '../domain/delegatedAdmin';
import { canRemoveDelegatedAdmin, removeDelegatedAdmin } from '../domain/consentTransitions';
import type { Partner } from '../domain/partners';
import {
  CUSTOMER_PATHS,
  signOutAndReturnTo,
  type CustomerPage,
  type PageContext,
  type PartnerEntryView,
  type PartnersPageView,
} from '../pages';
import type { AuthorizationRecord } from '../storage/authorizationStore';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { authorizationRecordsFor, grantAuthorizations } from './projection';

/** The signed-in reader of a customer page. */
export interface CustomerReader {
  principal: Signer;
  context: PageContext;
}

/**
 * What the list shows once besides the entries: the consent whose roles the last post removed, or which it revoked
 * (each only when the stored state agrees), or a revocation that came back without its Yes box.
 */
export interface PartnersShown {
  removed?: string;
  revoked?: string;
  error?: PartnersPageView['error'];
}

/** What a removal post comes to: back to the list, saying what was removed when something was, or a page at once. */
export type RemovalAnswer = { kind: 'back-to-list'; removedConsentId?: string } | { kind: 'page'; page: CustomerPage };

/**
 * GET /partners: one entry per accepted consent, newest first, with a removal form where R3 allows one and, for a
 * CSP, a revocation form.
 */
export async function partnersOfTenant(
  deps: Dependencies,
  reader: CustomerReader,
  shown: PartnersShown = {},
): Promise<CustomerPage> {
  if (!isGlobalAdministrator(reader.principal)) return notGlobalAdministrator(reader.context);
  const entries = await partnerEntries(deps, reader.principal);
  const removedEntry = entries.find((entry) => entry.consentId === shown.removed);
  const notice =
    removedEntry?.delegatedAdmin?.status === 'removed'
      ? { kind: 'delegated-admin-removed' as const, partnerName: removedEntry.partner.displayName }
      : await revokedNotice(deps, reader.principal, shown.revoked);
  const { supportContact } = deps;
  return { page: 'partners', view: { ...reader.context, entries, notice, error: shown.error, supportContact } };
}

/**
 * POST: R3, a Global Administrator of the consent's own tenant removes a CSP's delegated admin roles; the consent and
 * its device-registration authorization stay. `formIsOurs`: the post passed the origin and CSRF checks.
 */
export async function removeDelegatedAdminAsCustomer(
  deps: Dependencies,
  reader: CustomerReader,
  consentId: string,
  formIsOurs: boolean,
): Promise<RemovalAnswer> {
  const { principal, context } = reader;
  if (!isGlobalAdministrator(principal)) return show(notGlobalAdministrator(context));
  if (!formIsOurs) {
    return show({ page: 'refusal', view: { ...context, reason: 'forged-form', retryUrl: CUSTOMER_PATHS.partners } });
  }
  const stored = await deps.consents.findConsentById(consentId);
  const consent = stored && effectiveConsent(stored.value, deps.now());
  // Another organization's consent does not exist for this reader.
  if (consent?.status !== 'accepted' || consent.customer.tenantId !== principal.tenantId) {
    return show({ page: 'not-found', view: context });
  }
  if (consent.partner.type === 'oem') {
    const partner = partnerView(consent.partner, (await deps.partners.findPartner(consent.partner.id))?.value);
    const { supportContact } = deps;
    return show({
      page: 'refusal',
      view: { ...context, reason: 'oem-not-removable', partner, consentId, supportContact },
    });
  }
  // The list shows one entry per partner: its roles end on every accepted consent of that partner for this tenant.
  // The posted consent last, and only it rewrites the lists: the others hold no rows while it does.
  const others = (await partnerConsentsForTenant(deps, consent)).filter((other) => other.id !== consentId);
  let removedNow = false;
  for (const other of others)
    removedNow = (await removeRoles(deps, principal, other, { holdsRows: false })) || removedNow;
  removedNow = (await removeRoles(deps, principal, consent, { holdsRows: true })) || removedNow;
  // The list names the entry by the consent its rows point at, whichever of the partner's requests held the roles.
  return removedNow ? { kind: 'back-to-list', removedConsentId: consentId } : { kind: 'back-to-list' };
}

/**
 * Every accepted consent of `consent`'s partner for its tenant (a partner may have had several requests accepted),
 * `consent` among them.
 */
export async function partnerConsentsForTenant(deps: Dependencies, consent: Consent): Promise<Consent[]> {
  return consent.customer.tenantId ? acceptedConsentsOf(deps, consent.partner.id, consent.customer.tenantId) : [];
}

/** A partner's accepted consents for a tenant. Bounded: one partition, one tenant, pages of 100. */
async function acceptedConsentsOf(deps: Dependencies, partnerId: string, tenantId: string): Promise<Consent[]> {
  const filter = { status: 'accepted' as const, tenantId, now: deps.now() };
  const found: Consent[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await deps.consents.listConsents(partnerId, filter, { pageSize: 100, continuationToken });
    found.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return found;
}

/**
 * One consent's roles removed (R3): the consent, then the lists when its rows are the ones they show, then the event.
 * Whether this call removed them.
 */
async function removeRoles(
  deps: Dependencies,
  principal: Signer,
  consent: Consent,
  { holdsRows }: { holdsRows: boolean },
): Promise<boolean> {
  const now = deps.now();
  const { consent: changed, result: removedNow } = await changeConsent(
    deps,
    () => deps.consents.findConsent(consent.partner.id, consent.id),
    (current) =>
      // Already removed or expired meanwhile: the list shows how it stands.
      canRemoveDelegatedAdmin(current, now)
        ? { write: removeDelegatedAdmin(current, now), result: true }
        : { keep: true, result: false },
  );
  if (!removedNow) return false;
  if (holdsRows) await grantAuthorizations(deps, changed); // the lists show delegated admin as removed
  await deps.events.appendEvent(changed.id, 'delegated-admin-removed', {
    at: now.toISOString(),
    type: 'delegatedAdmin.removed',
    actor: { kind: 'customer', id: principal.objectId.toLowerCase() },
  });
  return true;
}

/** The entry /partners shows this reader for one consent, when it shows one. */
/**
 * The entry /partners shows for an accepted consent, made from the rows the consent stands for rather than read from
 * the table: the same facts, even when a concurrent change has already taken the rows away.
 */
export async function partnerEntryOf(deps: Dependencies, consent: Consent): Promise<PartnerEntryView> {
  const rows = authorizationRecordsFor(consent);
  const partners = await partnersById(
    deps,
    rows.map((row) => row.partnerId),
  );
  const own = rows.find((row) => row.partnerId === consent.partner.id)!;
  return entryOf(rows, own, partners, deps.now(), await otherGrants(deps, own));
}

/**
 * One entry per partner authorized for the tenant: its partner's row, for a reseller its provider's row beside it (R9),
 * and the roles of all the partner's accepted requests there (a partner may have had more than one accepted).
 */
async function partnerEntries(deps: Dependencies, principal: Signer): Promise<PartnerEntryView[]> {
  const rows = await deps.authorizations.listTenantAuthorizations(principal.tenantId);
  const partners = await partnersById(
    deps,
    rows.map((row) => row.partnerId),
  );
  const now = deps.now();
  const owns = rows
    .filter((row) => row.partnerId === row.viaPartnerId)
    .sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt));
  return Promise.all(
    owns.map(async (own) => {
      const entry = entryOf(rows, own, partners, now, await otherGrants(deps, own));
      const removal = removable(entry) ? { removeDelegatedAdmin: removalForm(deps, principal, own) } : {};
      return entry.partner.kind === 'oem'
        ? { ...entry, ...removal }
        : { ...entry, ...removal, revoke: revocationForm(deps, principal, own) };
    }),
  );
}

/**
 * The delegated admin of the partner's other accepted requests for the row's tenant. None for an OEM, which never has
 * delegated admin (R15): one query per CSP entry, in the partner's own partition.
 */
async function otherGrants(deps: Dependencies, own: AuthorizationRecord): Promise<DelegatedAdmin[]> {
  if (own.partnerKind === 'oem') return [];
  const consents = await acceptedConsentsOf(deps, own.partnerId, own.tenantId);
  return consents.flatMap((other) =>
    other.id !== own.consentId && other.delegatedAdmin ? [other.delegatedAdmin] : [],
  );
}

/** The notice after a revocation: only for a consent of this tenant that this tenant's customer revoked. */
async function revokedNotice(deps: Dependencies, principal: Signer, consentId: string | undefined) {
  if (!consentId) return undefined;
  const consent = (await deps.consents.findConsentById(consentId))?.value;
  if (consent?.revocation?.by !== 'customer' || consent.customer.tenantId !== principal.tenantId) {
    return undefined;
  }
  return {
    kind: 'revoked' as const,
    partnerName: consent.partner.displayName,
    receiptUrl: CUSTOMER_PATHS.receipt(consentId),
  };
}

/** One consent's entry: its partner's row and, for a reseller, its provider's row among `rows` (R9). */
function entryOf(
  rows: AuthorizationRecord[],
  own: AuthorizationRecord,
  partners: Map<string, Partner>,
  now: Date,
  grants: DelegatedAdmin[],
): PartnerEntryView {
  const providerRow = rows.find((row) => row.viaPartnerId === own.partnerId && row.partnerId !== own.partnerId);
  const provider = providerRow && { row: providerRow, partner: partners.get(providerRow.partnerId) };
  return {
    ...partnerEntryView(own, provider, partners.get(own.partnerId), now, grants),
    receiptUrl: CUSTOMER_PATHS.receipt(own.consentId),
  };
}

async function partnersById(deps: Dependencies, ids: string[]): Promise<Map<string, Partner>> {
  const distinct = [...new Set(ids)];
  const found = await Promise.all(distinct.map((id) => deps.partners.findPartner(id)));
  return new Map(found.flatMap((stored) => (stored ? [[stored.value.id, stored.value] as const] : [])));
}

/** R3 for CSPs only: an OEM never has delegated admin (R15) and is removed only by support (R13). */
function removable(entry: PartnerEntryView): boolean {
  return entry.partner.kind !== 'oem' && entry.delegatedAdmin?.status === 'active';
}

function removalForm(deps: Dependencies, principal: Signer, row: AuthorizationRecord) {
  return {
    action: CUSTOMER_PATHS.removeDelegatedAdmin(row.consentId),
    csrfToken: deps.forms.token(principal, formTargets.removeDelegatedAdmin(row.consentId)),
  };
}

function revocationForm(deps: Dependencies, principal: Signer, row: AuthorizationRecord) {
  return {
    action: CUSTOMER_PATHS.revoke(row.consentId),
    csrfToken: deps.forms.token(principal, formTargets.revoke(row.consentId)),
  };
}

/** R6: the partner list and its changes are for the tenant's Global Administrators. */
export function notGlobalAdministrator(context: PageContext): CustomerPage {
  const signOutUrl = signOutAndReturnTo(CUSTOMER_PATHS.partners);
  return { page: 'refusal', view: { ...context, reason: 'not-global-admin', signOutUrl } };
}

function show(page: CustomerPage): RemovalAnswer {
  return { kind: 'page', page };
}
