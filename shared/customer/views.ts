// Domain objects as the customer pages' view models: who the partner is, what it may do, why someone is refused.
import type { AcceptanceRefusal } from '../domain/acceptance';
import { withoutAbsentFields as withoutAbsent, type Consent } from '../domain/consent';
import { autoExtends, effectiveDelegatedAdmin } from '../domain/delegatedAdmin';
import { channelsFor, type Partner, type PartnerKind } from '../domain/partners';
import type {
  AcceptedPageView,
  ActiveRolesView,
  AlreadyDecidedPageView,
  ConsentPageView,
  IndirectProviderView,
  PageContext,
  PartnerEntryView,
  PartnerView,
  RefusalPageView,
} from '../pages';
import type { AuthorizationRecord } from '../storage/authorizationStore';

/** The partner as registered now when known (verified domain, partner id), else as the consent names it. */
export function partnerView(
  named: { displayName: string; type: PartnerKind },
  registered: Partner | undefined,
): PartnerView {
  if (!registered) return { displayName: named.displayName, kind: named.type };
  return withoutAbsent({
    displayName: registered.displayName,
    kind: registered.type,
    verifiedDomain: registered.verifiedDomain,
    microsoftPartnerId: registered.microsoftPartnerId,
  });
}

/** R9: the indirect provider an indirect reseller's consent authorizes too, with the channels it gets. */
export function providerView(provider: { displayName: string } | undefined): IndirectProviderView | undefined {
  return provider && { displayName: provider.displayName, channels: channelsFor('indirect-provider') };
}

/** R7, R16: what an acceptance did, with the roles that became active. */
export function acceptedView(context: PageContext, consent: Consent, partner: PartnerView): AcceptedPageView {
  const admin = consent.delegatedAdmin;
  return withoutAbsent({
    ...context,
    partner,
    channels: channelsFor(consent.partner.type),
    indirectProvider: providerView(consent.indirectProvider),
    delegatedAdmin:
      admin?.status === 'active' && admin.expiresAt ? { roles: admin.roles, expiresAt: admin.expiresAt } : undefined,
  });
}

/** A consent that was answered before (accepted, declined or revoked): what, when, and by whom when known. */
export function decidedView(context: PageContext, consent: Consent, partner: PartnerView): AlreadyDecidedPageView {
  const common = { ...context, partner };
  switch (consent.status) {
    case 'accepted':
      return withoutAbsent({
        ...common,
        decision: consent.status,
        at: consent.acceptedAt!,
        by: consent.acceptedBy?.userPrincipalName || undefined,
      });
    case 'declined':
      return { ...common, decision: consent.status, at: consent.declinedAt! };
    case 'revoked':
      return { ...common, decision: consent.status, at: consent.revokedAt! };
    default:
      throw new Error(`A ${consent.status} consent has not been answered.`);
  }
}

/** The form a consent page carries: where it posts, its token, and what was wrong with the last post. */
export interface DecisionForm {
  action: string;
  csrfToken: string;
  error?: ConsentPageView['error'];
}

/** R5, R9, R10: an invitation as its consent page shows it. */
export function invitationFormView(
  context: PageContext,
  consent: Consent,
  partner: PartnerView,
  form: DecisionForm,
): ConsentPageView {
  const admin = consent.delegatedAdmin;
  return withoutAbsent({
    ...context,
    formAction: form.action,
    csrfToken: form.csrfToken,
    error: form.error,
    partner,
    channels: channelsFor(consent.partner.type),
    indirectProvider: providerView(consent.indirectProvider),
    customer: { displayName: consent.customer.displayName, domain: consent.customer.domain },
    delegatedAdmin: admin && { roles: admin.roles, durationDays: admin.durationDays, autoExtend: admin.autoExtend },
    message: consent.message,
    expiresAt: consent.expiresAt,
  });
}

/** R11: a standing link names no customer, asks for no roles (R15 for an OEM) and does not expire. */
export function standingLinkFormView(
  context: PageContext,
  offer: { partner: Partner; indirectProvider?: Partner },
  form: DecisionForm,
): ConsentPageView {
  return withoutAbsent({
    ...context,
    formAction: form.action,
    csrfToken: form.csrfToken,
    error: form.error,
    partner: partnerView(offer.partner, offer.partner),
    channels: channelsFor(offer.partner.type),
    indirectProvider: providerView(offer.indirectProvider),
  });
}

/** R6, R12 and the tenant and domain checks, as the page that explains them; signing out returns to `returnPath`. */
export function refusalView(context: PageContext, refusal: AcceptanceRefusal, signOutUrl: string): RefusalPageView {
  const common = { ...context, signOutUrl };
  switch (refusal.reason) {
    case 'domain-mismatch':
      return { ...common, reason: 'upn-domain-mismatch', expectedDomain: refusal.requiredDomain };
    case 'wrong-tenant':
    case 'not-global-admin':
    case 'not-cloud-native':
      return { ...common, reason: refusal.reason };
  }
}

/**
 * One entry of the partners page from the tenant's authorization rows for one consent: the partner's own row and,
 * for an indirect reseller, its provider's (R9). The partner as registered now names it; the row says what it is.
 * `otherGrants`: the delegated admin of the partner's other accepted requests for the tenant, shown in the same entry.
 */
export function partnerEntryView(
  own: AuthorizationRecord,
  provider: { row: AuthorizationRecord; partner?: Partner } | undefined,
  partner: Partner | undefined,
  now: Date,
  otherGrants: AuthorizationRecord['delegatedAdmin'][] = [],
): PartnerEntryView {
  return withoutAbsent({
    consentId: own.consentId,
    partner: partnerView({ displayName: own.partnerId, type: partner?.type ?? own.partnerKind }, partner),
    channels: own.channels,
    indirectProvider: provider && {
      displayName: provider.partner?.displayName ?? provider.row.partnerId,
      channels: provider.row.channels,
    },
    acceptedAt: own.acceptedAt,
    delegatedAdmin: delegatedAdminEntry([own.delegatedAdmin, ...otherGrants], now),
  });
}

/**
 * What the entry says of the partner's roles in the tenant, over all its accepted requests there (`grants`: their
 * delegated admin, the shown consent's first): each active grant, else removed or expired, else nothing.
 */
function delegatedAdminEntry(
  grants: (AuthorizationRecord['delegatedAdmin'] | undefined)[],
  now: Date,
): PartnerEntryView['delegatedAdmin'] {
  const current = grants.flatMap((admin) => (admin ? [effectiveDelegatedAdmin(admin, now)] : []));
  const active = current.flatMap((admin): ActiveRolesView[] =>
    admin.status === 'active' && admin.expiresAt
      ? [{ status: 'active', roles: admin.roles, expiresAt: admin.expiresAt, autoExtends: autoExtends(admin) }]
      : [],
  );
  const [first, ...others] = active;
  if (first) return others.length ? { ...first, others } : first;
  if (current.some((admin) => admin.status === 'removed')) return { status: 'removed' };
  return current.some((admin) => admin.status === 'expired') ? { status: 'expired' } : undefined;
}
