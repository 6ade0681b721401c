// Helpers for the device-submission tests: the CSV fixtures, stand-in hardware hashes, and catching a refusal.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../../../shared/errors';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'devices');

/** A CSV fixture's text, decoded as the route decodes a body (UTF-8, BOM kept). */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A deterministic stand-in for a 4K hardware hash: about 4,000 base64 characters, like the real ones. */
export function hardwareHash(seed: string, bytes = 2988): string {
  const blocks: Buffer[] = [];
  let block = Buffer.from(seed);
  while (blocks.length * 32 < bytes) {
    block = createHash('sha256').update(block).digest();
    blocks.push(block);
  }
  return Buffer.concat(blocks).subarray(0, bytes).toString('base64');
}

/** A CSV with Intune's header and `count` good device rows (each with a full-size hash, as a real batch has). */
export function csvWithRows(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => `SN${index + 1},,${hardwareHash(`row ${index + 1}`)},,`);
  return ['Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User', ...rows].join('\n');
}

/** What a good row looks like in the answer; `line` is given for CSV rows only. */
export function validRow(row: number, serialNumber: string, line?: number) {
  return { row, ...(line === undefined ? {} : { line }), serialNumber, valid: true, errors: [], problems: [] };
}

/** The ServiceError `action` throws; fails the test when it throws nothing or something else. */
export function refusal(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    return error as ServiceError;
  }
  throw new Error('expected a refusal, but the call succeeded');
}
