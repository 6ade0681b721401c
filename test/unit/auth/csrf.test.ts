import {
  CSRF_MAX_AGE_SECONDS,
  issueCsrfToken,
  originAllowed,
  sentFromAnotherSite,
  verifyCsrfToken,
} from '../../../shared/auth/csrf';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac-sha256!';
const ISSUED = new Date('2026-11-24T10:00:00.000Z');
const USER = {
  tenantId: '6f1c1a7e-2b3d-4c5e-8f90-a1b2c3d4e5f6',
  objectId: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
  target: 'link-hash-1',
};

function later(seconds: number): Date {
  return new Date(ISSUED.getTime() + seconds * 1000);
}

describe('CSRF tokens', () => {
  const token = issueCsrfToken(USER, { secret: SECRET, now: ISSUED });

  it('is base64url and verifies for the same user and target within its max age', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyCsrfToken(token, USER, { secret: SECRET, now: later(60) })).toBe(true);
    expect(verifyCsrfToken(token, USER, { secret: SECRET, now: later(CSRF_MAX_AGE_SECONDS) })).toBe(true);
  });

  it('ignores the case of tenant and object ids', () => {
    const upper = { ...USER, tenantId: USER.tenantId.toUpperCase(), objectId: USER.objectId.toUpperCase() };
    expect(verifyCsrfToken(token, upper, { secret: SECRET, now: later(1) })).toBe(true);
  });

  it('refuses a stale token (older than the max age, two hours by default)', () => {
    expect(CSRF_MAX_AGE_SECONDS).toBe(7200);
    expect(verifyCsrfToken(token, USER, { secret: SECRET, now: later(CSRF_MAX_AGE_SECONDS + 1) })).toBe(false);
    expect(verifyCsrfToken(token, USER, { secret: SECRET, now: later(601), maxAgeSeconds: 600 })).toBe(false);
  });

  it('refuses a token issued in the future beyond a minute of clock skew', () => {
    expect(verifyCsrfToken(token, USER, { secret: SECRET, now: later(-60) })).toBe(true);
    expect(verifyCsrfToken(token, USER, { secret: SECRET, now: later(-61) })).toBe(false);
  });

  it('refuses a token issued to another user (other tenant or other object id)', () => {
    const otherTenant = { ...USER, tenantId: '11111111-2222-4333-8444-555555555555' };
    const otherUser = { ...USER, objectId: '11111111-2222-4333-8444-555555555555' };
    expect(verifyCsrfToken(token, otherTenant, { secret: SECRET, now: later(1) })).toBe(false);
    expect(verifyCsrfToken(token, otherUser, { secret: SECRET, now: later(1) })).toBe(false);
  });

  it('refuses a token issued for another target (another link or consent)', () => {
    expect(verifyCsrfToken(token, { ...USER, target: 'link-hash-2' }, { secret: SECRET, now: later(1) })).toBe(false);
  });

  it('refuses a token made with another secret', () => {
    const forged = issueCsrfToken(USER, { secret: `${SECRET}-other`, now: ISSUED });
    expect(verifyCsrfToken(forged, USER, { secret: SECRET, now: later(1) })).toBe(false);
  });

  it('refuses a token whose issue time was changed to make it fresh again', () => {
    const bytes = Buffer.from(token, 'base64url');
    bytes.writeBigUInt64BE(BigInt(Math.floor(later(CSRF_MAX_AGE_SECONDS).getTime() / 1000)), 0);
    const replayed = bytes.toString('base64url');
    expect(verifyCsrfToken(replayed, USER, { secret: SECRET, now: later(CSRF_MAX_AGE_SECONDS + 10) })).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['not base64url', `${token.slice(0, -1)}=`],
    ['truncated', token.slice(0, -2)],
    ['too long', `${token}AA`],
  ])('refuses a %s token', (_what, value) => {
    expect(verifyCsrfToken(value, USER, { secret: SECRET, now: later(1) })).toBe(false);
  });

  it('refuses to work with a secret shorter than 32 bytes', () => {
    expect(() => issueCsrfToken(USER, { secret: 'short' })).toThrow(/at least 32 bytes/);
  });

  it('gives different tokens to different targets and users', () => {
    const other = issueCsrfToken({ ...USER, target: 'link-hash-2' }, { secret: SECRET, now: ISSUED });
    expect(other).not.toBe(token);
  });
});

