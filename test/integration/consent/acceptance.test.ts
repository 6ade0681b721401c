// Accepting and revoking against Azurite: one winner under concurrency, and convergence after a crash between writes.
import { liveDependencies as live, type Dependencies } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { revokeConsentOnRequest } from '../../../shared/consent/operatorActions';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';

/** Live dependencies whose authorization write fails once, as if the process died between the writes. */
function crashingOnceBeforeAuthorizations(): Dependencies {
  let crashed = false;
  return {
    ...live,
    authorizations: {
      ...live.authorizations,
      saveAuthorization: async (record) => {
        if (!crashed) {
          crashed = true;
          throw new Error('injected crash between the consent write and the authorization write');
        }
        return live.authorizations.saveAuthorization(record);
      },
    },
  };
}

describe('accepting a consent (R7)', () => {
  it('R7: takes effect at once: the consent is accepted and the authorization answers yes', async () => {
    const partner = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);

    const outcome = await acceptAsCustomer(live, { partnerId: partner.id, consentId: consent.id }, admin);

    expect(outcome.kind).toBe('accepted');
    expect((await live.consents.findConsent(partner.id, consent.id))?.value.status).toBe('accepted');
    const authorization = await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id);
    expect(authorization).toMatchObject({ consentId: consent.id, basis: 'direct' });
    expect(authorization?.channels).toEqual(['partner-center-api', 'partner-center-csv']);
  });

  it('R9: an indirect reseller acceptance authorizes the reseller (CSV) and its provider (API)', async () => {
    const provider = await storedPartner('indirect-provider');
    const reseller = await storedPartner('indirect-reseller', { indirectProviderId: provider.id });
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(reseller, admin.tenantId, { provider });

    await acceptAsCustomer(live, { partnerId: reseller.id, consentId: consent.id }, admin);

    const rows = await live.authorizations.listTenantAuthorizations(admin.tenantId);
    expect(rows.map((row) => [row.partnerId, row.basis, row.channels])).toEqual(
      expect.arrayContaining([
        [reseller.id, 'direct', ['partner-center-csv']],
        [provider.id, 'indirect-provider', ['partner-center-api']],
      ]),
    );
  });

  it('R6: a user without Global Administrator is refused and nothing changes', async () => {
    const partner = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);

    const outcome = await acceptAsCustomer(
      live,
      { partnerId: partner.id, consentId: consent.id },
      { ...admin, roles: [] },
    );

    expect(outcome).toEqual({ kind: 'refused', refusal: { reason: 'not-global-admin' } });
    expect((await live.consents.findConsent(partner.id, consent.id))?.value.status).toBe('pending');
    expect(await live.events.listEvents(consent.id)).toEqual([]);
  });

  it('twenty concurrent accepts of one consent record exactly one acceptance', async () => {
    const partner = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => acceptAsCustomer(live, { partnerId: partner.id, consentId: consent.id }, admin)),
    );

    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already-accepted')).toHaveLength(19);
    const acceptedAt = new Set(outcomes.map((o) => ('consent' in o ? o.consent.acceptedAt : undefined)));
    expect(acceptedAt.size).toBe(1);
    expect((await live.events.listEvents(consent.id)).filter((e) => e.type === 'consent.accepted')).toHaveLength(1);
  });

  it('a crash between the consent write and the authorization write converges on retry, with one audit event', async () => {
    const partner = await storedPartner('oem');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);
    const target = { partnerId: partner.id, consentId: consent.id };
    const crashing = crashingOnceBeforeAuthorizations();

    await expect(acceptAsCustomer(crashing, target, admin)).rejects.toThrow('injected crash');
    // The prefix is safe: accepted, but verification still (wrongly, safely) says no.
    expect((await live.consents.findConsent(partner.id, consent.id))?.value.status).toBe('accepted');
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id)).toBeUndefined();

    const retry = await acceptAsCustomer(crashing, target, admin);

    expect(retry.kind).toBe('already-accepted');
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id)).toMatchObject({
      consentId: consent.id,
      basis: 'oem',
      channels: ['oem-direct-api'],
    });
    expect(await live.events.listEvents(consent.id)).toEqual([
      expect.objectContaining({ type: 'consent.accepted', actor: { kind: 'customer', id: admin.objectId } }),
    ]);
  });
});

describe('revoking a consent (R13)', () => {
  it('R13: the operator revokes an accepted OEM consent; verification then answers no', async () => {
    const oem = await storedPartner('oem');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(oem, admin.tenantId);
    await acceptAsCustomer(live, { partnerId: oem.id, consentId: consent.id }, admin);

    const revoked = await revokeConsentOnRequest(live, consent.id, {
      reason: 'Customer asked support',
      ticket: 'SR-1',
      operatorId: 'op-key',
    });

    expect(revoked).toMatchObject({
      status: 'revoked',
      revocation: { reason: 'Customer asked support', ticket: 'SR-1' },
    });
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, oem.id)).toBeUndefined();
    expect((await live.events.listEvents(consent.id)).map((e) => e.type)).toEqual([
      'consent.accepted',
      'consent.revoked',
    ]);
  });

  it('keeps a second accepted consent of the same partner for the tenant authorizing', async () => {
    const partner = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const first = await storedPendingConsent(partner, admin.tenantId);
    const second = await storedPendingConsent(partner, admin.tenantId);
    await acceptAsCustomer(live, { partnerId: partner.id, consentId: first.id }, admin);
    await acceptAsCustomer(live, { partnerId: partner.id, consentId: second.id }, admin);

    const pointsAt = (await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id))!.consentId;
    await revokeConsentOnRequest(live, pointsAt, { reason: 'r', ticket: 't', operatorId: 'op' });

    const other = pointsAt === first.id ? second.id : first.id;
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, partner.id)).toMatchObject({
      consentId: other,
    });
  });

  it("R9: a reseller's second accepted consent for the tenant keeps the reseller and its provider authorized", async () => {
    const provider = await storedPartner('indirect-provider');
    const reseller = await storedPartner('indirect-reseller', { indirectProviderId: provider.id });
    const admin = globalAdminOf();
    const first = await storedPendingConsent(reseller, admin.tenantId, { provider });
    const second = await storedPendingConsent(reseller, admin.tenantId, { provider });
    await acceptAsCustomer(live, { partnerId: reseller.id, consentId: first.id }, admin);
    await acceptAsCustomer(live, { partnerId: reseller.id, consentId: second.id }, admin);

    const pointsAt = (await live.authorizations.findOwnAuthorization(admin.tenantId, reseller.id))!.consentId;
    await revokeConsentOnRequest(live, pointsAt, { reason: 'r', ticket: 't', operatorId: 'op' });

    const other = pointsAt === first.id ? second.id : first.id;
    const rows = await live.authorizations.listTenantAuthorizations(admin.tenantId);
    expect(rows.map((row) => [row.partnerId, row.consentId]).sort()).toEqual(
      [
        [provider.id, other],
        [reseller.id, other],
      ].sort(),
    );
  });

  it('refuses to revoke a consent that is not accepted, changing nothing', async () => {
    const partner = await storedPartner('direct-csp');
    const consent = await storedPendingConsent(partner, globalAdminOf().tenantId);
    await expect(
      revokeConsentOnRequest(live, consent.id, { reason: 'r', ticket: 't', operatorId: 'op' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await live.consents.findConsent(partner.id, consent.id))?.value.status).toBe('pending');
  });
});
