// The customer's list of partners authorized for their tenant (R8, R9), removing delegated admin (R3), and why an
// OEM stays until support revokes it (R13).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { isGlobalAdministrator, type CustomerPrincipal } from '../shared/auth/principal';
import { removeDelegatedAdminAsCustomer } from '../shared/consent/customerDecisions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { formTargets, formToken, verifiedForm } from '../shared/customer/forms';
import { customerSession, signOutAndReturnTo } from '../shared/customer/session';
import { partnerEntryView, partnerView } from '../shared/customer/views';
import { effectiveConsent } from '../shared/domain/consent';
import type { Partner } from '../shared/domain/partners';
import { ServiceError } from '../shared/errors';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import {
  htmlPage,
  pageResponse,
  renderNotFoundPage,
  renderPartnersPage,
  renderRefusalPage,
  type PageContext,
  type PartnerEntryView,
  type RenderedPage,
} from '../shared/pages';
import type { AuthorizationRecord } from '../shared/storage/authorizationStore';
import { config } from '../shared/config';

const PARTNERS_PATH = '/partners';

/** GET: the tenant's authorized partners, newest first; never changes state. */
export async function showPartnersPage(request: HttpRequest): Promise<HttpResponseInit> {
  const session = customerSession(request, PARTNERS_PATH);
  if (session.kind === 'answer') return session.response;
  const { principal, context } = session;
  if (!isGlobalAdministrator(principal)) return pageResponse(notGlobalAdministrator(context));
  const entries = await partnerEntries(principal);
  const removed = entries.find((entry) => entry.consentId === request.query.get('removed'));
  const notice =
    removed?.delegatedAdmin?.status === 'removed'
      ? { kind: 'delegated-admin-removed' as const, partnerName: removed.partner.displayName }
      : undefined;
  return pageResponse(renderPartnersPage({ ...context, entries, notice, supportContact: config().supportContact }));
}

/** POST: R3, the customer removes a CSP's delegated admin roles; the consent and its authorization stay. */
export async function removeDelegatedAdmin(request: HttpRequest): Promise<HttpResponseInit> {
  const session = customerSession(request, PARTNERS_PATH);
  if (session.kind === 'answer') return session.response;
  const { principal, context } = session;
  if (!isGlobalAdministrator(principal)) return pageResponse(notGlobalAdministrator(context));
  const consentId = request.params.consentId ?? '';
  if (!(await verifiedForm(request, principal, formTargets.removeDelegatedAdmin(consentId)))) {
    return pageResponse(renderRefusalPage({ ...context, reason: 'forged-form', retryUrl: PARTNERS_PATH }));
  }
  const stored = await deps.consents.findConsentById(consentId);
  const consent = stored && effectiveConsent(stored.value, deps.now());
  // Another organization's consent does not exist for this reader.
  if (consent?.status !== 'accepted' || consent.customer.tenantId !== principal.tenantId) {
    return pageResponse(renderNotFoundPage(context));
  }
  if (consent.partner.type === 'oem') {
    const partner = partnerView(consent.partner, (await deps.partners.findPartner(consent.partner.id))?.value);
    const { supportContact } = config();
    return pageResponse(
      renderRefusalPage({ ...context, reason: 'oem-not-removable', partner, consentId, supportContact }),
    );
  }
  try {
    await removeDelegatedAdminAsCustomer(deps, { partnerId: consent.partner.id, consentId }, principal);
  } catch (error) {
    // Already removed or expired, or never requested: the list shows how it stands.
    if (error instanceof ServiceError && error.kind === 'conflict') return seeOther(PARTNERS_PATH);
    throw error;
  }
  return seeOther(`${PARTNERS_PATH}?removed=${encodeURIComponent(consentId)}`);
}

/** One entry per accepted consent: its partner's row, and for a reseller its provider's row beside it (R9). */
async function partnerEntries(principal: CustomerPrincipal): Promise<PartnerEntryView[]> {
  const rows = await deps.authorizations.listTenantAuthorizations(principal.tenantId);
  const partners = await partnersById(rows.map((row) => row.partnerId));
  const now = deps.now();
  return rows
    .filter((row) => row.partnerId === row.viaPartnerId)
    .sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt))
    .map((own) => {
      const providerRow = rows.find((row) => row.viaPartnerId === own.partnerId && row.partnerId !== own.partnerId);
      const provider = providerRow && { row: providerRow, partner: partners.get(providerRow.partnerId) };
      const entry = partnerEntryView(own, provider, partners.get(own.partnerId), now);
      return removable(entry) ? { ...entry, removeDelegatedAdmin: removalForm(principal, own) } : entry;
    });
}

async function partnersById(ids: string[]): Promise<Map<string, Partner>> {
  const distinct = [...new Set(ids)];
  const found = await Promise.all(distinct.map((id) => deps.partners.findPartner(id)));
  return new Map(found.flatMap((stored) => (stored ? [[stored.value.id, stored.value] as const] : [])));
}

/** R3 for CSPs only: an OEM never has delegated admin (R15) and is removed only by support (R13). */
function removable(entry: PartnerEntryView): boolean {
  return entry.partner.kind !== 'oem' && entry.delegatedAdmin?.status === 'active';
}

function removalForm(principal: CustomerPrincipal, row: AuthorizationRecord) {
  return {
    action: `${PARTNERS_PATH}/${encodeURIComponent(row.consentId)}/remove-delegated-admin`,
    csrfToken: formToken(principal, formTargets.removeDelegatedAdmin(row.consentId)),
  };
}

/** R6: the partner list and its changes are for the tenant's Global Administrators. */
function notGlobalAdministrator(context: PageContext): RenderedPage {
  return renderRefusalPage({ ...context, reason: 'not-global-admin', signOutUrl: signOutAndReturnTo(PARTNERS_PATH) });
}

function seeOther(location: string): HttpResponseInit {
  return htmlPage(303, '', { location });
}

registerHttp('showPartnersPage', {
  route: 'partners',
  methods: ['GET'],
  handler: withPageErrors(showPartnersPage),
});
registerHttp('removeDelegatedAdmin', {
  route: 'partners/{consentId}/remove-delegated-admin',
  methods: ['POST'],
  handler: withPageErrors(removeDelegatedAdmin),
});
