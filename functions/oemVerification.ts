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
  tenantOfCsvBatch,
  tenantOfJsonBatch,
  type DeviceBatch,
} from '../shared/oem/deviceSubmission';
import {
  ACCEPTED_AT,
  CONSENT_ID,
  deviceCheckExample,
  deviceCsvExample,
  deviceJsonExample,
  EXAMPLE_TENANT_ID,
  OTHER_TENANT_ID,
} from '../shared/openapi/examples';
import { deviceSubmissionCheckSchema, oemConsentChecksSchema, oemConsentSchema } from '../shared/schemas/responses';
import { consentChecksSchema, deviceCheckQuerySchema, tenantParamsSchema } from '../shared/schemas/verification';

export async function consentOfTenant(request: HttpRequest): Promise<HttpResponseInit> {
  const { tenantId } = validate(tenantParamsSchema, request.params, 'The tenant id in the path', 'path');
  // The hot path: the key, the partner and the authorization row side by side, one round trip.
  const [oem, row] = await authenticatePartnerAlongside(request, deps, 'read', (partnerId) =>
    deps.authorizations.findOwnAuthorization(tenantId, partnerId),
  );
  requireOem(oem);
  return { jsonBody: oemConsentFrom(tenantId, row) };
}

export async function consentChecks(request: HttpRequest): Promise<HttpResponseInit> {
  const oem = await authenticatePartner(request, deps, 'read');
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
  const oem = await authenticatePartner(request, deps, 'read');
  requireOem(oem);
  const mediaType = requireMediaType(request, ['text/csv', 'application/json']);
  const fromUrl = readQuery(request, deviceCheckQuerySchema).tenantId;
  let tenantId: string;
  let batch: DeviceBatch;
  if (mediaType === 'text/csv') {
    tenantId = tenantOfCsvBatch(fromUrl);
    batch = devicesFromCsv(await readBodyText(request, MAX_DEVICE_BATCH_BYTES));
  } else {
    const text = await readBodyText(request, MAX_DEVICE_BATCH_BYTES);
    refuseOversizedDeviceJson(text);
    const body = parseJsonBody(text, deviceSubmissionJsonSchema);
    tenantId = tenantOfJsonBatch(fromUrl, body.tenantId);
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
    tag: 'OEM',
    summary: 'Has this tenant consented to the calling OEM',
    description: 'OEMs only (403 otherwise). consented is true while an accepted consent of the tenant stands.',
    caller: 'partner',
    responses: {
      200: {
        description: 'The answer',
        body: {
          schema: oemConsentSchema,
          example: { tenantId: EXAMPLE_TENANT_ID, consented: true, consentId: CONSENT_ID, consentedAt: ACCEPTED_AT },
        },
      },
    },
  },
});
registerHttp('oemConsentChecks', {
  route: 'api/oem/consent-checks',
  methods: ['POST'],
  handler: consentChecks,
  docs: {
    tag: 'OEM',
    summary: 'Has each of up to 1000 tenants consented to the calling OEM',
    description: 'OEMs only (403 otherwise). One answer per tenant, in request order.',
    caller: 'partner',
    body: {
      'application/json': {
        schema: consentChecksSchema,
        example: { tenantIds: [EXAMPLE_TENANT_ID, OTHER_TENANT_ID] },
      },
    },
    responses: {
      200: {
        description: 'One answer per tenant',
        body: {
          schema: oemConsentChecksSchema,
          example: {
            results: [
              { tenantId: EXAMPLE_TENANT_ID, consented: true, consentId: CONSENT_ID, consentedAt: ACCEPTED_AT },
              { tenantId: OTHER_TENANT_ID, consented: false },
            ],
          },
        },
      },
    },
  },
});
registerHttp('oemDeviceSubmissionChecks', {
  route: 'api/oem/device-submission-checks',
  methods: ['POST'],
  handler: deviceSubmissionChecks,
  docs: {
    tag: 'OEM',
    summary: 'Check a device batch before registering it',
    description:
      "OEMs only (403 otherwise). Checks the tenant's consent and every row of an Autopilot hardware-hash CSV or its " +
      'JSON form, at most 500 rows and 4 MiB. A CSV has no tenant: send it as text/csv with ?tenantId= (required ' +
      'then). JSON names the tenant in its body. A problem with the whole batch (header, too many rows) is a 400; ' +
      'problems of single rows come back per row.',
    caller: 'partner',
    query: deviceCheckQuerySchema.partial(),
    body: {
      'application/json': { schema: deviceSubmissionJsonSchema, example: deviceJsonExample },
      'text/csv': { schema: z.string(), example: deviceCsvExample },
    },
    responses: {
      200: {
        description: 'The consent and one verdict per row',
        body: { schema: deviceSubmissionCheckSchema, example: deviceCheckExample },
      },
    },
    errors: { 413: `The body is over ${MAX_DEVICE_BATCH_BYTES / 1024 / 1024} MiB: refused before it is parsed` },
  },
});
