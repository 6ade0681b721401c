// The customer's partner list and delegated-admin removal as use cases: each checks its own caller, not its adapter.
import { randomUUID } from 'node:crypto';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { partnersOfTenant, removeDelegatedAdminAsCustomer } from '../../../shared/consent/tenantPartners';
import type { Signer } from '../../../shared/domain/acceptance';
import type { Partner } from '../../../shared/domain/partners';
import { globalAdminOf, storedPartner, storedPendingConsent } from '../../support/storeFixtures';
import { CLOUD_DEVICE_ADMINISTRATOR, INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';
import type { ActiveRolesView, PartnersPageView } from '../../../shared/pages';

const context = { locale: 'en' as const };

/** An accepted consent of `partner` for `admin`'s tenant, with active delegated admin roles (none: without). */
async function acceptedWithRoles(partner: Partner, admin: Signer, roles: string[] = [INTUNE_ADMINISTRATOR]) {
  const consent = await storedPendingConsent(partner, admin.tenantId, {
    request: roles.length ? { delegatedAdmin: { roles, durationDays: 90, autoExtend: false } } : {},
  });
  await acceptAsCustomer(live, { partnerId: partner.id, consentId: consent.id }, admin);
  return consent;
}

async function delegatedAdminStatus(partner: Partner, consentId: string) {
  return (await live.consents.findConsent(partner.id, consentId))?.value.delegatedAdmin?.status;
}

describe('removing delegated admin roles as the customer (R3)', () => {
  it('R6: a user of the tenant who is not a Global Administrator is refused by the use case itself; nothing changes', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const consent = await acceptedWithRoles(csp, admin);
    const ordinary = { ...admin, objectId: randomUUID(), roles: [] };

    const answer = await removeDelegatedAdminAsCustomer(live, { principal: ordinary, context }, consent.id, true);

    expect(answer).toMatchObject({ kind: 'page', page: { page: 'refusal', view: { reason: 'not-global-admin' } } });
    expect(await delegatedAdminStatus(csp, consent.id)).toBe('active');
  });

  it('a Global Administrator of another tenant does not even learn the consent exists; nothing changes', async () => {
    const csp = await storedPartner('direct-csp');
    const consent = await acceptedWithRoles(csp, globalAdminOf());

    const answer = await removeDelegatedAdminAsCustomer(
      live,
      { principal: globalAdminOf(), context },
      consent.id,
      true,
    );

    expect(answer).toEqual({ kind: 'page', page: { page: 'not-found', view: context } });
    expect(await delegatedAdminStatus(csp, consent.id)).toBe('active');
  });

  it('a post that did not come from our form changes nothing', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const consent = await acceptedWithRoles(csp, admin);

    const answer = await removeDelegatedAdminAsCustomer(live, { principal: admin, context }, consent.id, false);

    expect(answer).toMatchObject({ kind: 'page', page: { page: 'refusal', view: { reason: 'forged-form' } } });
    expect(await delegatedAdminStatus(csp, consent.id)).toBe('active');
  });

  it("R3: the tenant's Global Administrator removes them once; a second removal reports nothing new", async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const consent = await acceptedWithRoles(csp, admin);
    const reader = { principal: admin, context };

    expect(await removeDelegatedAdminAsCustomer(live, reader, consent.id, true)).toEqual({
      kind: 'back-to-list',
      removedConsentId: consent.id,
    });
    expect(await delegatedAdminStatus(csp, consent.id)).toBe('removed');
    expect(await removeDelegatedAdminAsCustomer(live, reader, consent.id, true)).toEqual({ kind: 'back-to-list' });

    const list = await partnersOfTenant(live, reader, { removed: consent.id });
    expect(list).toMatchObject({
      page: 'partners',
      view: { notice: { kind: 'delegated-admin-removed', partnerName: csp.displayName } },
    });
  });

  it('R3: a partner with two accepted requests has one entry; removing its roles ends them on both consents', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const first = await acceptedWithRoles(csp, admin);
    const second = await acceptedWithRoles(csp, admin);
    const reader = { principal: admin, context };
    const shown = (await live.authorizations.findOwnAuthorization(admin.tenantId, csp.id))!.consentId;
    const hidden = shown === first.id ? second.id : first.id;

    expect(await removeDelegatedAdminAsCustomer(live, reader, shown, true)).toEqual({
      kind: 'back-to-list',
      removedConsentId: shown,
    });

    expect(await delegatedAdminStatus(csp, shown)).toBe('removed');
    expect(await delegatedAdminStatus(csp, hidden)).toBe('removed');
    expect((await live.authorizations.findOwnAuthorization(admin.tenantId, csp.id))?.delegatedAdmin?.status).toBe(
      'removed',
    );
    for (const id of [shown, hidden]) {
      expect(
        (await live.events.listEvents(id)).filter((event) => event.type === 'delegatedAdmin.removed'),
      ).toHaveLength(1);
    }
  });

  it('R3: roles from an earlier request stay visible and removable after a later request without roles is accepted', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    const withRoles = await acceptedWithRoles(csp, admin);
    await acceptedWithRoles(csp, admin, []);
    const reader = { principal: admin, context };

    const list = await partnersOfTenant(live, reader);
    const entries = (list as { view: PartnersPageView }).view.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.delegatedAdmin).toMatchObject({ status: 'active', roles: [{ id: INTUNE_ADMINISTRATOR }] });
    expect(entries[0]!.removeDelegatedAdmin).toBeDefined();

    const shown = entries[0]!.consentId;
    expect(await removeDelegatedAdminAsCustomer(live, reader, shown, true)).toEqual({
      kind: 'back-to-list',
      removedConsentId: shown,
    });
    expect(await delegatedAdminStatus(csp, withRoles.id)).toBe('removed');
    const after = await partnersOfTenant(live, reader, { removed: shown });
    expect(after).toMatchObject({
      view: { entries: [{ delegatedAdmin: { status: 'removed' } }], notice: { kind: 'delegated-admin-removed' } },
    });
    expect((after as { view: PartnersPageView }).view.entries[0]!.removeDelegatedAdmin).toBeUndefined();
  });

  it('R3: a partner with roles from two requests shows each set with its own end', async () => {
    const csp = await storedPartner('direct-csp');
    const admin = globalAdminOf();
    await acceptedWithRoles(csp, admin, [INTUNE_ADMINISTRATOR]);
    await acceptedWithRoles(csp, admin, [CLOUD_DEVICE_ADMINISTRATOR]);

    const list = await partnersOfTenant(live, { principal: admin, context });

    const admins = (list as { view: PartnersPageView }).view.entries[0]!.delegatedAdmin as ActiveRolesView & {
      others?: ActiveRolesView[];
    };
    const shownRoles = [admins, ...(admins.others ?? [])].map((grant) => grant.roles.map((role) => role.id));
    expect(shownRoles.sort()).toEqual([[CLOUD_DEVICE_ADMINISTRATOR], [INTUNE_ADMINISTRATOR]].sort());
  });

  it('R13: an OEM is not removable here; the page explains the support route', async () => {
    const oem = await storedPartner('oem');
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(oem, admin.tenantId);
    await acceptAsCustomer(live, { partnerId: oem.id, consentId: consent.id }, admin);

    const answer = await removeDelegatedAdminAsCustomer(live, { principal: admin, context }, consent.id, true);

    expect(answer).toMatchObject({ kind: 'page', page: { page: 'refusal', view: { reason: 'oem-not-removable' } } });
    expect((await live.consents.findConsent(oem.id, consent.id))?.value.status).toBe('accepted');
  });
});

