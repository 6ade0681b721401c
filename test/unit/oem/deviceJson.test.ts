import { validate } from '../../../shared/http/request';
import {
  MAX_DEVICE_ROWS,
  checkDevices,
  deviceSubmissionJsonSchema,
  devicesFromJson,
  refuseOversizedDeviceJson,
} from '../../../shared/oem/deviceSubmission';
import { hardwareHash, refusal } from './devices';

const TENANT = '6f2b8f3c-2f0e-4d8c-9b53-5d1f3c0e8a11';
const NOT_BASE64 = 'Hardware Hash is not valid base64 (it must be the base64 text Get-WindowsAutopilotInfo writes)';

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
  it('R14: a good batch has every row valid, numbered from 1 in array order', () => {
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
      rows: [
        { row: 1, serialNumber: '5CD2481KQ7', valid: true, errors: [] },
        { row: 2, serialNumber: '5CD2481KQ8', valid: true, errors: [] },
      ],
      summary: { rows: 2, valid: 2, invalid: 0 },
    });
  });

  it('R14: the tenant id is a GUID, answered lower-case', () => {
    const body = validate(deviceSubmissionJsonSchema, { tenantId: TENANT.toUpperCase(), devices: [device('A')] }, 'x');
    expect(body.tenantId).toBe(TENANT);
    expect(bodyRefusal({ tenantId: 'contoso.com', devices: [device('A')] }).errors).toEqual([
      { path: 'tenantId', message: expect.stringMatching(/^must be a tenant GUID such as /) },
    ]);
  });

  it('R14: 500 devices are checked; 501 are a 400 naming devices', () => {
    const devices = Array.from({ length: MAX_DEVICE_ROWS + 1 }, (_, index) => ({
      serialNumber: `SN${index + 1}`,
      hardwareHash: hardwareHash(`row ${index + 1}`, 60),
    }));
    expect(check({ tenantId: TENANT, devices: devices.slice(0, 500) }).summary).toEqual({
      rows: 500,
      valid: 500,
      invalid: 0,
    });
    const error = bodyRefusal({ tenantId: TENANT, devices });
    expect(error.kind).toBe('validation');
    expect(error.errors).toEqual([{ path: 'devices', message: 'at most 500 devices in one check' }]);
  });

  it('R14: an empty device list is a 400', () => {
    expect(bodyRefusal({ tenantId: TENANT, devices: [] }).errors).toEqual([
      { path: 'devices', message: 'send at least one device' },
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
    expect(check({ tenantId: TENANT, devices: [device('A', nulls)] }).rows[0]).toEqual({
      row: 1,
      serialNumber: 'A',
      valid: true,
      errors: [],
    });
  });
});

describe('the JSON form of a device batch: each row', () => {
  it('R14: a missing serial number or hash is an error on its row only', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A'), { hardwareHash: hardwareHash('B') }, { serialNumber: 'C', hardwareHash: ' ' }],
    });
    expect(result.rows).toEqual([
      { row: 1, serialNumber: 'A', valid: true, errors: [] },
      { row: 2, serialNumber: null, valid: false, errors: ['Device Serial Number is required'] },
      { row: 3, serialNumber: 'C', valid: false, errors: ['Hardware Hash is required'] },
    ]);
    expect(result.summary).toEqual({ rows: 3, valid: 1, invalid: 2 });
  });

  it('R14: the hash must be strict base64: alphabet, length, padding, and nothing but padding after the data', () => {
    const hashes = {
      QUJD: [], // "ABC"
      'QQ==': [], // "A"
      '  QUJE  ': [], // surrounding spaces are trimmed
      QUJ: [NOT_BASE64], // length not a multiple of 4
      'QQ=': [NOT_BASE64], // padding cut short
      'QR==': [NOT_BASE64], // padding that hides stray bits: not canonical
      'Q===': [NOT_BASE64],
      '====': [NOT_BASE64], // decodes to nothing
      'QU-D': [NOT_BASE64], // base64url alphabet
      'QU JD': [NOT_BASE64],
      'QUJF\n': [], // a line end is trimmed too
    };
    const result = check({
      tenantId: TENANT,
      devices: Object.keys(hashes).map((hash, index) => ({ serialNumber: `SN${index}`, hardwareHash: hash })),
    });
    expect(result.rows.map((row) => row.errors)).toEqual(Object.values(hashes));
  });

  it('R14: a serial number sent twice is an error on both rows, with JSON row numbers (index + 1)', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A'), device('B'), { ...device('A'), hardwareHash: 'QUJD' }],
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

  it('R14: Windows Product ID and Group Tag take any value (Microsoft documents no format for them)', () => {
    const result = check({
      tenantId: TENANT,
      devices: [device('A', { windowsProductId: 'anything at all', groupTag: 'Sales & Marketing' })],
    });
    expect(result.summary).toEqual({ rows: 1, valid: 1, invalid: 0 });
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
    const device = { serialNumber: 'S{1}', groupTag: '{{{{ }}}}', hardwareHash: hardwareHash('h') };
    expect(() => refuseOversizedDeviceJson(body(Array(500).fill(device)))).not.toThrow();
    expect(() => refuseOversizedDeviceJson(body(Array(501).fill(device)))).toThrow('at most 500 devices');
  });
});
