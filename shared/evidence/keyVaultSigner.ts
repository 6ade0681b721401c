// Receipts signed by a non-exportable EC P-256 key in Azure Key Vault ("Key Vault Crypto User"): the private key never
// leaves the vault; every version of the key is published, so a rotation keeps old receipts verifiable.
import { createHash } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { CryptographyClient, KeyClient, parseKeyVaultKeyIdentifier, type KeyVaultKey } from '@azure/keyvault-keys';
import { base64url } from 'jose';
import { publicSigningKey, type PublicSigningKey, type ReceiptSigner } from './signer';

/** How long the current key version is used before Key Vault is asked again (a rotation shows within this). */
const CURRENT_KEY_SECONDS = 300;

/** `keyId`: the key's identifier without a version, `https://<vault>.vault.azure.net/keys/<name>` (RECEIPT_SIGNING_KEY_ID). */
export function keyVaultSigner(keyId: string, credential: TokenCredential, now = () => Date.now()): ReceiptSigner {
  const { vaultUrl, name } = parseKeyVaultKeyIdentifier(keyId);
  const keys = new KeyClient(vaultUrl, credential);
  let current: { until: number; value: Promise<{ kid: string; client: CryptographyClient }> } | undefined;

  async function latest() {
    const key = await keys.getKey(name);
    return { kid: (await publicOf(key)).kid, client: new CryptographyClient(key, credential) };
  }

  return {
    async current() {
      if (!current || current.until <= now()) {
        current = { until: now() + CURRENT_KEY_SECONDS * 1000, value: latest() };
        current.value.catch(() => (current = undefined)); // ask again next time if Key Vault did not answer
      }
      const { kid, client } = await current.value;
      return {
        kid,
        // ES256 over SHA-256: Key Vault takes the digest and answers the raw r‖s signature JWS wants.
        sign: async (input) =>
          (await client.sign('ES256', createHash('sha256').update(input).digest())).result,
      };
    },
    async publicKeys() {
      const published: PublicSigningKey[] = [];
      for await (const version of keys.listPropertiesOfKeyVersions(name)) {
        published.push(await publicOf(await keys.getKey(name, { version: version.version })));
      }
      return published;
    },
  };
}

function publicOf(key: KeyVaultKey): Promise<PublicSigningKey> {
  const { x, y, crv } = key.key ?? {};
  if (!x || !y || crv !== 'P-256') throw new Error(`Key Vault key ${key.name} is not an EC P-256 key`);
  return publicSigningKey({ x: base64url.encode(x), y: base64url.encode(y) });
}
