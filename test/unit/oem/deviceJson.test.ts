import { validate } from '../../../shared/http/request';
import {
  MAX_DEVICE_ROWS,
  checkDevices,
  deviceSubmissionJsonSchema,
  devicesFromJson,
  refuseOversizedDeviceJson,
} from '../../../shared/oem/deviceSubmission';
import { hardwareHash, refusal, validRow } from './devices';

const TENANT = '6f2b8f3c-2f0e-4d8c-9b53-5d1f3c0e8a11';
const NOT_BASE64 =
  'Hardware Hash is not valid base64 (it must be the base64 text Get-WindowsAutopilotInfo writes, padding included)';

/** What the route does with a JSON body: validate it as readJsonBody would, then check every row. */
function check(body: unknown) {
  return checkDevices(devicesFromJson(validate(deviceSubmissionJsonSchema, body, 'The request body')));
}

function bodyRefusal(body: unknown) {
  return refusal(() => validate(deviceSubmissionJsonSchema, body, 'The request body'));
}

function device(serialNumber: string, extra: Record<string, unknown> = {}) {
  return { serialNumber, hardwareHash: hardwareHash(serialNumber), ...extra };
}

describe('the JSON form of a device batch: the body as a whole', () => {
  it('R14: a good batch has every row valid, numbered from 1 in array order (no line: there is no file)', () => {
    const body = {
      tenantId: TENANT,
      devices: [
        device('5CD2481KQ7'),
        device('5CD2481KQ8', {
          windowsProductId: '3305842179142',
          groupTag: 'Sales',
          assignedUser: 'megan@contoso.com',
        }),
      ],
    };
    expect(check(body)).toEqual({
      rows: [validRow(1, '5CD2481KQ7'), validRow(2, '5CD2481KQ8')],
      summary: { rows: 2, valid: 2, invalid: 0 },
    });
  });

  it('R14: the tenant id is a GUID, answered lower-case', () => {
    const body = validate(deviceSubmissionJsonSchema, { tenantId: TENANT.toUpperCase(), devices: [device('A')] }, 'x');
    expect(body.tenantId).toBe(TENANT);
    expect(bodyRefusal({ tenantId: 'contoso.com', devices: [device('A')] }).errors).toEqual([
      { path: 'tenantId', message: expect.stringMatching(/^must be a tenant GUID such as /), code: 'invalid-format' },
    ]);
  });

  it('R14: 500 devices are checked; 501 are a 400 naming devices', () => {
    const devices = Array.from({ length: MAX_DEVICE_ROWS + 1 }, (_, index) => ({
      serialNumber: `SN${index + 1}`,
      hardwareHash: hardwareHash(`row ${index + 1}`),
    }));
    expect(check({ tenantId: TENANT, devices: devices.slice(0, 500) }).summary).toEqual({
      rows: 500,
      valid: 500,
      invalid: 0,
    });
    const error = bodyRefusal({ tenantId: TENANT, devices });
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([
      { path: 'devices', message: 'at most 500 devices in one check', code: 'too-many', limit: 500 },
    ]);
  });

  it('R14: an empty device list is a 400', () => {
    expect(bodyRefusal({ tenantId: TENANT, devices: [] }).errors).toEqual([
      { path: 'devices', message: 'send at least one device', code: 'too-few', limit: 1 },
    ]);
  });

  it('R14: a misspelt field is a 400 naming it, not a "required" error on every row', () => {
    const error = bodyRefusal({ tenantId: TENANT, devices: [{ serialnumber: 'A', hardwareHash: hardwareHash('A') }] });
    expect(error.errors?.map((e) => e.path)).toEqual(['devices.0.serialnumber']);
    expect(error.errors?.[0]?.message).toContain('serialNumber');
  });

  it('R14: a value that is not a string is a 400; null stands for a value not given', () => {
    expect(bodyRefusal({ tenantId: TENANT, devices: [{ serialNumber: 42 }] }).errors?.map((e) => e.path)).toEqual([
      'devices.0.serialNumber',
    ]);
    const nulls = { groupTag: null, assignedUser: null, windowsProductId: null };
    expect(check({ tenantId: TENANT, devices: [device('A', nulls)] }).rows[0]).toEqual(validRow(1, 'A'));
  });
});