describe('originAllowed', () => {
  const BASE = 'https://consent.example.com';

  function allowed(headers: Record<string, string>, base = BASE): boolean {
    return originAllowed(new Headers(headers), base);
  }

  it('allows an Origin equal to the public base URL origin', () => {
    expect(allowed({ origin: 'https://consent.example.com' })).toBe(true);
    expect(allowed({ origin: 'https://consent.example.com' }, 'https://consent.example.com/some/path/')).toBe(true);
  });

  it('refuses another Origin, whatever the other headers say', () => {
    expect(allowed({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(allowed({ origin: 'http://consent.example.com' })).toBe(false);
    expect(allowed({ origin: 'https://consent.example.com:8443' })).toBe(false);
    expect(allowed({ origin: 'https://consent.example.com.evil.example' })).toBe(false);
    expect(allowed({ origin: 'not a url', referer: 'https://consent.example.com/consent/x' })).toBe(false);
  });

  it('without Origin, allows Sec-Fetch-Site: same-origin and refuses any other value', () => {
    expect(allowed({ 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(allowed({ 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(allowed({ 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(allowed({ 'sec-fetch-site': 'none' })).toBe(false);
    expect(allowed({ 'sec-fetch-site': 'cross-site', referer: 'https://consent.example.com/consent/x' })).toBe(false);
  });

  it('treats Origin "null" (our no-referrer pages) as absent: Sec-Fetch-Site decides', () => {
    expect(allowed({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(allowed({ origin: 'null', 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(allowed({ origin: 'null', referer: 'https://consent.example.com/consent/x' })).toBe(false);
  });

  it('without Origin and Sec-Fetch-Site, falls back to the Referer origin', () => {
    expect(allowed({ referer: 'https://consent.example.com/consent/x' })).toBe(true);
    expect(allowed({ referer: 'https://evil.example/consent/x' })).toBe(false);
    expect(allowed({ referer: 'garbage' })).toBe(false);
  });

  it('refuses a post that carries none of the three headers', () => {
    expect(allowed({})).toBe(false);
  });

  it('refuses everything when the public base URL is not a URL', () => {
    expect(allowed({ origin: 'null', 'sec-fetch-site': 'same-origin' }, 'not a url')).toBe(false);
  });
});

describe('CSRF token spelling', () => {
  it('accepts only the canonical base64url spelling of a token', () => {
    const binding = { tenantId: 't', objectId: 'o', target: 'x' };
    const token = issueCsrfToken(binding, { secret: SECRET });
    expect(verifyCsrfToken(token, binding, { secret: SECRET })).toBe(true);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variants = [...alphabet].map((c) => token.slice(0, -1) + c).filter((t) => t !== token);
    const sameBytes = variants.filter((t) => Buffer.from(t, 'base64url').equals(Buffer.from(token, 'base64url')));
    expect(sameBytes.length).toBeGreaterThan(0); // other spellings of the same bytes exist…
    for (const variant of sameBytes) expect(verifyCsrfToken(variant, binding, { secret: SECRET })).toBe(false); // …and are refused
  });
});

describe('sentFromAnotherSite (a browser sign-in is used on the API only from our own pages)', () => {
  const BASE = 'https://consent.example.com';
  const fromElsewhere = (headers: Record<string, string>) => sentFromAnotherSite(new Headers(headers), BASE);

  it('Identities: a daemon or a script outside a browser sends none of the headers and passes', () => {
    expect(fromElsewhere({})).toBe(false);
  });

  it('Identities: a page of our own origin, or an address typed into the browser, passes', () => {
    expect(fromElsewhere({ origin: BASE, 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(fromElsewhere({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(false);
    expect(fromElsewhere({ 'sec-fetch-site': 'none' })).toBe(false);
  });

  it("Identities: another site's form or script is refused, whatever else it sends", () => {
    expect(fromElsewhere({ origin: 'https://evil.example' })).toBe(true);
    expect(fromElsewhere({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(fromElsewhere({ 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(fromElsewhere({ 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(fromElsewhere({ origin: 'null' })).toBe(true);
  });
});
