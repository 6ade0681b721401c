// Operator routes for the operators' own keys (/api/admin/keys): list them, mint one, revoke one.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticateOperator } from '../shared/auth/callers';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { listOperatorKeys, mintOperatorKey, revokeOperatorKey } from '../shared/consent/operatorKeys';
import { registerHttp } from '../shared/functionRegistry';
import { listPage } from '../shared/http/listPage';
import { readOptionalJsonBody } from '../shared/http/request';
import { pageQuerySchema } from '../shared/schemas/common';
import { keyRequestSchema } from '../shared/schemas/operator';
import { mintedKeySchema, operatorKeySchema, pageOf } from '../shared/schemas/responses';

export async function listKeys(request: HttpRequest): Promise<HttpResponseInit> {
  const operatorKeyId = await authenticateOperator(request, deps);
  return {
    jsonBody: await listPage(request, pageQuerySchema, operatorKeyId, (_, page) => listOperatorKeys(deps, page)),
  };
}

export async function createKey(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  const { name } = await readOptionalJsonBody(request, keyRequestSchema, {});
  return { status: 201, jsonBody: await mintOperatorKey(deps, name) };
}

export async function deleteKey(request: HttpRequest): Promise<HttpResponseInit> {
  await authenticateOperator(request, deps);
  await revokeOperatorKey(deps, request.params.keyId!);
  return { status: 204 };
}

registerHttp('adminListKeys', {
  route: 'api/admin/keys',
  methods: ['GET'],
  handler: listKeys,
  docs: {
    summary: 'List the operator keys, revoked ones included (never a key or its hash)',
    caller: 'operator',
    query: pageQuerySchema,
    responses: { 200: { description: 'A page of operator keys', schema: pageOf(operatorKeySchema) } },
  },
});
registerHttp('adminCreateKey', {
  route: 'api/admin/keys',
  methods: ['POST'],
  handler: createKey,
  docs: {
    summary: 'Mint an operator key (apiKey is shown only here, once)',
    caller: 'operator',
    body: { 'application/json': keyRequestSchema },
    responses: { 201: { description: 'The new key', schema: mintedKeySchema } },
  },
});
registerHttp('adminRevokeKey', {
  route: 'api/admin/keys/{keyId}',
  methods: ['DELETE'],
  handler: deleteKey,
  docs: {
    summary: 'Revoke an operator key; it stops working at once. The last active operator key cannot be revoked',
    caller: 'operator',
    responses: { 204: { description: 'Revoked (or already revoked)' } },
    errors: {
      404: 'No operator key has this id',
      409: 'The last active operator key (mint another first), or the keys changed at the same moment (retry)',
    },
  },
});