describe("the tenant's partner list (R8, R9)", () => {
  it('R6: only a Global Administrator sees it', async () => {
    const answer = await partnersOfTenant(live, { principal: { ...globalAdminOf(), roles: [] }, context });
    expect(answer).toMatchObject({ page: 'refusal', view: { reason: 'not-global-admin' } });
  });

  it("R9: a reseller's entry names its provider, each with the kind its authorization row records", async () => {
    const provider = await storedPartner('indirect-provider');
    const reseller = await storedPartner('indirect-reseller', { indirectProviderId: provider.id });
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(reseller, admin.tenantId, { provider });
    await acceptAsCustomer(live, { partnerId: reseller.id, consentId: consent.id }, admin);

    const rows = await live.authorizations.listTenantAuthorizations(admin.tenantId);
    expect(rows.map((row) => [row.partnerId, row.partnerKind]).sort()).toEqual(
      [
        [provider.id, 'indirect-provider'],
        [reseller.id, 'indirect-reseller'],
      ].sort(),
    );
    const answer = await partnersOfTenant(live, { principal: admin, context });
    expect(answer).toMatchObject({
      page: 'partners',
      view: {
        entries: [
          {
            consentId: consent.id,
            partner: { kind: 'indirect-reseller', displayName: reseller.displayName },
            indirectProvider: { displayName: provider.displayName },
          },
        ],
      },
    });
  });
});
