// The ACS Operation-Id of an invitation: the same consent and link version always give the same id (exactly once).
import { createHash } from 'node:crypto';

/** Keeps our ids apart from any other name hashed the same way. */
const NAMESPACE = 'autopilot-consent/invitation-email';

/**
 * A UUID (RFC 9562 version 8, name-based over SHA-256) derived from the consent and its link version. ACS takes
 * `Operation-Id` as a UUID (the SDK validates it as one) and answers a repeated id with the operation it already has,
 * so a re-delivered queue message cannot send a second email, while a resend (new link version) sends a new one.
 */
export function invitationOperationId(consentId: string, linkVersion: number): string {
  if (consentId.length === 0) throw new Error('consentId must not be empty');
  if (!Number.isSafeInteger(linkVersion) || linkVersion < 0) {
    throw new Error('linkVersion must be a non-negative integer');
  }
  const bytes = createHash('sha256').update(`${NAMESPACE}:${consentId}:${linkVersion}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
