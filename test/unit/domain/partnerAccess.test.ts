// The one rule for a partner's principal (shared/domain/partnerAccess.ts): tenant, app role, which partner, status.
import {
  actingWithKey,
  allows,
  grantedAccess,
  partnerPrincipalDecision,
  PARTNER_APP_ROLES,
  type PartnerPrincipal,
} from '../../../shared/domain/partnerAccess';
import { directCsp, oem, OTHER_TENANT, partnerOf } from './fixtures';

const PARTNER_TENANT = directCsp.tenantId;
const OBJECT = '5e6f7a8b-0000-4000-8000-00000000000b';

function principal(overrides: Partial<PartnerPrincipal> = {}): PartnerPrincipal {
  return {
    tenantId: PARTNER_TENANT,
    objectId: OBJECT,
    via: 'user',
    appRoles: [PARTNER_APP_ROLES.manage],
    ...overrides,
  };
}

const reader = principal({ appRoles: [PARTNER_APP_ROLES.read] });
const sameTenantOem = partnerOf('oem', { id: 'oem-2', displayName: 'Contoso Devices', tenantId: PARTNER_TENANT });

describe('who a principal acts as (Identities)', () => {
  it('Identities: Consent.Manage in a registered partner tenant acts as that partner, recorded as the user', () => {
    expect(partnerPrincipalDecision(principal(), [directCsp], 'manage')).toEqual({
      kind: 'partner',
      access: 'manage',
      partner: { ...directCsp, actor: { kind: 'partner', id: directCsp.id, via: 'user', objectId: OBJECT } },
    });
  });

  it("Identities: an application (app-only token) acts as the partner too, recorded with its service principal's object id", () => {
    const decision = partnerPrincipalDecision(principal({ via: 'application' }), [directCsp], 'manage');
    expect(decision).toMatchObject({
      kind: 'partner',
      partner: { actor: { kind: 'partner', id: directCsp.id, via: 'application', objectId: OBJECT } },
    });
  });

  it('Identities: Consent.Read is enough on read-only routes, and is granted as read access', () => {
    expect(partnerPrincipalDecision(reader, [directCsp], 'read')).toMatchObject({ kind: 'partner', access: 'read' });
  });

  it('Identities: Consent.Manage includes reading, and answers manage access on a read-only route', () => {
    expect(partnerPrincipalDecision(principal(), [directCsp], 'read')).toMatchObject({
      kind: 'partner',
      access: 'manage',
    });
  });

  it('Identities: Consent.Read on a route that changes something is refused, naming what it needs and holds', () => {
    expect(partnerPrincipalDecision(reader, [directCsp], 'manage')).toEqual({
      kind: 'missing-role',
      needed: 'manage',
      held: 'read',
      via: 'user',
    });
  });

  it('Identities: a principal of a partner tenant without either app role is refused on every route', () => {
    for (const needed of ['read', 'manage'] as const) {
      expect(partnerPrincipalDecision(principal({ appRoles: [] }), [directCsp], needed)).toEqual({
        kind: 'missing-role',
        needed,
        via: 'user',
      });
    }
  });

  it("Identities: an application's missing role says it is an application (its administrator grants it elsewhere)", () => {
    expect(partnerPrincipalDecision(principal({ via: 'application', appRoles: [] }), [directCsp], 'read')).toEqual({
      kind: 'missing-role',
      needed: 'read',
      via: 'application',
    });
  });

  it('Identities: app role values match exactly: another app role or a different spelling grants nothing', () => {
    for (const appRoles of [['Consent.manage'], ['consent.read'], ['Directory.Read.All'], [' Consent.Manage ']]) {
      expect(partnerPrincipalDecision(principal({ appRoles }), [directCsp], 'read')).toMatchObject({
        kind: 'missing-role',
      });
    }
  });

  it('Identities: a tenant that is no partner is refused before any role is looked at, with or without roles', () => {
    for (const appRoles of [[PARTNER_APP_ROLES.manage], []]) {
      expect(partnerPrincipalDecision(principal({ tenantId: OTHER_TENANT, appRoles }), [], 'read')).toEqual({
        kind: 'not-a-partner',
        tenantId: OTHER_TENANT,
      });
    }
  });

  it("Identities: only partners whose own registration names the principal's tenant count (a stale index row names none)", () => {
    const elsewhere = partnerOf('direct-csp', { id: 'elsewhere', tenantId: OTHER_TENANT });
    expect(partnerPrincipalDecision(principal(), [elsewhere], 'read')).toEqual({
      kind: 'not-a-partner',
      tenantId: PARTNER_TENANT,
    });
    expect(partnerPrincipalDecision(principal(), [elsewhere, directCsp], 'read')).toMatchObject({
      kind: 'partner',
      partner: { id: directCsp.id },
    });
  });

  it('Identities: several partners in one tenant and none named: the caller is asked to choose among exactly them', () => {
    const elsewhere = partnerOf('oem', { id: 'elsewhere', tenantId: OTHER_TENANT });
    expect(partnerPrincipalDecision(principal(), [directCsp, sameTenantOem, elsewhere], 'read')).toEqual({
      kind: 'choose-partner',
      choices: [
        { id: directCsp.id, displayName: directCsp.displayName, status: 'active' },
        { id: 'oem-2', displayName: 'Contoso Devices', status: 'active' },
      ],
    });
  });

  it('Identities: several partners in one tenant: the named one is chosen', () => {
    expect(partnerPrincipalDecision(principal(), [directCsp, sameTenantOem], 'manage', 'oem-2')).toMatchObject({
      kind: 'partner',
      partner: { id: 'oem-2', actor: { id: 'oem-2' } },
    });
  });

  it("Identities: naming a partner that is not the tenant's asks again, saying what was named", () => {
    expect(partnerPrincipalDecision(principal(), [directCsp, sameTenantOem], 'read', oem.id)).toMatchObject({
      kind: 'choose-partner',
      named: oem.id,
      choices: [{ id: directCsp.id }, { id: 'oem-2' }],
    });
    expect(partnerPrincipalDecision(principal(), [directCsp], 'read', 'someone-else')).toMatchObject({
      kind: 'choose-partner',
      named: 'someone-else',
    });
  });

  it('Identities: a suspended partner is refused, as with keys, once it is the one chosen', () => {
    const suspended = { ...directCsp, status: 'suspended' as const };
    expect(partnerPrincipalDecision(principal(), [suspended], 'read')).toEqual({
      kind: 'suspended',
      partner: { id: directCsp.id, displayName: directCsp.displayName, status: 'suspended' },
    });
    expect(partnerPrincipalDecision(principal(), [suspended, sameTenantOem], 'read', 'oem-2')).toMatchObject({
      kind: 'partner',
    });
  });

  it('Identities: the role is checked before the choice, as it holds for every partner of the tenant alike', () => {
    expect(partnerPrincipalDecision(reader, [directCsp, sameTenantOem], 'manage')).toMatchObject({
      kind: 'missing-role',
    });
  });
});

describe('access levels', () => {
  it('Consent.Manage grants manage, Consent.Read grants read, anything else nothing', () => {
    expect(grantedAccess([PARTNER_APP_ROLES.read, PARTNER_APP_ROLES.manage])).toBe('manage');
    expect(grantedAccess([PARTNER_APP_ROLES.read])).toBe('read');
    expect(grantedAccess(['Something.Else'])).toBeUndefined();
  });

  it('manage covers both kinds of route; read covers only read-only routes', () => {
    expect([allows('manage', 'manage'), allows('manage', 'read')]).toEqual([true, true]);
    expect([allows('read', 'manage'), allows('read', 'read')]).toEqual([false, true]);
  });

  it('a key acts as its partner, recorded as an API key with no object id', () => {
    expect(actingWithKey(directCsp).actor).toEqual({ kind: 'partner', id: directCsp.id, via: 'api-key' });
  });
});
