import { invitationOperationId } from '../../../shared/email/sender';

/** The check @azure/core-client applies to the Operation-Id header (mapper type Uuid). */
const SDK_UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/i;

describe('invitation operation id', () => {
  it('D3: the same consent and link version always give the same ACS operation id', () => {
    expect(invitationOperationId('consent-1', 1)).toBe(invitationOperationId('consent-1', 1));
  });

  it('D3: a resend (new link version) or another consent gives another operation id', () => {
    const ids = new Set([
      invitationOperationId('consent-1', 1),
      invitationOperationId('consent-1', 2),
      invitationOperationId('consent-2', 1),
      invitationOperationId('consent-12', 1),
      invitationOperationId('consent-1', 21),
    ]);
    expect(ids.size).toBe(5);
  });

  it('is a UUID the SDK accepts, with RFC 9562 version 8 and variant bits', () => {
    const id = invitationOperationId('01JDZ8X7Q2', 3);
    expect(id).toMatch(SDK_UUID);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses an empty consent id or a link version that is not a non-negative integer', () => {
    expect(() => invitationOperationId('', 1)).toThrow(/consentId/);
    expect(() => invitationOperationId('c', -1)).toThrow(/linkVersion/);
    expect(() => invitationOperationId('c', 1.5)).toThrow(/linkVersion/);
  });
});
