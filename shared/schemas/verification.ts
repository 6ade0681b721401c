// Request shapes of the customer-list and OEM verification routes, and the per-row answer of a device-batch check.
import { z } from 'zod';
import { tenantIdSchema } from './common';

/** At most 1000 tenants per bulk check (API.md). */
export const MAX_TENANTS_PER_CHECK = 1000;

export const tenantParamsSchema = z.object({ tenantId: tenantIdSchema });

export const consentChecksSchema = z.strictObject({
  tenantIds: z.array(tenantIdSchema).min(1, 'name at least one tenant').max(MAX_TENANTS_PER_CHECK),
});

/** `?tenantId=`: the only place a CSV device batch can name its tenant; a JSON batch may use it or its body. */
export const deviceCheckQuerySchema = z.object({
  tenantId: tenantIdSchema
    .optional()
    .describe(
      "The customer tenant: required for text/csv (a CSV has no tenant column); for JSON, here or as the body's " +
        '"tenantId" (both only if equal)',
    ),
});

/**
 * The values a device row carries, by their JSON names. The Autopilot CSV columns map onto them
 * (shared/oem/deviceBatch.ts); manufacturer and model exist only in Partner Center's CSV form.
 */
export const DEVICE_FIELDS = [
  'serialNumber',
  'windowsProductId',
  'hardwareHash',
  'groupTag',
  'assignedUser',
  'manufacturer',
  'model',
] as const;

export type DeviceField = (typeof DEVICE_FIELDS)[number];

/** Every kind of row problem, by its stable code (docs/api.md has the table: what each means and how to fix it). */
export const DEVICE_PROBLEM_CODES = [
  'required',
  'device-not-identified',
  'surrounding-white-space',
  'hardware-hash-not-base64',
  'hardware-hash-too-short',
  'windows-product-id-not-pkid',
  'assigned-user-not-upn',
  'duplicate-serial-number',
  'duplicate-hardware-hash',
  'quotation-marks',
  'field-count',
  'blank-line',
] as const;

export type DeviceProblemCode = (typeof DEVICE_PROBLEM_CODES)[number];

export const deviceRowProblemSchema = z.object({
  code: z.enum(DEVICE_PROBLEM_CODES),
  field: z
    .enum(DEVICE_FIELDS)
    .nullable()
    .describe('The value the problem is in, by its JSON name; null when it is the row itself (its layout)'),
  message: z.string().describe('What is wrong and how to fix it, in words; the same text as in errors'),
});

export type DeviceRowProblem = z.infer<typeof deviceRowProblemSchema>;

export const deviceRowCheckSchema = z.object({
  row: z
    .number()
    .int()
    .describe('The device: 1-based, the JSON array index + 1, or the CSV data row (the header line is not a row)'),
  line: z
    .number()
    .int()
    .optional()
    .describe('CSV only: the line of the file, counting the header as line 1 (so row + 1)'),
  serialNumber: z.string().nullable().describe('As sent, at most 200 characters; null when missing or blank'),
  valid: z.boolean(),
  errors: z.array(z.string()).describe('The messages of problems, in the same order'),
  problems: z.array(deviceRowProblemSchema),
});

export type DeviceRowCheck = z.infer<typeof deviceRowCheckSchema>;
