// Partners of every kind, a signed-in Global Administrator, and consent builders shared by the domain tests.
import type { Signer } from '../../../shared/domain/acceptance';
import { issueConsent, type Consent, type ConsentRequest } from '../../../shared/domain/consent';
import { acceptConsent } from '../../../shared/domain/consentTransitions';
import type { Partner, PartnerKind } from '../../../shared/domain/partners';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';

export const NOW = new Date('2026-11-24T10:00:00.000Z');
export const TENANT = '3f5c8a2e-6b1d-4c7e-9a0f-2d4b6e8c1a35';
export const OTHER_TENANT = '9b1e7d3c-2a4f-4e6b-8c0d-5f7a9b1c3e24';
export const INTUNE_ADMINISTRATOR = '3a2c62db-5318-420d-8d74-23affee5d9d5';
export const CLOUD_DEVICE_ADMINISTRATOR = '7698a772-787b-4ac8-901f-60d6b08affd2';

export function later(days: number, from: Date = NOW): Date {
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000);
}

export function partnerOf(type: PartnerKind, overrides: Partial<Partner> = {}): Partner {
  return {
    id: `${type}-1`,
    displayName: `Contoso ${type}`,
    type,
    tenantId: 'c0ffee00-0000-4000-8000-000000000001',
    contactEmail: `${type}@partner.example`,
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export const directCsp = partnerOf('direct-csp');
export const provider = partnerOf('indirect-provider');
export const reseller = partnerOf('indirect-reseller', { indirectProviderId: provider.id });
export const oem = partnerOf('oem', { oemDirectApiEligible: true });

export const globalAdmin: Signer = {
  tenantId: TENANT,
  objectId: 'a1b2c3d4-0000-4000-8000-00000000000a',
  userPrincipalName: 'admin@contoso.onmicrosoft.com',
  roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
};

export function acceptedBy(signer: Signer = globalAdmin) {
  return { tenantId: signer.tenantId, objectId: signer.objectId, userPrincipalName: signer.userPrincipalName };
}

/** A pending invitation from `partner` to TENANT, issued at NOW, without email unless the request asks. */
export function pendingConsent(partner: Partner = directCsp, request: Partial<ConsentRequest> = {}): Consent {
  return issueConsent({
    id: `consent-${partner.id}`,
    partner,
    indirectProvider: partner.type === 'indirect-reseller' ? provider : undefined,
    request: { customer: { tenantId: TENANT }, sendEmail: false, ...request },
    now: NOW,
  });
}

/** The same consent accepted by TENANT's Global Administrator one hour after it was issued. */
export function acceptedConsent(partner: Partner = directCsp, request: Partial<ConsentRequest> = {}): Consent {
  return acceptConsent(pendingConsent(partner, request), { now: later(1 / 24), acceptedBy: acceptedBy() }).consent;
}

/** Runs `action` and returns what it threw, failing the test when it threw nothing. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}
