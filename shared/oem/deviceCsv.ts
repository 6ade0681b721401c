// Reads an Autopilot hardware-hash CSV into a device batch: file problems are a 400, row problems stay per row.
import { parse, type Options } from 'csv-parse/sync';
import { invalid, shortened, type ServiceError } from '../errors';
import {
  DEVICE_FIELD_LABELS,
  MAX_DEVICE_ROWS,
  type BatchRow,
  type DeviceBatch,
  type DeviceField,
  type DeviceForm,
  type DeviceRowProblem,
  type SubmittedDevice,
} from './deviceBatch';

/** Intune's columns, in order (learn.microsoft.com/autopilot/add-devices); Group Tag and Assigned User are optional. */
const INTUNE_COLUMNS = [
  'serialNumber',
  'windowsProductId',
  'hardwareHash',
  'groupTag',
  'assignedUser',
] as const satisfies readonly DeviceField[];

/** Partner Center's columns, as `Get-WindowsAutopilotInfo -Partner` writes them. */
const PARTNER_CENTER_COLUMNS = [
  'serialNumber',
  'windowsProductId',
  'hardwareHash',
  'manufacturer',
  'model',
] as const satisfies readonly DeviceField[];

/** Intune's header line, exactly (case-sensitive): learn.microsoft.com/autopilot/add-devices. */
export const AUTOPILOT_CSV_HEADER = headerOf(INTUNE_COLUMNS);

/** Partner Center's header line, as `Get-WindowsAutopilotInfo -Partner` writes it. */
export const PARTNER_CENTER_CSV_HEADER = headerOf(PARTNER_CENTER_COLUMNS);

interface Layout {
  form: DeviceForm;
  columns: readonly DeviceField[];
}

/**
 * Every header `Get-WindowsAutopilotInfo -OutputFile` writes (it strips ConvertTo-Csv's quotation marks): Intune's
 * first three columns, four with -GroupTag, all five with -AssignedUser, and Partner Center's form with -Partner.
 * Microsoft's page marks Group Tag and Assigned User optional and has that script's file imported as it is.
 */
const LAYOUTS = new Map<string, Layout>([
  ...[3, 4, 5].map((count): [string, Layout] => {
    const columns = INTUNE_COLUMNS.slice(0, count);
    return [headerOf(columns), { form: 'intune', columns }];
  }),
  [PARTNER_CENTER_CSV_HEADER, { form: 'partner-center', columns: PARTNER_CENTER_COLUMNS }],
]);

