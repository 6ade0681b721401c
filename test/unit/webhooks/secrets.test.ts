// Webhook secrets: the Standard Webhooks form, and sealed at rest so that only this deployment's key opens them.
import { randomBytes } from 'node:crypto';
import { newWebhookSecret, openSecret, sealSecret } from '../../../shared/webhooks/secrets';

describe('webhook secrets', () => {
  it('are whsec_ and base64 of at least 24 random bytes, different every time', () => {
    const [first, second] = [newWebhookSecret(), newWebhookSecret()];
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(first.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(first).not.toBe(second);
  });

  it('are stored sealed: the stored text does not contain the secret and opens only with its key and endpoint', () => {
    const key = randomBytes(32);
    const secret = newWebhookSecret();
    const sealed = sealSecret(key, secret, 'wh_1');

    expect(sealed).not.toContain(secret.slice('whsec_'.length, 20));
    expect(openSecret(key, sealed, 'wh_1')).toBe(secret);
    expect(() => openSecret(randomBytes(32), sealed, 'wh_1')).toThrow();
    expect(() => openSecret(key, sealed, 'wh_2')).toThrow();
    expect(() => openSecret(key, sealed.replace(/^v1\./, 'v9.'), 'wh_1')).toThrow('malformed');
  });
});
