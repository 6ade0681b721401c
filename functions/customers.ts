// Partner routes: the customer list (R8) and whether the caller may register devices for one tenant, and how (R9).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { authorizationOf, customersOf } from '../shared/consent/verification';
import { registerHttp } from '../shared/functionRegistry';
import { listPage } from '../shared/http/listPage';
import { validate } from '../shared/http/request';
import { pageQuerySchema } from '../shared/schemas/common';
import { ACCEPTED_AT, CONSENT_ID, customerExample, EXAMPLE_TENANT_ID } from '../shared/openapi/examples';
import { authorizationSchema, customerPageSchema } from '../shared/schemas/responses';
import { tenantParamsSchema } from '../shared/schemas/verification';

export async function list(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'read');
  return {
    jsonBody: await listPage(request, pageQuerySchema, partner.id, (_, page) => customersOf(deps, partner, page)),
  };
}

export async function authorization(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'read');
  const { tenantId } = validate(tenantParamsSchema, request.params, 'The tenant id in the path', 'path');
  return { jsonBody: await authorizationOf(deps, partner, tenantId) };
}

registerHttp('listCustomers', {
  route: 'api/customers',
  methods: ['GET'],
  handler: list,
  docs: {
    tag: 'partner',
    summary: 'Customers for whom the caller is authorized now',
    description:
      'Every tenant whose accepted consent (not revoked) authorizes the caller: its own, or, for an indirect ' +
      "provider, its resellers'. A customer in this list means the request is complete.",
    caller: 'partner',
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'A page of customers',
        body: { schema: customerPageSchema, example: { items: [customerExample] } },
      },
    },
  },
});
registerHttp('customerAuthorization', {
  route: 'api/customers/{tenantId}/authorization',
  methods: ['GET'],
  handler: authorization,
  docs: {
    tag: 'partner',
    summary: 'May the caller register devices for this tenant, and how',
    description:
      'authorized: false, with no basis and no channels, when no accepted consent authorizes the caller for the tenant.',
    caller: 'partner',
    responses: {
      200: {
        description: 'The authorization',
        body: {
          schema: authorizationSchema,
          example: {
            tenantId: EXAMPLE_TENANT_ID,
            authorized: true,
            basis: 'direct',
            channels: ['partner-center-api', 'partner-center-csv'],
            consentId: CONSENT_ID,
            acceptedAt: ACCEPTED_AT,
          },
        },
      },
    },
  },
});
