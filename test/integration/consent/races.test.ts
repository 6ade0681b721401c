// Races a review found: each interleaving is forced through the dependencies, and the outcome must stay safe.
import { hashLinkToken } from '../../../shared/auth/linkTokens';
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { openConsentLink } from '../../../shared/consent/openLink';
import { changePartner, revokeConsentOnRequest } from '../../../shared/consent/operatorActions';
import { issueConsentRequest, resendConsentRequest } from '../../../shared/consent/partnerRequests';
import { authorizationRecordsFor } from '../../../shared/consent/projection';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';
import { actingWithKey } from '../../../shared/domain/partnerAccess';

describe('races', () => {
  it('R13: a grant from an older copy landing in the middle of a revocation does not survive it', async () => {
    const oem = await storedPartner('oem');
    const admin = globalAdminOf();
    const pending = await storedPendingConsent(oem, admin.tenantId);
    const { consent: accepted } = (await acceptAsCustomer(
      live,
      { partnerId: oem.id, consentId: pending.id },
      admin,
    )) as { consent: typeof pending };
    let stale = true;
    const interleaved: Dependencies = {
      ...live,
      consents: {
        ...live.consents,
        // Just before the revocation is written, a sweep or repeated accept re-writes the rows from its old copy.
        replaceConsent: async (consent, etag) => {
          if (stale) {
            stale = false;
            for (const record of authorizationRecordsFor(accepted)) await live.authorizations.saveAuthorization(record);
          }
          return live.consents.replaceConsent(consent, etag);
        },
      },
    };

    await revokeConsentOnRequest(interleaved, pending.id, { reason: 'r', ticket: 't', operatorId: 'op' });

    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, oem.id)).toBeUndefined();
  });

  it('a resend racing an acceptance answers 409 and never turns the accepted consent back to pending', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const { consent } = await issueConsentRequest(live, actingWithKey(csp), {
      customer: { tenantId: admin.tenantId, locale: 'en' },
      expiresInDays: 30,
      sendEmail: false,
    });
    let accepted = false;
    const interleaved: Dependencies = {
      ...live,
      links: {
        ...live.links,
        // While the resend prepares its new link, the customer accepts through the current one.
        saveLinkToken: async (...args) => {
          if (!accepted) {
            accepted = true;
            await acceptAsCustomer(live, { partnerId: csp.id, consentId: consent.id }, admin);
          }
          return live.links.saveLinkToken(...args);
        },
      },
    };

    await expect(resendConsentRequest(interleaved, actingWithKey(csp), consent.id)).rejects.toMatchObject({
      kind: 'conflict',
    });

    expect((await live.consents.findConsent(csp.id, consent.id))?.value.status).toBe('accepted');
  });

  it('a link replaced after the page was opened decides nothing', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const pending = await storedPendingConsent(csp, admin.tenantId, { request: {} });
    const stored = (await live.consents.findConsent(csp.id, pending.id))!.value;
    const oldHash = stored.linkNonce
      ? live.consentLinks.invitation(stored.linkNonce).tokenHash
      : hashLinkToken('never-issued');
    await resendConsentRequest(live, actingWithKey(csp), pending.id);

    expect(
      await acceptAsCustomer(live, { partnerId: csp.id, consentId: pending.id, linkTokenHash: oldHash }, admin),
    ).toEqual({ kind: 'stale' });
    expect((await live.consents.findConsent(csp.id, pending.id))?.value.status).toBe('pending');
  });

  it('R11: an invitation from a partner suspended after issuing it can no longer be opened to accept', async () => {
    const oem = await storedPartner('oem');
    const issued = await issueConsentRequest(live, actingWithKey(oem), {
      customer: { locale: 'en' },
      expiresInDays: 30,
      sendEmail: false,
    });
    const token = issued.consentUrl.slice(issued.consentUrl.lastIndexOf('/') + 1);
    expect((await openConsentLink(live, token)).kind).toBe('invitation');

    await changePartner(live, oem.id, { oemDirectApiEligible: false });

    expect(await openConsentLink(live, token)).toEqual({ kind: 'gone', reason: 'cancelled' });
  });
});
