// The limits of POST /api/consent-requests (API.md): the domain's constants, checked once, by the request schema.
import { ROLE_CATALOG } from '../../../shared/domain/roles';
import { validate } from '../../../shared/http/request';
import { ServiceError } from '../../../shared/errors';
import { consentRequestSchema } from '../../../shared/schemas/consentRequests';

const ROLES = ROLE_CATALOG.map((role) => role.id);
const customer = { contactEmail: 'it@contoso.com' };

/** The body as the route reads it, or the paths of the 400's field errors. */
function read(body: Record<string, unknown>) {
  return validate(consentRequestSchema, { customer, ...body }, 'The request body');
}

function refusedPaths(body: Record<string, unknown>): string[] {
  try {
    read(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).kind).toBe('validation');
    return ((error as ServiceError).errors ?? []).map((fieldError) => fieldError.path);
  }
  return [];
}

describe('consent request limits', () => {
  it('R3: 1 to 20 roles pass the count rule; 0 and 21 are refused', () => {
    const twenty = [...ROLES, ...ROLES].slice(0, 20);
    expect(read({ delegatedAdmin: { roles: ROLES.slice(0, 1) } }).delegatedAdmin?.roles).toHaveLength(1);
    expect(read({ delegatedAdmin: { roles: twenty } }).delegatedAdmin?.roles).toHaveLength(20);
    expect(refusedPaths({ delegatedAdmin: { roles: [] } })).toEqual(['delegatedAdmin.roles']);
    expect(refusedPaths({ delegatedAdmin: { roles: [...twenty, ROLES[0]] } })).toEqual(['delegatedAdmin.roles']);
  });

  it('R3: delegated admin lasts 730 days unless asked otherwise, from 1 to 730 whole days', () => {
    expect(read({ delegatedAdmin: { roles: ROLES.slice(0, 1) } }).delegatedAdmin?.durationDays).toBe(730);
    for (const durationDays of [1, 730]) {
      expect(read({ delegatedAdmin: { roles: ROLES.slice(0, 1), durationDays } }).delegatedAdmin?.durationDays).toBe(
        durationDays,
      );
    }
    for (const durationDays of [0, 731, -1, 1.5]) {
      expect(refusedPaths({ delegatedAdmin: { roles: ROLES.slice(0, 1), durationDays } })).toEqual([
        'delegatedAdmin.durationDays',
      ]);
    }
  });

  it('R2: a request expires in 30 days unless asked otherwise, from 1 to 90 whole days', () => {
    expect(read({}).expiresInDays).toBe(30);
    for (const expiresInDays of [1, 90]) expect(read({ expiresInDays }).expiresInDays).toBe(expiresInDays);
    for (const expiresInDays of [0, 91, 2.5]) expect(refusedPaths({ expiresInDays })).toEqual(['expiresInDays']);
  });

  it('R2, R3: every broken limit is reported at once', () => {
    expect(refusedPaths({ delegatedAdmin: { roles: [], durationDays: 731 }, expiresInDays: 0 })).toEqual([
      'delegatedAdmin.roles',
      'delegatedAdmin.durationDays',
      'expiresInDays',
    ]);
  });
});
