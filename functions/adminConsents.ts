// Operator route: revoke an accepted consent on a support request — the only way an OEM consent is removed (R13).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticateOperator } from '../shared/auth/callers';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { revokeConsentOnRequest } from '../shared/consent/operatorActions';
import { toConsentResource } from '../shared/domain/consent';
import { registerHttp } from '../shared/functionRegistry';
import { readJsonBody } from '../shared/http/request';
import { revocationRequestSchema } from '../shared/schemas/operator';
import { revokedConsentExample } from '../shared/openapi/examples';
import { consentSchema } from '../shared/schemas/responses';

export async function revokeConsent(request: HttpRequest): Promise<HttpResponseInit> {
  const operatorKeyId = await authenticateOperator(request, deps);
  const { reason, ticket } = await readJsonBody(request, revocationRequestSchema);
  const consent = await revokeConsentOnRequest(deps, request.params.consentId!, {
    reason,
    ticket,
    operatorId: operatorKeyId,
  });
  return { jsonBody: toConsentResource(consent, deps.now()) };
}

registerHttp('adminRevokeConsent', {
  route: 'api/admin/consents/{consentId}/revoke',
  methods: ['POST'],
  handler: revokeConsent,
  docs: {
    tag: 'operator',
    summary: 'Revoke an accepted consent on a support request',
    description:
      'The only way to remove an OEM (R13). Authorization checks answer false from the next call on, for an ' +
      "indirect reseller's provider too.",
    caller: 'operator',
    body: {
      'application/json': {
        schema: revocationRequestSchema,
        example: { reason: 'The customer asked support to remove the partner', ticket: 'SR-20270112-0042' },
      },
    },
    responses: {
      200: { description: 'The revoked consent', body: { schema: consentSchema, example: revokedConsentExample } },
    },
    errors: { 404: 'No consent has this id', 409: 'The consent is not accepted' },
  },
});
