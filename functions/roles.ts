// GET /api/roles: the role catalog `delegatedAdmin.roles` accepts (R3), Global Administrator marked (R10).
import type { HttpResponseInit } from '@azure/functions';
import { listedRoles } from '../shared/domain/roles';
import { registerHttp } from '../shared/functionRegistry';
import { roleCatalogSchema } from '../shared/schemas/responses';

export async function roles(): Promise<HttpResponseInit> {
  // The catalog changes only with a deployment, so a client may keep it for a while.
  return { jsonBody: { items: listedRoles() }, headers: { 'cache-control': 'public, max-age=300' } };
}

registerHttp('listRoles', {
  route: 'api/roles',
  methods: ['GET'],
  handler: roles,
  docs: {
    tag: 'partner',
    summary: 'The roles a consent request may ask for as delegated admin',
    description:
      'The Microsoft Entra built-in roles that `delegatedAdmin.roles` accepts, by role template id, with what each ' +
      'may do. Global Administrator is marked: request it only for emergencies (least privilege). No credentials ' +
      'needed; the catalog changes only with a deployment.',
    caller: 'anyone',
    responses: {
      200: {
        description: 'The role catalog',
        body: {
          schema: roleCatalogSchema,
          // Two entries of the real catalog: an everyday role and the one to avoid.
          example: { items: listedRoles().filter((role, index) => index === 0 || role.globalAdministrator) },
        },
      },
    },
  },
});
