// Partner routes: the customer list (R8) and whether the caller may register devices for one tenant, and how (R9).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { authorizationOf, customersOf } from '../shared/consent/verification';
import { registerHttp } from '../shared/functionRegistry';
import { listPage } from '../shared/http/listPage';
import { validate } from '../shared/http/request';
import { pageQuerySchema } from '../shared/schemas/common';
import { authorizationSchema, customerSchema, pageOf } from '../shared/schemas/responses';
import { tenantParamsSchema } from '../shared/schemas/verification';

export async function list(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return {
    jsonBody: await listPage(request, pageQuerySchema, partner.id, (_, page) => customersOf(deps, partner, page)),
  };
}

export async function authorization(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  const { tenantId } = validate(tenantParamsSchema, request.params, 'The tenant id in the path', 'path');
  return { jsonBody: await authorizationOf(deps, partner, tenantId) };
}

registerHttp('listCustomers', {
  route: 'api/customers',
  methods: ['GET'],
  handler: list,
  docs: {
    summary: 'Customers for whom the caller is authorized now (accepted, not revoked)',
    caller: 'partner',
    query: pageQuerySchema,
    responses: { 200: { description: 'A page of customers', schema: pageOf(customerSchema) } },
  },
});
registerHttp('customerAuthorization', {
  route: 'api/customers/{tenantId}/authorization',
  methods: ['GET'],
  handler: authorization,
  docs: {
    summary: 'May the caller register devices for this tenant, and how',
    caller: 'partner',
    responses: { 200: { description: 'The authorization', schema: authorizationSchema } },
  },
});
