import {
  effectiveConsent,
  issueConsent,
  standingLinkConsent,
  toConsentResource,
  type ConsentRequest,
} from '../../../shared/domain/consent';
import { LEAST_PRIVILEGE_WARNING } from '../../../shared/domain/delegatedAdmin';
import type { Partner } from '../../../shared/domain/partners';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { ServiceError } from '../../../shared/errors';
import {
  acceptedConsent,
  directCsp,
  INTUNE_ADMINISTRATOR,
  later,
  NOW,
  oem,
  partnerOf,
  pendingConsent,
  provider,
  reseller,
  TENANT,
  thrownBy,
} from './fixtures';

function issue(request: Partial<ConsentRequest>, partner: Partner = directCsp, indirectProvider?: Partner) {
  return issueConsent({
    id: 'c-1',
    partner,
    indirectProvider,
    request: { customer: { contactEmail: 'it@contoso.com' }, ...request },
    now: NOW,
  });
}

function validationPaths(action: () => unknown): string[] {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(ServiceError);
  expect((error as ServiceError).kind).toBe('validation');
  return ((error as ServiceError).errors ?? []).map((fieldError) => fieldError.path);
}

describe('issuing a consent request', () => {
  it('R2/R4: a direct CSP invitation is pending, expires in 30 days by default, and queues the email', () => {
    expect(
      issue({
        customer: { tenantId: TENANT.toUpperCase(), domain: 'Contoso.COM', contactEmail: 'it@contoso.com' },
        message: 'Hello',
      }),
    ).toEqual({
      id: 'c-1',
      source: 'invitation',
      status: 'pending',
      partner: { id: directCsp.id, displayName: directCsp.displayName, type: 'direct-csp' },
      customer: { tenantId: TENANT, domain: 'contoso.com', contactEmail: 'it@contoso.com', locale: 'en' },
      warnings: [],
      email: { status: 'queued' },
      createdAt: '2026-11-24T10:00:00.000Z',
      expiresAt: '2026-12-24T10:00:00.000Z',
      linkVersion: 1,
      message: 'Hello',
    });
  });

  it('R3: without delegated admin the consent has no delegatedAdmin field at all', () => {
    expect(issue({})).not.toHaveProperty('delegatedAdmin');
  });

  it('R4: with sendEmail false no email is requested and no contact email is needed', () => {
    expect(issue({ customer: {}, sendEmail: false }).email).toEqual({ status: 'not-requested' });
  });

  it('R4: sending the email requires a contact email', () => {
    expect(validationPaths(() => issue({ customer: {} }))).toEqual(['customer.contactEmail']);
  });

  it.each([1, 90])('R2: expiresInDays %i is accepted', (expiresInDays) => {
    expect(issue({ expiresInDays }).expiresAt).toBe(later(expiresInDays).toISOString());
  });

  it('R3/R10: requested delegated admin is stored as requested, and Global Administrator adds the least-privilege warning', () => {
    const consent = issue({
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR, GLOBAL_ADMINISTRATOR_ROLE_ID], durationDays: 90 },
    });
    expect(consent.delegatedAdmin).toEqual({
      roles: [
        { id: INTUNE_ADMINISTRATOR, displayName: 'Intune Administrator' },
        { id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' },
      ],
      durationDays: 90,
      autoExtend: false,
      status: 'requested',
    });
    expect(consent.warnings).toEqual([LEAST_PRIVILEGE_WARNING]);
  });

  it('R3/R4: delegated admin and contact email errors are reported together as one validation error', () => {
    const paths = validationPaths(() =>
      issue({ customer: {}, delegatedAdmin: { roles: ['00000000-0000-4000-8000-000000000000'] } }),
    );
    expect(paths).toEqual(['delegatedAdmin.roles.0', 'customer.contactEmail']);
  });

  it('R15: an OEM request with delegated admin is refused with a validation error', () => {
    expect(validationPaths(() => issue({ delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] } }, oem))).toEqual([
      'delegatedAdmin',
    ]);
  });

  it('R11: an eligible OEM issues a consent of type oem', () => {
    expect(issue({}, oem).partner.type).toBe('oem');
  });

  it('R9: an indirect reseller consent names its indirect provider', () => {
    expect(issue({}, reseller, provider).indirectProvider).toEqual({
      id: provider.id,
      displayName: provider.displayName,
    });
  });

  it('R9: an indirect provider cannot issue: forbidden with the reason', () => {
    const error = thrownBy(() => issue({}, provider));
    expect(error).toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/resellers' consents/) as string });
  });

  it('R11: an OEM not eligible for the OEM Direct API cannot issue: forbidden', () => {
    expect(thrownBy(() => issue({}, { ...oem, oemDirectApiEligible: false }))).toMatchObject({ kind: 'forbidden' });
  });

  it('R1: a suspended partner cannot issue: forbidden', () => {
    expect(thrownBy(() => issue({}, { ...directCsp, status: 'suspended' }))).toMatchObject({ kind: 'forbidden' });
  });

  it("R9: giving a reseller the wrong provider, or a CSP any provider, is a caller bug, not a partner's mistake", () => {
    const otherProvider = partnerOf('indirect-provider', { id: 'someone-else' });
    expect(thrownBy(() => issue({}, reseller, otherProvider))).not.toBeInstanceOf(ServiceError);
    expect(thrownBy(() => issue({}, reseller))).not.toBeInstanceOf(ServiceError);
    expect(thrownBy(() => issue({}, directCsp, provider))).not.toBeInstanceOf(ServiceError);
  });
});

