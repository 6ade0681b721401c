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

/** Operator keys name this owner; partner ids cannot, as they start with a letter or digit. */
const OPERATOR_TAG = '_';

/**
 * Makes a new key `apc.<owner>.<keyId>.<secret>`. The key id makes verification one point read; the owner (partner id)
 * lets the partner's own rows be read at the same time, so a verified answer costs one round trip. The secret is only
 * hashed; the owner it claims must match the stored key, so naming another partner gets nothing.
 */
export function mintApiKey(owner: KeyOwner, now: Date, name?: string): MintedApiKey {
  const keyId = randomBytes(ID_BYTES).toString('base64url');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return {
    apiKey: `${PREFIX}.${ownerTag(owner)}.${keyId}.${secret}`,
    stored: { keyId, secretHash: hashSecret(secret), owner, name, createdAt: now },
  };
}

/** The stored form of a key made elsewhere (the local host's ADMIN_API_KEY); undefined when it is not in our format. */
export function storedFormOf(apiKey: string, owner: KeyOwner, now: Date, name?: string): StoredApiKey | undefined {
  const parsed = parseApiKey(apiKey);
  return parsed && { keyId: parsed.keyId, secretHash: hashSecret(parsed.secret), owner, name, createdAt: now };
}

export interface PresentedKey {
  /** Who the key says it belongs to — to be confirmed against the stored key. */
  claimedOwner: KeyOwner;
  keyId: string;
  secret: string;
}

/** Splits a presented key; undefined when it cannot be one of ours (no storage read needed to refuse it). */
export function parseApiKey(presented: string): PresentedKey | undefined {
  const match = /^apc\.(_|[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(
    presented.trim(),
  );
  if (!match) return undefined;
  const [, tag, keyId, secret] = match as unknown as [string, string, string, string];
  const claimedOwner: KeyOwner = tag === OPERATOR_TAG ? { kind: 'operator' } : { kind: 'partner', partnerId: tag };
  return { claimedOwner, keyId, secret };
}

/** True when the secret matches the stored hash, the key is not revoked, and it belongs to whom it claims. */
export function keyMatches(stored: StoredApiKey, presented: PresentedKey): boolean {
  const expected = Buffer.from(stored.secretHash, 'hex');
  const actual = Buffer.from(hashSecret(presented.secret), 'hex');
  return (
    // timingSafeEqual throws on buffers of different lengths; a damaged stored hash is simply no match.
    expected.length === actual.length &&
    timingSafeEqual(expected, actual) &&
    stored.revokedAt === undefined &&
    ownerTag(stored.owner) === ownerTag(presented.claimedOwner)
  );
}

function ownerTag(owner: KeyOwner): string {
  return owner.kind === 'operator' ? OPERATOR_TAG : owner.partnerId;
}

/** A fast unsalted hash is right here: the secret has 256 bits of entropy, so there is nothing to brute-force. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
