import {
  activateDelegatedAdmin,
  autoExtends,
  CONSENT_WARNING_TEXT,
  consentWarningCodes,
  effectiveDelegatedAdmin,
  extensionsUntil,
  LEAST_PRIVILEGE_WARNING,
  validateDelegatedAdminRequest,
  type DelegatedAdminDecision,
  type DelegatedAdminRequest,
} from '../../../shared/domain/delegatedAdmin';
import type { PartnerKind } from '../../../shared/domain/partners';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, ROLE_CATALOG } from '../../../shared/domain/roles';
import { CLOUD_DEVICE_ADMINISTRATOR, INTUNE_ADMINISTRATOR, later, NOW } from './fixtures';

const catalogIds = ROLE_CATALOG.map((role) => role.id);
const UNKNOWN_ROLE = '00000000-0000-4000-8000-000000000000';

function validate(request: Partial<DelegatedAdminRequest>, kind: PartnerKind = 'direct-csp'): DelegatedAdminDecision {
  return validateDelegatedAdminRequest({ roles: [INTUNE_ADMINISTRATOR], ...request }, kind);
}

function errorPaths(decision: DelegatedAdminDecision): string[] {
  return decision.ok ? [] : decision.errors.map((error) => error.path);
}

/** `count` distinct catalog roles, leaving Global Administrator out so no warning or auto-extend rule interferes. */
function distinctRoles(count: number): string[] {
  return catalogIds.filter((id) => id !== GLOBAL_ADMINISTRATOR_ROLE_ID).slice(0, count);
}

describe('delegated admin request', () => {
  it('R3: a valid request becomes requested roles with display names, 730 days and no auto-extension by default', () => {
    expect(validate({ roles: [INTUNE_ADMINISTRATOR, CLOUD_DEVICE_ADMINISTRATOR] })).toEqual({
      ok: true,
      delegatedAdmin: {
        roles: [
          { id: INTUNE_ADMINISTRATOR, displayName: 'Intune Administrator' },
          { id: CLOUD_DEVICE_ADMINISTRATOR, displayName: 'Cloud Device Administrator' },
        ],
        durationDays: 730,
        autoExtend: false,
        status: 'requested',
      },
      warnings: [],
    });
  });

  it('R3: an indirect reseller may request delegated admin', () => {
    expect(validate({}, 'indirect-reseller').ok).toBe(true);
  });

  it('R15: an OEM may never request delegated admin', () => {
    const decision = validate({}, 'oem');
    expect(decision).toEqual({
      ok: false,
      errors: [
        {
          path: 'delegatedAdmin',
          message: expect.stringMatching(/OEM is never granted/) as string,
          code: 'delegated-admin-not-allowed',
        },
      ],
    });
  });

  it('R9: an indirect provider may not request delegated admin', () => {
    expect(errorPaths(validate({}, 'indirect-provider'))).toEqual(['delegatedAdmin']);
  });

  it('R3: 1 role is accepted, and so is every role of the catalog at once', () => {
    expect(validate({ roles: distinctRoles(1) }).ok).toBe(true);
    expect(validate({ roles: catalogIds }).ok).toBe(true);
  });

  it('R3: an unknown role id is a field error naming its index', () => {
    const decision = validate({ roles: [INTUNE_ADMINISTRATOR, CLOUD_DEVICE_ADMINISTRATOR, UNKNOWN_ROLE] });
    expect(decision).toEqual({
      ok: false,
      errors: [
        {
          path: 'delegatedAdmin.roles.2',
          message: expect.stringContaining(UNKNOWN_ROLE) as string,
          code: 'unknown-role',
        },
      ],
    });
  });

  it('R3: a duplicate role id is a field error naming the repeat and the first occurrence, in any letter case', () => {
    const decision = validate({
      roles: [INTUNE_ADMINISTRATOR, CLOUD_DEVICE_ADMINISTRATOR, INTUNE_ADMINISTRATOR.toUpperCase()],
    });
    expect(decision).toEqual({
      ok: false,
      errors: [
        {
          path: 'delegatedAdmin.roles.2',
          message: 'Intune Administrator is already requested at delegatedAdmin.roles.0.',
          code: 'duplicate-role',
        },
      ],
    });
  });

  it('R3: every broken rule is reported at once', () => {
    const decision = validate({ roles: [UNKNOWN_ROLE, GLOBAL_ADMINISTRATOR_ROLE_ID], autoExtend: true });
    expect(errorPaths(decision)).toEqual(['delegatedAdmin.roles.0', 'delegatedAdmin.autoExtend']);
  });

  it('R3: auto-extension is allowed without Global Administrator', () => {
    expect(validate({ autoExtend: true })).toMatchObject({ ok: true, delegatedAdmin: { autoExtend: true } });
  });

  it('R10: auto-extension with Global Administrator is refused with the GDAP rule explained', () => {
    const decision = validate({ roles: [GLOBAL_ADMINISTRATOR_ROLE_ID], autoExtend: true });
    expect(decision).toEqual({
      ok: false,
      errors: [
        {
          path: 'delegatedAdmin.autoExtend',
          message: expect.stringMatching(/includes Global Administrator cannot auto-extend/) as string,
          code: 'global-admin-auto-extend',
        },
      ],
    });
  });

  it('R10: requesting Global Administrator adds a least-privilege warning', () => {
    const decision = validate({ roles: [INTUNE_ADMINISTRATOR, GLOBAL_ADMINISTRATOR_ROLE_ID] });
    expect(decision).toMatchObject({ ok: true, warnings: [LEAST_PRIVILEGE_WARNING] });
    expect(LEAST_PRIVILEGE_WARNING).toMatch(/least privilege/);
    expect(LEAST_PRIVILEGE_WARNING).toMatch(/Intune Administrator/);
  });

  it('R10: a request without Global Administrator carries no warning', () => {
    expect(validate({ roles: distinctRoles(15) })).toMatchObject({ ok: true, warnings: [] });
  });

  it('R10: the warning has a stable code for pages to word in their language, from the roles (any letter case)', () => {
    const roles = [{ id: GLOBAL_ADMINISTRATOR_ROLE_ID.toUpperCase(), displayName: 'Global Administrator' }];
    expect(consentWarningCodes({ roles })).toEqual(['least-privilege']);
    expect(CONSENT_WARNING_TEXT['least-privilege']).toBe(LEAST_PRIVILEGE_WARNING);
    expect(consentWarningCodes({ roles: [{ id: INTUNE_ADMINISTRATOR, displayName: 'Intune Administrator' }] })).toEqual(
      [],
    );
    expect(consentWarningCodes(undefined)).toEqual([]);
  });
});

