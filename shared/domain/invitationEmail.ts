// Whether a consent's invitation may still be emailed, and if not, why: the rule behind `email.status` `not-sent`.
import type { Consent, ConsentStatus } from './consent';
import { issuingRefusal, type Partner } from './partners';

/** What `lastError` says when the consent stopped being pending before its invitation went out. */
const CLOSED_BEFORE_SENDING: Readonly<Record<Exclude<ConsentStatus, 'pending'>, string>> = {
  accepted: 'The consent was accepted before the invitation was sent.',
  declined: 'The consent was declined before the invitation was sent.',
  expired: 'The consent expired before the invitation was sent.',
  cancelled: 'The consent was cancelled before the invitation was sent.',
  revoked: 'The consent was accepted, and since revoked, before the invitation was sent.',
};

/**
 * Why this consent's invitation must not go out, or undefined while it may: the consent (as it reads now) is no
 * longer pending, or its partner may no longer ask for consent (R11: the link would open a "no longer valid" page).
 */
export function invitationNotSendable(consent: Consent, partner: Partner): string | undefined {
  if (consent.status !== 'pending') return CLOSED_BEFORE_SENDING[consent.status];
  const refusal = issuingRefusal(partner);
  return refusal && `The invitation was not sent: the partner may no longer ask for consent. ${refusal}`;
}
