// A device batch as submitted for an OEM pre-registration check (R14): its rows, from CSV or JSON, before any rule.
import type { DeviceField, DeviceRowProblem } from '../schemas/verification';

export { DEVICE_FIELDS, type DeviceField, type DeviceRowProblem } from '../schemas/verification';

/** Intune imports at most 500 devices from one hardware-hash CSV (learn.microsoft.com/autopilot/add-devices). */
export const MAX_DEVICE_ROWS = 500;

/** One device as the partner sent it. Values are kept exactly as sent; a missing value is undefined. */
export type SubmittedDevice = Partial<Record<DeviceField, string>>;

/** Autopilot's own name for each field (its CSV column); messages use these names for both forms. */
export const DEVICE_FIELD_LABELS = {
  serialNumber: 'Device Serial Number',
  windowsProductId: 'Windows Product ID',
  hardwareHash: 'Hardware Hash',
  groupTag: 'Group Tag',
  assignedUser: 'Assigned User',
  manufacturer: 'Manufacturer name',
  model: 'Device model',
} as const satisfies Record<DeviceField, string>;

/**
 * Which registration the batch is laid out for, and so which fields identify a device: Intune's hardware-hash import
 * (serial number and hash), or Partner Center's (a hash, a product key ID, or the serial number, manufacturer and model
 * together: Partner Center's "Add devices to a customer's account" and its device-upload API).
 */
export type DeviceForm = 'intune' | 'partner-center';

export interface BatchRow {
  /** 1-based: the JSON array index + 1, or the CSV data row (the header is not counted, so row N is line N + 1). */
  row: number;
  /** CSV only: the file's line, the header being line 1. */
  line?: number;
  device: SubmittedDevice;
  /** What is wrong with the row's layout itself (CSV only: quotation marks, field count, a blank line). */
  layoutProblems: DeviceRowProblem[];
  /**
   * False when the row has the wrong number of fields: its values cannot be trusted to sit in their columns,
   * so the field rules are not applied and the row takes no part in duplicate checks.
   */
  aligned: boolean;
}

export interface DeviceBatch {
  form: DeviceForm;
  rows: BatchRow[];
}
