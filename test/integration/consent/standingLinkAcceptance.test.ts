// Accepting a standing link against Azurite (R11, R12): one consent per tenant, exactly once, and again after revocation.
import { randomUUID } from 'node:crypto';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { openConsentLink } from '../../../shared/consent/openLink';
import { revokeConsentOnRequest } from '../../../shared/consent/operatorActions';
import { acceptStandingLink, standingConsentOf } from '../../../shared/consent/standingLinkAcceptance';
import { standingLink } from '../../../shared/consent/standingLinks';
import type { Partner } from '../../../shared/domain/partners';
import { globalAdminOf, storedPartner } from '../../support/storeFixtures';

/** The partner's standing link, opened as a customer's browser would open it. */
async function offerOf(partner: Partner) {
  const { url } = await standingLink(live, partner);
  const opened = await openConsentLink(live, url.slice(url.lastIndexOf('/') + 1));
  if (opened.kind !== 'standing-link') throw new Error(`expected a standing link, got ${opened.kind}`);
  return opened;
}

async function consentsOfTenant(partnerId: string, tenantId: string) {
  return (await live.consents.listConsents(partnerId, { tenantId, now: new Date() }, { pageSize: 100 })).items;
}

describe('accepting a standing link (R11, R12)', () => {
  it('R11: creates an accepted consent for the signer tenant and authorizes the OEM at once', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const admin = globalAdminOf();

    const outcome = await acceptStandingLink(live, offer, admin, 'de');

    expect(outcome.kind).toBe('accepted');
    const [consent] = await consentsOfTenant(oem.id, admin.tenantId);
    expect(consent).toMatchObject({
      source: 'standing-link',
      status: 'accepted',
      customer: { tenantId: admin.tenantId, locale: 'de' },
      acceptedBy: { objectId: admin.objectId, userPrincipalName: admin.userPrincipalName },
    });
    expect(consent?.delegatedAdmin).toBeUndefined();
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, oem.id)).toMatchObject({
      consentId: consent?.id,
      basis: 'oem',
    });
    expect(await live.events.listEvents(consent!.id)).toEqual([
      expect.objectContaining({ type: 'consent.accepted', data: expect.objectContaining({ source: 'standing-link' }) }),
    ]);
    expect(await standingConsentOf(live, offer.link, admin.tenantId)).toMatchObject({ id: consent?.id });
  });

  it('twenty concurrent accepts by one tenant record exactly one consent and one event', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const admin = globalAdminOf();

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => acceptStandingLink(live, offer, admin, 'en')));

    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'already-accepted')).toHaveLength(19);
    const consents = await consentsOfTenant(oem.id, admin.tenantId);
    expect(consents).toHaveLength(1);
    expect(await live.events.listEvents(consents[0]!.id)).toHaveLength(1);
  });

  it('the same tenant accepting again is told so and nothing new is stored', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const admin = globalAdminOf();
    const first = await acceptStandingLink(live, offer, admin, 'en');

    const again = await acceptStandingLink(live, offer, { ...admin, objectId: randomUUID() }, 'en');

    expect(again.kind).toBe('already-accepted');
    expect('consent' in again && again.consent.id).toBe('consent' in first && first.consent.id);
    expect(await consentsOfTenant(oem.id, admin.tenantId)).toHaveLength(1);
  });

  it('two tenants accepting the same link get one consent each', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const [a, b] = [globalAdminOf(), globalAdminOf()];

    await Promise.all([acceptStandingLink(live, offer, a, 'en'), acceptStandingLink(live, offer, b, 'en')]);

    expect(await consentsOfTenant(oem.id, a.tenantId)).toHaveLength(1);
    expect(await consentsOfTenant(oem.id, b.tenantId)).toHaveLength(1);
    expect((await consentsOfTenant(oem.id, a.tenantId))[0]!.id).not.toBe(
      (await consentsOfTenant(oem.id, b.tenantId))[0]!.id,
    );
  });

  it('R9: a reseller standing link authorizes the reseller and its indirect provider', async () => {
    const provider = await storedPartner('indirect-provider');
    const reseller = await storedPartner('indirect-reseller', { indirectProviderId: provider.id });
    const offer = await offerOf(reseller);
    const admin = globalAdminOf();

    await acceptStandingLink(live, offer, admin, 'en');

    const rows = await live.authorizations.listTenantAuthorizations(admin.tenantId);
    expect(rows.map((row) => row.partnerId).sort()).toEqual([provider.id, reseller.id].sort());
  });

  it('R6: a user without Global Administrator is refused and nothing is stored', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const admin = globalAdminOf();

    const outcome = await acceptStandingLink(live, offer, { ...admin, roles: [] }, 'en');

    expect(outcome).toEqual({ kind: 'refused', refusal: { reason: 'not-global-admin' } });
    expect(await consentsOfTenant(oem.id, admin.tenantId)).toEqual([]);
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, oem.id)).toBeUndefined();
  });

  it('R12: an OEM standing link refuses an account that is not cloud-native', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const admin = { ...globalAdminOf(), userPrincipalName: 'admin@contoso.com' };

    const outcome = await acceptStandingLink(live, offer, admin, 'en');

    expect(outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'not-cloud-native' } });
    expect(await consentsOfTenant(oem.id, admin.tenantId)).toEqual([]);
  });

  it('R13: after the operator revokes it, the tenant may consent again, exactly once, under a new id', async () => {
    const oem = await storedPartner('oem');
    const offer = await offerOf(oem);
    const admin = globalAdminOf();
    const first = await acceptStandingLink(live, offer, admin, 'en');
    const firstId = 'consent' in first ? first.consent.id : '';
    await revokeConsentOnRequest(live, firstId, { reason: 'customer asked', ticket: 'SR-7', operatorId: 'op' });
    expect(await standingConsentOf(live, offer.link, admin.tenantId)).toBeUndefined();

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => acceptStandingLink(live, offer, admin, 'en')));

    expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(1);
    const consents = await consentsOfTenant(oem.id, admin.tenantId);
    expect(consents.map((c) => c.status).sort()).toEqual(['accepted', 'revoked']);
    const renewed = consents.find((c) => c.status === 'accepted')!;
    expect(renewed.id).not.toBe(firstId);
    expect(await live.authorizations.findOwnAuthorization(admin.tenantId, oem.id)).toMatchObject({
      consentId: renewed.id,
    });
  });
});
