import { keyMatches, mintApiKey, parseApiKey } from '../../../shared/auth/apiKeys';

const now = new Date('2026-11-24T10:00:00Z');

describe('API keys', () => {
  it('carry at least 256 bits of secret and store only a hash of it', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'partner', partnerId: 'contoso' }, now);
    const parsed = parseApiKey(apiKey)!;
    expect(Buffer.from(parsed.secret, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(JSON.stringify(stored)).not.toContain(parsed.secret);
    expect(stored.keyId).toBe(parsed.keyId);
  });

  it('verify the right secret and refuse any other', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'operator' }, now);
    const parsed = parseApiKey(apiKey)!;
    expect(keyMatches(stored, parsed.secret)).toBe(true);
    const wrong = parsed.secret.slice(0, -1) + (parsed.secret.endsWith('A') ? 'B' : 'A');
    expect(keyMatches(stored, wrong)).toBe(false);
  });

  it('stop matching once revoked', () => {
    const { apiKey, stored } = mintApiKey({ kind: 'operator' }, now);
    expect(keyMatches({ ...stored, revokedAt: now }, parseApiKey(apiKey)!.secret)).toBe(false);
  });

  it('are all different', () => {
    const keys = new Set(Array.from({ length: 100 }, () => mintApiKey({ kind: 'operator' }, now).apiKey));
    expect(keys.size).toBe(100);
  });

  it('refuse malformed input without a lookup', () => {
    for (const presented of ['', 'apc', 'apc.x.y', 'Bearer abc', `apc.${'a'.repeat(16)}.${'b'.repeat(42)}`]) {
      expect(parseApiKey(presented)).toBeUndefined();
    }
  });
});
