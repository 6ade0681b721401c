import { acceptanceRefusal, isCloudNative, type Signer } from '../../../shared/domain/acceptance';
import { standingLinkConsent, type Consent } from '../../../shared/domain/consent';
import {
  directCsp,
  globalAdmin,
  INTUNE_ADMINISTRATOR,
  NOW,
  oem,
  OTHER_TENANT,
  pendingConsent,
  TENANT,
} from './fixtures';

const notAdmin: Signer = { ...globalAdmin, roles: [INTUNE_ADMINISTRATOR, 'b79fbf4d-3ef9-4689-8143-76b194e85509'] };
const oemConsent: Consent = standingLinkConsent({ id: 's-1', partner: oem, locale: 'en', now: NOW });

describe('who may accept', () => {
  it('R5: a Global Administrator of the named tenant may accept', () => {
    expect(acceptanceRefusal(pendingConsent(), globalAdmin)).toBeUndefined();
  });

  it('R6: a user without Global Administrator is refused as not-global-admin', () => {
    expect(acceptanceRefusal(pendingConsent(), notAdmin)).toEqual({ reason: 'not-global-admin' });
  });

  it('R6: a user without any directory role claims is refused as not-global-admin', () => {
    expect(acceptanceRefusal(pendingConsent(), { ...globalAdmin, roles: [] })).toEqual({ reason: 'not-global-admin' });
  });

  it('R6: the Global Administrator role id is recognised in any letter case', () => {
    expect(
      acceptanceRefusal(pendingConsent(), { ...globalAdmin, roles: [globalAdmin.roles[0]?.toUpperCase() ?? ''] }),
    ).toBeUndefined();
  });

  it('R5: a user of another tenant than the request names is refused as wrong-tenant, naming both tenants', () => {
    expect(acceptanceRefusal(pendingConsent(), { ...globalAdmin, tenantId: OTHER_TENANT })).toEqual({
      reason: 'wrong-tenant',
      requiredTenantId: TENANT,
      signerTenantId: OTHER_TENANT,
    });
  });

  it('R5: the wrong tenant is reported before a missing role, since forwarding the link inside that tenant would not help', () => {
    expect(acceptanceRefusal(pendingConsent(), { ...notAdmin, tenantId: OTHER_TENANT })?.reason).toBe('wrong-tenant');
  });

  it('R5: a tenant id differing only in letter case is the same tenant', () => {
    expect(acceptanceRefusal(pendingConsent(), { ...globalAdmin, tenantId: TENANT.toUpperCase() })).toBeUndefined();
  });

  it('R5: with a domain and no tenant named, a user whose UPN domain differs is refused as domain-mismatch', () => {
    const consent = pendingConsent(directCsp, { customer: { domain: 'contoso.com' } });
    expect(acceptanceRefusal(consent, { ...globalAdmin, userPrincipalName: 'admin@fabrikam.com' })).toEqual({
      reason: 'domain-mismatch',
      requiredDomain: 'contoso.com',
      signerDomain: 'fabrikam.com',
    });
  });

  it('R5: with a domain and no tenant named, a user of that domain in any letter case may accept', () => {
    const consent = pendingConsent(directCsp, { customer: { domain: 'Contoso.com' } });
    expect(acceptanceRefusal(consent, { ...globalAdmin, userPrincipalName: 'Admin@CONTOSO.COM' })).toBeUndefined();
  });

  it('R5: when a tenant is named the domain is not checked as well', () => {
    const consent = pendingConsent(directCsp, { customer: { tenantId: TENANT, domain: 'contoso.com' } });
    expect(
      acceptanceRefusal(consent, { ...globalAdmin, userPrincipalName: 'admin@contoso.onmicrosoft.com' }),
    ).toBeUndefined();
  });

  it('R12: an OEM consent is refused to an account that is not cloud-native, naming the account', () => {
    expect(acceptanceRefusal(oemConsent, { ...globalAdmin, userPrincipalName: 'admin@contoso.com' })).toEqual({
      reason: 'not-cloud-native',
      userPrincipalName: 'admin@contoso.com',
    });
  });

  it('R12: a cloud-native Global Administrator of any tenant may accept an OEM standing link', () => {
    expect(acceptanceRefusal(oemConsent, { ...globalAdmin, tenantId: OTHER_TENANT })).toBeUndefined();
  });

  it('R12: a cloud-native account without Global Administrator is refused as not-global-admin', () => {
    expect(acceptanceRefusal(oemConsent, notAdmin)).toEqual({ reason: 'not-global-admin' });
  });

  it('R12: a CSP consent does not require a cloud-native account', () => {
    expect(
      acceptanceRefusal(pendingConsent(), { ...globalAdmin, userPrincipalName: 'admin@contoso.com' }),
    ).toBeUndefined();
  });

  it.each([
    ['name@contoso.onmicrosoft.com', true],
    ['Name@Contoso.OnMicrosoft.COM', true],
    ['name@contoso.com', false],
    ['name@onmicrosoft.com.evil.example', false],
    ['name_example.com#EXT#@contoso.onmicrosoft.com', false],
  ])('R12: %s is cloud-native: %s', (userPrincipalName, expected) => {
    expect(isCloudNative(userPrincipalName)).toBe(expected);
  });
});
