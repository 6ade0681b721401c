// Operator routes for partners and their API keys (/api/admin/partners...).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticateOperator } from '../shared/auth/callers';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import {
  changePartner,
  getPartner,
  mintPartnerKey,
  registerPartner,
  revokePartnerKey,
} from '../shared/consent/operatorActions';
import { registerHttp } from '../shared/functionRegistry';
import { listPage } from '../shared/http/listPage';
import { readJsonBody, readOptionalJsonBody } from '../shared/http/request';
import { pageQuerySchema } from '../shared/schemas/common';
import { keyRequestSchema, partnerChangesSchema, partnerRegistrationSchema } from '../shared/schemas/operator';
import { mintedKeyExample, partnerExample } from '../shared/openapi/examples';
import { mintedKeySchema, partnerPageSchema, partnerSchema } from '../shared/schemas/responses';

const NO_SUCH_PARTNER = 'No partner has this id';

export async function createPartner(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  const partner = await registerPartner(deps, await readJsonBody(request, partnerRegistrationSchema));
  return { status: 201, headers: { location: `/api/admin/partners/${partner.id}` }, jsonBody: partner };
}

export async function listPartners(request: HttpRequest): Promise<HttpResponseInit> {
  const operatorKeyId = await authenticateOperator(request, deps);
  return {
    jsonBody: await listPage(request, pageQuerySchema, operatorKeyId, (_, page) => deps.partners.listPartners(page)),
  };
}

export async function readPartner(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  return { jsonBody: await getPartner(deps, request.params.id!) };
}

export async function updatePartner(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  const changes = await readJsonBody(request, partnerChangesSchema);
  return { jsonBody: await changePartner(deps, request.params.id!, changes) };
}

export async function createPartnerKey(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  const { name } = await readOptionalJsonBody(request, keyRequestSchema, {});
  return { status: 201, jsonBody: await mintPartnerKey(deps, request.params.id!, name) };
}

export async function deletePartnerKey(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  await revokePartnerKey(deps, request.params.id!, request.params.keyId!);
  return { status: 204 };
}

registerHttp('adminCreatePartner', {
  route: 'api/admin/partners',
  methods: ['POST'],
  handler: createPartner,
  docs: {
    tag: 'operator',
    summary: 'Register a partner',
    description:
      'indirectProviderId is required for an indirect-reseller and must name an indirect-provider; ' +
      'oemDirectApiEligible is for OEMs only. Without an id, one is made from the display name.',
    caller: 'operator',
    body: {
      'application/json': {
        schema: partnerRegistrationSchema,
        example: {
          id: 'contoso',
          displayName: 'Contoso IT Services',
          type: 'direct-csp',
          tenantId: partnerExample.tenantId,
          microsoftPartnerId: '4812345',
          verifiedDomain: 'contoso.example',
          contactEmail: 'partner-ops@contoso.example',
        },
      },
    },
    responses: {
      201: {
        description: 'The partner',
        body: { schema: partnerSchema, example: partnerExample },
        headers: ['Location'],
      },
    },
    errors: { 409: 'The id is taken' },
  },
});
registerHttp('adminListPartners', {
  route: 'api/admin/partners',
  methods: ['GET'],
  handler: listPartners,
  docs: {
    tag: 'operator',
    summary: 'List partners',
    description: 'Every registered partner, suspended ones included, paged.',
    caller: 'operator',
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'A page of partners',
        body: { schema: partnerPageSchema, example: { items: [partnerExample] } },
      },
    },
  },
});
registerHttp('adminReadPartner', {
  route: 'api/admin/partners/{id}',
  methods: ['GET'],
  handler: readPartner,
  docs: {
    tag: 'operator',
    summary: 'Read a partner',
    description: 'One registered partner, by id.',
    caller: 'operator',
    responses: { 200: { description: 'The partner', body: { schema: partnerSchema, example: partnerExample } } },
    errors: { 404: NO_SUCH_PARTNER },
  },
});
registerHttp('adminUpdatePartner', {
  route: 'api/admin/partners/{id}',
  methods: ['PATCH'],
  handler: updatePartner,
  docs: {
    tag: 'operator',
    summary: 'Change a partner',
    description:
      'Change displayName, status (active, suspended) or oemDirectApiEligible. A suspended partner keeps its data ' +
      'but every call with its keys is a 403.',
    caller: 'operator',
    body: { 'application/json': { schema: partnerChangesSchema, example: { status: 'suspended' } } },
    responses: {
      200: {
        description: 'The partner',
        body: { schema: partnerSchema, example: { ...partnerExample, status: 'suspended' } },
      },
    },
    errors: { 404: NO_SUCH_PARTNER, 409: 'Changed by someone else at the same moment: read it and try again' },
  },
});
registerHttp('adminCreatePartnerKey', {
  route: 'api/admin/partners/{id}/keys',
  methods: ['POST'],
  handler: createPartnerKey,
  docs: {
    tag: 'operator',
    summary: 'Mint a partner key',
    description: 'apiKey is shown only in this answer, once: hand it to the partner. The body is optional.',
    caller: 'operator',
    body: { 'application/json': { schema: keyRequestSchema, example: { name: 'Contoso provisioning' } } },
    bodyOptional: true,
    responses: { 201: { description: 'The new key', body: { schema: mintedKeySchema, example: mintedKeyExample } } },
    errors: { 404: NO_SUCH_PARTNER },
  },
});
registerHttp('adminRevokePartnerKey', {
  route: 'api/admin/partners/{id}/keys/{keyId}',
  methods: ['DELETE'],
  handler: deletePartnerKey,
  docs: {
    tag: 'operator',
    summary: "Revoke a partner's key",
    description: 'The key stops working at once.',
    caller: 'operator',
    responses: { 204: { description: 'Revoked' } },
    errors: { 404: 'The partner has no key with this id' },
  },
});
