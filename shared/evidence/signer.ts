// Who signs receipts, behind one interface so use cases never see a key: Key Vault in Azure, a local key otherwise.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** A public signing key as published at /.well-known/jwks.json. */
export type PublicSigningKey = JWK & { kty: 'EC'; crv: 'P-256'; alg: 'ES256'; use: 'sig'; kid: string };

export interface ReceiptSigner {
  /** The key receipts are signed with now: its `kid`, and a signature (raw r‖s, 64 bytes) over the bytes given. */
  current(): Promise<{ kid: string; sign(signingInput: Uint8Array): Promise<Uint8Array> }>;
  /** Every public key, current and retired, so that any receipt ever issued can still be verified. */
  publicKeys(): Promise<PublicSigningKey[]>;
}

/** The published form of an EC P-256 public key; `kid` is its RFC 7638 thumbprint, the same wherever it is computed. */
export async function publicSigningKey(publicJwk: { x: string; y: string }): Promise<PublicSigningKey> {
  const jwk = { kty: 'EC' as const, crv: 'P-256' as const, x: publicJwk.x, y: publicJwk.y };
  return { ...jwk, alg: 'ES256', use: 'sig', kid: await calculateJwkThumbprint(jwk) };
}

/**
 * A signer over local private keys (PKCS#8 DER, base64), the first current and the others retired; without keys, one
 * made for this process (tests). For development only: config refuses a local key in Azure.
 */
export function localSigner(privateKeys: string[] = []): ReceiptSigner {
  const keys = privateKeys.length
    ? privateKeys.map((der) => createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' }))
    : [newLocalKey()];
  const published = Promise.all(keys.map(async (key) => publishedKey(key)));
  return {
    async current() {
      const [key] = keys;
      const [{ kid }] = (await published) as [PublicSigningKey];
      return { kid, sign: async (input) => sign('sha256', input, { key: key!, dsaEncoding: 'ieee-p1363' }) };
    },
    publicKeys: () => published,
  };
}

/** A new EC P-256 private key as PKCS#8 DER, base64: what the local host keeps in LOCAL_RECEIPT_KEY. */
export function newLocalReceiptKey(): string {
  return newLocalKey().export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

function newLocalKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

async function publishedKey(privateKey: KeyObject): Promise<PublicSigningKey> {
  const { x, y } = await exportJWK(createPublicKey(privateKey));
  return publicSigningKey({ x: x!, y: y! });
}
