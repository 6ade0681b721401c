// GET /api/roles through the local host: the catalog partners may request, and the 400 for a role outside it.
import { randomUUID } from 'node:crypto';
import { GLOBAL_ADMINISTRATOR_ROLE_ID, ROLE_CATALOG } from '../../../shared/domain/roles';
import { startAppHost, type AppHost } from '../../support/appHost';
import { registeredPartner } from '../../support/partners';

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

describe('GET /api/roles (issue 14: the role catalog)', () => {
  it('R3, R10: anyone reads the catalog without a key, each role with id, name and description, Global Administrator marked', async () => {
    const answer = await app.call('GET', '/api/roles');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body.items).toHaveLength(ROLE_CATALOG.length);
    expect(answer.body.items).toContainEqual({
      id: GLOBAL_ADMINISTRATOR_ROLE_ID,
      displayName: 'Global Administrator',
      description: expect.stringContaining('all aspects'),
      globalAdministrator: true,
    });
    expect(answer.body.items).toContainEqual({
      id: '3a2c62db-5318-420d-8d74-23affee5d9d5',
      displayName: 'Intune Administrator',
      description: 'Can manage all aspects of the Intune product.',
      globalAdministrator: false,
    });
    expect(answer.body.items.filter((role: { globalAdministrator: boolean }) => role.globalAdministrator)).toHaveLength(
      1,
    );
  });

  it('R3: every listed id is accepted in delegatedAdmin.roles, and an id outside the catalog is a 400 pointing to GET /api/roles', async () => {
    const csp = await registeredPartner(app, 'direct-csp');
    const { body: catalog } = await app.call('GET', '/api/roles');
    const ids = catalog.items
      .filter((role: { globalAdministrator: boolean }) => !role.globalAdministrator)
      .map((role: { id: string }) => role.id);
    const accepted = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: randomUUID() }, sendEmail: false, delegatedAdmin: { roles: ids } },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.delegatedAdmin.roles.map((role: { id: string }) => role.id)).toEqual(ids);

    const unknown = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
    const refused = await app.call('POST', '/api/consent-requests', {
      key: csp.key,
      body: { customer: { tenantId: randomUUID() }, sendEmail: false, delegatedAdmin: { roles: [unknown] } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: 'delegatedAdmin.roles.0', message: expect.stringContaining('GET /api/roles') },
    ]);
  });
});
