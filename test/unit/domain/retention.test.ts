// Personal data kept only as long as needed: what is erased, when, and what stays as evidence.
import { cancelConsent, declineConsent, expireConsent, revokeConsent } from '../../../shared/domain/consentTransitions';
import {
  ERASED,
  erasedEventData,
  finalSince,
  personalDataDue,
  personalValuesOf,
  withoutPersonalData,
} from '../../../shared/domain/retention';
import { acceptedConsent, directCsp, globalAdmin, later, pendingConsent } from './fixtures';

const CONTACT = { contactEmail: 'kim@contoso.com', contactName: 'Kim Akers', locale: 'en' as const };
const withContact = { customer: { ...CONTACT }, message: 'Call Kim on +49 30 1234' };

describe('when personal data is due', () => {
  it('counts from the moment a consent reached a final state, each kind its own', () => {
    const declined = declineConsent(pendingConsent(directCsp, withContact), later(1));
    const cancelled = cancelConsent(pendingConsent(directCsp, withContact), later(2));
    const expired = expireConsent(pendingConsent(directCsp, withContact), later(31));
    const revoked = revokeConsent(acceptedConsent(directCsp, withContact), { now: later(3), reason: 'r', ticket: 't' });
    expect([declined, cancelled, expired, revoked].map((consent) => finalSince(consent, later(40)))).toEqual([
      later(1).toISOString(),
      later(2).toISOString(),
      pendingConsent().expiresAt,
      later(3).toISOString(),
    ]);
  });

  it('is due exactly PERSONAL_DATA_RETENTION_DAYS after, never for an accepted or pending consent, and only once', () => {
    const declined = declineConsent(pendingConsent(directCsp, withContact), later(1));
    expect(personalDataDue(declined, later(1 + 364), 365)).toBe(false);
    expect(personalDataDue(declined, later(1 + 365), 365)).toBe(true);
    expect(personalDataDue(acceptedConsent(directCsp, withContact), later(1000), 365)).toBe(false);
    expect(personalDataDue(withoutPersonalData(declined, later(366)), later(1000), 365)).toBe(false);
  });
});

describe('what is erased', () => {
  it('contact email and name, user names and the message go; ids, times, status, disclosures and the rest stay', () => {
    const accepted = acceptedConsent(directCsp, withContact);
    const revoked = {
      ...revokeConsent(accepted, { now: later(3), revokedBy: globalAdmin }),
      disclosures: { accepted: { version: 'v', locale: 'en' as const, sha256: 'c'.repeat(64) } },
      email: { status: 'failed' as const, lastError: 'ACS refused kim@contoso.com' },
    };

    const erased = withoutPersonalData(revoked, later(400));

    expect(erased.customer).toEqual({ tenantId: revoked.customer.tenantId, locale: 'en' });
    expect(erased.message).toBeUndefined();
    expect(erased.acceptedBy).toEqual({
      tenantId: revoked.acceptedBy!.tenantId,
      objectId: revoked.acceptedBy!.objectId,
    });
    expect(erased.revocation).toEqual({
      by: 'customer',
      at: later(3).toISOString(),
      revokedBy: { tenantId: globalAdmin.tenantId.toLowerCase(), objectId: globalAdmin.objectId.toLowerCase() },
    });
    expect(erased.email).toEqual({ status: 'failed', lastError: `ACS refused ${ERASED}` });
    expect(erased.personalDataErasedAt).toBe(later(400).toISOString());
    const {
      customer: _c,
      message: _m,
      acceptedBy: _a,
      revocation: _r,
      email: _e,
      personalDataErasedAt: _p,
      ...rest
    } = erased;
    const { customer: _c2, message: _m2, acceptedBy: _a2, revocation: _r2, email: _e2, ...before } = revoked;
    expect(rest).toEqual(before);
  });

  it('events lose every personal value wherever it appears; events without any stay untouched', () => {
    const values = personalValuesOf({ ...acceptedConsent(directCsp, withContact) });
    expect(erasedEventData({ reason: 'mailbox kim@contoso.com full', linkVersion: 1 }, values)).toEqual({
      reason: `mailbox ${ERASED} full`,
      linkVersion: 1,
    });
    expect(erasedEventData({ tenantId: 't', delegatedAdmin: 'none' }, values)).toBeUndefined();
    expect(erasedEventData(undefined, values)).toBeUndefined();
  });
});