describe('delegated admin status', () => {
  const requested = {
    roles: [{ id: INTUNE_ADMINISTRATOR, displayName: 'Intune Administrator' }],
    durationDays: 30,
    autoExtend: false,
    status: 'requested' as const,
  };

  it('R3: on acceptance delegated admin becomes active until acceptance plus durationDays', () => {
    expect(activateDelegatedAdmin(requested, NOW)).toEqual({
      ...requested,
      status: 'active',
      expiresAt: '2026-12-24T10:00:00.000Z',
    });
  });

  it('R3: active delegated admin reads as active until its expiry and as expired from that moment on', () => {
    const active = activateDelegatedAdmin(requested, NOW);
    expect(effectiveDelegatedAdmin(active, new Date(later(30).getTime() - 1)).status).toBe('active');
    expect(effectiveDelegatedAdmin(active, later(30)).status).toBe('expired');
  });

  it('R3: requested and removed delegated admin never read as expired', () => {
    expect(effectiveDelegatedAdmin(requested, later(1000)).status).toBe('requested');
    const removed = { ...activateDelegatedAdmin(requested, NOW), status: 'removed' as const };
    expect(effectiveDelegatedAdmin(removed, later(1000)).status).toBe('removed');
  });

  it('R3: auto-extending roles do not expire at their end: the end moves on by 180 days, in steps, before any sweep', () => {
    const active = activateDelegatedAdmin({ ...requested, autoExtend: true }, NOW); // ends 2026-12-24T10:00Z
    expect(effectiveDelegatedAdmin(active, new Date(later(30).getTime() - 1))).toBe(active);
    expect(effectiveDelegatedAdmin(active, later(30))).toEqual({
      ...active,
      status: 'active',
      expiresAt: '2027-06-22T10:00:00.000Z',
    });
    expect(effectiveDelegatedAdmin(active, later(30 + 180 + 1))).toMatchObject({
      status: 'active',
      expiresAt: '2027-12-19T10:00:00.000Z',
    });
  });

  it('R3: the extensions reached by a moment, one per 180 days, none before the end', () => {
    const end = '2026-12-24T10:00:00.000Z';
    expect(extensionsUntil(end, new Date('2026-12-24T09:59:59.999Z'))).toEqual([]);
    expect(extensionsUntil(end, new Date(end))).toEqual(['2027-06-22T10:00:00.000Z']);
    expect(extensionsUntil(end, new Date('2027-06-22T10:00:00.000Z'))).toEqual([
      '2027-06-22T10:00:00.000Z',
      '2027-12-19T10:00:00.000Z',
    ]);
  });

  it('R10: roles that include Global Administrator never auto-extend, even if stored with autoExtend', () => {
    const withGlobalAdministrator = activateDelegatedAdmin(
      {
        ...requested,
        roles: [{ id: GLOBAL_ADMINISTRATOR_ROLE_ID, displayName: 'Global Administrator' }],
        autoExtend: true,
      },
      NOW,
    );
    expect(autoExtends(withGlobalAdministrator)).toBe(false);
    expect(effectiveDelegatedAdmin(withGlobalAdministrator, later(30)).status).toBe('expired');
    expect(autoExtends({ ...requested, autoExtend: true })).toBe(true);
    expect(autoExtends(requested)).toBe(false);
  });
});
