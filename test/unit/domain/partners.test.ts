import {
  channelsFor,
  issuingRefusal,
  kindFieldErrors,
  PARTNER_KIND_RULES,
  PARTNER_KINDS,
  takesField,
} from '../../../shared/domain/partners';
import { directCsp, oem, partnerOf, provider, reseller } from './fixtures';

describe('partner kinds', () => {
  it('R1: there are exactly four partner kinds, each with one row in the rules table', () => {
    expect([...PARTNER_KINDS].sort()).toEqual(['direct-csp', 'indirect-provider', 'indirect-reseller', 'oem']);
    expect(Object.keys(PARTNER_KIND_RULES).sort()).toEqual([...PARTNER_KINDS].sort());
  });

  it('R9: an indirect reseller registers with the indirect provider it buys through, and only a reseller names one', () => {
    expect(kindFieldErrors({ type: 'indirect-reseller' })).toEqual([
      { path: 'indirectProviderId', message: 'is required for an indirect-reseller' },
    ]);
    expect(kindFieldErrors({ type: 'indirect-reseller', indirectProviderId: 'provider-1' })).toEqual([]);
    for (const type of ['direct-csp', 'indirect-provider', 'oem'] as const) {
      expect(kindFieldErrors({ type, indirectProviderId: 'provider-1' })).toEqual([
        { path: 'indirectProviderId', message: 'applies only to an indirect-reseller' },
      ]);
    }
  });

  it('R11: only an OEM may be registered as eligible for the OEM Direct API, and it need not say', () => {
    expect(kindFieldErrors({ type: 'oem' })).toEqual([]);
    expect(kindFieldErrors({ type: 'oem', oemDirectApiEligible: false })).toEqual([]);
    expect(kindFieldErrors({ type: 'direct-csp', oemDirectApiEligible: false })).toEqual([
      { path: 'oemDirectApiEligible', message: 'applies only to an oem' },
    ]);
    expect(PARTNER_KINDS.filter((kind) => takesField(kind, 'oemDirectApiEligible'))).toEqual(['oem']);
  });

  it('R2: a direct CSP and an indirect reseller may issue consent requests', () => {
    expect(issuingRefusal(directCsp)).toBeUndefined();
    expect(issuingRefusal(reseller)).toBeUndefined();
  });

  it("R9: an indirect provider may not issue: it is authorized through its resellers' consents", () => {
    expect(issuingRefusal(provider)).toMatch(/authorized through its resellers' consents/);
  });

  it('R11: an OEM eligible for the OEM Direct API may issue', () => {
    expect(issuingRefusal(oem)).toBeUndefined();
  });

  it('R11: an OEM not eligible for the OEM Direct API may not issue, whether marked ineligible or never marked', () => {
    expect(issuingRefusal({ ...oem, oemDirectApiEligible: false })).toMatch(/OEM Direct API/);
    expect(issuingRefusal(partnerOf('oem'))).toMatch(/OEM Direct API/);
  });

  it('R1: a suspended partner of any kind may not issue, and is told it is suspended', () => {
    for (const partner of [directCsp, reseller, oem, provider]) {
      expect(issuingRefusal({ ...partner, status: 'suspended' })).toMatch(/suspended/);
    }
  });

  it('R9: an indirect reseller without a provider on record may not issue, since acceptance must authorize its provider', () => {
    expect(issuingRefusal({ ...reseller, indirectProviderId: undefined })).toMatch(/no indirect provider on record/);
  });

  it('R3/R15: CSPs may request delegated admin; an OEM and an indirect provider may not', () => {
    expect(PARTNER_KIND_RULES['direct-csp'].mayRequestDelegatedAdmin).toBe(true);
    expect(PARTNER_KIND_RULES['indirect-reseller'].mayRequestDelegatedAdmin).toBe(true);
    expect(PARTNER_KIND_RULES.oem.mayRequestDelegatedAdmin).toBe(false);
    expect(PARTNER_KIND_RULES['indirect-provider'].mayRequestDelegatedAdmin).toBe(false);
  });

  it('R8/R9/R11: each kind registers devices through the channels of API.md', () => {
    expect(channelsFor('direct-csp')).toEqual(['partner-center-api', 'partner-center-csv']);
    expect(channelsFor('indirect-reseller')).toEqual(['partner-center-csv']);
    expect(channelsFor('indirect-provider')).toEqual(['partner-center-api']);
    expect(channelsFor('oem')).toEqual(['oem-direct-api']);
  });

  it('R9: only an indirect reseller\'s acceptance also authorizes a provider, and the provider\'s basis is "indirect-provider"', () => {
    const alsoProvider = PARTNER_KINDS.filter((kind) => PARTNER_KIND_RULES[kind].acceptanceAlsoAuthorizesProvider);
    expect(alsoProvider).toEqual(['indirect-reseller']);
    expect(PARTNER_KIND_RULES['indirect-provider'].basis).toBe('indirect-provider');
    expect(PARTNER_KIND_RULES['direct-csp'].basis).toBe('direct');
    expect(PARTNER_KIND_RULES['indirect-reseller'].basis).toBe('direct');
    expect(PARTNER_KIND_RULES.oem.basis).toBe('oem');
  });
});