const PARSE_OPTIONS: Options = {
  bom: true,
  // Intune refuses quotation marks, so here they are plain data: found and reported per row, never parsed away.
  quote: false,
  // A row with the wrong number of fields is that row's problem, not a failure of the whole file.
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
 * UTF-16 ("Unicode") as it arrives once read as UTF-8: a byte-order mark becomes two replacement characters, and
 * every other character of plain text is a NUL.
 */
const UTF16 = /^(?:\uFFFD\uFFFD|[^\0]\0[^\0]\0|\0[^\0]\0[^\0])/;

/**
 * Reads the CSV text of an Autopilot hardware-hash file (a UTF-8 BOM, CRLF or LF, and blank lines at the end are
 * fine). Throws `invalid` when the file as a whole can't be checked: not text, empty, a header none of LAYOUTS, no
 * device rows, or more than MAX_DEVICE_ROWS. A row's own mistakes (quotation marks, too many or too few fields) stay
 * with the row, numbered from 1 after the header (and given its file line), so that every other row still gets its
 * answer. Quotation marks are thus a row problem in a row, but a file error in the header: without a known header no
 * row can be read.
 */
export function devicesFromCsv(text: string): DeviceBatch {
  if (text.includes('\0')) throw fileError('csv', notTextMessage(text));
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
  const layout = layoutOf(header.join(','));
  if (rows.length === 0) throw fileError('csv', 'the file has a header line but no device rows');
  return { form: layout.form, rows: rows.map((fields, index) => readRow(fields, index + 1, layout.columns)) };
}

function notTextMessage(text: string): string {
  if (UTF16.test(text)) {
    return (
      'the file is UTF-16 ("Unicode"), as Windows PowerShell 5.1 writes it by default, and Intune takes only ANSI ' +
      'text: save it as ANSI (Notepad: Save as, Encoding ANSI) and send that'
    );
  }
  return 'the file is not text; send it as ANSI or UTF-8 text, not a spreadsheet';
}

function layoutOf(line: string): Layout {
  const layout = LAYOUTS.get(line);
  if (layout) return layout;
  const shown = shortened(line);
  const hint = HEADER_HINTS.find(({ applies }) => applies(line))?.hint;
  throw fileError(
    'csv.header',
    `expected exactly "${AUTOPILOT_CSV_HEADER}" (Group Tag and Assigned User may be left off the end) or Partner ` +
      `Center's "${PARTNER_CENTER_CSV_HEADER}", got "${shown}"` +
      (hint ? `; ${hint}` : ''),
  );
}

function readRow(fields: string[], row: number, columns: readonly DeviceField[]): BatchRow {
  const line = row + 1;
  if (isBlankLine(fields)) {
    const blank: DeviceRowProblem = {
      code: 'blank-line',
      field: null,
      message: 'This line is blank; remove empty lines between devices',
    };
    return { row, line, device: {}, layoutProblems: [blank], aligned: false };
  }
  const countProblem = fieldCountProblem(fields.length, columns.length);
  return {
    row,
    line,
    device: deviceOf(fields, columns),
    layoutProblems: [...quoteProblems(fields, columns), ...(countProblem ? [countProblem] : [])],
    aligned: fields.length === columns.length,
  };
}

/** Maps fields to columns by position; quotation marks are already a row problem, so the rules see the value inside. */
function deviceOf(fields: string[], columns: readonly DeviceField[]): SubmittedDevice {
  const device: SubmittedDevice = {};
  columns.forEach((field, index) => {
    const value = fields[index];
    if (value !== undefined) device[field] = value.replaceAll('"', '');
  });
  return device;
}

/**
 * One problem per column whose value has quotation marks, so that each names the value to fix. Fields past the last
 * column are not looked at: the field-count problem already says to remove them, and a line of a million quoted
 * fields must not make a million problems.
 */
function quoteProblems(fields: string[], columns: readonly DeviceField[]): DeviceRowProblem[] {
  return columns.flatMap((field, index): DeviceRowProblem[] => {
    if (!fields[index]?.includes('"')) return [];
    return [
      {
        code: 'quotation-marks',
        field,
        message: `Quotation marks aren't allowed (found in ${DEVICE_FIELD_LABELS[field]}); ${NOT_ALLOWED_QUOTES}`,
      },
    ];
  });
}

function fieldCountProblem(count: number, expected: number): DeviceRowProblem | undefined {
  if (count === expected) return undefined;
  const message =
    count > expected
      ? `This row has ${count} fields but the header has ${expected} columns; extra columns aren't allowed (look for a stray comma)`
      : `This row has ${count} fields but the header has ${expected} columns; keep a comma for each empty optional value`;
  return { code: 'field-count', field: null, message };
}

/**
 * The first `count` lines (header included) and the text after them, found by scanning for line breaks only: a file
 * of two million lines costs no more than one of `count` before it is refused. Quotation marks are not parsed (they
 * are a row problem), so a record is always exactly one line.
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
  return [...LAYOUTS.keys()].some((header) => header.toLowerCase() === line.toLowerCase());
}

function headerOf(fields: readonly DeviceField[]): string {
  return fields.map((field) => DEVICE_FIELD_LABELS[field]).join(',');
}

function fileError(path: string, message: string): ServiceError {
  return invalid(`The device CSV can't be checked: ${message}.`, [{ path, message }]);
}
