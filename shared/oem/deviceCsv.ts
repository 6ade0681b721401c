// Reads an Intune Autopilot hardware-hash CSV into a device batch: file problems are a 400, row problems stay per row.
import { parse, type Options } from 'csv-parse/sync';
import { invalid, shortened, type ServiceError } from '../errors';
import {
  DEVICE_FIELD_LABELS,
  DEVICE_FIELDS,
  MAX_DEVICE_ROWS,
  type BatchRow,
  type DeviceBatch,
  type DeviceField,
  type SubmittedDevice,
} from './deviceBatch';

/** Intune's header line, exactly (case-sensitive): learn.microsoft.com/autopilot/add-devices. */
export const AUTOPILOT_CSV_HEADER = headerOf(DEVICE_FIELDS);

/**
 * The header lines we accept: Intune's, and Intune's without its optional trailing columns. Microsoft's page
 * (learn.microsoft.com/autopilot/add-devices, "Ensure that the CSV file meets requirements") marks Group Tag and
 * Assigned User optional, and has the CSV that `Get-WindowsAutopilotInfo -OutputFile` writes imported into Intune as
 * it is; that script writes only the first three columns, or four with -GroupTag (five only with -AssignedUser).
 */
const ACCEPTED_HEADERS = new Map<string, readonly DeviceField[]>(
  [3, 4, 5].map((count) => [headerOf(DEVICE_FIELDS.slice(0, count)), DEVICE_FIELDS.slice(0, count)]),
);

const PARSE_OPTIONS: Options = {
  bom: true,
  // Intune refuses quotation marks, so here they are plain data: found and reported per row, never parsed away.
  quote: false,
  // A row with the wrong number of fields is that row's error, not a failure of the whole file.
  relax_column_count: true,
  skip_empty_lines: false,
  record_delimiter: ['\r\n', '\n'],
};

const NOT_ALLOWED_QUOTES =
  'Intune rejects quotation marks, so remove them (save the file from a plain-text editor such as Notepad, not Excel)';

/** Header mistakes worth naming, in the order they are worth mentioning. */
const HEADER_HINTS: ReadonlyArray<{ applies: (line: string) => boolean; hint: string }> = [
  { applies: (line) => line.includes('"'), hint: NOT_ALLOWED_QUOTES },
  { applies: (line) => acceptedIgnoringCase(line), hint: 'column names are case-sensitive' },
  { applies: (line) => line.startsWith(`${AUTOPILOT_CSV_HEADER},`), hint: "extra columns aren't allowed" },
];

/**
 * Reads the CSV text of an Autopilot hardware-hash file (a UTF-8 BOM, CRLF or LF, and blank lines at the end are
 * fine). Throws `invalid` when the file as a whole can't be checked: not text, empty, a header other than Intune's,
 * no device rows, or more than MAX_DEVICE_ROWS. A row's own mistakes (quotation marks, too many or too few fields)
 * stay with the row, numbered from 1 after the header, so that every other row still gets its answer. Quotation marks
 * are thus a row error in a row, but a file error in the header: without Intune's exact header no row can be read.
 */
export function devicesFromCsv(text: string): DeviceBatch {
  if (text.includes('\0')) {
    throw fileError(
      'csv',
      'the file is not text; send it as ANSI or UTF-8 text, not Unicode (UTF-16) or a spreadsheet',
    );
  }
  const { head, rest } = firstLines(text, MAX_DEVICE_ROWS + 1);
  // Only blank lines may follow the last device row a check reads: anything else is one row too many.
  if (/\S/.test(rest)) {
    throw fileError(
      'csv',
      `at most ${MAX_DEVICE_ROWS} device rows; this file has more: split it into files of ${MAX_DEVICE_ROWS}`,
    );
  }
  const [header, ...rows] = withoutTrailingBlankLines(parse(head, PARSE_OPTIONS));
  if (!header) {
    throw fileError(
      'csv',
      `the file is empty; it needs the header line "${AUTOPILOT_CSV_HEADER}" and a line per device`,
    );
  }
  const columns = columnsOf(header.join(','));
  if (rows.length === 0) throw fileError('csv', 'the file has a header line but no device rows');
  return { rows: rows.map((fields, index) => readRow(fields, index + 1, columns)) };
}

