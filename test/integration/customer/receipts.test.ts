// Receipts end to end through the local host (API.md, "Receipts"): each customer decision leaves a signed receipt
// that the partner and the customer download and that jose verifies offline against /.well-known/jwks.json; the
// disclosure digest can be recomputed from what is stored; a signing failure after a decision converges in the sweep.
import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { acceptAsCustomer } from '../../../shared/consent/customerDecisions';
import { sweepConsents } from '../../../shared/consent/sweep';
import { formTargets } from '../../../shared/customer/forms';
import { invitationFormView, partnerView } from '../../../shared/customer/views';
import { consentPageDisclosure } from '../../../shared/evidence/disclosure';
import { verifyReceipt, type ReceiptClaims } from '../../../shared/evidence/receipt';
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, customer, getPage, issuedLink, postForm, type Customer } from '../../support/customerPages';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { globalAdminOf, storedPendingConsent } from '../../support/storeFixtures';
import { refusalWords } from '../../support/words';
import { INTUNE_ADMINISTRATOR } from '../../unit/domain/fixtures';

let app: AppHost;
let csp: TestPartner;
let other: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  csp = await registeredPartner(app, 'direct-csp', { displayName: 'Fabrikam Devices' });
  other = await registeredPartner(app, 'direct-csp', { displayName: 'Someone Else' });
});
afterAll(async () => {
  await app.stop();
});

async function decided(admin: Customer, decision: 'accept' | 'decline', locale?: 'de') {
  const link = await issuedLink(app, csp, {
    customer: { tenantId: admin.tenantId, displayName: 'Woodgrove Bank', ...(locale && { locale }) },
    delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 90 },
    message: 'As agreed on the phone.',
  });
  const page = await getPage(app, link.path, { as: admin });
  const posted = await postForm(app, link.path, { csrf: csrfOf(page.html), decision, confirm: 'yes' }, { as: admin });
  if (posted.status !== 303) throw new Error(`not decided: ${posted.status}`);
  return link.consentId;
}

