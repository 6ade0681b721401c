// `npm run admin -- verify-receipt`: an auditor verifies a consent receipt offline against a JWKS file or URL and reads
// what it says; a tampered receipt fails clearly (API.md, "Receipts").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { receiptClaims, signReceipt } from '../../../shared/evidence/receipt';
import { localSigner, newLocalReceiptKey } from '../../../shared/evidence/signer';
import { runAdmin } from '../../support/adminCommand';
import { acceptedConsent, directCsp, later } from '../../unit/domain/fixtures';

let folder: string;
let server: Server;
let jwksUrl: string;
let receipt: string;
const signer = localSigner([newLocalReceiptKey()]);
const consent = {
  ...acceptedConsent(directCsp),
  disclosures: { accepted: { version: '2026-11-30', locale: 'en' as const, sha256: 'b'.repeat(64) } },
};

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'receipt-cli-'));
  const claims = receiptClaims({
    issuer: 'https://consent.example',
    consent,
    partner: directCsp,
    event: 'accepted',
    issuedAt: later(1),
  })!;
  receipt = (await signReceipt(claims, signer)).jws;
  const keys = JSON.stringify({ keys: await signer.publicKeys() });
  writeFileSync(path.join(folder, 'jwks.json'), keys);
  writeFileSync(path.join(folder, 'receipt.jws'), receipt);
  server = createServer((_request, response) => response.end(keys));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});

/** With no storage configured: verifying a receipt needs none. */
const admin = (...args: string[]) => runAdmin(args, { ...process.env, AzureWebJobsStorage: '' });

describe('admin verify-receipt', () => {
  it('verifies against a JWKS file and prints what the receipt says, without any storage', async () => {
    const result = await admin(
      'verify-receipt',
      path.join(folder, 'receipt.jws'),
      '--jwks',
      path.join(folder, 'jwks.json'),
    );

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Valid receipt, signed by key ${(await signer.current()).kid}`);
    expect(result.stdout).toContain(`consent ${consent.id} was accepted at ${consent.acceptedAt}`);
    expect(result.stdout).toContain(`for ${directCsp.displayName} (direct-csp)`);
    expect(result.stdout).toContain(`"sub": "${consent.id}"`);
  });

  it('verifies against the JWKS URL', async () => {
    const result = await admin('verify-receipt', path.join(folder, 'receipt.jws'), '--jwks', jwksUrl);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Valid receipt');
  });

  it('a tampered receipt fails clearly, with a non-zero exit', async () => {
    const [header, payload, signature] = receipt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, event: 'revoked' })).toString('base64url');
    writeFileSync(path.join(folder, 'tampered.jws'), `${header}.${forged}.${signature}`);

    const result = await admin('verify-receipt', path.join(folder, 'tampered.jws'), '--jwks', jwksUrl);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('admin: the receipt is NOT valid: signature verification failed\n');
  });
});
