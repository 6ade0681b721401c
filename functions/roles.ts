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
    summary:
      'The Microsoft Entra roles a partner may request as delegated admin, by template id; Global Administrator is ' +
      'marked (request it only for emergencies)',
    caller: 'anyone',
    responses: { 200: { description: 'The role catalog', schema: roleCatalogSchema } },
  },
});