describe('standing link consent', () => {
  it('R11: an OEM standing-link consent is pending with no customer named, no expiry and no email', () => {
    expect(standingLinkConsent({ id: 's-1', partner: oem, locale: 'de', now: NOW })).toEqual({
      id: 's-1',
      source: 'standing-link',
      status: 'pending',
      partner: { id: oem.id, displayName: oem.displayName, type: 'oem' },
      customer: { locale: 'de' },
      warnings: [],
      email: { status: 'not-requested' },
      createdAt: NOW.toISOString(),
      linkVersion: 1,
    });
  });

  it("R9: a reseller's standing-link consent names its provider", () => {
    expect(
      standingLinkConsent({ id: 's-2', partner: reseller, indirectProvider: provider, locale: 'en', now: NOW })
        .indirectProvider,
    ).toEqual({
      id: provider.id,
      displayName: provider.displayName,
    });
  });

  it('R11: only partners that may issue get a standing link', () => {
    expect(thrownBy(() => standingLinkConsent({ id: 's-3', partner: provider, locale: 'en', now: NOW }))).toMatchObject(
      { kind: 'forbidden' },
    );
    expect(
      thrownBy(() => standingLinkConsent({ id: 's-4', partner: partnerOf('oem'), locale: 'en', now: NOW })),
    ).toMatchObject({ kind: 'forbidden' });
  });

  it('R11: a standing-link consent never expires on read', () => {
    const consent = standingLinkConsent({ id: 's-5', partner: oem, locale: 'en', now: NOW });
    expect(effectiveConsent(consent, later(10_000)).status).toBe('pending');
  });
});

describe('consent on read', () => {
  it('R2: a pending consent reads as pending until expiresAt and as expired from that moment, stored or not', () => {
    const consent = pendingConsent();
    expect(effectiveConsent(consent, new Date(later(30).getTime() - 1))).toBe(consent);
    expect(effectiveConsent(consent, later(30))).toEqual({ ...consent, status: 'expired' });
    expect(consent.status).toBe('pending');
  });

  it('R3: delegated admin past its expiry reads as expired while the consent stays accepted', () => {
    const consent = acceptedConsent(directCsp, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 10 } });
    const read = effectiveConsent(consent, later(11));
    expect(read.status).toBe('accepted');
    expect(read.delegatedAdmin?.status).toBe('expired');
    expect(effectiveConsent(consent, later(9)).delegatedAdmin?.status).toBe('active');
  });

  it('R8: an accepted consent never expires on read', () => {
    expect(effectiveConsent(acceptedConsent(), later(365)).status).toBe('accepted');
  });

  it("R2: the resource shows the effective consent without the service's own fields", () => {
    const consent = {
      ...pendingConsent(directCsp, { message: 'Please accept' }),
      emailAttempts: { linkVersion: 1, failures: 2 },
    };
    const resource = toConsentResource(consent, later(31));
    expect(resource.status).toBe('expired');
    expect(resource).not.toHaveProperty('linkVersion');
    expect(resource).not.toHaveProperty('message');
    expect(resource).not.toHaveProperty('emailAttempts');
    expect(JSON.parse(JSON.stringify(resource))).toEqual(resource);
  });
});
