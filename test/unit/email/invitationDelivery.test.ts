// What the queue trigger takes from a consent to email it, and how it reports each outcome.
import type { DeliveryOutcome } from '../../../shared/consent/deliveryLog';
import { invitationEmail, settleDelivery } from '../../../shared/consent/invitationEmails';
import { INTUNE_ADMINISTRATOR, partnerOf, pendingConsent, provider, reseller } from '../domain/fixtures';

const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2Utbm9uY2Utbm9uY2UtMDE';
const message = { partnerId: 'p', consentId: 'c-1', linkVersion: 2 };

function invitedBy(partner = reseller) {
  return {
    ...pendingConsent(partner, {
      customer: { contactEmail: 'admin@contoso.example', contactName: 'Ada Admin', locale: 'de' },
      sendEmail: true,
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 180 },
      message: 'Bitte bestätigen',
    }),
    linkNonce: NONCE,
  };
}

/** The link the caller derived for the consent (deps.consentLinks); the email carries it as it is. */
const CONSENT_URL = 'https://consent.example/consent/aW52aXRhdGlvbi1saW5rLXRva2VuLWZvci10ZXN0cw';

describe('the invitation taken from a consent (R4)', () => {
  it('R4, R9: addresses the contact in their language with the link, roles, message, expiry and the provider', () => {
    const partner = { ...reseller, verifiedDomain: 'reseller.example', microsoftPartnerId: '7654321' };
    const consent = invitedBy(partner);
    expect(invitationEmail(consent, partner, CONSENT_URL)).toEqual({
      locale: 'de',
      to: { address: 'admin@contoso.example', displayName: 'Ada Admin' },
      partner: {
        displayName: partner.displayName,
        kind: 'indirect-reseller',
        verifiedDomain: 'reseller.example',
        microsoftPartnerId: '7654321',
        contactEmail: partner.contactEmail,
      },
      indirectProvider: { displayName: provider.displayName },
      delegatedAdmin: {
        roles: [{ id: INTUNE_ADMINISTRATOR, displayName: 'Intune Administrator' }],
        durationDays: 180,
        autoExtend: false,
      },
      message: 'Bitte bestätigen',
      consentUrl: CONSENT_URL,
      expiresAt: new Date(consent.expiresAt!),
    });
  });

  it('refuses a consent that is not an emailed invitation (no contact, no link)', () => {
    const direct = partnerOf('direct-csp');
    expect(() => invitationEmail(pendingConsent(direct), direct, CONSENT_URL)).toThrow('is not an emailed invitation');
  });
});

describe('reporting a delivery to the host', () => {
  function logged(outcome: DeliveryOutcome) {
    const lines: string[] = [];
    settleDelivery(outcome, message, {
      log: (line) => lines.push(`info ${line}`),
      warn: (line) => lines.push(`warn ${line}`),
    });
    return lines;
  }

  it('D3: one line per outcome, naming the consent and link version but no address or link', () => {
    expect(logged({ kind: 'sent' })).toEqual(['info Invitation email for consent c-1 (link version 2): sent.']);
    expect(logged({ kind: 'dropped', reason: 'the consent is cancelled' })).toEqual([
      'info Invitation email for consent c-1 (link version 2): dropped: the consent is cancelled.',
    ]);
    expect(logged({ kind: 'deferred', seconds: 60, reason: 'ACS is throttling sends' })).toEqual([
      'warn Invitation email for consent c-1 (link version 2): deferred by 60 s: ACS is throttling sends',
    ]);
    expect(logged({ kind: 'failed', reason: 'ACS refused the email' })).toEqual([
      'warn Invitation email for consent c-1 (link version 2): failed: ACS refused the email',
    ]);
    expect(logged({ kind: 'not-sent', reason: 'The consent was cancelled before the invitation was sent.' })).toEqual([
      'info Invitation email for consent c-1 (link version 2): not sent: The consent was cancelled before the invitation was sent.',
    ]);
  });

  it('D3: a retry is thrown, so the host delivers the message again after its visibility timeout', () => {
    expect(() => logged({ kind: 'retry', reason: 'ACS is unavailable (500)' })).toThrow(
      'Invitation email for consent c-1 (link version 2): not sent, will retry: ACS is unavailable (500)',
    );
  });
});