function columnsOf(line: string): readonly DeviceField[] {
  const columns = ACCEPTED_HEADERS.get(line);
  if (columns) return columns;
  const shown = shortened(line);
  const hint = HEADER_HINTS.find(({ applies }) => applies(line))?.hint;
  throw fileError(
    'csv.header',
    `expected exactly "${AUTOPILOT_CSV_HEADER}" (Group Tag and Assigned User may be left off the end), got "${shown}"` +
      (hint ? `; ${hint}` : ''),
  );
}

function readRow(fields: string[], row: number, columns: readonly DeviceField[]): BatchRow {
  if (isBlankLine(fields)) {
    return {
      row,
      device: {},
      layoutErrors: ['This line is blank; remove empty lines between devices'],
      aligned: false,
    };
  }
  const layoutErrors = [quoteError(fields, columns), fieldCountError(fields.length, columns.length)];
  return {
    row,
    device: deviceOf(fields, columns),
    layoutErrors: layoutErrors.filter((error) => error !== undefined),
    aligned: fields.length === columns.length,
  };
}

/** Maps fields to columns by position; quotation marks are already a row error, so the rules see the value inside. */
function deviceOf(fields: string[], columns: readonly DeviceField[]): SubmittedDevice {
  const device: SubmittedDevice = {};
  columns.forEach((field, index) => {
    const value = fields[index];
    if (value !== undefined) device[field] = value.replaceAll('"', '');
  });
  return device;
}

function quoteError(fields: string[], columns: readonly DeviceField[]): string | undefined {
  const where = fields.flatMap((value, index) => {
    if (!value.includes('"')) return [];
    const field = columns[index];
    return [field ? DEVICE_FIELD_LABELS[field] : `extra field ${index + 1}`];
  });
  if (where.length === 0) return undefined;
  return `Quotation marks aren't allowed (found in ${where.join(', ')}); ${NOT_ALLOWED_QUOTES}`;
}

function fieldCountError(count: number, expected: number): string | undefined {
  if (count > expected) {
    return `This row has ${count} fields but the header has ${expected} columns; extra columns aren't allowed (look for a stray comma)`;
  }
  if (count < expected) {
    return `This row has ${count} fields but the header has ${expected} columns; keep a comma for each empty optional value`;
  }
  return undefined;
}

/**
 * The first `count` lines (header included) and the text after them, found by scanning for line breaks only: a file
 * of two million lines costs no more than one of `count` before it is refused. Quotation marks are not parsed (they
 * are a row error), so a record is always exactly one line.
 */
function firstLines(text: string, count: number): { head: string; rest: string } {
  let end = -1;
  for (let line = 0; line < count; line++) {
    end = text.indexOf('\n', end + 1);
    if (end === -1) return { head: text, rest: '' };
  }
  return { head: text.slice(0, end + 1), rest: text.slice(end + 1) };
}

/** Blank lines at the end are what editors leave behind; only there are they ignored. */
function withoutTrailingBlankLines(records: string[][]): string[][] {
  let end = records.length;
  while (end > 0 && isBlankLine(records[end - 1]!)) end -= 1;
  return records.slice(0, end);
}

/** A line with no comma and nothing but spaces. `,,,,` is a row with empty values, not a blank line. */
function isBlankLine(fields: string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === '';
}

function acceptedIgnoringCase(line: string): boolean {
  return [...ACCEPTED_HEADERS.keys()].some((header) => header.toLowerCase() === line.toLowerCase());
}

function headerOf(fields: readonly DeviceField[]): string {
  return fields.map((field) => DEVICE_FIELD_LABELS[field]).join(',');
}

function fileError(path: string, message: string): ServiceError {
  return invalid(`The device CSV can't be checked: ${message}.`, [{ path, message }]);
}
