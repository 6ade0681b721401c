// The partner's side of a consent request (R2–R4): issue, read, list, cancel and resend, each the partner's own only.
import { newLinkNonce } from '../auth/linkTokens';
import { issueConsent, toConsentResource, type Consent, type ConsentResource } from '../domain/consent';
import { cancelConsent, reissueLink } from '../domain/consentTransitions';
import type { ActingPartner } from '../domain/partnerAccess';
import type { Partner } from '../domain/partners';
import { conflict, notFound } from '../errors';
import type { ConsentRequestBody } from '../schemas/consentRequests';
import type { Page, PageRequest } from '../storage/paging';
import type { ConsentFilter } from '../storage/consentStore';
import type { ConsentEvent } from '../storage/eventStore';
import { isAlreadyExists } from '../storage/tableErrors';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { reserveInvitationEmail } from './invitationLimit';

/**
 * The invitation message is queued before the consent change it is for is written (so a crash cannot leave a change
 * without its email), and hidden this long so the sender normally finds the change already stored: otherwise its
 * first try would find nothing and the email would wait for the queue's 30-second retry.
 */
const INVITATION_VISIBLE_AFTER_SECONDS = 2;

export interface IssuedLink {
  consent: ConsentResource;
  consentUrl: string;
}

/**
 * Issues a consent link. The token row, the audit event, the email message and the index row are written first (side
 * by side), then the consent row — the one commit point — so a failure before it leaves nothing a partner or customer
 * can see (the sender retries a message whose consent does not exist yet, and drops it in the end).
 */
export async function issueConsentRequest(
  deps: Dependencies,
  partner: ActingPartner,
  request: ConsentRequestBody,
  consentId?: string,
): Promise<IssuedLink> {
  const now = deps.now();
  const indirectProvider = await providerOf(deps, partner);
  const issued = issueConsent({ id: consentId ?? deps.newConsentId(now), partner, indirectProvider, request, now });
  const consent: Consent = { ...issued, linkNonce: newLinkNonce() };
  const link = deps.consentLinks.invitation(consent.linkNonce!);
  if (consent.email.status === 'queued') await reserveInvitationEmail(deps, partner.id);

  // Everything before the consent row is invisible on its own, so it is written side by side.
  await Promise.all([
    deps.links.saveLinkToken(
      link.tokenHash,
      { kind: 'invitation', partnerId: partner.id, consentId: consent.id, linkVersion: consent.linkVersion },
      now,
    ),
    deps.events.appendEvent(consent.id, 'issued', {
      at: consent.createdAt,
      type: 'consent.issued',
      actor: partner.actor,
      data: {
        tenantId: consent.customer.tenantId,
        delegatedAdmin: Boolean(consent.delegatedAdmin),
        email: consent.email.status,
      },
    }),
    consent.email.status === 'queued' &&
      deps.invitations.enqueueInvitation(
        { partnerId: partner.id, consentId: consent.id, linkVersion: 1 },
        { visibilityTimeoutSeconds: INVITATION_VISIBLE_AFTER_SECONDS },
      ),
    deps.consents.indexConsent(consent),
  ]);
  try {
    await deps.consents.insertConsentRow(consent);
  } catch (error) {
    // A retry of an interrupted request (same consent id): what the first attempt stored is the answer.
    if (!isAlreadyExists(error)) throw error;
    const stored = await ownConsent(deps, partner, consent.id);
    return { consent: toConsentResource(stored, now), consentUrl: deps.consentLinks.invitation(stored.linkNonce!).url };
  }
  return { consent: toConsentResource(consent, now), consentUrl: link.url };
}

/** The link of a consent as it was issued at `linkVersion`, for replaying an idempotent answer. */
export async function linkOf(deps: Dependencies, partnerId: string, consentId: string): Promise<string | undefined> {
  const stored = await deps.consents.findConsent(partnerId, consentId);
  return stored?.value.linkNonce && deps.consentLinks.invitation(stored.value.linkNonce).url;
}

