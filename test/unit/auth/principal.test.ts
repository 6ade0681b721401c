import {
  CLIENT_PRINCIPAL_HEADER,
  encodePrincipal,
  parseClientPrincipal,
  requestIdentity,
} from '../../../shared/auth/principal';
import { isGlobalAdministrator } from '../../../shared/domain/acceptance';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../../shared/domain/roles';
import { INTUNE_ADMINISTRATOR } from '../domain/fixtures';

const TENANT = '6f1c1a7e-2b3d-4c5e-8f90-a1b2c3d4e5f6';
const OBJECT = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';
const ORDINARY_USER = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

function header(body: unknown): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64');
}

function principal(claims: { typ: string; val: string }[], authType = 'aad'): string {
  return header({ auth_typ: authType, claims, name_typ: 'name', role_typ: 'roles' });
}

describe('parseClientPrincipal', () => {
  it('reads the short claim names (tid, oid, preferred_username, repeated wids)', () => {
    const value = principal([
      { typ: 'tid', val: TENANT },
      { typ: 'oid', val: OBJECT },
      { typ: 'preferred_username', val: 'admin@contoso.onmicrosoft.com' },
      { typ: 'wids', val: GLOBAL_ADMINISTRATOR_ROLE_ID },
      { typ: 'wids', val: ORDINARY_USER },
    ]);
    expect(parseClientPrincipal(value)).toEqual({
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: 'admin@contoso.onmicrosoft.com',
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID, ORDINARY_USER],
    });
  });

  it('reads the long claim names the platform delivers after claims mapping', () => {
    const value = principal([
      { typ: 'http://schemas.microsoft.com/identity/claims/tenantid', val: TENANT },
      { typ: 'http://schemas.microsoft.com/identity/claims/objectidentifier', val: OBJECT },
      { typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn', val: 'admin@contoso.com' },
    ]);
    expect(parseClientPrincipal(value)).toEqual({
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: 'admin@contoso.com',
      roles: [],
    });
  });

  it('takes the user name from preferred_username, then upn, then the long upn', () => {
    const ids = [
      { typ: 'tid', val: TENANT },
      { typ: 'oid', val: OBJECT },
    ];
    const both = principal([
      ...ids,
      { typ: 'upn', val: 'upn@contoso.com' },
      { typ: 'preferred_username', val: 'p@contoso.com' },
    ]);
    const upnOnly = principal([...ids, { typ: 'upn', val: 'upn@contoso.com' }]);
    const none = principal(ids);
    expect(parseClientPrincipal(both)?.userPrincipalName).toBe('p@contoso.com');
    expect(parseClientPrincipal(upnOnly)?.userPrincipalName).toBe('upn@contoso.com');
    expect(parseClientPrincipal(none)?.userPrincipalName).toBe('');
  });

  it('lower-cases tenant, object and role ids and drops malformed or repeated role ids', () => {
    const value = principal([
      { typ: 'tid', val: TENANT.toUpperCase() },
      { typ: 'oid', val: OBJECT.toUpperCase() },
      { typ: 'wids', val: GLOBAL_ADMINISTRATOR_ROLE_ID.toUpperCase() },
      { typ: 'wids', val: GLOBAL_ADMINISTRATOR_ROLE_ID },
      { typ: 'wids', val: 'not-a-guid' },
    ]);
    expect(parseClientPrincipal(value)).toMatchObject({
      tenantId: TENANT,
      objectId: OBJECT,
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    });
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['malformed base64', '!!!%%%'],
    ['base64 of something that is not JSON', Buffer.from('not json').toString('base64')],
    ['JSON of the wrong shape', header({ claims: 'none' })],
    ['JSON null', header(null)],
    ['a claim with a non-string value', header({ auth_typ: 'aad', claims: [{ typ: 'tid', val: 42 }] })],
    ['no tenant id', principal([{ typ: 'oid', val: OBJECT }])],
    ['no object id', principal([{ typ: 'tid', val: TENANT }])],
    [
      'a tenant id that is not a GUID',
      principal([
        { typ: 'tid', val: 'contoso' },
        { typ: 'oid', val: OBJECT },
      ]),
    ],
    [
      'a provider other than Microsoft Entra',
      principal(
        [
          { typ: 'tid', val: TENANT },
          { typ: 'oid', val: OBJECT },
        ],
        'google',
      ),
    ],
  ])('treats %s as not signed in, without throwing', (_what, value) => {
    expect(parseClientPrincipal(value)).toBeUndefined();
  });
});

