// Which tenant a device batch is checked for: the URL's for CSV, the body's or the URL's for JSON, never two.
import { tenantOfCsvBatch, tenantOfJsonBatch } from '../../../shared/oem/deviceSubmission';
import { refusal } from './devices';

const A = '6f2b8f3c-2f0e-4d8c-9b53-5d1f3c0e8a11';
const B = '2f9c6a4e-7b1d-4c3e-9a8f-5d0e1b2c3a4f';

describe('the tenant of a device batch', () => {
  it('R14: a CSV names its tenant in the URL; without it the 400 says exactly what to add', () => {
    expect(tenantOfCsvBatch(A)).toBe(A);
    const error = refusal(() => tenantOfCsvBatch(undefined));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe(
      'The customer tenant is missing: add ?tenantId=<customer tenant GUID> to the URL when sending text/csv ' +
        '(a CSV has no tenant column).',
    );
    expect(error.errors).toEqual([
      {
        path: 'tenantId',
        message: 'add ?tenantId=<customer tenant GUID> to the URL when sending text/csv (a CSV has no tenant column)',
      },
    ]);
  });

  it('R14: a JSON batch names its tenant in the body or the URL, or both when they agree', () => {
    expect(tenantOfJsonBatch(undefined, A)).toBe(A);
    expect(tenantOfJsonBatch(A, undefined)).toBe(A);
    expect(tenantOfJsonBatch(A, A)).toBe(A);
  });

  it('R14: a JSON batch naming two different tenants is a 400 naming both', () => {
    expect(refusal(() => tenantOfJsonBatch(A, B)).errors).toEqual([
      {
        path: 'tenantId',
        message: `the URL names tenant ${A} but the body names ${B}: send it once, or the same in both`,
      },
    ]);
  });

  it('R14: a JSON batch naming no tenant is a 400 saying both places it may go', () => {
    expect(refusal(() => tenantOfJsonBatch(undefined, undefined)).errors).toEqual([
      {
        path: 'tenantId',
        message:
          'put "tenantId": "<customer tenant GUID>" in the body, or add ?tenantId=<customer tenant GUID> to the URL',
      },
    ]);
  });
});
