// Emails that tell a partner's contact what a customer did (API.md: "the partner is told"), once per change.
import { partnerNoticeOperationId } from '../email/operationId';
import { renderRevocationNotice } from '../email/revocationNotice';
import type { PartnerNotice } from '../storage/partnerNoticeQueue';
import type { Dependencies } from './dependencies';

/** `retry`: the trigger throws and the host delivers the message again (bounded by the poison queue). */
export type NoticeOutcome = { kind: 'sent' | 'dropped' | 'failed' | 'retry'; reason?: string };

/**
 * Sends the notice a queue message asks for when the consent says it happened. A revocation still being written
 * (the notice is queued just before it) is waited for; the ACS operation id makes a repeated delivery send nothing new.
 */
export async function sendPartnerNotice(deps: Dependencies, notice: PartnerNotice): Promise<NoticeOutcome> {
  const consent = (await deps.consents.findConsent(notice.partnerId, notice.consentId))?.value;
  if (consent?.status === 'accepted') return { kind: 'retry', reason: 'the revocation is not stored (yet)' };
  if (consent?.revocation?.by !== 'customer') return { kind: 'dropped', reason: 'the customer did not revoke it' };
  const partner = (await deps.partners.findPartner(consent.partner.id))?.value;
  if (!partner) return { kind: 'dropped', reason: 'the partner is no longer registered' };
  const email = renderRevocationNotice({
    to: { address: partner.contactEmail, displayName: partner.displayName },
    partnerName: consent.partner.displayName,
    consentId: consent.id,
    customer: { tenantId: consent.customer.tenantId!, displayName: consent.customer.displayName },
    revokedAt: consent.revokedAt!,
    revokedBy: consent.revocation.revokedBy.userPrincipalName || undefined,
    providerName: consent.indirectProvider?.displayName,
  });
  const result = await deps.sender.send({
    operationId: partnerNoticeOperationId(consent.id, notice.kind),
    to: { address: partner.contactEmail, displayName: partner.displayName },
    ...email,
  });
  if (result.outcome === 'retry') return { kind: 'retry', reason: result.reason };
  return result.outcome === 'sent' ? { kind: 'sent' } : { kind: 'failed', reason: result.reason };
}
