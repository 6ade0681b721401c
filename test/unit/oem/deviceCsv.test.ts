import {
  AUTOPILOT_CSV_HEADER,
  MAX_DEVICE_ROWS,
  PARTNER_CENTER_CSV_HEADER,
  checkDevices,
  devicesFromCsv,
} from '../../../shared/oem/deviceSubmission';
import { csvWithRows, fixture, hardwareHash, refusal, validRow } from './devices';

const NOT_BASE64 = {
  code: 'hardware-hash-not-base64',
  field: 'hardwareHash',
  message:
    'Hardware Hash is not valid base64 (it must be the base64 text Get-WindowsAutopilotInfo writes, padding included)',
};

/** What the route answers for a CSV body, minus consent. */
function check(text: string) {
  return checkDevices(devicesFromCsv(text));
}

function problemsByRow(text: string) {
  return Object.fromEntries(check(text).rows.map((row) => [row.row, row.problems]));
}

describe('the Autopilot hardware-hash CSV: the file as a whole', () => {
  it("R14: the headers and the row limit are Intune's and Partner Center's", () => {
    expect(AUTOPILOT_CSV_HEADER).toBe('Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User');
    expect(PARTNER_CENTER_CSV_HEADER).toBe(
      'Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model',
    );
    expect(MAX_DEVICE_ROWS).toBe(500);
  });

  it('R14: a good file has every row valid, numbered from 1 after the header (row N is line N + 1), with its serial number', () => {
    expect(check(fixture('good.csv'))).toEqual({
      rows: [validRow(1, '5CD2481KQ7', 2), validRow(2, '5CD2481KQ8', 3), validRow(3, '5CD2481KQ9', 4)],
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
          '(Group Tag and Assigned User may be left off the end) ' +
          'or Partner Center\'s "Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model", ' +
          'got "Device serial number,Windows product ID,Hardware hash,Group tag,Assigned user"; ' +
          'column names are case-sensitive',
      },
    ]);
  });

  it("R14: the four headers Get-WindowsAutopilotInfo writes are recognised, -Partner's with Partner Center's rules", () => {
    const hash = hardwareHash('one');
    const files = {
      'Device Serial Number,Windows Product ID,Hardware Hash': `SN1,,${hash}`,
      'Device Serial Number,Windows Product ID,Hardware Hash,Group Tag': `SN1,,${hash},Sales`,
      [AUTOPILOT_CSV_HEADER]: `SN1,,${hash},Sales,megan@contoso.com`,
      [PARTNER_CENTER_CSV_HEADER]: 'SN1,,,HP,HP EliteBook 840 G9',
    };
    for (const [header, row] of Object.entries(files)) {
      const batch = devicesFromCsv(`${header}\r\n${row}\r\n`);
      expect({ header, form: batch.form, valid: checkDevices(batch).summary.valid }).toEqual({
        header,
        form: header === PARTNER_CENTER_CSV_HEADER ? 'partner-center' : 'intune',
        valid: 1,
      });
    }
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

  it('R14: 500 device rows (real-size hashes) are checked; 501 are refused before any row is', () => {
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

  it('R14: a UTF-16 ("Unicode") file, as Windows PowerShell 5.1 writes one, is recognised and refused saying how to fix it', () => {
    const withoutMark = Buffer.from(`${AUTOPILOT_CSV_HEADER}\r\nSN1,,QUJD,,\r\n`, 'utf16le').toString('utf8');
    for (const text of [fixture('utf16-windows-powershell.csv'), withoutMark]) {
      expect(refusal(() => devicesFromCsv(text)).errors).toEqual([
        {
          path: 'csv',
          message:
            'the file is UTF-16 ("Unicode"), as Windows PowerShell 5.1 writes it by default, and Intune takes only ' +
            'ANSI text: save it as ANSI (Notepad: Save as, Encoding ANSI) and send that',
        },
      ]);
    }
  });

  it('R14: a file that is not text (a spreadsheet) is refused', () => {
    const spreadsheet = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]).toString('utf8');
    expect(refusal(() => devicesFromCsv(spreadsheet)).errors).toEqual([
      { path: 'csv', message: 'the file is not text; send it as ANSI or UTF-8 text, not a spreadsheet' },
    ]);
  });
});

describe('the Autopilot hardware-hash CSV: each row', () => {
  it('R14: every problem has a stable code and its field beside the message; errors keeps the messages in order', () => {
    const [row] = check(`${AUTOPILOT_CSV_HEADER}\n,,not base64!,,nobody`).rows;
    expect(row?.problems).toEqual([
      { code: 'required', field: 'serialNumber', message: 'Device Serial Number is required' },
      NOT_BASE64,
      {
        code: 'assigned-user-not-upn',
        field: 'assignedUser',
        message: 'Assigned User must be the user\'s UPN, such as user@contoso.com (got "nobody")',
      },
    ]);
    expect(row?.errors).toEqual(row?.problems.map((found) => found.message));
  });

  it('R14: quoted values are a problem per quoted field, naming it; the other rows are still answered', () => {
    const result = check(fixture('quoted-values.csv'));
    const quotes = (field: string, label: string) => ({
      code: 'quotation-marks',
      field,
      message:
        `Quotation marks aren't allowed (found in ${label}); Intune rejects quotation marks, so remove them ` +
        '(save the file from a plain-text editor such as Notepad, not Excel)',
    });
    expect(result.rows.map((row) => row.problems)).toEqual([
      [],
      [quotes('serialNumber', 'Device Serial Number'), quotes('hardwareHash', 'Hardware Hash')],
    ]);
    expect(result.summary).toEqual({ rows: 2, valid: 1, invalid: 1 });
  });

  it('a line of a million quoted fields makes one problem per column at most, and a field-count problem', () => {
    const [row] = check(`${AUTOPILOT_CSV_HEADER}\n${'"x",'.repeat(1_000_000)}\n`).rows;
    expect(row?.problems.map(({ code, field }) => [code, field])).toEqual([
      ['quotation-marks', 'serialNumber'],
      ['quotation-marks', 'windowsProductId'],
      ['quotation-marks', 'hardwareHash'],
      ['quotation-marks', 'groupTag'],
      ['quotation-marks', 'assignedUser'],
      ['field-count', null],
    ]);
  });

  it('R14: each bad hardware hash says it is not valid base64', () => {
    expect(problemsByRow(fixture('bad-hash.csv'))).toEqual({
      1: [],
      2: [NOT_BASE64], // cut short: its length is no multiple of 4
      3: [NOT_BASE64], // base64url's - and _ instead of + and /
      4: [NOT_BASE64], // = in the middle
      5: [NOT_BASE64], // not a hash at all
    });
  });

  it('R14: a serial number used twice is a problem on both rows, each naming the other; case counts', () => {
    const duplicate = (other: number) => ({
      code: 'duplicate-serial-number',
      field: 'serialNumber',
      message: `Device Serial Number 5CD2481KQ7 appears more than once in this batch (also row ${other})`,
    });
    expect(problemsByRow(fixture('duplicate-serial.csv'))).toEqual({
      1: [duplicate(3)],
      2: [],
      3: [duplicate(1)],
      4: [],
    });
  });

  it('R14: a serial number used three times names both other rows', () => {
    const hash = (n: number) => hardwareHash(String(n));
    const text = [AUTOPILOT_CSV_HEADER, `SN1,,${hash(1)},,`, `SN1,,${hash(2)},,`, `SN1,,${hash(3)},,`].join('\n');
    expect(check(text).rows[1]?.errors).toEqual([
      'Device Serial Number SN1 appears more than once in this batch (also rows 1, 3)',
    ]);
  });

  it('R14: the same hardware hash twice is a problem on both rows (Intune would fail one with ZtdDeviceDuplicated)', () => {
    const duplicate = (other: number) => ({
      code: 'duplicate-hardware-hash',
      field: 'hardwareHash',
      message: `The same Hardware Hash is also in row ${other}; Intune registers one of them and fails the others with ZtdDeviceDuplicated`,
    });
    expect(problemsByRow(fixture('duplicate-hash.csv'))).toEqual({ 1: [duplicate(3)], 2: [], 3: [duplicate(1)] });
  });

  it('R14: a missing serial number or hash is required; one of only spaces is both spaced and missing', () => {
    const serialRequired = { code: 'required', field: 'serialNumber', message: 'Device Serial Number is required' };
    expect(check(fixture('missing-serial.csv')).rows).toEqual([
      validRow(1, '5CD2481KQ7', 2),
      {
        row: 2,
        line: 3,
        serialNumber: null,
        valid: false,
        errors: [serialRequired.message],
        problems: [serialRequired],
      },
      {
        row: 3,
        line: 4,
        serialNumber: null,
        valid: false,
        errors: [expect.stringContaining('white space'), serialRequired.message],
        problems: [expect.objectContaining({ code: 'surrounding-white-space', field: 'serialNumber' }), serialRequired],
      },
      {
        row: 4,
        line: 5,
        serialNumber: '5CD2481KR0',
        valid: false,
        errors: ['Hardware Hash is required'],
        problems: [{ code: 'required', field: 'hardwareHash', message: 'Hardware Hash is required' }],
      },
    ]);
  });

  it('R14: a row with too many or too few fields is a problem on that row, not a failed file', () => {
    expect(problemsByRow(fixture('field-count.csv'))).toEqual({
      1: [],
      2: [
        {
          code: 'field-count',
          field: null,
          message:
            "This row has 6 fields but the header has 5 columns; extra columns aren't allowed (look for a stray comma)",
        },
      ],
      3: [
        {
          code: 'field-count',
          field: null,
          message: 'This row has 4 fields but the header has 5 columns; keep a comma for each empty optional value',
        },
      ],
    });
  });

  it('R14: in a three-column file, a row with Group Tag and Assigned User added has extra columns', () => {
    const text = `Device Serial Number,Windows Product ID,Hardware Hash\nSN1,,${hardwareHash('1')},Sales,a@contoso.com`;
    expect(check(text).rows[0]?.errors).toEqual([
      "This row has 5 fields but the header has 3 columns; extra columns aren't allowed (look for a stray comma)",
    ]);
  });

  it('R14: a blank line between devices is a problem on its row; the rows after it keep their numbers', () => {
    const text = [AUTOPILOT_CSV_HEADER, `SN1,,${hardwareHash('1')},,`, '', `SN2,,${hardwareHash('2')},,`].join('\n');
    const blank = {
      code: 'blank-line',
      field: null,
      message: 'This line is blank; remove empty lines between devices',
    };
    expect(check(text).rows).toEqual([
      validRow(1, 'SN1', 2),
      { row: 2, line: 3, serialNumber: null, valid: false, errors: [blank.message], problems: [blank] },
      validRow(3, 'SN2', 4),
    ]);
  });

  it('R14: Assigned User, when given, must be a UPN with a domain name', () => {
    const notUpn = (got: string) => ({
      code: 'assigned-user-not-upn',
      field: 'assignedUser',
      message: `Assigned User must be the user's UPN, such as user@contoso.com (got "${got}")`,
    });
    expect(problemsByRow(fixture('bad-assigned-user.csv'))).toEqual({
      1: [],
      2: [notUpn('Megan Bowen')],
      3: [notUpn('megan.bowen@contoso')],
    });
  });
});
