// OEM routes (D4, R14): has a customer consented — for one tenant, for up to 1000, and for a device batch.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner, authenticatePartnerAlongside } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { oemConsentFrom, oemConsentsFor, requireOem } from '../shared/consent/verification';
import { registerHttp } from '../shared/functionRegistry';
import { readJsonBody, validate } from '../shared/http/request';
import { oemConsentChecksSchema, oemConsentSchema } from '../shared/schemas/responses';
import { consentChecksSchema, tenantParamsSchema } from '../shared/schemas/verification';

export async function consentOfTenant(request: HttpRequest): Promise<HttpResponseInit> {
  const { tenantId } = validate(tenantParamsSchema, request.params, 'The tenant id in the path');
  // The hot path: the key, then the partner and the authorization row side by side.
  const { partner, result: row } = await authenticatePartnerAlongside(request, (partnerId) =>
    deps.authorizations.findOwnAuthorization(tenantId, partnerId),
  );
  requireOem(partner);
  return { jsonBody: oemConsentFrom(tenantId, row) };
}

export async function consentChecks(request: HttpRequest): Promise<HttpResponseInit> {
  const oem = await authenticatePartner(request);
  requireOem(oem);
  const { tenantIds } = await readJsonBody(request, consentChecksSchema);
  return { jsonBody: { results: await oemConsentsFor(deps, oem, tenantIds) } };
}

registerHttp('oemConsent', {
  route: 'api/oem/consents/{tenantId}',
  methods: ['GET'],
  handler: consentOfTenant,
  docs: {
    summary: 'OEM only: has this tenant consented to the calling OEM',
    caller: 'partner',
    responses: { 200: { description: 'The answer', schema: oemConsentSchema } },
  },
});
registerHttp('oemConsentChecks', {
  route: 'api/oem/consent-checks',
  methods: ['POST'],
  handler: consentChecks,
  docs: {
    summary: 'OEM only: the same for up to 1000 tenants, answered in request order',
    caller: 'partner',
    body: { 'application/json': consentChecksSchema },
    responses: { 200: { description: 'One answer per tenant', schema: oemConsentChecksSchema } },
    errors: { 413: 'Body over 256 KiB', 415: 'Body is not JSON' },
  },
});
