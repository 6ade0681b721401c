// A device batch as submitted for an OEM pre-registration check (R14): its rows, from CSV or JSON, before any rule.

/** Intune imports at most 500 devices from one hardware-hash CSV (learn.microsoft.com/autopilot/add-devices). */
export const MAX_DEVICE_ROWS = 500;

/** One device as the partner sent it. Values are kept exactly as sent; a missing value is undefined. */
export interface SubmittedDevice {
  serialNumber?: string;
  windowsProductId?: string;
  hardwareHash?: string;
  groupTag?: string;
  assignedUser?: string;
}

export type DeviceField = keyof SubmittedDevice;

/** The fields in Intune's CSV column order. */
export const DEVICE_FIELDS = [
  'serialNumber',
  'windowsProductId',
  'hardwareHash',
  'groupTag',
  'assignedUser',
] as const satisfies readonly DeviceField[];

/** Autopilot's own name for each field (its CSV column); messages use these names for both forms. */
export const DEVICE_FIELD_LABELS = {
  serialNumber: 'Device Serial Number',
  windowsProductId: 'Windows Product ID',
  hardwareHash: 'Hardware Hash',
  groupTag: 'Group Tag',
  assignedUser: 'Assigned User',
} as const satisfies Record<DeviceField, string>;

export interface BatchRow {
  /** 1-based: the JSON array index + 1, or the CSV device row (the header is not counted, so row N is line N + 1). */
  row: number;
  device: SubmittedDevice;
  /** What is wrong with the row's layout itself (CSV only: quotation marks, field count). */
  layoutErrors: string[];
  /**
   * False when the row has the wrong number of fields: its values cannot be trusted to sit in their columns,
   * so the field rules are not applied and the row takes no part in duplicate checks.
   */
  aligned: boolean;
}

export interface DeviceBatch {
  rows: BatchRow[];
}
