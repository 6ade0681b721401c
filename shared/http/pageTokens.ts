// Continuation tokens as clients see them: the storage position sealed with AES-256-GCM to the list it came from, so a
// token is opaque (no partner id or storage key shows), cannot be altered, and works only where it was given out.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The list a token belongs to, bound to it as GCM's associated data: the route, whose view it pages (a partner id, an
 * operator key id) and the filters. Not the page size: a client may change that between pages.
 */
export interface PageScope {
  route: string;
  caller: string;
  filters: Record<string, unknown>;
}

/** Seals a storage position for `scope`: base64url of IV, tag and ciphertext, different every time. */
export function sealPageToken(key: Buffer, scope: PageScope, position: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(associatedData(scope));
  const sealed = Buffer.concat([cipher.update(position, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The position a token sealed for this very scope, or undefined for anything else: foreign, altered or garbage. */
export function openPageToken(key: Buffer, scope: PageScope, token: string): string | undefined {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== token) return undefined;
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
    .setAAD(associatedData(scope))
    .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The scope as bytes: JSON, filters in name order and unset ones left out, so equal scopes are equal bytes. */
function associatedData({ route, caller, filters }: PageScope): Buffer {
  const set = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return Buffer.from(JSON.stringify([route, caller, set]), 'utf8');
}
