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
import { readJsonBody, readOptionalJsonBody, readQuery } from '../shared/http/request';
import { pageQuerySchema } from '../shared/schemas/common';
import { keyRequestSchema, partnerChangesSchema, partnerRegistrationSchema } from '../shared/schemas/operator';

export async function createPartner(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request);
  const partner = await registerPartner(deps, await readJsonBody(request, partnerRegistrationSchema));
  return { status: 201, headers: { location: `/api/admin/partners/${partner.id}` }, jsonBody: partner };
}

export async function listPartners(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request);
  return { jsonBody: await deps.partners.listPartners(readQuery(request, pageQuerySchema)) };
}

export async function readPartner(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request);
  return { jsonBody: await getPartner(deps, request.params.id!) };
}

export async function updatePartner(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request);
  const changes = await readJsonBody(request, partnerChangesSchema);
  return { jsonBody: await changePartner(deps, request.params.id!, changes) };
}

export async function createPartnerKey(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request);
  const { name } = await readOptionalJsonBody(request, keyRequestSchema, {});
  return { status: 201, jsonBody: await mintPartnerKey(deps, request.params.id!, name) };
}

export async function deletePartnerKey(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request);
  await revokePartnerKey(deps, request.params.id!, request.params.keyId!);
  return { status: 204 };
}

registerHttp('adminCreatePartner', { route: 'api/admin/partners', methods: ['POST'], handler: createPartner });
registerHttp('adminListPartners', { route: 'api/admin/partners', methods: ['GET'], handler: listPartners });
registerHttp('adminReadPartner', { route: 'api/admin/partners/{id}', methods: ['GET'], handler: readPartner });
registerHttp('adminUpdatePartner', { route: 'api/admin/partners/{id}', methods: ['PATCH'], handler: updatePartner });
registerHttp('adminCreatePartnerKey', {
  route: 'api/admin/partners/{id}/keys',
  methods: ['POST'],
  handler: createPartnerKey,
});
registerHttp('adminRevokePartnerKey', {
  route: 'api/admin/partners/{id}/keys/{keyId}',
  methods: ['DELETE'],
  handler: deletePartnerKey,
});
