import {
  AUTOPILOT_CSV_HEADER,
  MAX_DEVICE_ROWS,
  checkDevices,
  devicesFromCsv,
} from '../../../shared/oem/deviceSubmission';
import { csvWithRows, fixture, hardwareHash, refusal } from './devices';

const NOT_BASE64 = 'Hardware Hash is not valid base64 (it must be the base64 text Get-WindowsAutopilotInfo writes)';

/** What the route answers for a CSV body, minus consent. */
function check(text: string) {
  return checkDevices(devicesFromCsv(text));
}

function errorsByRow(text: string): Record<number, string[]> {
  return Object.fromEntries(check(text).rows.map((row) => [row.row, row.errors]));
}

describe('the Autopilot hardware-hash CSV: the file as a whole', () => {
  it("R14: the header and the row limit are Intune's", () => {
    expect(AUTOPILOT_CSV_HEADER).toBe('Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User');
    expect(MAX_DEVICE_ROWS).toBe(500);
  });

  it('R14: a good file has every row valid, numbered from 1 after the header, with its serial number', () => {
    expect(check(fixture('good.csv'))).toEqual({
      rows: [
        { row: 1, serialNumber: '5CD2481KQ7', valid: true, errors: [] },
        { row: 2, serialNumber: '5CD2481KQ8', valid: true, errors: [] },
        { row: 3, serialNumber: '5CD2481KQ9', valid: true, errors: [] },
      ],
      summary: { rows: 3, valid: 3, invalid: 0 },
    });
  });

  it('R14: the good file keeps every value it was given, long hashes included', () => {
    const [, second] = devicesFromCsv(fixture('good.csv')).rows;
    expect(second?.device).toEqual({
      serialNumber: '5CD2481KQ8',
      windowsProductId: '3305842179142',
      hardwareHash: hardwareHash('b', 2987),
      groupTag: 'Sales',
      assignedUser: 'megan.bowen@contoso.com',
    });
    expect(second?.device.hardwareHash).toHaveLength(3984);
  });

  it('R14: the three-column file Get-WindowsAutopilotInfo writes is accepted', () => {
    expect(check(fixture('three-columns.csv')).summary).toEqual({ rows: 2, valid: 2, invalid: 0 });
  });

  it('R14: a header in another case is refused as a whole, showing the header expected and the one sent', () => {
    const error = refusal(() => devicesFromCsv(fixture('wrong-header-case.csv')));
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([
      {
        path: 'csv.header',
        message:
          'expected exactly "Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User" ' +
          '(Group Tag and Assigned User may be left off the end), ' +
          'got "Device serial number,Windows product ID,Hardware hash,Group tag,Assigned user"; ' +
          'column names are case-sensitive',
      },
    ]);
  });

  it("R14: Partner Center's CSV header (manufacturer and model columns) is refused", () => {
    const error = refusal(() => devicesFromCsv(fixture('wrong-header-partner.csv')));
    expect(error.errors?.[0]?.path).toBe('csv.header');
    expect(error.errors?.[0]?.message).toContain(
      'got "Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer',
    );
  });

  it("R14: a header with extra columns is refused, saying extra columns aren't allowed", () => {
    const error = refusal(() => devicesFromCsv(`${AUTOPILOT_CSV_HEADER},Notes\nSN1,,QUJD,,,`));
    expect(error.errors?.[0]?.message).toMatch(/; extra columns aren't allowed$/);
  });

  it('R14: a quoted header (as Excel or Export-Csv writes) makes the file unreadable, and says to remove the quotes', () => {
    const error = refusal(() => devicesFromCsv(fixture('quoted-header.csv')));
    expect(error.errors?.[0]?.path).toBe('csv.header');
    expect(error.errors?.[0]?.message).toContain(
      'Intune rejects quotation marks, so remove them (save the file from a plain-text editor such as Notepad, not Excel)',
    );
  });

  it('R14: 500 device rows are checked; 501 are refused before any row is', () => {
    expect(check(csvWithRows(500)).summary).toEqual({ rows: 500, valid: 500, invalid: 0 });
    const error = refusal(() => devicesFromCsv(csvWithRows(501)));
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([
      { path: 'csv', message: 'at most 500 device rows; this file has more: split it into files of 500' },
    ]);
  });

  it.each([
    [
      '2 million empty lines',
      `${AUTOPILOT_CSV_HEADER}\n${'\n'.repeat(2_000_000)}`,
      'the file has a header line but no device rows',
    ],
    [
      '2 million rows of empty values',
      `${AUTOPILOT_CSV_HEADER}\n${',,,,\n'.repeat(800_000)}`,
      'at most 500 device rows',
    ],
  ])('R14: a file of %s (4 MB) is refused without reading past row 501, in milliseconds', (_, text, message) => {
    const started = performance.now();
    const error = refusal(() => devicesFromCsv(text));
    expect(performance.now() - started).toBeLessThan(1000); // 76 s before; generous for a loaded machine
    expect(error.errors?.[0]?.message).toContain(message);
  });

  it('an answer quotes at most 200 characters of a value, and names at most five other rows', () => {
    const serial = 'S'.repeat(8192);
    const rows = Array.from({ length: 500 }, () => `${serial},,${hardwareHash('same')},,`).join('\n');
    const answer = check(`${AUTOPILOT_CSV_HEADER}\n${rows}\n`);
    expect(answer.rows[0]!.serialNumber).toBe(`${'S'.repeat(200)}…`);
    const duplicate = answer.rows[0]!.errors.find((error) => error.startsWith('Device Serial Number'))!;
    expect(duplicate).toContain('(also rows 2, 3, 4, 5, 6 and 494 more)');
    expect(JSON.stringify(answer).length).toBeLessThan(1_000_000);
  });

  it('R14: blank lines at the end are ignored and do not count towards the limit', () => {
    expect(check(fixture('trailing-blank-lines.csv')).summary).toEqual({ rows: 2, valid: 2, invalid: 0 });
    expect(check(`${csvWithRows(500)}\n\n\n`).summary.rows).toBe(500);
  });

  it('R14: a UTF-8 BOM and CRLF line ends read the same as a plain LF file', () => {
    const crlf = devicesFromCsv(fixture('bom-crlf.csv'));
    expect(crlf.rows.map((row) => row.device)).toEqual([
      {
        serialNumber: '5CD2481KQ7',
        windowsProductId: '',
        hardwareHash: hardwareHash('a'),
        groupTag: '',
        assignedUser: '',
      },
      {
        serialNumber: '5CD2481KQ8',
        windowsProductId: '',
        hardwareHash: hardwareHash('b'),
        groupTag: 'Sales',
        assignedUser: '',
      },
    ]);
    expect(checkDevices(crlf).summary).toEqual({ rows: 2, valid: 2, invalid: 0 });
  });

  it('R14: a file mixing CRLF and LF line ends is read line by line', () => {
    const text = `${AUTOPILOT_CSV_HEADER}\r\nSN1,,${hardwareHash('1')},,\nSN2,,${hardwareHash('2')},,\r\n`;
    expect(check(text).rows.map((row) => [row.serialNumber, row.valid])).toEqual([
      ['SN1', true],
      ['SN2', true],
    ]);
  });

  it('R14: an empty file is refused, saying what it needs', () => {
    for (const text of ['', '\ufeff', '\n\n', '\r\n']) {
      expect(refusal(() => devicesFromCsv(text)).errors).toEqual([
        {
          path: 'csv',
          message: `the file is empty; it needs the header line "${AUTOPILOT_CSV_HEADER}" and a line per device`,
        },
      ]);
    }
  });

  it('R14: a header with no device rows is refused', () => {
    expect(refusal(() => devicesFromCsv(`${AUTOPILOT_CSV_HEADER}\n`)).errors).toEqual([
      { path: 'csv', message: 'the file has a header line but no device rows' },
    ]);
  });

  it('R14: a file that is not text (binary, or UTF-16 "Unicode", which Intune refuses) is refused', () => {
    const utf16 = Buffer.from(`\ufeff${AUTOPILOT_CSV_HEADER}\r\nSN1,,QUJD,,\r\n`, 'utf16le').toString('utf8');
    const spreadsheet = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).toString('utf8');
    for (const text of [utf16, spreadsheet]) {
      const error = refusal(() => devicesFromCsv(text));
      expect(error.errors?.[0]?.path).toBe('csv');
      expect(error.errors?.[0]?.message).toMatch(/^the file is not text; send it as ANSI or UTF-8 text/);
    }
  });
});

