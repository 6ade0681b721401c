// The row rules for a device batch (R14): every row gets an answer, each problem a code, its field and what to fix.
import { shortened } from '../errors';
import type { DeviceRowCheck } from '../schemas/verification';
import {
  DEVICE_FIELD_LABELS,
  DEVICE_FIELDS,
  type BatchRow,
  type DeviceBatch,
  type DeviceField,
  type DeviceForm,
  type DeviceRowProblem,
  type SubmittedDevice,
} from './deviceBatch';

export interface DeviceBatchCheck {
  rows: DeviceRowCheck[];
  summary: { rows: number; valid: number; invalid: number };
}

/**
 * A 4K hardware hash (the OA3 tool's, which Get-WindowsAutopilotInfo reads) is about 4,000 base64 characters, some
 * 3 KB once decoded; its exact size varies with the disks and network cards it describes. Microsoft names no minimum,
 * so the line is drawn at a third of that: 1 KiB (1,368 characters). Far below any real 4K hash, far above what is left
 * of a hash cut short when copied, or a placeholder. (Older, unsupported OA3 tools made hashes of another size, which
 * the Autopilot FAQ says can't be used; Partner Center calls those of Windows 10 1703 and earlier "128b hashes".)
 */
export const MIN_HARDWARE_HASH_BYTES = 1024;

/** The same line in base64 characters, as a partner counts them. */
const MIN_HARDWARE_HASH_CHARACTERS = Math.ceil(MIN_HARDWARE_HASH_BYTES / 3) * 4;

/** A product key ID (PKID): the 13 digits OA3 writes as ProductKeyID, Autopilot's Windows Product ID. */
const PRODUCT_KEY_ID = /^\d{13}$/;

/** Length a multiple of 4, only the base64 alphabet, `=` only as the padding it must be. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** name@domain, the domain a DNS name: the one thing Intune checks in Assigned User on import. */
const USER_PRINCIPAL_NAME = /^[^\s@]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

const NOT_BASE64 =
  'Hardware Hash is not valid base64 (it must be the base64 text Get-WindowsAutopilotInfo writes, padding included)';

/** A rule over one device's values, each already trimmed (white space is a problem of its own). */
type FieldRule = (values: SubmittedDevice) => DeviceRowProblem | undefined;

const problem = (code: DeviceRowProblem['code'], field: DeviceField | null, message: string): DeviceRowProblem => ({
  code,
  field,
  message,
});

/** What identifies a device depends on where it will be registered; every other rule is the same in both forms. */
const IDENTITY_RULES: Record<DeviceForm, readonly FieldRule[]> = {
  // learn.microsoft.com/autopilot/add-devices: serial number and hardware hash are required.
  intune: [
    ({ serialNumber }) =>
      serialNumber ? undefined : problem('required', 'serialNumber', 'Device Serial Number is required'),
    ({ hardwareHash }) => (hardwareHash ? undefined : problem('required', 'hardwareHash', 'Hardware Hash is required')),
  ],
  // Partner Center: the hash, or the product key ID, or the serial number with manufacturer and model (the tuple).
  'partner-center': [
    ({ hardwareHash, windowsProductId, serialNumber, manufacturer, model }) =>
      hardwareHash || windowsProductId || (serialNumber && manufacturer && model)
        ? undefined
        : problem(
            'device-not-identified',
            null,
            "This row doesn't identify a device: Partner Center needs the Hardware Hash, or the Windows Product ID, " +
              'or the Device Serial Number together with Manufacturer name and Device model',
          ),
  ],
};

/** Only rules Microsoft documents, and the hash's size, whose line MIN_HARDWARE_HASH_BYTES explains. */
const VALUE_RULES: readonly FieldRule[] = [
  ({ hardwareHash }) =>
    hardwareHash === undefined || isStrictBase64(hardwareHash)
      ? undefined
      : problem('hardware-hash-not-base64', 'hardwareHash', NOT_BASE64),
  ({ hardwareHash }) => {
    if (hardwareHash === undefined || !isStrictBase64(hardwareHash)) return undefined;
    if (Buffer.byteLength(hardwareHash, 'base64') >= MIN_HARDWARE_HASH_BYTES) return undefined;
    return problem(
      'hardware-hash-too-short',
      'hardwareHash',
      `Hardware Hash is ${hardwareHash.length} characters, far too short for a 4K hardware hash, which is about ` +
        `4,000 (this check refuses anything under ${MIN_HARDWARE_HASH_CHARACTERS.toLocaleString('en')}): it was cut ` +
        'short when copied, or is not a hash; collect it again with Get-WindowsAutopilotInfo',
    );
  },
  ({ windowsProductId }) =>
    windowsProductId === undefined || PRODUCT_KEY_ID.test(windowsProductId)
      ? undefined
      : problem(
          'windows-product-id-not-pkid',
          'windowsProductId',
          "Windows Product ID must be the device's 13-digit product key ID (PKID), such as 3305842179142, or empty; " +
            `not the Product ID Windows Settings shows, nor a product key (got "${shortened(windowsProductId)}")`,
        ),
  ({ assignedUser }) =>
    assignedUser === undefined || USER_PRINCIPAL_NAME.test(assignedUser)
      ? undefined
      : problem(
          'assigned-user-not-upn',
          'assignedUser',
          `Assigned User must be the user's UPN, such as user@contoso.com (got "${shortened(assignedUser)}")`,
        ),
];

