// Accepting a partner's standing link (R11, R12): the consent is made for the signer's tenant, exactly once.
import { createHash } from 'node:crypto';
import { acceptanceRefusal, type AcceptanceRefusal, type Signer } from '../domain/acceptance';
import { standingLinkConsent, type Consent, type Disclosure, type Locale } from '../domain/consent';
import { acceptConsent } from '../domain/consentTransitions';
import type { Partner } from '../domain/partners';
import type { StandingLink } from '../storage/linkStore';
import { isAlreadyExists } from '../storage/tableErrors';
import type { Versioned } from '../storage/versioned';
import { consentIdOf, type Dependencies } from './dependencies';
import { grantAuthorizations } from './projection';
import { issueReceipt } from './receipts';

/** What a standing link offers: the partner's current link, the partner and, for a reseller, its provider (R9). */
export interface StandingLinkOffer {
  link: StandingLink;
  partner: Partner;
  indirectProvider?: Partner;
}

export type StandingLinkOutcome =
  { kind: 'accepted' | 'already-accepted'; consent: Consent } | { kind: 'refused'; refusal: AcceptanceRefusal };

/**
 * Accepts the standing link for the signer's tenant. The consent's id is derived from the link and the tenant, so
 * concurrent accepts collide on the insert (409) and all but one answer "already accepted"; the same tenant accepting
 * again is harmless. Writes: the consent (born accepted, with what the page showed: `disclosure`) → authorization
 * rows → event → receipt, each repeatable.
 */
export async function acceptStandingLink(
  deps: Dependencies,
  offer: StandingLinkOffer,
  signer: Signer,
  locale: Locale,
  disclosure?: Disclosure,
): Promise<StandingLinkOutcome> {
  const now = deps.now();
  const slot = await currentSlot(deps, offer.link, signer.tenantId);
  const pending = standingLinkConsent({
    id: slot.id,
    partner: offer.partner,
    indirectProvider: offer.indirectProvider,
    locale,
    now,
  });
  const refusal = standingLinkRefusal(offer, signer);
  if (refusal) return { kind: 'refused', refusal };
  if (slot.stored) return settle(deps, slot.stored.value, 'already-accepted', offer.link);
  const { consent: accepted } = acceptConsent(pending, {
    now,
    acceptedBy: { tenantId: signer.tenantId, objectId: signer.objectId, userPrincipalName: signer.userPrincipalName },
  });
  const consent = disclosure ? { ...accepted, disclosures: { accepted: disclosure } } : accepted;
  try {
    await deps.consents.insertConsent(consent);
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    const winner = await deps.consents.findConsent(consent.partner.id, consent.id);
    return settle(deps, winner!.value, 'already-accepted', offer.link);
  }
  return settle(deps, consent, 'accepted', offer.link);
}

/**
 * Why this user may not answer the standing link (R6; R12 for an OEM), or undefined when they may. A standing link
 * names no tenant or domain: any organization's Global Administrator may accept it.
 */
export function standingLinkRefusal(offer: StandingLinkOffer, signer: Signer): AcceptanceRefusal | undefined {
  return acceptanceRefusal({ customer: {}, partner: offer.partner }, signer);
}

/** The tenant's standing consent through this link, when it gave one that still stands (accepted, not revoked). */
export async function standingConsentOf(
  deps: Dependencies,
  link: StandingLink,
  tenantId: string,
): Promise<Consent | undefined> {
  return (await currentSlot(deps, link, tenantId)).stored?.value;
}

/**
 * The id under which this tenant's consent through this link is (or will be) stored. Revocation (R13) ends a consent
 * for good, so the tenant may consent again: the next id follows from the revoked one, as deterministic as the first.
 */
async function currentSlot(
  deps: Dependencies,
  link: StandingLink,
  tenantId: string,
): Promise<{ id: string; stored?: Versioned<Consent> }> {
  let id = standingConsentId(deps, link, tenantId.toLowerCase());
  for (;;) {
    const stored = await deps.consents.findConsent(link.partnerId, id);
    if (stored?.value.status !== 'revoked') return { id, stored };
    id = standingConsentId(deps, link, tenantId.toLowerCase(), id);
  }
}

/**
 * Same shape as every consent id: the link's creation time (so it sorts among the partner's consents by when the link
 * was made), then 64 bits of a hash over the link's token hash — derived from a server key, so the id cannot be guessed.
 */
function standingConsentId(deps: Dependencies, link: StandingLink, tenantId: string, revokedId?: string): string {
  const { tokenHash } = deps.consentLinks.standing(link.partnerId, link.version);
  const digest = createHash('sha256')
    .update(JSON.stringify(['standing-link-consent', tokenHash, tenantId, revokedId ?? null]))
    .digest('hex');
  return consentIdOf(new Date(link.createdAt), digest.slice(0, 16));
}

/** Projection, audit event and receipt after the consent row; all repeatable, so a loser of the race or a retry converges. */
async function settle(
  deps: Dependencies,
  consent: Consent,
  kind: 'accepted' | 'already-accepted',
  link: StandingLink,
): Promise<StandingLinkOutcome> {
  await grantAuthorizations(deps, consent);
  await deps.events.appendEvent(consent.id, 'accepted', {
    at: consent.acceptedAt!,
    type: 'consent.accepted',
    actor: { kind: 'customer', id: consent.acceptedBy!.objectId },
    data: { tenantId: consent.customer.tenantId, source: 'standing-link', standingLinkVersion: link.version },
  });
  await issueReceipt(deps, consent, 'accepted');
  return { kind, consent };
}
