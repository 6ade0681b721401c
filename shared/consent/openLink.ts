// What a consent link opens for a customer: a live invitation, a partner's standing link, or why it no longer works.
import { hashLinkToken, looksLikeLinkToken } from '../auth/linkTokens';
import { effectiveConsent, type Consent } from '../domain/consent';
import { issuingRefusal, type Partner } from '../domain/partners';
import type { StandingLink } from '../storage/linkStore';
import type { Dependencies } from './dependencies';

/** Why a link that once worked does not any more (the 410 page says which). */
export type GoneReason = 'expired' | 'cancelled' | 'replaced';

export type OpenedLink =
  | { kind: 'not-found' }
  | { kind: 'gone'; reason: GoneReason }
  | {
      kind: 'invitation';
      /** What CSRF tokens for this link's form are bound to. */
      tokenHash: string;
      /** The consent as it reads now (a pending one past its expiry never gets here). */
      consent: Consent;
      /** The partner as registered now, for the facts the page shows; absent if it was removed since. */
      partner?: Partner;
    }
  | { kind: 'standing-link'; tokenHash: string; link: StandingLink; partner: Partner; indirectProvider?: Partner };

/**
 * Resolves a token from `/consent/{token}`. Garbage is refused before any storage read; a link is live only while it
 * is its consent's (or its partner's standing link's) current one, even if a replaced link's row still lingers.
 */
export async function openConsentLink(deps: Dependencies, token: string): Promise<OpenedLink> {
  if (!looksLikeLinkToken(token)) return { kind: 'not-found' };
  const tokenHash = hashLinkToken(token);
  const target = await deps.links.findLinkTarget(tokenHash);
  if (!target) return { kind: 'not-found' };
  return target.kind === 'invitation'
    ? openInvitation(deps, tokenHash, target.partnerId, target.consentId)
    : openStandingLink(deps, tokenHash, target.partnerId, target.linkVersion);
}

async function openInvitation(
  deps: Dependencies,
  tokenHash: string,
  partnerId: string,
  consentId: string,
): Promise<OpenedLink> {
  const [stored, partner] = await Promise.all([
    deps.consents.findConsent(partnerId, consentId),
    deps.partners.findPartner(partnerId),
  ]);
  if (!stored) return { kind: 'not-found' };
  const consent = effectiveConsent(stored.value, deps.now());
  // A resend gives the consent a new nonce: the old link is refused even before its row is cleaned up.
  if (!consent.linkNonce || deps.consentLinks.invitation(consent.linkNonce).tokenHash !== tokenHash) {
    return { kind: 'gone', reason: 'replaced' };
  }
  if (consent.status === 'expired' || consent.status === 'cancelled') return { kind: 'gone', reason: consent.status };
  // R11: a partner that may no longer ask (suspended, removed, an OEM no longer eligible) cannot be accepted either.
  if (consent.status === 'pending' && (!partner || issuingRefusal(partner.value))) {
    return { kind: 'gone', reason: 'cancelled' };
  }
  return { kind: 'invitation', tokenHash, consent, partner: partner?.value };
}

async function openStandingLink(
  deps: Dependencies,
  tokenHash: string,
  partnerId: string,
  linkVersion: number,
): Promise<OpenedLink> {
  const [current, found] = await Promise.all([
    deps.links.findStandingLink(partnerId),
    deps.partners.findPartner(partnerId),
  ]);
  if (!current || !found) return { kind: 'not-found' };
  if (current.value.version !== linkVersion) return { kind: 'gone', reason: 'replaced' };
  const partner = found.value;
  // A partner that may no longer ask (suspended, or an OEM no longer eligible, R11) has withdrawn its standing link.
  if (issuingRefusal(partner)) return { kind: 'gone', reason: 'cancelled' };
  const indirectProvider = partner.indirectProviderId
    ? (await deps.partners.findPartner(partner.indirectProviderId))?.value
    : undefined;
  if (partner.type === 'indirect-reseller' && !indirectProvider) return { kind: 'gone', reason: 'cancelled' };
  return { kind: 'standing-link', tokenHash, link: current.value, partner, indirectProvider };
}