interface DuplicateRule {
  field: DeviceField;
  code: DeviceRowProblem['code'];
  message: (key: string, otherRows: string) => string;
}

const DUPLICATE_RULES: readonly DuplicateRule[] = [
  {
    // Compared exactly (case counts): Microsoft documents no normalization of serial numbers, and the same device
    // twice is caught by its hardware hash anyway (the hash carries the serial number).
    field: 'serialNumber',
    code: 'duplicate-serial-number',
    message: (serial, others) =>
      `Device Serial Number ${shortened(serial)} appears more than once in this batch (also ${others})`,
  },
  {
    field: 'hardwareHash',
    code: 'duplicate-hardware-hash',
    message: (_hash, others) =>
      `The same Hardware Hash is also in ${others}; Intune registers one of them and fails the others with ZtdDeviceDuplicated`,
  },
];

/** How many other rows a duplicate error names before it says how many more there are. */
const MAX_ROWS_NAMED = 5;

/** Checks every row; the answer keeps the batch's order and row numbers. */
export function checkDevices(batch: DeviceBatch): DeviceBatchCheck {
  const duplicates = duplicateProblems(batch.rows);
  const rows = batch.rows.map((row): DeviceRowCheck => {
    const problems = [
      ...row.layoutProblems,
      ...(row.aligned ? fieldProblems(row.device, batch.form) : []),
      ...(duplicates.get(row) ?? []),
    ];
    const serialNumber = row.device.serialNumber;
    return {
      row: row.row,
      ...(row.line === undefined ? {} : { line: row.line }),
      serialNumber: serialNumber !== undefined && given(serialNumber) ? shortened(serialNumber) : null,
      valid: problems.length === 0,
      errors: problems.map((found) => found.message),
      problems,
    };
  });
  const valid = rows.filter((row) => row.valid).length;
  return { rows, summary: { rows: rows.length, valid, invalid: rows.length - valid } };
}

/**
 * White space at either end of a value is refused in every field, never trimmed away: Autopilot matches serial numbers,
 * manufacturer and model exactly (Partner Center: the tuple is case-sensitive and must match exactly), and a Group Tag
 * becomes the [OrderID] that dynamic group rules compare, so "Sales " would quietly miss its group. The other rules
 * then judge the value without it, so one stray space is one problem, not several.
 */
function fieldProblems(device: SubmittedDevice, form: DeviceForm): DeviceRowProblem[] {
  const values: SubmittedDevice = {};
  const spaced: DeviceRowProblem[] = [];
  for (const field of DEVICE_FIELDS) {
    const value = device[field];
    if (value === undefined) continue;
    if (value !== value.trim()) {
      spaced.push(
        problem(
          'surrounding-white-space',
          field,
          `${DEVICE_FIELD_LABELS[field]} has white space at its start or end; remove it (Autopilot compares values exactly as sent)`,
        ),
      );
    }
    const trimmed = given(value);
    if (trimmed !== undefined) values[field] = trimmed;
  }
  const rules = [...IDENTITY_RULES[form], ...VALUE_RULES];
  return [...spaced, ...rules.map((rule) => rule(values)).filter((found) => found !== undefined)];
}

/** For every aligned row sharing a value with another, one problem naming the other rows. */
function duplicateProblems(rows: BatchRow[]): Map<BatchRow, DeviceRowProblem[]> {
  const problems = new Map<BatchRow, DeviceRowProblem[]>();
  const aligned = rows.filter((row) => row.aligned);
  for (const rule of DUPLICATE_RULES) {
    for (const [key, group] of groupBy(aligned, (row) => given(row.device[rule.field]))) {
      if (group.length < 2) continue;
      for (const row of group) {
        const others = rowList(group.filter((other) => other !== row).map((other) => other.row));
        problems.set(row, [...(problems.get(row) ?? []), problem(rule.code, rule.field, rule.message(key, others))]);
      }
    }
  }
  return problems;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The other rows of a group, the first few by number: 500 copies of one serial must not make 500 lists of 499. */
function rowList(rows: number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const named = rows.slice(0, MAX_ROWS_NAMED).join(', ');
  return rows.length > MAX_ROWS_NAMED ? `rows ${named} and ${rows.length - MAX_ROWS_NAMED} more` : `rows ${named}`;
}

/** Strict: canonical base64 that decodes to at least one byte (Node's decoder alone would skip bad characters). */
function isStrictBase64(text: string): boolean {
  return text.length > 0 && BASE64.test(text) && Buffer.from(text, 'base64').toString('base64') === text;
}

/** The value without white space at either end, unless nothing is left. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
