// The daily sweep stores expiries that reads already show, and completes acceptances a crash left unprojected.
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { sweepConsents } from '../../../shared/consent/sweep';
import { toConsentResource } from '../../../shared/domain/consent';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';

const DAY = 24 * 60 * 60 * 1000;

describe('consent sweep (daily timer)', () => {
  it('a pending consent past its expiry reads as expired at once, and the sweep stores it with one event', async () => {
    const partner = await storedPartner('direct-csp');
    const consent = await storedPendingConsent(partner, globalAdminOf().tenantId, { request: { expiresInDays: 1 } });
    const later: Dependencies = { ...live, now: () => new Date(Date.now() + 2 * DAY) };

    expect(toConsentResource(consent, later.now()).status).toBe('expired'); // before any sweep
    await sweepConsents(later);
    await sweepConsents(later);

    expect((await live.consents.findConsent(partner.id, consent.id))?.value.status).toBe('expired');
    const events = await live.events.listEvents(consent.id);
    expect(events.filter((e) => e.type === 'consent.expired')).toHaveLength(1);
  });

  it('completes an acceptance whose authorization rows were never written', async () => {
    const partner = await storedPartner('oem');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);
    const crashing: Dependencies = {
      ...live,
      authorizations: { ...live.authorizations, saveAuthorization: () => Promise.reject(new Error('crash')) },
    };
    await expect(acceptAsCustomer(crashing, { partnerId: partner.id, consentId: consent.id }, admin)).rejects.toThrow();
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id)).toBeUndefined();

    const report = await sweepConsents(live);

    expect(report.repaired).toBeGreaterThanOrEqual(1);
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id)).toMatchObject({
      consentId: consent.id,
    });
  });
});
