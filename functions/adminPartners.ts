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
import { mintedKeySchema, pageOf, partnerSchema } from '../shared/schemas/responses';

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
    summary: 'Register a partner',
    caller: 'operator',
    body: { 'application/json': partnerRegistrationSchema },
    responses: { 201: { description: 'The partner', schema: partnerSchema, headers: ['Location'] } },
    errors: { 409: 'The id is taken' },
  },
});
registerHttp('adminListPartners', {
  route: 'api/admin/partners',
  methods: ['GET'],
  handler: listPartners,
  docs: {
    summary: 'List partners',
    caller: 'operator',
    query: pageQuerySchema,
    responses: { 200: { description: 'A page of partners', schema: pageOf(partnerSchema) } },
  },
});
registerHttp('adminReadPartner', {
  route: 'api/admin/partners/{id}',
  methods: ['GET'],
  handler: readPartner,
  docs: {
    summary: 'Read a partner',
    caller: 'operator',
    responses: { 200: { description: 'The partner', schema: partnerSchema } },
    errors: { 404: 'No such partner' },
  },
});
registerHttp('adminUpdatePartner', {
  route: 'api/admin/partners/{id}',
  methods: ['PATCH'],
  handler: updatePartner,
  docs: {
    summary: 'Change displayName, status (active, suspended) or oemDirectApiEligible',
    caller: 'operator',
    body: { 'application/json': partnerChangesSchema },
    responses: { 200: { description: 'The partner', schema: partnerSchema } },
    errors: { 404: 'No such partner', 409: 'Changed by someone else at the same moment' },
  },
});
registerHttp('adminCreatePartnerKey', {
  route: 'api/admin/partners/{id}/keys',
  methods: ['POST'],
  handler: createPartnerKey,
  docs: {
    summary: 'Mint a partner key (apiKey is shown only here, once)',
    caller: 'operator',
    body: { 'application/json': keyRequestSchema },
    responses: { 201: { description: 'The new key', schema: mintedKeySchema } },
    errors: { 404: 'No such partner' },
  },
});
registerHttp('adminRevokePartnerKey', {
  route: 'api/admin/partners/{id}/keys/{keyId}',
  methods: ['DELETE'],
  handler: deletePartnerKey,
  docs: {
    summary: 'Revoke a key; it stops working at once',
    caller: 'operator',
    responses: { 204: { description: 'Revoked' } },
    errors: { 404: 'The partner has no such key' },
  },
});
