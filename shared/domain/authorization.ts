// Who is authorized for which customer tenant, through which channels, and on what basis (R8, R9, R11).
import type { Consent } from './consent';
import { PARTNER_KIND_RULES, type AuthorizationBasis, type Channel, type Partner, type PartnerKind } from './partners';

/** One partner's authorization for one customer tenant, as one accepted consent grants it. */
export interface Authorization {
  tenantId: string;
  partnerId: string;
  /** What kind of partner this authorization is for (an indirect reseller's provider: 'indirect-provider'). */
  partnerKind: PartnerKind;
  basis: AuthorizationBasis;
  channels: Channel[];
  consentId: string;
  acceptedAt: string;
}

export type AuthorizationDecision =
  | { authorized: true; basis: AuthorizationBasis; channels: Channel[]; consentId: string; acceptedAt: string }
  | { authorized: false; channels: [] };

/**
 * The authorizations an accepted consent grants: its partner's, and for an indirect reseller's consent also its
 * provider's (R9). Any other status grants nothing.
 */
export function authorizationsGrantedBy(consent: Consent): Authorization[] {
  const { status, customer, acceptedAt } = consent;
  if (status !== 'accepted' || customer.tenantId === undefined || acceptedAt === undefined) return [];
  const grant = { tenantId: customer.tenantId, consentId: consent.id, acceptedAt };
  const ownRule = PARTNER_KIND_RULES[consent.partner.type];
  const own: Authorization = {
    ...grant,
    partnerId: consent.partner.id,
    partnerKind: consent.partner.type,
    basis: ownRule.basis,
    channels: [...ownRule.channels],
  };
  if (!consent.indirectProvider) return [own];
  const providerRule = PARTNER_KIND_RULES['indirect-provider'];
  return [
    own,
    {
      ...grant,
      partnerId: consent.indirectProvider.id,
      partnerKind: 'indirect-provider',
      basis: providerRule.basis,
      channels: [...providerRule.channels],
    },
  ];
}

/**
 * May this partner register devices for this tenant, and how. `consents` are those that bear on the pair (the partner's
 * own, or an indirect provider's resellers'); others are ignored. The earliest acceptance answers when several hold.
 */
export function authorizationFor(
  partner: Pick<Partner, 'id'>,
  tenantId: string,
  consents: readonly Consent[],
): AuthorizationDecision {
  const tenant = tenantId.toLowerCase();
  const [first] = consents
    .flatMap(authorizationsGrantedBy)
    .filter((grant) => grant.partnerId === partner.id && grant.tenantId === tenant)
    .sort((a, b) => Date.parse(a.acceptedAt) - Date.parse(b.acceptedAt) || a.consentId.localeCompare(b.consentId));
  if (!first) return { authorized: false, channels: [] };
  const { basis, channels, consentId, acceptedAt } = first;
  return { authorized: true, basis, channels, consentId, acceptedAt };
}
