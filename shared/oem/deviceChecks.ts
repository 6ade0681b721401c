// The row rules for a device batch (R14): every row gets an answer, and each error says what the partner should fix.
import { shortened } from '../errors';
import type { BatchRow, DeviceBatch, SubmittedDevice } from './deviceBatch';

export interface RowCheck {
  /** The row's number as in the batch: JSON array index + 1, or the CSV device row (header not counted). */
  row: number;
  /** As submitted; null when missing or blank. */
  serialNumber: string | null;
  valid: boolean;
  errors: string[];
}

export interface DeviceBatchCheck {
  rows: RowCheck[];
  summary: { rows: number; valid: number; invalid: number };
}

type FieldRule = (device: SubmittedDevice) => string | undefined;

/**
 * Only rules Microsoft documents (learn.microsoft.com/autopilot/add-devices): serial number and hardware hash are
 * required, the hash is the base64 text Windows reports, and Assigned User is a UPN whose domain Intune checks.
 * Windows Product ID and Group Tag get no rule: no documented format to check them against.
 */
const FIELD_RULES: readonly FieldRule[] = [
  (device) => (present(device.serialNumber) ? undefined : 'Device Serial Number is required'),
  (device) => (present(device.hardwareHash) ? undefined : 'Hardware Hash is required'),
  (device) => {
    const hash = present(device.hardwareHash)?.trim();
    if (hash === undefined || isStrictBase64(hash)) return undefined;
    return 'Hardware Hash is not valid base64 (it must be the base64 text Get-WindowsAutopilotInfo writes)';
  },
  (device) => {
    const user = present(device.assignedUser);
    if (user === undefined || USER_PRINCIPAL_NAME.test(user)) return undefined;
    return `Assigned User must be the user's UPN, such as user@contoso.com (got "${shortened(user)}")`;
  },
];

interface DuplicateRule {
  key: (device: SubmittedDevice) => string | undefined;
  message: (key: string, otherRows: string) => string;
}

const DUPLICATE_RULES: readonly DuplicateRule[] = [
  {
    // Compared exactly as sent: Microsoft documents no normalization of serial numbers, and the same device
    // twice is caught by its hardware hash anyway (the hash carries the serial number).
    key: (device) => present(device.serialNumber),
    message: (serial, others) =>
      `Device Serial Number ${shortened(serial)} appears more than once in this batch (also ${others})`,
  },
  {
    key: (device) => present(device.hardwareHash)?.trim(),
    message: (_hash, others) =>
      `The same Hardware Hash is also in ${others}; Intune registers one of them and fails the others with ZtdDeviceDuplicated`,
  },
];

/** How many other rows a duplicate error names before it says how many more there are. */
const MAX_ROWS_NAMED = 5;

/** Length a multiple of 4, only the base64 alphabet, `=` only as the padding it must be. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** name@domain, the domain a DNS name: the one thing Intune checks in Assigned User on import. */
const USER_PRINCIPAL_NAME = /^[^\s@]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Checks every row; the answer keeps the batch's order and row numbers. */
export function checkDevices(batch: DeviceBatch): DeviceBatchCheck {
  const duplicates = duplicateErrors(batch.rows);
  const rows = batch.rows.map((row): RowCheck => {
    const errors = [
      ...row.layoutErrors,
      ...(row.aligned ? fieldErrors(row.device) : []),
      ...(duplicates.get(row) ?? []),
    ];
    const serialNumber = present(row.device.serialNumber);
    return {
      row: row.row,
      serialNumber: serialNumber === undefined ? null : shortened(serialNumber),
      valid: errors.length === 0,
      errors,
    };
  });
  const valid = rows.filter((row) => row.valid).length;
  return { rows, summary: { rows: rows.length, valid, invalid: rows.length - valid } };
}

function fieldErrors(device: SubmittedDevice): string[] {
  return FIELD_RULES.map((rule) => rule(device)).filter((error) => error !== undefined);
}

/** For every aligned row sharing a key with another, one error naming the other rows. */
function duplicateErrors(rows: BatchRow[]): Map<BatchRow, string[]> {
  const errors = new Map<BatchRow, string[]>();
  const aligned = rows.filter((row) => row.aligned);
  for (const rule of DUPLICATE_RULES) {
    for (const [key, group] of groupBy(aligned, (row) => rule.key(row.device))) {
      if (group.length < 2) continue;
      for (const row of group) {
        const others = rowList(group.filter((other) => other !== row).map((other) => other.row));
        errors.set(row, [...(errors.get(row) ?? []), rule.message(key, others)]);
      }
    }
  }
  return errors;
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

/** The value, unless it is missing or only spaces. */
function present(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
