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
import { mintedKeySchema, operatorKeyPageSchema } from '../shared/schemas/responses';

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
    tag: 'operator',
    summary: 'List the operator keys',
    description: 'Revoked keys included; never a key or its hash.',
    caller: 'operator',
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'A page of operator keys',
        body: {
          schema: operatorKeyPageSchema,
          example: { items: [{ keyId: 'a9S8d7F6g5H4j3K2', name: 'on-call', createdAt: '2026-11-01T09:00:00.000Z' }] },
        },
      },
    },
  },
});
registerHttp('adminCreateKey', {
  route: 'api/admin/keys',
  methods: ['POST'],
  handler: createKey,
  docs: {
    tag: 'operator',
    summary: 'Mint an operator key',
    description: 'apiKey is shown only in this answer, once. The body is optional.',
    caller: 'operator',
    body: { 'application/json': { schema: keyRequestSchema, example: { name: 'on-call' } } },
    bodyOptional: true,
    responses: {
      201: {
        description: 'The new key',
        body: {
          schema: mintedKeySchema,
          example: {
            keyId: 'a9S8d7F6g5H4j3K2',
            apiKey: 'apc._.a9S8d7F6g5H4j3K2.Lk0jH9gF8dS7aP6oI5uY4tR3eW2qM1nB0vC9xZ8lK7j',
            createdAt: '2026-11-01T09:00:00.000Z',
          },
        },
      },
    },
  },
});
registerHttp('adminRevokeKey', {
  route: 'api/admin/keys/{keyId}',
  methods: ['DELETE'],
  handler: deleteKey,
  docs: {
    tag: 'operator',
    summary: 'Revoke an operator key',
    description: 'The key stops working at once. The last active operator key cannot be revoked: mint another first.',
    caller: 'operator',
    responses: { 204: { description: 'Revoked (or already revoked)' } },
    errors: {
      404: 'No operator key has this id',
      409: 'The last active operator key (mint another first), or the keys changed at the same moment (retry)',
    },
  },
});
