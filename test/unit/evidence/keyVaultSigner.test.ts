// Receipts signed in Key Vault (API.md, "Receipts"): ES256 over the SHA-256 of the signing input, the current key
// version's thumbprint as kid, every version published, a rotation picked up within CURRENT_KEY_SECONDS. Key Vault
// itself is replaced by a stand-in holding real P-256 keys.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { KeyVaultKey } from '@azure/keyvault-keys';
import { CURRENT_KEY_SECONDS, keyVaultSigner, type KeyVaultAccess } from '../../../shared/evidence/keyVaultSigner';
import { receiptClaims, signReceipt, verifyReceipt } from '../../../shared/evidence/receipt';
import { acceptedConsent, directCsp, later } from '../domain/fixtures';

const KEY_ID = 'https://kv-consent.vault.azure.net/keys/receipt-signing';
const NO_CREDENTIAL = {} as TokenCredential;

/** A vault stand-in: versions of a real key; signs a digest the way Key Vault does (raw r‖s). */
function vault() {
  const versions: { version: string; privateKey: KeyObject; key: KeyVaultKey }[] = [];
  const signed: { version: string; digest: Buffer }[] = [];
  const inputs = new Map<string, Uint8Array>();
  const rotate = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const version = `v${versions.length + 1}`;
    const key = {
      name: 'receipt-signing',
      id: `${KEY_ID}/${version}`,
      key: { kty: 'EC', crv: 'P-256', x: Buffer.from(jwk.x!, 'base64url'), y: Buffer.from(jwk.y!, 'base64url') },
      properties: { version },
    } as unknown as KeyVaultKey;
    versions.push({ version, privateKey, key });
  };
  const access: KeyVaultAccess = {
    getKey: async (version) => (version ? versions.find((v) => v.version === version)! : versions.at(-1)!).key,
    versions: async function* () {
      for (const { version } of versions) yield { version };
    },
    async sign(key, digest) {
      const held = versions.find((v) => v.key.id === key.id)!;
      const input = inputs.get(Buffer.from(digest).toString('hex'))!;
      signed.push({ version: held.version, digest: Buffer.from(digest) });
      // Node signs a message, not a digest: the stand-in looks up the input whose SHA-256 it was given.
      return sign('sha256', input, { key: held.privateKey, dsaEncoding: 'ieee-p1363' });
    },
  };
  /** Lets the stand-in sign what the test hands the signer. */
  const expectInput = (input: Uint8Array) => inputs.set(createHash('sha256').update(input).digest('hex'), input);
  rotate();
  return { access, rotate, signed, expectInput };
}

const claims = receiptClaims({
  issuer: 'https://consent.example',
  consent: {
    ...acceptedConsent(directCsp),
    disclosures: { accepted: { version: 'v', locale: 'en', sha256: 'e'.repeat(64) } },
  },
  partner: directCsp,
  event: 'accepted',
  issuedAt: later(1),
})!;

describe('the Key Vault receipt signer', () => {
  it('signs ES256 over the SHA-256 of the signing input; the receipt verifies against the published key', async () => {
    const stand = vault();
    const signer = keyVaultSigner(KEY_ID, NO_CREDENTIAL, { access: stand.access });
    const current = await signer.current();
    const input = new TextEncoder().encode('header.payload');
    stand.expectInput(input);

    const signature = await current.sign(input);

    expect(signature).toHaveLength(64);
    expect(stand.signed).toEqual([{ version: 'v1', digest: createHash('sha256').update(input).digest() }]);
    const keys = await signer.publicKeys();
    expect(keys).toEqual([
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: current.kid }),
    ]);
  });

  it('a rotation: new receipts use the new version within CURRENT_KEY_SECONDS, old ones still verify', async () => {
    const stand = vault();
    let clock = 0;
    const signer = keyVaultSigner(KEY_ID, NO_CREDENTIAL, { access: stand.access, now: () => clock });
    const viaStand = {
      current: async () => {
        const key = await signer.current();
        return { kid: key.kid, sign: (input: Uint8Array) => (stand.expectInput(input), key.sign(input)) };
      },
      publicKeys: () => signer.publicKeys(),
    };
    const before = await signReceipt(claims, viaStand);

    stand.rotate();
    const soon = await signReceipt(claims, viaStand);
    clock += CURRENT_KEY_SECONDS * 1000;
    const after = await signReceipt(claims, viaStand);

    expect(soon.kid).toBe(before.kid);
    expect(after.kid).not.toBe(before.kid);
    const keys = { keys: await signer.publicKeys() };
    expect(keys.keys.map((key) => key.kid)).toEqual([before.kid, after.kid]);
    await expect(verifyReceipt(before.jws, keys)).resolves.toMatchObject({ kid: before.kid });
    await expect(verifyReceipt(after.jws, keys)).resolves.toMatchObject({ kid: after.kid });
  });

  it('refuses a key that is not EC P-256, naming it', async () => {
    const access: KeyVaultAccess = {
      getKey: async () => ({ name: 'receipt-signing', key: { kty: 'RSA' } }) as unknown as KeyVaultKey,
      versions: async function* () {},
      sign: async () => new Uint8Array(),
    };
    await expect(keyVaultSigner(KEY_ID, NO_CREDENTIAL, { access }).current()).rejects.toThrow(
      'Key Vault key receipt-signing is not an EC P-256 key',
    );
  });
});
