import { keyMatches, mintApiKey, parseApiKey } from '../../../shared/auth/apiKeys';

const now = new Date('2026-11-24T10:00:00Z');

describe('API keys', () => {
  it('carry at least 256 bits of secret and store only a hash of it', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'partner', partnerId: 'contoso' }, now);
    const parsed = parseApiKey(apiKey)!;
    expect(apiKey.startsWith('apc.contoso.')).toBe(true);
    expect(Buffer.from(parsed.secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(JSON.stringify(stored)).not.toContain(parsed.secret);
    expect(stored.keyId).toBe(parsed.keyId);
    expect(parsed.claimedOwner).toEqual({ kind: 'partner', partnerId: 'contoso' });
  });

  it('verify the right secret and refuse any other', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'operator' }, now);
    const parsed = parseApiKey(apiKey)!;
    expect(keyMatches(stored, parsed)).toBe(true);
    const wrong = parsed.secret.slice(0, -1) + (parsed.secret.endsWith('A') ? 'B' : 'A');
    expect(keyMatches(stored, { ...parsed, secret: wrong })).toBe(false);
  });

  it('refuse a key that claims another owner than the one it was minted for', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'partner', partnerId: 'contoso' }, now);
    const parsed = parseApiKey(apiKey)!;
    expect(keyMatches(stored, { ...parsed, claimedOwner: { kind: 'partner', partnerId: 'fabrikam' } })).toBe(false);
    expect(keyMatches(stored, { ...parsed, claimedOwner: { kind: 'operator' } })).toBe(false);
    expect(parseApiKey(apiKey.replace('apc.contoso.', 'apc._.'))?.claimedOwner).toEqual({ kind: 'operator' });
  });

  it('refuse, without throwing, a stored hash of another length than a SHA-256', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'operator' }, now);
    const presented = parseApiKey(apiKey)!;
    for (const secretHash of ['', stored.secretHash.slice(0, 40), `${stored.secretHash}00`, 'not hex']) {
      expect(keyMatches({ ...stored, secretHash }, presented)).toBe(false);
    }
  });

  it('stop matching once revoked', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'operator' }, now);
    expect(keyMatches({ ...stored, revokedAt: now }, parseApiKey(apiKey)!)).toBe(false);
  });

  it('are all different', () => {
    const keys = new Set(Array.from({ length: 100 }, () => mintApiKey({ kind: 'operator' }, now).apiKey));
    expect(keys.size).toBe(100);
  });

  it('refuse malformed input without a lookup', () => {
    for (const presented of [
      '',
      'apc',
      'apc.x.y',
      'Bearer abc',
      `apc._.${'a'.repeat(16)}.${'b'.repeat(42)}`,
      `apc.Bad.${'a'.repeat(16)}.${'b'.repeat(43)}`,
    ]) {
      expect(parseApiKey(presented)).toBeUndefined();
    }
  });
});