export async function readConsentRequest(deps: Dependencies, partner: Partner, consentId: string) {
  return toConsentResource(await ownConsent(deps, partner, consentId), deps.now());
}

export async function listConsentRequests(
  deps: Dependencies,
  partner: Partner,
  filter: Omit<ConsentFilter, 'now'>,
  page: PageRequest,
): Promise<Page<ConsentResource>> {
  const now = deps.now();
  const found = await deps.consents.listConsents(partner.id, { ...filter, now }, page);
  return { ...found, items: found.items.map((consent) => toConsentResource(consent, now)) };
}

export async function consentRequestEvents(
  deps: Dependencies,
  partner: Partner,
  consentId: string,
): Promise<ConsentEvent[]> {
  await ownConsent(deps, partner, consentId);
  return deps.events.listEvents(consentId);
}

/** Withdraws a pending request; its link stops working at once (the page checks the consent's status). */
export async function cancelConsentRequest(deps: Dependencies, partner: ActingPartner, consentId: string) {
  const now = deps.now();
  const { consent } = await changeConsent(
    deps,
    () => deps.consents.findConsent(partner.id, consentId),
    (current) => ({ write: cancelConsent(current, now), result: undefined }),
  );
  await deps.events.appendEvent(consent.id, 'cancelled', {
    at: consent.cancelledAt!,
    type: 'consent.cancelled',
    actor: partner.actor,
  });
  return toConsentResource(consent, now);
}

/**
 * A new link for a pending request; the old one stops working at once (its row stays, so the page can say it was
 * replaced). Writes go new token → email message (for the new version: the sender waits until the consent has it) →
 * consent (the commit point) → event.
 */
export async function resendConsentRequest(
  deps: Dependencies,
  partner: ActingPartner,
  consentId: string,
): Promise<IssuedLink> {
  const now = deps.now();
  const current = await ownConsent(deps, partner, consentId);
  const planned: Consent = { ...reissueLink(current, now), linkNonce: newLinkNonce() };
  const link = deps.consentLinks.invitation(planned.linkNonce!);
  if (planned.email.status === 'queued') await reserveInvitationEmail(deps, partner.id);
  await deps.links.saveLinkToken(
    link.tokenHash,
    { kind: 'invitation', partnerId: partner.id, consentId, linkVersion: planned.linkVersion },
    now,
  );
  if (planned.email.status === 'queued') {
    await deps.invitations.enqueueInvitation(
      { partnerId: partner.id, consentId, linkVersion: planned.linkVersion },
      { visibilityTimeoutSeconds: INVITATION_VISIBLE_AFTER_SECONDS },
    );
  }
  const { consent } = await changeConsent(
    deps,
    () => deps.consents.findConsent(partner.id, consentId),
    // Rebuilt from the freshest copy: an accept, cancel or expiry that landed meanwhile makes this a 409, never undone.
    (latest) => {
      if (latest.linkVersion !== current.linkVersion) {
        throw conflict('Another request replaced this link at the same moment; read the consent and try again.');
      }
      return { write: { ...reissueLink(latest, now), linkNonce: planned.linkNonce }, result: undefined };
    },
  );
  await deps.events.appendEvent(consentId, `resent-v${consent.linkVersion}`, {
    at: now.toISOString(),
    type: 'consent.resent',
    actor: partner.actor,
    data: { linkVersion: consent.linkVersion, email: consent.email.status },
  });
  return { consent: toConsentResource(consent, now), consentUrl: link.url };
}

async function ownConsent(deps: Dependencies, partner: Partner, consentId: string): Promise<Consent> {
  const stored = await deps.consents.findConsent(partner.id, consentId);
  if (!stored) throw notFound(`You have no consent request "${consentId}".`);
  return stored.value;
}

async function providerOf(deps: Dependencies, partner: Partner): Promise<Partner | undefined> {
  if (partner.type !== 'indirect-reseller' || !partner.indirectProviderId) return undefined;
  return (await deps.partners.findPartner(partner.indirectProviderId))?.value;
}
