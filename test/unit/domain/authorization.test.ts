import { authorizationFor, authorizationsGrantedBy } from '../../../shared/domain/authorization';
import {
  cancelConsent,
  declineConsent,
  expireConsent,
  removeDelegatedAdmin,
  revokeConsent,
} from '../../../shared/domain/consentTransitions';
import {
  acceptedConsent,
  directCsp,
  INTUNE_ADMINISTRATOR,
  later,
  oem,
  OTHER_TENANT,
  partnerOf,
  pendingConsent,
  provider,
  reseller,
  TENANT,
} from './fixtures';

const ACCEPTED_AT = later(1 / 24).toISOString();
const REVOCATION = { reason: 'Support request', ticket: 'SR-1' };
const NOT_AUTHORIZED = { authorized: false, channels: [] };

describe('authorizations granted on acceptance', () => {
  it("R8: a direct CSP's acceptance authorizes the CSP through both Partner Center channels", () => {
    const consent = acceptedConsent(directCsp);
    expect(authorizationsGrantedBy(consent)).toEqual([
      {
        tenantId: TENANT,
        partnerId: directCsp.id,
        partnerKind: 'direct-csp',
        basis: 'direct',
        channels: ['partner-center-api', 'partner-center-csv'],
        consentId: consent.id,
        acceptedAt: ACCEPTED_AT,
      },
    ]);
  });

  it("R9: an indirect reseller's acceptance authorizes its provider through partner-center-api and the reseller through partner-center-csv only", () => {
    const consent = acceptedConsent(reseller);
    expect(authorizationsGrantedBy(consent)).toEqual([
      {
        tenantId: TENANT,
        partnerId: reseller.id,
        partnerKind: 'indirect-reseller',
        basis: 'direct',
        channels: ['partner-center-csv'],
        consentId: consent.id,
        acceptedAt: ACCEPTED_AT,
      },
      {
        tenantId: TENANT,
        partnerId: provider.id,
        partnerKind: 'indirect-provider',
        basis: 'indirect-provider',
        channels: ['partner-center-api'],
        consentId: consent.id,
        acceptedAt: ACCEPTED_AT,
      },
    ]);
  });

  it("R11: an OEM's acceptance authorizes the OEM through oem-direct-api only", () => {
    const consent = acceptedConsent(oem);
    expect(authorizationsGrantedBy(consent)).toEqual([
      {
        tenantId: TENANT,
        partnerId: oem.id,
        partnerKind: 'oem',
        basis: 'oem',
        channels: ['oem-direct-api'],
        consentId: consent.id,
        acceptedAt: ACCEPTED_AT,
      },
    ]);
  });

  it('R8: pending, declined, expired, cancelled and revoked consents grant nothing', () => {
    const pending = pendingConsent(reseller);
    for (const consent of [
      pending,
      declineConsent(pending, later(1)),
      expireConsent(pending, later(30)),
      cancelConsent(pending, later(1)),
      revokeConsent(acceptedConsent(reseller), { now: later(2), ...REVOCATION }),
    ]) {
      expect(authorizationsGrantedBy(consent)).toEqual([]);
    }
  });

  it('R3: removing delegated admin leaves the device-registration authorization in place', () => {
    const consent = removeDelegatedAdmin(
      acceptedConsent(directCsp, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] } }),
      later(2),
    );
    expect(authorizationsGrantedBy(consent)).toHaveLength(1);
  });
});

describe('authorization for a partner and a tenant', () => {
  it('R8: a direct CSP with an accepted consent is authorized directly, through both Partner Center channels', () => {
    const consent = acceptedConsent(directCsp);
    expect(authorizationFor(directCsp, TENANT, [consent])).toEqual({
      authorized: true,
      basis: 'direct',
      channels: ['partner-center-api', 'partner-center-csv'],
      consentId: consent.id,
      acceptedAt: ACCEPTED_AT,
    });
  });

  it("R9: an indirect provider is authorized through its reseller's accepted consent, by the API only", () => {
    const consent = acceptedConsent(reseller);
    expect(authorizationFor(provider, TENANT, [consent])).toEqual({
      authorized: true,
      basis: 'indirect-provider',
      channels: ['partner-center-api'],
      consentId: consent.id,
      acceptedAt: ACCEPTED_AT,
    });
    expect(authorizationFor(reseller, TENANT, [consent])).toMatchObject({
      authorized: true,
      channels: ['partner-center-csv'],
    });
  });

  it("R9: another provider gains nothing from a reseller's consent", () => {
    expect(
      authorizationFor(partnerOf('indirect-provider', { id: 'other-provider' }), TENANT, [acceptedConsent(reseller)]),
    ).toEqual(NOT_AUTHORIZED);
  });

  it('R14: an OEM with an accepted consent is authorized through oem-direct-api', () => {
    expect(authorizationFor(oem, TENANT, [acceptedConsent(oem)])).toMatchObject({
      authorized: true,
      basis: 'oem',
      channels: ['oem-direct-api'],
    });
  });

  it('R8: a pending consent does not authorize', () => {
    expect(authorizationFor(directCsp, TENANT, [pendingConsent(directCsp)])).toEqual(NOT_AUTHORIZED);
  });

  it('R13: a revoked consent authorizes nothing, for the reseller nor for its provider', () => {
    const revoked = revokeConsent(acceptedConsent(reseller), { now: later(2), ...REVOCATION });
    expect(authorizationFor(reseller, TENANT, [revoked])).toEqual(NOT_AUTHORIZED);
    expect(authorizationFor(provider, TENANT, [revoked])).toEqual(NOT_AUTHORIZED);
  });

  it('R8: a consent for another tenant, or of another partner, does not authorize', () => {
    expect(authorizationFor(directCsp, OTHER_TENANT, [acceptedConsent(directCsp)])).toEqual(NOT_AUTHORIZED);
    expect(authorizationFor(directCsp, TENANT, [acceptedConsent(oem)])).toEqual(NOT_AUTHORIZED);
  });

  it('R8: the tenant id is matched in any letter case', () => {
    expect(authorizationFor(directCsp, TENANT.toUpperCase(), [acceptedConsent(directCsp)]).authorized).toBe(true);
  });

  it("R9: with several resellers' consents the earliest acceptance answers, and revoking one leaves the other in force", () => {
    const secondReseller = partnerOf('indirect-reseller', { id: 'reseller-2', indirectProviderId: provider.id });
    const first = acceptedConsent(reseller);
    const laterAccepted = { ...acceptedConsent(secondReseller), acceptedAt: later(5).toISOString() };
    expect(authorizationFor(provider, TENANT, [laterAccepted, first])).toMatchObject({
      authorized: true,
      consentId: first.id,
    });
    const firstRevoked = revokeConsent(first, { now: later(6), ...REVOCATION });
    expect(authorizationFor(provider, TENANT, [laterAccepted, firstRevoked])).toMatchObject({
      authorized: true,
      consentId: laterAccepted.id,
    });
  });

  it('R8: no consents, no authorization', () => {
    expect(authorizationFor(directCsp, TENANT, [])).toEqual(NOT_AUTHORIZED);
  });
});
