// API keys: 256 random bits shown once, stored only as a SHA-256 hash, looked up by an id, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'apc';
const SECRET_BYTES = 32; // 256 bits from the CSPRNG
const ID_BYTES = 12;

/** Who a key speaks for. */
export type KeyOwner = { kind: 'operator' } | { kind: 'partner'; partnerId: string };

/** What is stored: never the key itself. */
export interface StoredApiKey {
  keyId: string;
  secretHash: string;
  owner: KeyOwner;
  name?: string;
  createdAt: Date;
  revokedAt?: Date;
}

export interface MintedApiKey {
  /** The full key, shown to its holder once. */
  apiKey: string;
  stored: StoredApiKey;
}

/** Makes a new key `apc.<keyId>.<secret>`; the id lets verification be one point read, the secret is only hashed. */
export function mintApiKey(owner: KeyOwner, now: Date, name?: string): MintedApiKey {
  const keyId = randomBytes(ID_BYTES).toString('base64url');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return {
    apiKey: `${PREFIX}.${keyId}.${secret}`,
    stored: { keyId, secretHash: hashSecret(secret), owner, name, createdAt: now },
  };
}

/** The stored form of a key made elsewhere (the local host's ADMIN_API_KEY); undefined when it is not in our format. */
export function storedFormOf(apiKey: string, owner: KeyOwner, now: Date, name?: string): StoredApiKey | undefined {
  const parsed = parseApiKey(apiKey);
  return parsed && { keyId: parsed.keyId, secretHash: hashSecret(parsed.secret), owner, name, createdAt: now };
}

/** Splits a presented key; undefined when it cannot be one of ours (no storage read needed to refuse it). */
export function parseApiKey(presented: string): { keyId: string; secret: string } | undefined {
  const match = /^apc\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(presented.trim());
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

/** True when `secret` matches the stored hash and the key is not revoked. */
export function keyMatches(stored: StoredApiKey, secret: string): boolean {
  const expected = Buffer.from(stored.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return timingSafeEqual(expected, actual) && stored.revokedAt === undefined;
}

/** A fast unsalted hash is right here: the secret has 256 bits of entropy, so there is nothing to brute-force. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
