// A customer's Global Administrator revokes a CSP's authorization from /partners (API.md, "Customer revocation"): as
// easy as giving it, effective at once; an OEM stays until support revokes it (R13).
import { isGlobalAdministrator } from '../domain/acceptance';
import { effectiveConsent, type AcceptedBy, type Consent, type Disclosure } from '../domain/consent';
import { revokeConsent } from '../domain/consentTransitions';
import { partnerView } from '../customer/views';
import { revocationDisclosure } from '../evidence/disclosure';
import { CUSTOMER_PATHS, type CustomerPage } from '../pages';
import { changeConsent } from './consentUpdates';
import type { Dependencies } from './dependencies';
import { withdrawAuthorizations } from './projection';
import { issueReceipt } from './receipts';
import {
  notGlobalAdministrator,
  partnerConsentsForTenant,
  partnerEntryOf,
  partnersOfTenant,
  type CustomerReader,
} from './tenantPartners';

/** What a revocation post comes to: back to the list (naming the consent when this post revoked it), or a page now. */
export type RevocationAnswer =
  { kind: 'back-to-list'; revokedConsentId?: string } | { kind: 'page'; page: CustomerPage };

/**
 * The notice reaches the queue before the revocation is stored, hidden this long: by the time the sender sees it, the
 * revocation it announces has been written (or the sender waits for it, or drops it when the post failed).
 */
export const NOTICE_DELAY_SECONDS = 5;

/**
 * POST /partners/{consentId}/revoke. `form` is the posted form when it passed the origin and CSRF checks. Writes, each
 * repeatable: the notice (queued, hidden) → authorization rows removed, so checks answer false first → the consent,
 * with what the list showed → rows removed again (a late grant from an older copy) → the audit event → the receipt.
 * A repeated post changes nothing.
 */
export async function revokeAsCustomer(
  deps: Dependencies,
  reader: CustomerReader,
  consentId: string,
  form: URLSearchParams | undefined,
): Promise<RevocationAnswer> {
  const { principal, context } = reader;
  if (!isGlobalAdministrator(principal)) return show(notGlobalAdministrator(context));
  if (!form) {
    return show({ page: 'refusal', view: { ...context, reason: 'forged-form', retryUrl: CUSTOMER_PATHS.partners } });
  }
  const stored = await deps.consents.findConsentById(consentId);
  const consent = stored && effectiveConsent(stored.value, deps.now());
  // Another organization's consent does not exist for this reader; one revoked meanwhile is shown as it stands.
  if (!consent || consent.customer.tenantId !== principal.tenantId) return show({ page: 'not-found', view: context });
  if (consent.status !== 'accepted') return { kind: 'back-to-list' };
  if (consent.partner.type === 'oem') return show(await oemNotRevocable(deps, reader, consent));
  if (form.get('confirm') !== 'yes') {
    return show(await partnersOfTenant(deps, reader, { error: { kind: 'revoke-confirm-required', consentId } }));
  }
  const revokedBy = {
    tenantId: principal.tenantId,
    objectId: principal.objectId,
    userPrincipalName: principal.userPrincipalName,
  };
  // The list shows one entry per partner: revoking it ends every accepted consent of that partner for this tenant,
  // the others first, so that none of them takes over the authorization the posted one gives up.
  const others = (await partnerConsentsForTenant(deps, consent)).filter((other) => other.id !== consent.id);
  for (const other of others) await revoke(deps, reader, other, revokedBy);
  const revokedNow = await revoke(deps, reader, consent, revokedBy);
  return revokedNow ? { kind: 'back-to-list', revokedConsentId: consentId } : { kind: 'back-to-list' };
}

/** One consent revoked; whether this call revoked it (false when it was no longer accepted). */
async function revoke(
  deps: Dependencies,
  reader: CustomerReader,
  consent: Consent,
  revokedBy: AcceptedBy,
): Promise<boolean> {
  const disclosure = revocationDisclosure(await partnerEntryOf(deps, consent), reader.context.locale);
  await deps.partnerNotices.enqueuePartnerNotice(
    { kind: 'consent-revoked', partnerId: consent.partner.id, consentId: consent.id },
    NOTICE_DELAY_SECONDS,
  );
  await withdrawAuthorizations(deps, consent);
  const { consent: revoked, result: revokedNow } = await changeConsent(
    deps,
    () => deps.consents.findConsent(consent.partner.id, consent.id),
    (current) =>
      effectiveConsent(current, deps.now()).status === 'accepted'
        ? { write: withDisclosure(revokeConsent(current, { now: deps.now(), revokedBy }), disclosure), result: true }
        : { keep: true, result: false },
  );
  await withdrawAuthorizations(deps, revoked);
  if (!revokedNow) return false;
  await deps.events.appendEvent(revoked.id, 'revoked', {
    at: revoked.revokedAt!,
    type: 'consent.revoked',
    actor: { kind: 'customer', id: revokedBy.objectId },
    data: { by: 'customer', tenantId: revokedBy.tenantId },
  });
  await issueReceipt(deps, revoked, 'revoked');
  return true;
}

function withDisclosure(consent: Consent, disclosure: Disclosure): Consent {
  return { ...consent, disclosures: { ...consent.disclosures, revoked: disclosure } };
}

/** R13: nothing changes; the page says that only a support request removes an OEM, and how to make one. */
async function oemNotRevocable(deps: Dependencies, reader: CustomerReader, consent: Consent): Promise<CustomerPage> {
  const partner = partnerView(consent.partner, (await deps.partners.findPartner(consent.partner.id))?.value);
  return {
    page: 'refusal',
    view: {
      ...reader.context,
      reason: 'oem-not-removable',
      partner,
      consentId: consent.id,
      supportContact: deps.supportContact,
    },
  };
}

function show(page: CustomerPage): RevocationAnswer {
  return { kind: 'page', page };
}
