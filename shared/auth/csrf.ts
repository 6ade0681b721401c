// Form-post protection for the customer pages: HMAC tokens bound to user and target, plus a same-origin check.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a form stays usable after the page that carries it was rendered. */
export const CSRF_MAX_AGE_SECONDS = 2 * 60 * 60;

/** Clock skew tolerated for a token that claims to be issued slightly in the future (several instances). */
const FUTURE_SKEW_SECONDS = 60;

/** Secrets shorter than this are a configuration mistake, refused loudly rather than used weakly. */
const MIN_SECRET_BYTES = 32;

const ISSUED_AT_BYTES = 8;
/** base64url of 8 bytes of issue time and a 32-byte HMAC-SHA256, unpadded. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{54}$/;

/** What a token is bound to: the signed-in user and the form's target (e.g. the link's token hash or a consent id). */
export interface CsrfBinding {
  tenantId: string;
  objectId: string;
  target: string;
}

export interface CsrfOptions {
  /** The key from settings: at least 32 bytes. */
  secret: string | Buffer;
  /** The current time; defaults to now. */
  now?: Date;
  /** Refuse tokens older than this; defaults to CSRF_MAX_AGE_SECONDS. */
  maxAgeSeconds?: number;
}

/** A token for one form: base64url(issued-at seconds ‖ HMAC-SHA256(secret, binding ‖ issued-at)). */
export function issueCsrfToken(binding: CsrfBinding, options: CsrfOptions): string {
  const issuedAt = epochSeconds(options.now);
  const stamp = Buffer.alloc(ISSUED_AT_BYTES);
  stamp.writeBigUInt64BE(BigInt(issuedAt));
  return Buffer.concat([stamp, mac(binding, issuedAt, options.secret)]).toString('base64url');
}

/**
 * True only for a token this service issued, for this user and this target, within its max age. Returns a plain
 * boolean on purpose: a result object would be truthy even when it says "no".
 */
export function verifyCsrfToken(token: string | null | undefined, binding: CsrfBinding, options: CsrfOptions): boolean {
  if (!token || !TOKEN_PATTERN.test(token)) return false;
  const bytes = Buffer.from(token, 'base64url');
  // One canonical spelling per token: the unused bits of the last character must be zero.
  if (bytes.toString('base64url') !== token) return false;
  const issuedAt = Number(bytes.readBigUInt64BE(0));
  const now = epochSeconds(options.now);
  const maxAge = options.maxAgeSeconds ?? CSRF_MAX_AGE_SECONDS;
  if (issuedAt > now + FUTURE_SKEW_SECONDS || now - issuedAt > maxAge) return false;
  return timingSafeEqual(bytes.subarray(ISSUED_AT_BYTES), mac(binding, issuedAt, options.secret));
}

/**
 * Is this form post from our own pages? `Origin` must be the public base URL's origin. Browsers send `Origin: null`
 * for a same-origin POST from a page with `Referrer-Policy: no-referrer` (ours, per API.md; checked in Chromium),
 * so "null" counts as absent and `Sec-Fetch-Site: same-origin` decides; without either, the Referer's origin does.
 * Anything else is refused.
 */
export function originAllowed(headers: { get(name: string): string | null }, publicBaseUrl: string): boolean {
  const expected = originOf(publicBaseUrl);
  if (!expected) return false;
  const origin = headers.get('origin')?.trim();
  if (origin && origin !== 'null') return originOf(origin) === expected;
  const fetchSite = headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (fetchSite) return fetchSite === 'same-origin';
  if (origin === 'null') return false;
  const referer = headers.get('referer')?.trim();
  return referer ? originOf(referer) === expected : false;
}

/**
 * Did a browser send this request for another site's page (a form or script elsewhere, riding on the user's sign-in
 * cookie)? As in originAllowed: another `Origin` says so whatever else is sent, then `Sec-Fetch-Site` decides, and
 * `Origin: null` alone counts as elsewhere. A daemon or a script outside a browser sends none of them, and passes.
 */
export function sentFromAnotherSite(headers: { get(name: string): string | null }, publicBaseUrl: string): boolean {
  const origin = headers.get('origin')?.trim();
  if (origin && origin !== 'null' && originOf(origin) !== originOf(publicBaseUrl)) return true;
  const fetchSite = headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (fetchSite) return fetchSite === 'cross-site' || fetchSite === 'same-site';
  return origin === 'null';
}

function mac(binding: CsrfBinding, issuedAt: number, secret: string | Buffer): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.byteLength < MIN_SECRET_BYTES) {
    throw new TypeError(`The CSRF secret must be at least ${MIN_SECRET_BYTES} bytes long.`);
  }
  // A JSON array keeps the fields unambiguous whatever the target contains; the label separates this use of the key.
  const message = JSON.stringify([
    'csrf-v1',
    binding.tenantId.toLowerCase(),
    binding.objectId.toLowerCase(),
    binding.target,
    issuedAt,
  ]);
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

function epochSeconds(now: Date | undefined): number {
  return Math.floor((now ?? new Date()).getTime() / 1000);
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
