// Receipts as API.md "Receipts" describes them: ES256 compact JWS with kid and typ, the listed claims, verifiable
// offline with jose against the published keys (retired ones included), and a tampered one fails.
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { receiptClaims, signReceipt, verifyReceipt } from '../../../shared/evidence/receipt';
import { localSigner, newLocalReceiptKey } from '../../../shared/evidence/signer';
import type { Consent } from '../../../shared/domain/consent';
import { acceptedConsent, directCsp, globalAdmin, INTUNE_ADMINISTRATOR, later } from '../domain/fixtures';

const DISCLOSURE = { version: '2026-11-30', locale: 'en' as const, sha256: 'a'.repeat(64) };

function decided(): Consent {
  const consent = acceptedConsent(directCsp, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 90 } });
  return { ...consent, disclosures: { accepted: DISCLOSURE } };
}

function claimsOf(consent: Consent) {
  return receiptClaims({
    issuer: 'https://consent.example',
    consent,
    partner: directCsp,
    event: 'accepted',
    issuedAt: later(1),
  })!;
}

describe('receipt claims', () => {
  it('carry what API.md lists for an acceptance', () => {
    const consent = decided();
    expect(claimsOf(consent)).toEqual({
      iss: 'https://consent.example',
      sub: consent.id,
      jti: `${consent.id}.accepted`,
      iat: Math.floor(later(1).getTime() / 1000),
      event: 'accepted',
      tid: consent.customer.tenantId,
      partner: {
        id: directCsp.id,
        type: 'direct-csp',
        displayName: directCsp.displayName,
        tenantId: directCsp.tenantId,
      },
      channels: ['partner-center-api', 'partner-center-csv'],
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 90, autoExtend: false },
      decidedAt: consent.acceptedAt,
      decidedBy: { objectId: globalAdmin.objectId.toLowerCase(), userPrincipalName: globalAdmin.userPrincipalName },
      disclosure: DISCLOSURE,
    });
  });

  it('exist only for a decision that stored what the customer was shown', () => {
    const { disclosures: _none, ...consent } = decided();
    expect(claimsOf(consent)).toBeUndefined();
  });
});

describe('signed receipts', () => {
  it('are compact ES256 JWS with kid and typ consent-receipt+jwt that jose verifies against the public keys', async () => {
    const signer = localSigner([newLocalReceiptKey()]);
    const { jws, kid } = await signReceipt(claimsOf(decided()), signer);
    const keys = { keys: await signer.publicKeys() };

    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'ES256', kid, typ: 'consent-receipt+jwt' });
    expect(keys.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid })]);
    const { payload } = await compactVerify(jws, createLocalJWKSet(keys));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(claimsOf(decided()));
    expect((await verifyReceipt(jws, keys)).claims.event).toBe('accepted');
  });

  it('a tampered receipt fails: changed claims, or a key that did not sign it', async () => {
    const signer = localSigner([newLocalReceiptKey()]);
    const { jws } = await signReceipt(claimsOf(decided()), signer);
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, event: 'declined' })).toString('base64url');

    await expect(
      verifyReceipt(`${header}.${forged}.${signature}`, { keys: await signer.publicKeys() }),
    ).rejects.toThrow(/signature verification failed/);
    const stranger = localSigner([newLocalReceiptKey()]);
    await expect(verifyReceipt(jws, { keys: await stranger.publicKeys() })).rejects.toThrow(/no applicable key/i);
  });

  it('a receipt signed with a retired key still verifies once a new key is current', async () => {
    const old = newLocalReceiptKey();
    const { jws } = await signReceipt(claimsOf(decided()), localSigner([old]));
    const rotated = localSigner([newLocalReceiptKey(), old]);

    expect(await rotated.publicKeys()).toHaveLength(2);
    await expect(verifyReceipt(jws, { keys: await rotated.publicKeys() })).resolves.toMatchObject({
      claims: { event: 'accepted' },
    });
  });
});
