// A partner's principal read from the platform's header, through the same trust check as the customer pages.
import { parsePartnerPrincipal, partnerIdentity } from '../../../shared/auth/partnerPrincipal';
import { CLIENT_PRINCIPAL_HEADER, encodePrincipal, parseClientPrincipal } from '../../../shared/auth/principal';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';

const TENANT = '6f1c1a7e-2b3d-4c5e-8f90-a1b2c3d4e5f6';
const OBJECT = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
const DAEMON_CLIENT = 'da3e0000-0000-4000-8000-000000000001';
const LONG_ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';

function principal(claims: { typ: string; val: string }[]): string {
  const body = { auth_typ: 'aad', claims, name_typ: 'name', role_typ: LONG_ROLE };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64');
}

const ids = [
  { typ: 'http://schemas.microsoft.com/identity/claims/tenantid', val: TENANT },
  { typ: 'http://schemas.microsoft.com/identity/claims/objectidentifier', val: OBJECT },
];

describe("a partner's principal (Identities)", () => {
  it('Identities: reads app roles from repeated short `roles` claims, a person by their user name', () => {
    const value = principal([
      ...ids,
      { typ: 'preferred_username', val: 'kim@fabrikam.example' },
      { typ: 'roles', val: PARTNER_APP_ROLES.read },
      { typ: 'roles', val: PARTNER_APP_ROLES.manage },
    ]);
    expect(parsePartnerPrincipal(value)).toEqual({
      tenantId: TENANT,
      objectId: OBJECT,
      via: 'user',
      appRoles: [PARTNER_APP_ROLES.read, PARTNER_APP_ROLES.manage],
    });
  });

  it('Identities: reads app roles from the long role claim type too, and short tid/oid', () => {
    const value = principal([
      { typ: 'tid', val: TENANT.toUpperCase() },
      { typ: 'oid', val: OBJECT },
      { typ: 'upn', val: 'kim@fabrikam.example' },
      { typ: LONG_ROLE, val: PARTNER_APP_ROLES.manage },
      { typ: LONG_ROLE, val: PARTNER_APP_ROLES.manage },
    ]);
    expect(parsePartnerPrincipal(value)).toEqual({
      tenantId: TENANT,
      objectId: OBJECT,
      via: 'user',
      appRoles: [PARTNER_APP_ROLES.manage],
    });
  });

  it('Identities: an app-only token (idtyp=app, azp, no user name) is an application', () => {
    const value = principal([
      ...ids,
      { typ: 'idtyp', val: 'app' },
      { typ: 'azp', val: DAEMON_CLIENT },
      { typ: 'roles', val: PARTNER_APP_ROLES.manage },
    ]);
    expect(parsePartnerPrincipal(value)).toMatchObject({ via: 'application', objectId: OBJECT });
  });

  it('Identities: without the optional idtyp claim, a token naming its client (azp or appid) with no user and no scope is an application', () => {
    for (const client of ['azp', 'appid']) {
      const value = principal([...ids, { typ: client, val: DAEMON_CLIENT }]);
      expect(parsePartnerPrincipal(value)?.via).toBe('application');
    }
  });

  it("Identities: a person's delegated token (azp with a scope, or idtyp=user) is a user, even without a user name", () => {
    const scoped = principal([
      ...ids,
      { typ: 'azp', val: DAEMON_CLIENT },
      { typ: 'http://schemas.microsoft.com/identity/claims/scope', val: 'user_impersonation' },
    ]);
    const typed = principal([...ids, { typ: 'idtyp', val: 'user' }, { typ: 'azp', val: DAEMON_CLIENT }]);
    expect(parsePartnerPrincipal(scoped)?.via).toBe('user');
    expect(parsePartnerPrincipal(typed)?.via).toBe('user');
  });

  it("Identities: directory roles are no app roles: a customer's Global Administrator holds no partner role", () => {
    const admin = encodePrincipal({
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: 'admin@contoso.onmicrosoft.com',
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    });
    expect(parsePartnerPrincipal(admin)?.appRoles).toEqual([]);
  });

  it('Identities: a malformed header, another provider, or no tenant is no principal, without throwing', () => {
    expect(parsePartnerPrincipal('!!!')).toBeUndefined();
    expect(parsePartnerPrincipal(principal([{ typ: 'oid', val: OBJECT }]))).toBeUndefined();
    const google = Buffer.from(JSON.stringify({ auth_typ: 'google', claims: ids })).toString('base64');
    expect(parsePartnerPrincipal(google)).toBeUndefined();
  });
});

describe('partnerIdentity (the same trust check as the customer pages)', () => {
  const header = encodePrincipal({
    tenantId: TENANT,
    objectId: OBJECT,
    applicationClientId: DAEMON_CLIENT,
    appRoles: [PARTNER_APP_ROLES.manage],
  });
  const forged = new Headers({ [CLIENT_PRINCIPAL_HEADER]: header });

  it('Identities: where nothing vouches for the header, a partner principal is ignored (unverifiable)', () => {
    expect(partnerIdentity(forged, 'none')).toEqual({ kind: 'unverifiable' });
  });

  it.each(['platform', 'local'] as const)('Identities: behind the %s sign-in the principal counts', (signIn) => {
    expect(partnerIdentity(forged, signIn)).toEqual({
      kind: 'signed-in',
      principal: { tenantId: TENANT, objectId: OBJECT, via: 'application', appRoles: [PARTNER_APP_ROLES.manage] },
    });
    expect(partnerIdentity(new Headers(), signIn)).toEqual({ kind: 'anonymous' });
  });
});

describe('the customer side of the boundary', () => {
  it('R6: an application is never a customer who may accept: its directory roles count for nothing', () => {
    const daemonWithGlobalAdmin = encodePrincipal({
      tenantId: TENANT,
      objectId: OBJECT,
      applicationClientId: DAEMON_CLIENT,
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    });
    expect(parseClientPrincipal(daemonWithGlobalAdmin)).toEqual({
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: '',
      roles: [],
    });
  });

  it("R6: a partner's app roles make nobody a customer's Global Administrator", () => {
    const partnerPerson = encodePrincipal({
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: 'kim@fabrikam.example',
      appRoles: [PARTNER_APP_ROLES.manage, PARTNER_APP_ROLES.read],
    });
    expect(parseClientPrincipal(partnerPerson)?.roles).toEqual([]);
  });
});
