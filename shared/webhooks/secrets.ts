// Webhook signing secrets: made in the Standard Webhooks form, kept at rest only sealed with AES-256-GCM under a key
// derived from APP_SECRET (a hash would not do: the service must sign with the secret on every delivery).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const NONCE_BYTES = 12;
const SEALED_VERSION = 'v1';

/** A new secret: `whsec_` and base64 of 32 random bytes (the standard asks for 24 to 64). */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The secret encrypted for storage, bound to its endpoint (`context`, authenticated but not encrypted), so a sealed
 * secret copied onto another endpoint's row does not open.
 */
export function sealSecret(key: Buffer, secret: string, context: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(context, 'utf8'));
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [SEALED_VERSION, nonce, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The secret back from its sealed form; throws when the key, the context or the text is not the one it was sealed with. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  const [version, nonce, ciphertext, tag] = sealed.split('.');
  if (version !== SEALED_VERSION || !nonce || ciphertext === undefined || !tag) {
    throw new Error('A sealed webhook secret is malformed.');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
    .setAAD(Buffer.from(context, 'utf8'))
    .setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
