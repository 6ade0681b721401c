// OEM routes (D4, R14): has a customer consented — for one tenant, for up to 1000, and for a device batch.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { authenticatePartner, authenticatePartnerAlongside } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { oemConsentFrom, oemConsentsFor, requireOem } from '../shared/consent/verification';
import { registerHttp } from '../shared/functionRegistry';
import {
  parseJsonBody,
  readBodyText,
  readJsonBody,
  readQuery,
  requireMediaType,
  validate,
} from '../shared/http/request';
import {
  checkDevices,
  devicesFromCsv,
  devicesFromJson,
  deviceSubmissionJsonSchema,
  refuseOversizedDeviceJson,
  type DeviceBatch,
} from '../shared/oem/deviceSubmission';
import { deviceSubmissionCheckSchema, oemConsentChecksSchema, oemConsentSchema } from '../shared/schemas/responses';
import { consentChecksSchema, deviceCheckQuerySchema, tenantParamsSchema } from '../shared/schemas/verification';

export async function consentOfTenant(request: HttpRequest): Promise<HttpResponseInit> {
  const { tenantId } = validate(tenantParamsSchema, request.params, 'The tenant id in the path', 'path');
  // The hot path: the key, the partner and the authorization row side by side, one round trip.
  const [oem, row] = await authenticatePartnerAlongside(request, deps, (partnerId) =>
    deps.authorizations.findOwnAuthorization(tenantId, partnerId),
  );
  requireOem(oem);
  return { jsonBody: oemConsentFrom(tenantId, row) };
}

export async function consentChecks(request: HttpRequest): Promise<HttpResponseInit> {
  const oem = await authenticatePartner(request, deps);
  requireOem(oem);
  const { tenantIds } = await readJsonBody(request, consentChecksSchema);
  return { jsonBody: { results: await oemConsentsFor(deps, oem, tenantIds) } };
}

/**
 * A full batch of 500 devices with ~4 KB hardware hashes is about 2 MB, so this route alone takes bodies up to 4 MiB
 * (the 256 KiB convention would refuse a legitimate batch); every other route keeps 256 KiB.
 */
export const MAX_DEVICE_BATCH_BYTES = 4 * 1024 * 1024;

export async function deviceSubmissionChecks(request: HttpRequest): Promise<HttpResponseInit> {
  const oem = await authenticatePartner(request, deps);
  requireOem(oem);
  const mediaType = requireMediaType(request, ['text/csv', 'application/json']);
  let tenantId: string;
  let batch: DeviceBatch;
  if (mediaType === 'text/csv') {
    tenantId = readQuery(request, deviceCheckQuerySchema).tenantId;
    batch = devicesFromCsv(await readBodyText(request, MAX_DEVICE_BATCH_BYTES));
  } else {
    const text = await readBodyText(request, MAX_DEVICE_BATCH_BYTES);
    refuseOversizedDeviceJson(text);
    const body = parseJsonBody(text, deviceSubmissionJsonSchema);
    tenantId = body.tenantId;
    batch = devicesFromJson(body);
  }
  const { consented } = oemConsentFrom(tenantId, await deps.authorizations.findOwnAuthorization(tenantId, oem.id));
  return { jsonBody: { tenantId, consented, ...checkDevices(batch) } };
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
registerHttp('oemDeviceSubmissionChecks', {
  route: 'api/oem/device-submission-checks',
  methods: ['POST'],
  handler: deviceSubmissionChecks,
  docs: {
    summary:
      "OEM only: check a device batch before registering it — the tenant's consent and every row of an Autopilot " +
      'hardware-hash CSV (text/csv with ?tenantId=) or JSON, at most 500 rows and 4 MiB',
    caller: 'partner',
    query: deviceCheckQuerySchema.partial(),
    body: { 'application/json': deviceSubmissionJsonSchema, 'text/csv': z.string() },
    responses: { 200: { description: 'The consent and one verdict per row', schema: deviceSubmissionCheckSchema } },
    errors: { 413: 'Body over 4 MiB', 415: 'Body is neither text/csv nor application/json' },
  },
});
