// The device-submission check (R14), run by the route after consent: read a CSV or JSON batch, check every row; no I/O.
import { z } from 'zod';
import { invalid } from '../errors';
import { tenantIdSchema } from '../schemas/common';
import { MAX_DEVICE_ROWS, type DeviceBatch, type SubmittedDevice } from './deviceBatch';

export { MAX_DEVICE_ROWS, type BatchRow, type DeviceBatch, type SubmittedDevice } from './deviceBatch';
export { AUTOPILOT_CSV_HEADER, PARTNER_CENTER_CSV_HEADER, devicesFromCsv } from './deviceCsv';
export { MIN_HARDWARE_HASH_BYTES, checkDevices, type DeviceBatchCheck } from './deviceChecks';

/** Any string, or null for "not given": the row rules, not the schema, judge each value so every row gets an answer. */
const deviceValueSchema = z.string().nullish();

/** Intune's five values (the JSON form is Intune's layout). Strict, so a misspelt key is a 400 naming it. */
export const deviceSchema = z.strictObject({
  serialNumber: deviceValueSchema,
  windowsProductId: deviceValueSchema,
  hardwareHash: deviceValueSchema,
  groupTag: deviceValueSchema,
  assignedUser: deviceValueSchema,
});

/** The JSON form of a check: only its shape, the number of devices and the tenant id can make it a 400. */
export const deviceSubmissionJsonSchema = z.strictObject({
  tenantId: tenantIdSchema.optional().describe('The customer tenant; may instead be sent as ?tenantId='),
  devices: z
    .array(deviceSchema)
    .min(1, 'send at least one device')
    .max(MAX_DEVICE_ROWS, `at most ${MAX_DEVICE_ROWS} devices in one check`),
});

export type DeviceSubmissionJson = z.infer<typeof deviceSubmissionJsonSchema>;

const TENANT_IN_URL = 'add ?tenantId=<customer tenant GUID> to the URL';

/**
 * The tenant a CSV batch is checked for: only the URL can name it, as a CSV has no tenant column. Asked before the
 * body is read, so a forgotten tenant costs the partner no upload.
 */
export function tenantOfCsvBatch(fromUrl: string | undefined): string {
  if (fromUrl !== undefined) return fromUrl;
  throw missingTenant(`${TENANT_IN_URL} when sending text/csv (a CSV has no tenant column)`);
}

/** The tenant a JSON batch is checked for: its body's "tenantId" or the URL's, and the same when both are sent. */
export function tenantOfJsonBatch(fromUrl: string | undefined, fromBody: string | undefined): string {
  if (fromUrl !== undefined && fromBody !== undefined && fromUrl !== fromBody) {
    const message = `the URL names tenant ${fromUrl} but the body names ${fromBody}: send it once, or the same in both`;
    throw invalid(`The request names two tenants: ${message}.`, [{ path: 'tenantId', message }]);
  }
  const tenantId = fromBody ?? fromUrl;
  if (tenantId !== undefined) return tenantId;
  throw missingTenant(`put "tenantId": "<customer tenant GUID>" in the body, or ${TENANT_IN_URL}`);
}

function missingTenant(fix: string) {
  return invalid(`The customer tenant is missing: ${fix}.`, [{ path: 'tenantId', message: fix }]);
}

/** Every JSON string, so that what is left are the values and punctuation around them. */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * Refuses a JSON batch with more objects than a full batch can hold, before JSON.parse builds them: 1.4 million
 * empty objects in 4 MB would otherwise cost a third of a second of CPU to parse only to be refused. A valid batch
 * is one object holding at most MAX_DEVICE_ROWS flat device objects, and braces inside strings do not count.
 */
export function refuseOversizedDeviceJson(text: string): void {
  const outsideStrings = text.replace(JSON_STRING, '""');
  let objects = 0;
  for (let at = outsideStrings.indexOf('{'); at !== -1; at = outsideStrings.indexOf('{', at + 1)) {
    if (++objects > MAX_DEVICE_ROWS + 1) {
      throw invalid(`The request body is not valid: devices: at most ${MAX_DEVICE_ROWS} devices in one check.`, [
        { path: 'devices', message: `at most ${MAX_DEVICE_ROWS} devices in one check` },
      ]);
    }
  }
}

/** The validated JSON body as a batch in Intune's layout; row N is `devices[N - 1]`. */
export function devicesFromJson(body: DeviceSubmissionJson): DeviceBatch {
  return {
    form: 'intune',
    rows: body.devices.map((device, index) => ({
      row: index + 1,
      device: submitted(device),
      layoutProblems: [],
      aligned: true,
    })),
  };
}

function submitted(device: z.infer<typeof deviceSchema>): SubmittedDevice {
  const values: SubmittedDevice = {};
  for (const [field, value] of Object.entries(device) as [keyof typeof device, string | null | undefined][]) {
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}
