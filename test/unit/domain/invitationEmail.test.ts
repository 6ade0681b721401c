// When a consent's invitation may no longer be emailed, and what the partner is told (`email.status` `not-sent`).
import { cancelConsent, declineConsent, expireConsent, revokeConsent } from '../../../shared/domain/consentTransitions';
import { invitationNotSendable } from '../../../shared/domain/invitationEmail';
import { acceptedConsent, directCsp, later, oem, pendingConsent } from './fixtures';

describe('whether an invitation may still be emailed (item 5)', () => {
  it('a pending consent of a partner that may ask: yes', () => {
    expect(invitationNotSendable(pendingConsent(directCsp), directCsp)).toBeUndefined();
  });

  it('a consent decided, cancelled, expired or revoked before the email went out: no, and lastError says which', () => {
    const pending = pendingConsent(directCsp);
    const reasons = [
      acceptedConsent(directCsp),
      declineConsent(pending, later(1)),
      cancelConsent(pending, later(1)),
      expireConsent(pending, later(31)),
      revokeConsent(acceptedConsent(directCsp), { now: later(2), reason: 'support', ticket: 'T-1' }),
    ].map((consent) => invitationNotSendable(consent, directCsp));
    expect(reasons).toEqual([
      'The consent was accepted before the invitation was sent.',
      'The consent was declined before the invitation was sent.',
      'The consent was cancelled before the invitation was sent.',
      'The consent expired before the invitation was sent.',
      'The consent was accepted, and since revoked, before the invitation was sent.',
    ]);
  });

  it('R11: a pending consent of a partner that may no longer ask (suspended, an OEM no longer eligible): no, saying why', () => {
    const suspended = { ...directCsp, status: 'suspended' as const };
    const ineligible = { ...oem, oemDirectApiEligible: false };
    expect(invitationNotSendable(pendingConsent(directCsp), suspended)).toMatch(
      /^The invitation was not sent: the partner may no longer ask for consent\. Your partner account is suspended/,
    );
    expect(invitationNotSendable(pendingConsent(oem), ineligible)).toMatch(
      /^The invitation was not sent: the partner may no longer ask for consent\. Only OEMs eligible/,
    );
  });
});
