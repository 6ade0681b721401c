// What a consent link opens, against Azurite: live links, and why dead ones are dead (API.md "Customer pages").
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { openConsentLink } from '../../../shared/consent/openLink';
import {
  cancelConsentRequest,
  issueConsentRequest,
  resendConsentRequest,
} from '../../../shared/consent/partnerRequests';
import { rotateStandingLink, standingLink } from '../../../shared/consent/standingLinks';
import type { Dependencies } from '../../../shared/consent/dependencies';
import { globalAdminOf, storedPartner } from '../../support/storeFixtures';
import { actingWithKey } from '../../../shared/domain/partnerAccess';

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const request = () => ({
  customer: { tenantId: globalAdminOf().tenantId, locale: 'en' as const },
  expiresInDays: 30,
  sendEmail: false,
});

describe('opening a consent link', () => {
  it('rejects garbage without reading storage, and an unknown well-formed token is not found', async () => {
    const untouchable = { ...live, links: undefined } as unknown as Dependencies;
    expect(await openConsentLink(untouchable, '<script>')).toEqual({ kind: 'not-found' });
    expect(await openConsentLink(live, 'A'.repeat(43))).toEqual({ kind: 'not-found' });
  });

  it('opens a live invitation with its consent and partner', async () => {
    const partner = await storedPartner('direct-csp');
    const issued = await issueConsentRequest(live, actingWithKey(partner), request());
    expect(await openConsentLink(live, tokenOf(issued.consentUrl))).toMatchObject({
      kind: 'invitation',
      consent: { id: issued.consent.id, status: 'pending' },
      partner: { id: partner.id },
    });
  });

  it('a resent invitation replaces the old link, even while its row lingers', async () => {
    const partner = await storedPartner('direct-csp');
    const issued = await issueConsentRequest(live, actingWithKey(partner), request());
    const keepingOldRows = { ...live, links: { ...live.links, deleteLinkToken: async () => undefined } };
    const resent = await resendConsentRequest(keepingOldRows, actingWithKey(partner), issued.consent.id);

    expect(await openConsentLink(live, tokenOf(issued.consentUrl))).toEqual({ kind: 'gone', reason: 'replaced' });
    expect(await openConsentLink(live, tokenOf(resent.consentUrl))).toMatchObject({ kind: 'invitation' });
  });

  it('a cancelled invitation is gone', async () => {
    const partner = await storedPartner('direct-csp');
    const issued = await issueConsentRequest(live, actingWithKey(partner), request());
    await cancelConsentRequest(live, actingWithKey(partner), issued.consent.id);
    expect(await openConsentLink(live, tokenOf(issued.consentUrl))).toEqual({ kind: 'gone', reason: 'cancelled' });
  });

  it('an invitation past its expiry is gone as expired, before any sweep stored it', async () => {
    const partner = await storedPartner('direct-csp');
    const issued = await issueConsentRequest(live, actingWithKey(partner), { ...request(), expiresInDays: 1 });
    const twoDaysLater = { ...live, now: () => new Date(Date.now() + 2 * 86_400_000) };
    expect(await openConsentLink(twoDaysLater, tokenOf(issued.consentUrl))).toEqual({
      kind: 'gone',
      reason: 'expired',
    });
  });

  it('R11: a standing link opens while current; after rotation the old one is replaced', async () => {
    const oem = await storedPartner('oem');
    const first = await standingLink(live, oem);
    expect(await openConsentLink(live, tokenOf(first.url))).toMatchObject({
      kind: 'standing-link',
      partner: { id: oem.id },
      link: { version: 1 },
    });
    const keepingOldRows = { ...live, links: { ...live.links, deleteLinkToken: async () => undefined } };
    const second = await rotateStandingLink(keepingOldRows, oem);

    expect(await openConsentLink(live, tokenOf(first.url))).toEqual({ kind: 'gone', reason: 'replaced' });
    expect(await openConsentLink(live, tokenOf(second.url))).toMatchObject({ link: { version: 2 } });
  });

  it('R11: the standing link of an OEM that is no longer eligible is withdrawn', async () => {
    const oem = await storedPartner('oem');
    const { url } = await standingLink(live, oem);
    const stored = await live.partners.findPartner(oem.id);
    await live.partners.replacePartner({ ...stored!.value, oemDirectApiEligible: false }, stored!.etag);
    expect(await openConsentLink(live, tokenOf(url))).toEqual({ kind: 'gone', reason: 'cancelled' });
  });
});
