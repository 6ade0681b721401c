// Receipts signed by a non-exportable EC P-256 key in Azure Key Vault ("Key Vault Crypto User"): the private key never
// leaves the vault; every version of the key is published, so a rotation keeps old receipts verifiable.
import { createHash } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { CryptographyClient, KeyClient, parseKeyVaultKeyIdentifier, type KeyVaultKey } from '@azure/keyvault-keys';
import { base64url } from 'jose';
import { publicSigningKey, type PublicSigningKey, type ReceiptSigner } from './signer';

/** How long the current key version is used before Key Vault is asked again (a rotation shows within this). */
export const CURRENT_KEY_SECONDS = 300;

/** What the signer needs of Key Vault; the SDK's clients by default (tests give their own). */
export interface KeyVaultAccess {
  getKey(version?: string): Promise<KeyVaultKey>;
  versions(): AsyncIterable<{ version?: string }>;
  /** ES256 over a SHA-256 digest: Key Vault answers the raw r‖s signature JWS wants. */
  sign(key: KeyVaultKey, digest: Uint8Array): Promise<Uint8Array>;
}

/** `keyId`: the key's identifier without a version, `https://<vault>.vault.azure.net/keys/<name>` (RECEIPT_SIGNING_KEY_ID). */
export function keyVaultSigner(
  keyId: string,
  credential: TokenCredential,
  options: { now?: () => number; access?: KeyVaultAccess } = {},
): ReceiptSigner {
  const now = options.now ?? (() => Date.now());
  const vault = options.access ?? sdkAccess(keyId, credential);
  let current: { until: number; value: Promise<{ kid: string; key: KeyVaultKey }> } | undefined;

  async function latest() {
    const key = await vault.getKey();
    return { kid: (await publicOf(key)).kid, key };
  }

  return {
    async current() {
      if (!current || current.until <= now()) {
        current = { until: now() + CURRENT_KEY_SECONDS * 1000, value: latest() };
        current.value.catch(() => (current = undefined)); // ask again next time if Key Vault did not answer
      }
      const { kid, key } = await current.value;
      return { kid, sign: (input) => vault.sign(key, createHash('sha256').update(input).digest()) };
    },
    async publicKeys() {
      const published: PublicSigningKey[] = [];
      for await (const { version } of vault.versions()) published.push(await publicOf(await vault.getKey(version)));
      return published;
    },
  };
}

function sdkAccess(keyId: string, credential: TokenCredential): KeyVaultAccess {
  const { vaultUrl, name } = parseKeyVaultKeyIdentifier(keyId);
  const keys = new KeyClient(vaultUrl, credential);
  const cryptography = new Map<string, CryptographyClient>(); // one client per key version
  return {
    getKey: (version) => keys.getKey(name, version ? { version } : {}),
    versions: () => keys.listPropertiesOfKeyVersions(name),
    async sign(key, digest) {
      const id = key.id ?? key.name;
      if (!cryptography.has(id)) cryptography.set(id, new CryptographyClient(key, credential));
      return (await cryptography.get(id)!.sign('ES256', digest)).result;
    },
  };
}

function publicOf(key: KeyVaultKey): Promise<PublicSigningKey> {
  const { x, y, crv } = key.key ?? {};
  if (!x || !y || crv !== 'P-256') throw new Error(`Key Vault key ${key.name} is not an EC P-256 key`);
  return publicSigningKey({ x: base64url.encode(x), y: base64url.encode(y) });
}