describe('the JSON form of a device batch: each row', () => {
  it('R14: a missing serial number or hash is an error on its row only', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A'), { hardwareHash: hardwareHash('B') }, { serialNumber: 'C', hardwareHash: ' ' }],
    });
    expect(result.rows.map((row) => [row.row, row.serialNumber, row.problems])).toEqual([
      [1, 'A', []],
      [2, null, [{ code: 'required', field: 'serialNumber', message: 'Device Serial Number is required' }]],
      [
        3,
        'C',
        [
          expect.objectContaining({ code: 'surrounding-white-space', field: 'hardwareHash' }),
          { code: 'required', field: 'hardwareHash', message: 'Hardware Hash is required' },
        ],
      ],
    ]);
    expect(result.summary).toEqual({ rows: 3, valid: 1, invalid: 2 });
  });

  it('R14: the hash must be strict base64: alphabet, length, padding, and nothing but padding after the data', () => {
    const real = hardwareHash('real'); // 3,984 characters, ending in data: no padding
    const padded = hardwareHash('padded', 2987); // ends "="
    const codes = {
      [real]: [],
      [padded]: [],
      [real.slice(0, -1)]: ['hardware-hash-not-base64'], // length not a multiple of 4
      [`${padded.slice(0, -1)}`]: ['hardware-hash-not-base64'], // padding cut short
      [`${padded.slice(0, -2)}R=`]: ['hardware-hash-not-base64'], // padding that hides stray bits: not canonical
      [real.replace(/[+/]/, '-')]: ['hardware-hash-not-base64'], // base64url alphabet
      [`${real.slice(0, 100)} ${real.slice(100)}`]: ['hardware-hash-not-base64'], // a space inside
      '====': ['hardware-hash-not-base64'], // decodes to nothing
      [`  ${hardwareHash('spaced')}  `]: ['surrounding-white-space'], // spaces around are refused, not trimmed
      [`${hardwareHash('line end')}\n`]: ['surrounding-white-space'],
    };
    const result = check({
      tenantId: TENANT,
      devices: Object.keys(codes).map((hash, index) => ({ serialNumber: `SN${index}`, hardwareHash: hash })),
    });
    expect(result.rows.map((row) => row.problems.map((found) => found.code))).toEqual(Object.values(codes));
    expect(result.rows[2]?.errors).toEqual([NOT_BASE64]);
  });

  it('R14: a serial number sent twice is an error on both rows, with JSON row numbers (index + 1)', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A'), device('B'), { ...device('A'), hardwareHash: hardwareHash('another A') }],
    });
    expect(result.rows.map((row) => row.errors)).toEqual([
      ['Device Serial Number A appears more than once in this batch (also row 3)'],
      [],
      ['Device Serial Number A appears more than once in this batch (also row 1)'],
    ]);
  });

  it('R14: the same hardware hash for two serial numbers is an error on both rows', () => {
    const hash = hardwareHash('same device');
    const result = check({
      tenantId: TENANT,
      devices: [
        { serialNumber: 'A', hardwareHash: hash },
        { serialNumber: 'B', hardwareHash: hash },
      ],
    });
    expect(result.rows.map((row) => row.errors)).toEqual([
      [
        'The same Hardware Hash is also in row 2; Intune registers one of them and fails the others with ZtdDeviceDuplicated',
      ],
      [
        'The same Hardware Hash is also in row 1; Intune registers one of them and fails the others with ZtdDeviceDuplicated',
      ],
    ]);
  });

  it('R14: Assigned User, when given, must be a UPN; an empty one is the same as none', () => {
    const result = check({
      tenantId: TENANT,
      devices: [
        device('A', { assignedUser: 'megan.bowen@contoso.onmicrosoft.com' }),
        device('B', { assignedUser: '' }),
        device('C', { assignedUser: 'CONTOSO\\megan' }),
      ],
    });
    expect(result.rows.map((row) => row.errors)).toEqual([
      [],
      [],
      ['Assigned User must be the user\'s UPN, such as user@contoso.com (got "CONTOSO\\megan")'],
    ]);
  });

  it('R14: Group Tag takes any value without spaces around it (Microsoft documents no format or length for it)', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A', { windowsProductId: '3305842179142', groupTag: 'Sales & Marketing/Berlin-2' })],
    });
    expect(result.summary).toEqual({ rows: 1, valid: 1, invalid: 0 });
  });

  it('R14: the JSON form is checked with the same codes and fields as the CSV form', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A', { windowsProductId: '00330-80000-00000-AA123', hardwareHash: 'QUJD', groupTag: ' x' })],
    });
    expect(result.rows[0]?.problems.map(({ code, field }) => [code, field])).toEqual([
      ['surrounding-white-space', 'groupTag'],
      ['hardware-hash-too-short', 'hardwareHash'],
      ['windows-product-id-not-pkid', 'windowsProductId'],
    ]);
  });
});

describe('a JSON batch too big to build', () => {
  const tenantId = '2f9c6a4e-7b1d-4c3e-9a8f-5d0e1b2c3a4f';
  const body = (devices: unknown[]) => JSON.stringify({ tenantId, devices });

  it('R14: 1.4 million empty objects (4 MB) are refused before they are parsed, in milliseconds', () => {
    const text = body(Array.from({ length: 1_390_000 }, () => ({})));
    const started = performance.now();
    expect(() => refuseOversizedDeviceJson(text)).toThrow('at most 500 devices in one check');
    expect(performance.now() - started).toBeLessThan(1000); // 360 ms of parsing before, and it grows with the body; generous for a loaded machine
  });

  it('500 devices pass, 501 do not, and braces inside values do not count', () => {
    const device = { serialNumber: 'S{1}', groupTag: '{{{{ }}}}', hardwareHash: hardwareHash('h', 60) };
    expect(() => refuseOversizedDeviceJson(body(Array(500).fill(device)))).not.toThrow();
    expect(() => refuseOversizedDeviceJson(body(Array(501).fill(device)))).toThrow('at most 500 devices');
  });
});
