// Who revoked: the operator (R13) or the customer (API.md, "Customer revocation"), and old stored revocations.
import { storedConsent, type Consent } from '../../../shared/domain/consent';
import { revokeConsent } from '../../../shared/domain/consentTransitions';
import { acceptedConsent, directCsp, later } from './fixtures';

const ADMIN = {
  tenantId: 'AAAAAAAA-0000-4000-8000-000000000001',
  objectId: 'BBBBBBBB-0000-4000-8000-000000000002',
  userPrincipalName: 'admin@contoso.onmicrosoft.com',
};

describe('revocation', () => {
  it('a customer revocation records by, when and who (ids lower-case)', () => {
    const revoked = revokeConsent(acceptedConsent(directCsp), { now: later(3), revokedBy: ADMIN });
    expect(revoked.revocation).toEqual({
      by: 'customer',
      at: later(3).toISOString(),
      revokedBy: { ...ADMIN, tenantId: ADMIN.tenantId.toLowerCase(), objectId: ADMIN.objectId.toLowerCase() },
    });
  });

  it('R13: an operator revocation reads { by: operator, reason, ticket }', () => {
    const revoked = revokeConsent(acceptedConsent(directCsp), { now: later(3), reason: 'Support', ticket: 'SR-1' });
    expect(revoked.revocation).toEqual({ by: 'operator', reason: 'Support', ticket: 'SR-1' });
  });

  it('an operator revocation stored before customers could revoke reads with by: operator', () => {
    const old = { ...acceptedConsent(directCsp), status: 'revoked', revocation: { reason: 'r', ticket: 't' } };
    expect(storedConsent(old as unknown as Consent).revocation).toEqual({ by: 'operator', reason: 'r', ticket: 't' });
  });
});
