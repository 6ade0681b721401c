// Partners and consents written to the test run's Azurite through the real stores, each with unique ids.
import { randomUUID } from 'node:crypto';
import { liveDependencies, type Dependencies } from '../../shared/consent/dependencies';
import { issueConsentRequest } from '../../shared/consent/partnerRequests';
import type { Signer } from '../../shared/domain/acceptance';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../shared/domain/roles';
import { issueConsent, type Consent, type ConsentRequest } from '../../shared/domain/consent';
import type { Partner, PartnerKind } from '../../shared/domain/partners';
import { actingWithKey } from '../../shared/domain/partnerAccess';

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function storedPartner(type: PartnerKind, overrides: Partial<Partner> = {}): Promise<Partner> {
  const partner: Partner = {
    id: unique(type),
    displayName: `Contoso ${type}`,
    type,
    tenantId: randomUUID(),
    contactEmail: `${type}@partner.example`,
    status: 'active',
    createdAt: new Date().toISOString(),
    ...(type === 'oem' ? { oemDirectApiEligible: true } : {}),
    ...overrides,
  };
  await liveDependencies.partners.insertPartner(partner);
  return partner;
}

export function globalAdminOf(tenantId: string = randomUUID()): Signer {
  return {
    tenantId,
    objectId: randomUUID(),
    userPrincipalName: 'admin@contoso.onmicrosoft.com',
    roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
  };
}

/** A pending invitation for `tenantId`, stored through the consent store. */
export async function storedPendingConsent(
  partner: Partner,
  tenantId: string,
  options: { provider?: Partner; request?: Partial<ConsentRequest>; deps?: Dependencies } = {},
): Promise<Consent> {
  const deps = options.deps ?? liveDependencies;
  const now = deps.now();
  const consent = issueConsent({
    id: deps.newConsentId(now),
    partner,
    indirectProvider: options.provider,
    request: { customer: { tenantId }, sendEmail: false, ...options.request },
    now,
  });
  await deps.consents.insertConsent(consent);
  return consent;
}

/** An invitation issued through the use case with its email queued (sendEmail, a contact); answers its consent id. */
export async function issuedWithEmail(
  deps: Dependencies,
  partner: Partner,
  options: { tenantId?: string; expiresInDays?: number } = {},
): Promise<string> {
  const { consent } = await issueConsentRequest(deps, actingWithKey(partner), {
    customer: {
      contactEmail: 'admin@contoso.example',
      locale: 'en',
      ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    },
    sendEmail: true,
    expiresInDays: options.expiresInDays ?? 30,
  });
  return consent.id;
}
