// Consent link tokens: 256 bits from the CSPRNG (invitations) or derived with a server key (standing links); only hashes are stored.
import { createHash, createHmac, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;

/** A fresh invitation link token, base64url. */
export function newLinkToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * A standing link's token. It must be shown again on every GET until rotated, yet never stored, so it is derived from
 * a server-side key: HMAC-SHA256(key, partner id and link version) — 256 bits no one without the key can compute.
 */
export function standingLinkToken(key: Buffer, partnerId: string, version: number): string {
  return createHmac('sha256', key).update(`standing-link\n${partnerId}\n${version}`).digest('base64url');
}

/** What is stored and looked up: SHA-256 of the token, base64url (valid as a Table Storage key). */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A token we could have issued: rules out garbage before any storage read. */
export function looksLikeLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
