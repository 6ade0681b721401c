// ACS Operation-Ids: the same email (a consent's invitation for one link, one notice to one recipient) always gets the
// same id, so however often it is sent, ACS sends it once.
import { createHash } from 'node:crypto';

/** Keep our ids apart from any other name hashed the same way, invitations apart from notices and partner notices. */
const INVITATION_NAMESPACE = 'autopilot-consent/invitation-email';
const NOTICE_NAMESPACE = 'autopilot-consent/notice-email';
const PARTNER_NOTICE_NAMESPACE = 'autopilot-consent/partner-notice';

/**
 * A UUID derived from the consent and its link version. ACS answers a repeated id with the operation it already has,
 * so a re-delivered queue message cannot send a second email, while a resend (new link version) sends a new one.
 */
export function invitationOperationId(consentId: string, linkVersion: number): string {
  if (consentId.length === 0) throw new Error('consentId must not be empty');
  if (!Number.isSafeInteger(linkVersion) || linkVersion < 0) {
    throw new Error('linkVersion must be a non-negative integer');
  }
  return nameBasedUuid(`${INVITATION_NAMESPACE}:${consentId}:${linkVersion}`);
}

/**
 * A UUID derived from the consent, the notice (`invitation-reminder-7d`, `delegated-admin-expired-0d`…) and who it
 * goes to: each notice reaches each recipient once, whichever link or copy of its message carries it.
 */
export function noticeOperationId(consentId: string, notice: string, recipient: string): string {
  if (consentId.length === 0 || notice.length === 0) throw new Error('consentId and notice must not be empty');
  return nameBasedUuid(`${NOTICE_NAMESPACE}:${consentId}:${notice}:${recipient}`);
}

/** A partner notice's id, from what it announces: each change of a consent is told once. */
export function partnerNoticeOperationId(consentId: string, kind: string): string {
  if (consentId.length === 0) throw new Error('consentId must not be empty');
  return nameBasedUuid(`${PARTNER_NOTICE_NAMESPACE}:${kind}:${consentId}`);
}

/** RFC 9562 version 8, name-based over SHA-256: ACS takes `Operation-Id` as a UUID (the SDK validates it as one). */
function nameBasedUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
