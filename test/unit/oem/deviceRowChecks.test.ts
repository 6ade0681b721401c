// The row checks issue 14 added, one fixture per kind of invalid row: each problem's code, field and message.
import {
  AUTOPILOT_CSV_HEADER,
  MIN_HARDWARE_HASH_BYTES,
  checkDevices,
  devicesFromCsv,
} from '../../../shared/oem/deviceSubmission';
import { fixture, hardwareHash } from './devices';

function problemsByRow(text: string) {
  return Object.fromEntries(checkDevices(devicesFromCsv(text)).rows.map((row) => [row.row, row.problems]));
}

const spaced = (field: string, label: string) => ({
  code: 'surrounding-white-space',
  field,
  message: `${label} has white space at its start or end; remove it (Autopilot compares values exactly as sent)`,
});

describe('white space is refused the same way in every field', () => {
  it('R14: a value with a space before or after it is a problem naming its field, and nothing is trimmed away', () => {
    expect(problemsByRow(fixture('white-space.csv'))).toEqual({
      1: [],
      2: [spaced('serialNumber', 'Device Serial Number')],
      3: [spaced('groupTag', 'Group Tag')],
      4: [spaced('assignedUser', 'Assigned User')],
      5: [spaced('windowsProductId', 'Windows Product ID')],
      6: [spaced('hardwareHash', 'Hardware Hash')],
    });
  });

  it('R14: the other rules judge the value without its spaces, so one stray space is one problem', () => {
    const hash = hardwareHash('tab');
    const [row] = checkDevices(devicesFromCsv(`${AUTOPILOT_CSV_HEADER}\n\tSN1,,${hash},Sales\u00a0,\n`)).rows;
    expect(row?.problems).toEqual([spaced('serialNumber', 'Device Serial Number'), spaced('groupTag', 'Group Tag')]);
    expect(row?.serialNumber).toBe('\tSN1'); // answered as sent
  });

  it('R14: values that differ only by surrounding spaces are still duplicates (fixing the spaces would make them collide)', () => {
    const text = [AUTOPILOT_CSV_HEADER, `SN1,,${hardwareHash('1')},,`, `SN1 ,,${hardwareHash('2')},,`].join('\n');
    expect(problemsByRow(text)[2]?.map((found) => found.code)).toEqual([
      'surrounding-white-space',
      'duplicate-serial-number',
    ]);
  });
});

describe('a hardware hash far too short to be a 4K hash', () => {
  it('R14: under 1 KiB decoded (1,368 characters) is flagged; a real-size hash and one of exactly 1 KiB are not', () => {
    expect(MIN_HARDWARE_HASH_BYTES).toBe(1024);
    const tooShort = (characters: number) => ({
      code: 'hardware-hash-too-short',
      field: 'hardwareHash',
      message:
        `Hardware Hash is ${characters} characters, far too short for a 4K hardware hash, which is about 4,000 ` +
        '(this check refuses anything under 1,368): it was cut short when copied, or is not a hash; collect it ' +
        'again with Get-WindowsAutopilotInfo',
    });
    expect(problemsByRow(fixture('short-hash.csv'))).toEqual({
      1: [], // 2,988 bytes, as real ones are
      2: [tooShort(1364)], // 1,023 bytes
      3: [], // 1,024 bytes
      4: [tooShort(200)], // the first 200 characters of a real one
      5: [tooShort(32)], // valid base64 of a sentence
    });
  });
});

describe('the Windows Product ID', () => {
  it('R14: may be empty (Get-WindowsAutopilotInfo leaves it so); when given it must be the 13-digit PKID', () => {
    const notPkid = (got: string) => ({
      code: 'windows-product-id-not-pkid',
      field: 'windowsProductId',
      message:
        "Windows Product ID must be the device's 13-digit product key ID (PKID), such as 3305842179142, or empty; " +
        `not the Product ID Windows Settings shows, nor a product key (got "${got}")`,
    });
    expect(problemsByRow(fixture('product-id.csv'))).toEqual({
      1: [],
      2: [],
      3: [notPkid('00330-80000-00000-AA123')], // the Product ID shown in Settings > System > About
      4: [notPkid('NPPR9-FWDCX-D2C8J-H872K-2YT43')], // a product key (a published generic one)
      5: [notPkid('330584217914')], // a digit short
    });
  });
});

describe("Partner Center's form (Get-WindowsAutopilotInfo -Partner)", () => {
  it('R14: a device is identified by its hash, its PKID, or its serial number with manufacturer and model', () => {
    expect(problemsByRow(fixture('partner-form.csv'))).toEqual({
      1: [], // the hash only
      2: [], // the PKID only
      3: [], // the tuple
      4: [
        {
          code: 'device-not-identified',
          field: null,
          message:
            "This row doesn't identify a device: Partner Center needs the Hardware Hash, or the Windows Product ID, " +
            'or the Device Serial Number together with Manufacturer name and Device model',
        },
      ],
    });
  });

  it('R14: the tuple must match exactly, so a manufacturer or model with spaces around it is refused there too', () => {
    const text = `Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model\nSN1,,,HP , EliteBook\n`;
    expect(problemsByRow(text)[1]).toEqual([
      spaced('manufacturer', 'Manufacturer name'),
      spaced('model', 'Device model'),
    ]);
  });
});