describe('encodePrincipal', () => {
  it.each(['long', 'short'] as const)('round-trips through parseClientPrincipal with %s claim names', (claimNames) => {
    const identity = {
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: 'admin@contoso.onmicrosoft.com',
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    };
    expect(parseClientPrincipal(encodePrincipal({ ...identity, claimNames }))).toEqual(identity);
  });

  it('writes the platform shape: auth_typ aad, claims, name_typ and role_typ', () => {
    const decoded: unknown = JSON.parse(
      Buffer.from(
        encodePrincipal({ tenantId: TENANT, objectId: OBJECT, userPrincipalName: 'a@b.c' }),
        'base64',
      ).toString(),
    );
    expect(decoded).toMatchObject({
      auth_typ: 'aad',
      claims: expect.arrayContaining([
        { typ: 'http://schemas.microsoft.com/identity/claims/tenantid', val: TENANT },
      ]) as unknown,
      name_typ: expect.any(String) as unknown,
      role_typ: expect.any(String) as unknown,
    });
  });
});

describe('isGlobalAdministrator', () => {
  const base = { tenantId: TENANT, objectId: OBJECT, userPrincipalName: 'a@contoso.com' };

  it('R6: a user holding the Global Administrator role template id is a Global Administrator', () => {
    expect(isGlobalAdministrator({ ...base, roles: [ORDINARY_USER, GLOBAL_ADMINISTRATOR_ROLE_ID] })).toBe(true);
  });

  it('R6: a user with other directory roles only is not a Global Administrator', () => {
    expect(isGlobalAdministrator({ ...base, roles: [INTUNE_ADMINISTRATOR, ORDINARY_USER] })).toBe(false);
  });

  it('R6: a principal without wids is not a Global Administrator', () => {
    const value = encodePrincipal({ ...base, roles: [] });
    expect(isGlobalAdministrator(parseClientPrincipal(value)!)).toBe(false);
  });
});

describe('requestIdentity (the principal header counts only where a sign-in vouches for it)', () => {
  const forged = new Headers({
    [CLIENT_PRINCIPAL_HEADER]: encodePrincipal({
      tenantId: TENANT,
      objectId: OBJECT,
      userPrincipalName: 'admin@contoso.onmicrosoft.com',
      roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
    }),
  });

  it('fails closed where nothing vouches for the header: even a Global Administrator principal is unverifiable', () => {
    expect(requestIdentity(forged, 'none')).toEqual({ kind: 'unverifiable' });
    expect(requestIdentity(new Headers(), 'none')).toEqual({ kind: 'unverifiable' });
  });

  it.each(['platform', 'local'] as const)('believes the header behind the %s sign-in', (signIn) => {
    expect(requestIdentity(forged, signIn)).toEqual({
      kind: 'signed-in',
      principal: expect.objectContaining({ tenantId: TENANT, roles: [GLOBAL_ADMINISTRATOR_ROLE_ID] }) as unknown,
    });
  });

  it.each(['platform', 'local'] as const)(
    'without a usable header, nobody is signed in behind the %s sign-in',
    (signIn) => {
      expect(requestIdentity(new Headers(), signIn)).toEqual({ kind: 'anonymous' });
      expect(requestIdentity(new Headers({ [CLIENT_PRINCIPAL_HEADER]: 'garbage' }), signIn)).toEqual({
        kind: 'anonymous',
      });
    },
  );
});