describe('the Autopilot hardware-hash CSV: each row', () => {
  it('R14: quoted values are an error on their row, naming the columns; the other rows are still answered', () => {
    const result = check(fixture('quoted-values.csv'));
    expect(result.rows).toEqual([
      { row: 1, serialNumber: '5CD2481KQ7', valid: true, errors: [] },
      {
        row: 2,
        serialNumber: '5CD2481KQ8',
        valid: false,
        errors: [
          "Quotation marks aren't allowed (found in Device Serial Number, Hardware Hash); Intune rejects quotation " +
            'marks, so remove them (save the file from a plain-text editor such as Notepad, not Excel)',
        ],
      },
    ]);
    expect(result.summary).toEqual({ rows: 2, valid: 1, invalid: 1 });
  });

  it('R14: each bad hardware hash says it is not valid base64', () => {
    expect(errorsByRow(fixture('bad-hash.csv'))).toEqual({
      1: [],
      2: [NOT_BASE64], // cut short: its length is no multiple of 4
      3: [NOT_BASE64], // base64url's - and _ instead of + and /
      4: [NOT_BASE64], // = in the middle
      5: [NOT_BASE64], // not a hash at all
    });
  });

  it('R14: a serial number used twice is an error on both rows, each naming the other; case counts', () => {
    expect(errorsByRow(fixture('duplicate-serial.csv'))).toEqual({
      1: ['Device Serial Number 5CD2481KQ7 appears more than once in this batch (also row 3)'],
      2: [],
      3: ['Device Serial Number 5CD2481KQ7 appears more than once in this batch (also row 1)'],
      4: [],
    });
  });

  it('R14: a serial number used three times names both other rows', () => {
    const hash = (n: number) => hardwareHash(String(n), 60);
    const text = [AUTOPILOT_CSV_HEADER, `SN1,,${hash(1)},,`, `SN1,,${hash(2)},,`, `SN1,,${hash(3)},,`].join('\n');
    expect(errorsByRow(text)[2]).toEqual([
      'Device Serial Number SN1 appears more than once in this batch (also rows 1, 3)',
    ]);
  });

  it('R14: the same hardware hash twice is an error on both rows (Intune would fail one with ZtdDeviceDuplicated)', () => {
    expect(errorsByRow(fixture('duplicate-hash.csv'))).toEqual({
      1: [
        'The same Hardware Hash is also in row 3; Intune registers one of them and fails the others with ZtdDeviceDuplicated',
      ],
      2: [],
      3: [
        'The same Hardware Hash is also in row 1; Intune registers one of them and fails the others with ZtdDeviceDuplicated',
      ],
    });
  });

  it('R14: a missing or blank serial number, and a missing hash, are required', () => {
    const result = check(fixture('missing-serial.csv'));
    expect(result.rows).toEqual([
      { row: 1, serialNumber: '5CD2481KQ7', valid: true, errors: [] },
      { row: 2, serialNumber: null, valid: false, errors: ['Device Serial Number is required'] },
      { row: 3, serialNumber: null, valid: false, errors: ['Device Serial Number is required'] },
      { row: 4, serialNumber: '5CD2481KR0', valid: false, errors: ['Hardware Hash is required'] },
    ]);
  });

  it('R14: a row with too many or too few fields is an error on that row, not a failed file', () => {
    const result = check(fixture('field-count.csv'));
    expect(result.rows).toEqual([
      { row: 1, serialNumber: '5CD2481KQ7', valid: true, errors: [] },
      {
        row: 2,
        serialNumber: '5CD2481KQ8',
        valid: false,
        errors: [
          "This row has 6 fields but the header has 5 columns; extra columns aren't allowed (look for a stray comma)",
        ],
      },
      {
        row: 3,
        serialNumber: '5CD2481KQ9',
        valid: false,
        errors: ['This row has 4 fields but the header has 5 columns; keep a comma for each empty optional value'],
      },
    ]);
  });

  it('R14: in a three-column file, a row with Group Tag and Assigned User added has extra columns', () => {
    const text = `Device Serial Number,Windows Product ID,Hardware Hash\nSN1,,${hardwareHash('1')},Sales,a@contoso.com`;
    expect(errorsByRow(text)[1]).toEqual([
      "This row has 5 fields but the header has 3 columns; extra columns aren't allowed (look for a stray comma)",
    ]);
  });

  it('R14: a blank line between devices is an error on its row; the rows after it keep their numbers', () => {
    const text = [AUTOPILOT_CSV_HEADER, `SN1,,${hardwareHash('1')},,`, '', `SN2,,${hardwareHash('2')},,`].join('\n');
    expect(check(text).rows).toEqual([
      { row: 1, serialNumber: 'SN1', valid: true, errors: [] },
      { row: 2, serialNumber: null, valid: false, errors: ['This line is blank; remove empty lines between devices'] },
      { row: 3, serialNumber: 'SN2', valid: true, errors: [] },
    ]);
  });

  it('R14: Assigned User, when given, must be a UPN with a domain name', () => {
    expect(errorsByRow(fixture('bad-assigned-user.csv'))).toEqual({
      1: [],
      2: ['Assigned User must be the user\'s UPN, such as user@contoso.com (got "Megan Bowen")'],
      3: ['Assigned User must be the user\'s UPN, such as user@contoso.com (got "megan.bowen@contoso")'],
    });
  });

  it('R14: a row with several problems lists them all', () => {
    const text = `${AUTOPILOT_CSV_HEADER}\n,,not base64!,,nobody`;
    expect(errorsByRow(text)[1]).toEqual([
      'Device Serial Number is required',
      NOT_BASE64,
      'Assigned User must be the user\'s UPN, such as user@contoso.com (got "nobody")',
    ]);
  });
});