async function publishedKeys(): Promise<JSONWebKeySet> {
  const answer = await fetch(`${app.url}/.well-known/jwks.json`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as JSONWebKeySet;
}

async function partnerReceipt(consentId: string, query = '', partner = csp) {
  const answer = await fetch(`${app.url}/api/consent-requests/${consentId}/receipt${query}`, {
    headers: { 'x-api-key': partner.key },
  });
  return { status: answer.status, type: answer.headers.get('content-type'), body: await answer.text() };
}

async function claimsOf(jws: string): Promise<ReceiptClaims> {
  const { payload } = await compactVerify(jws, createLocalJWKSet(await publishedKeys()));
  return JSON.parse(new TextDecoder().decode(payload)) as ReceiptClaims;
}

describe('receipts', () => {
  it('an acceptance leaves a receipt the partner downloads and jose verifies against the published keys', async () => {
    const admin = customer();
    const consentId = await decided(admin, 'accept');

    const receipt = await partnerReceipt(consentId);
    const claims = await claimsOf(receipt.body);

    expect(receipt.status).toBe(200);
    expect(receipt.type).toBe('application/jose');
    expect(decodeProtectedHeader(receipt.body)).toMatchObject({ alg: 'ES256', typ: 'consent-receipt+jwt' });
    expect((await publishedKeys()).keys).toContainEqual(
      expect.objectContaining({ kid: decodeProtectedHeader(receipt.body).kid, kty: 'EC', crv: 'P-256', use: 'sig' }),
    );
    expect(claims).toMatchObject({
      iss: 'http://localhost:7071',
      sub: consentId,
      event: 'accepted',
      tid: admin.tenantId,
      partner: { id: csp.id, type: 'direct-csp', displayName: 'Fabrikam Devices' },
      delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR], durationDays: 90, autoExtend: false },
      decidedBy: { objectId: admin.objectId, userPrincipalName: admin.userPrincipalName },
      disclosure: { version: expect.any(String), locale: 'en', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('the disclosure digest is recomputed from the stored consent and the partner: the page the customer saw', async () => {
    const admin = customer();
    const consentId = await decided(admin, 'accept', 'de');
    const claims = await claimsOf((await partnerReceipt(consentId)).body);

    const consent = (await live.consents.findConsent(csp.id, consentId))!.value;
    const partner = (await live.partners.findPartner(csp.id))!.value;
    const shown = invitationFormView({ locale: 'de' }, consent, partnerView(consent.partner, partner), {
      action: '',
      csrfToken: '',
    });

    expect(consentPageDisclosure(shown)).toEqual(claims.disclosure);
    expect(claims.disclosure.locale).toBe('de');
  });

  it('a declined request has a declined receipt; none while pending (404); another partner sees none (404)', async () => {
    const admin = customer();
    const consentId = await decided(admin, 'decline');
    const pending = await issuedLink(app, csp, { customer: { tenantId: admin.tenantId } });

    expect(await claimsOf((await partnerReceipt(consentId, '?event=declined')).body)).toMatchObject({
      event: 'declined',
      decidedBy: { objectId: admin.objectId },
    });
    expect((await partnerReceipt(pending.consentId)).status).toBe(404);
    expect((await partnerReceipt(consentId, '?event=accepted')).status).toBe(404);
    expect((await partnerReceipt(consentId, '', other)).status).toBe(404);
    expect((await partnerReceipt(consentId, '?event=maybe')).status).toBe(400);
  });

  it('a customer revocation leaves a revoked receipt the customer downloads from /partners; the accepted one stays', async () => {
    const admin = customer();
    const consentId = await decided(admin, 'accept');
    const before = await getPage(app, '/partners', { as: admin });
    expect(before.html).toContain(`href="/partners/${consentId}/receipt"`);

    const csrf = live.forms.token(admin, formTargets.revoke(consentId));
    const revoked = await postForm(app, `/partners/${consentId}/revoke`, { csrf, confirm: 'yes' }, { as: admin });
    const after = await getPage(app, revoked.headers.get('location')!, { as: admin });
    const download = await getPage(app, `/partners/${consentId}/receipt`, { as: admin });

    expect(after.html).toContain(`href="/partners/${consentId}/receipt"`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/jose');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="consent-receipt-${consentId}.jws"`);
    expect(await claimsOf(download.html)).toMatchObject({
      event: 'revoked',
      decidedBy: { objectId: admin.objectId },
      disclosure: { locale: 'en' },
    });
    expect(await claimsOf((await partnerReceipt(consentId, '?event=accepted')).body)).toMatchObject({
      event: 'accepted',
    });
  });

  it('another organization’s administrator gets no receipt; a tampered receipt fails verification', async () => {
    const admin = customer();
    const consentId = await decided(admin, 'accept');
    const jws = (await partnerReceipt(consentId)).body;
    const [header, payload, signature] = jws.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as ReceiptClaims;
    const forged = Buffer.from(JSON.stringify({ ...claims, tid: customer().tenantId })).toString('base64url');

    expect((await getPage(app, `/partners/${consentId}/receipt`, { as: customer() })).status).toBe(404);
    // R6: a user of the same organization who is no Global Administrator is told so, as on /partners.
    const colleague = customer({ tenantId: admin.tenantId, globalAdmin: false });
    const refused = await getPage(app, `/partners/${consentId}/receipt`, { as: colleague });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(refusalWords('en', 'not-global-admin').title);
    await expect(verifyReceipt(`${header}.${forged}.${signature}`, await publishedKeys())).rejects.toThrow();
  });

  it('signing failing after a decision leaves it decided, with no receipt, until the sweep issues it', async () => {
    const partner = (await live.partners.findPartner(csp.id))!.value;
    const admin = globalAdminOf();
    const consent = await storedPendingConsent(partner, admin.tenantId);
    const failing = {
      ...live,
      receiptSigner: {
        current: () => Promise.reject(new Error('Key Vault unavailable')),
        publicKeys: () => live.receiptSigner.publicKeys(),
      },
    };
    const disclosure = { version: 'test', locale: 'en' as const, sha256: '0'.repeat(64) };
    const target = { partnerId: partner.id, consentId: consent.id, disclosure };

    await expect(acceptAsCustomer(failing, target, admin)).rejects.toThrow('Key Vault unavailable');
    expect((await live.consents.findConsent(partner.id, consent.id))?.value.status).toBe('accepted');
    expect((await partnerReceipt(consent.id)).status).toBe(404);

    const report = await sweepConsents(live);

    expect(report.receipts).toBeGreaterThanOrEqual(1);
    expect(await claimsOf((await partnerReceipt(consent.id)).body)).toMatchObject({ event: 'accepted', disclosure });
  });
});
