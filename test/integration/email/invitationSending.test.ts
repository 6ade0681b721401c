// The invitation email end to end on the local host: partner API → queue → sender → the ACS stub (real EmailClient,
// HMAC-signed) → the consent's email field and audit trail. Its own Azurite, so no other file's host takes a message.
import { newLinkNonce } from '../../../shared/auth/linkTokens';
import { liveDependencies as live } from '../../../shared/consent/dependencies';
import { issueConsent } from '../../../shared/domain/consent';
import { INVITATION_COPY } from '../../../shared/email/invitationCopy';
import { invitationOperationId } from '../../../shared/email/operationId';
import type { AcsStub } from '../../support/acsStub';
import type { AppHost } from '../../support/appHost';
import { SENDER, startEmailPipeline, type EmailPipeline } from '../../support/emailPipeline';
import { eventually } from '../../support/localHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { storedPartner } from '../../support/storeFixtures';

let pipeline: EmailPipeline;
let stub: AcsStub;
let app: AppHost;
let csp: TestPartner;

beforeAll(async () => {
  pipeline = await startEmailPipeline();
  ({ stub, app } = pipeline);
  csp = await registeredPartner(app, 'direct-csp', { microsoftPartnerId: '1234567' });
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

afterEach(() => {
  // Every send reached the stub with a valid signature.
  expect(stub.unauthorized).toBe(0);
});

async function issue(partner: TestPartner, body: Record<string, unknown> = {}) {
  const response = await app.call('POST', '/api/consent-requests', {
    key: partner.key,
    body: { customer: { contactEmail: 'admin@contoso.example', contactName: 'Ada Admin' }, ...body },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; consentUrl: string };
}

async function consent(partner: TestPartner, id: string) {
  return (await app.call('GET', `/api/consent-requests/${id}`, { key: partner.key })).body;
}

async function events(partner: TestPartner, id: string): Promise<{ type: string; data?: Record<string, unknown> }[]> {
  return (await app.call('GET', `/api/consent-requests/${id}/events`, { key: partner.key })).body;
}

/** The consent once its email has left `queued`. */
async function settledEmail(partner: TestPartner, id: string, timeoutMs = 10_000) {
  return eventually(async () => {
    const current = await consent(partner, id);
    return current.email.status === 'queued' ? undefined : current;
  }, timeoutMs);
}

function sentTo(operationId: string) {
  return stub.sends.find((sent) => sent.operationId === operationId)?.message;
}

function deliveries(consentId: string): string[] {
  return app.log.filter((line) => line.includes(`[sendInvitationEmail] Invitation email for consent ${consentId}`));
}

describe('invitation email through ACS (D3, R4)', () => {
  it('R4: the invitation arrives with the working link, the partner as reply-to, and the consent shows it sent', async () => {
    const issued = await issue(csp);
    const settled = await settledEmail(csp, issued.id);
    expect(settled.email).toEqual({ status: 'sent', sentAt: expect.any(String) });
    const message = sentTo(invitationOperationId(issued.id, 1));
    expect(message).toMatchObject({
      senderAddress: SENDER,
      recipients: { to: [{ address: 'admin@contoso.example', displayName: 'Ada Admin' }] },
      replyTo: [{ address: `${csp.type}@partner.example`, displayName: 'Contoso direct-csp' }],
    });
    expect(message?.content.plainText).toContain(issued.consentUrl);
    expect(message?.content.html).toContain(`href="${issued.consentUrl}"`);
    expect(message?.content.html).toContain('1234567');
    expect((await events(csp, issued.id)).map((event) => event.type)).toEqual(['consent.issued', 'email.sent']);
  });

  it('D3: one email per consent even when the same message is delivered twice', async () => {
    const issued = await issue(csp);
    await live.invitations.enqueueInvitation({ partnerId: csp.id, consentId: issued.id, linkVersion: 1 });
    await eventually(() => (deliveries(issued.id).length >= 2 ? true : undefined));
    const emailsWithThisLink = stub.sends.filter((sent) => sent.message.content.plainText?.includes(issued.consentUrl));
    expect(emailsWithThisLink).toHaveLength(1);
    expect((await consent(csp, issued.id)).email.status).toBe('sent');
    expect((await events(csp, issued.id)).filter((event) => event.type === 'email.sent')).toHaveLength(1);
  });

  it('D3: throttled (429 + Retry-After) is sent once, not before Retry-After, showing why it waits meanwhile', async () => {
    stub.failNext(1, { status: 429, retryAfterSeconds: 3 });
    const issued = await issue(csp);
    const operationId = invitationOperationId(issued.id, 1);
    const waiting = await eventually(async () => {
      const current = await consent(csp, issued.id);
      return current.email.lastError ? current : undefined;
    });
    expect(waiting.email).toEqual({ status: 'queued', lastError: expect.stringContaining('429') });
    const settled = await settledEmail(csp, issued.id);
    expect(settled.email).toEqual({ status: 'sent', sentAt: expect.any(String) });
    const attempts = stub.sendLog.filter((request) => request.operationId === operationId);
    expect(attempts.map((request) => request.status)).toEqual([429, 202]);
    // The host's own retry would have come after one second; Retry-After asked for three.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(3_000);
    expect(stub.sendCount(operationId)).toBe(1);
  });

  it('D3: a permanent refusal (400) marks the email failed at once, with the reason the partner can read', async () => {
    stub.failNext(1, { status: 400, code: 'InvalidRecipient', message: 'The recipient address is not valid' });
    const issued = await issue(csp);
    const settled = await settledEmail(csp, issued.id);
    expect(settled.email).toEqual({
      status: 'failed',
      lastError:
        'ACS refused the email, the message was rejected as invalid (400 InvalidRecipient: The recipient address is not valid)',
    });
    expect(stub.sendLog.filter((request) => request.operationId === invitationOperationId(issued.id, 1))).toHaveLength(
      1,
    );
    expect((await events(csp, issued.id)).at(-1)).toMatchObject({
      type: 'email.failed',
      data: { linkVersion: 1, reason: settled.email.lastError },
    });
  });

  it('D3: repeated server errors (500) fail the email at the fifth attempt, counted on the consent, with no poisoned message', async () => {
    stub.failNext(5, { status: 500, message: 'Internal error' });
    const issued = await issue(csp);
    const settled = await settledEmail(csp, issued.id, 25_000);
    expect(settled.email.status).toBe('failed');
    expect(settled.email.lastError).toMatch(
      /^The invitation email could not be sent after 5 attempts; last error: ACS is unavailable \(500 .*Internal error\)$/,
    );
    expect(stub.sendLog.filter((request) => request.operationId === invitationOperationId(issued.id, 1))).toHaveLength(
      5,
    );
    expect(stub.sendCount(invitationOperationId(issued.id, 1))).toBe(0);
    const failedAtFifth = `consent ${issued.id} (link version 1): failed: The invitation email could not be sent after 5 attempts`;
    expect(app.log.some((line) => line.includes(failedAtFifth))).toBe(true);
    expect(app.log.some((line) => line.includes('moved to invitation-emails-poison'))).toBe(false);
  }, 30_000);

  it('item 5: a consent cancelled while its invitation waits out a 429 is never emailed; the partner sees not-sent and why', async () => {
    stub.failNext(1, { status: 429, retryAfterSeconds: 2 });
    const issued = await issue(csp);
    await eventually(async () => ((await consent(csp, issued.id)).email.lastError ? true : undefined));
    const cancelled = await app.call('POST', `/api/consent-requests/${issued.id}/cancel`, { key: csp.key });
    expect(cancelled.status).toBe(200);

    const settled = await settledEmail(csp, issued.id);
    const reason = 'The consent was cancelled before the invitation was sent.';
    expect(settled.email).toEqual({ status: 'not-sent', lastError: reason });
    expect((await events(csp, issued.id)).slice(-2)).toEqual([
      expect.objectContaining({ type: 'consent.cancelled' }),
      expect.objectContaining({ type: 'email.not-sent', data: { linkVersion: 1, reason } }),
    ]);
    expect(stub.sendLog.filter((request) => request.operationId === invitationOperationId(issued.id, 1))).toHaveLength(
      1,
    );
    expect(stub.sendCount(invitationOperationId(issued.id, 1))).toBe(0);
  });

  it('D3: a message that arrives before its consent is stored is retried, then sent', async () => {
    const partner = await storedPartner('direct-csp');
    const now = live.now();
    const early = {
      ...issueConsent({
        id: live.newConsentId(now),
        partner,
        request: { customer: { contactEmail: 'admin@fabrikam.example' } },
        now,
      }),
      linkNonce: newLinkNonce(),
    };
    await live.invitations.enqueueInvitation({ partnerId: partner.id, consentId: early.id, linkVersion: 1 });
    await eventually(() =>
      app.log.some((line) => line.includes(`consent ${early.id} (link version 1): not sent, will retry`))
        ? true
        : undefined,
    );
    await live.consents.insertConsent(early);
    await eventually(async () =>
      (await live.consents.findConsent(partner.id, early.id))?.value.email.status === 'sent' ? true : undefined,
    );
    const message = sentTo(invitationOperationId(early.id, 1));
    expect(message?.content.plainText).toContain(live.consentLinks.invitation(early.linkNonce).url);
  });

  it('D3: after a resend, the replaced link is not emailed and the new link is', async () => {
    stub.failNext(1, { status: 429, retryAfterSeconds: 3 });
    const issued = await issue(csp);
    await eventually(() =>
      stub.sendLog.some((request) => request.operationId === invitationOperationId(issued.id, 1)) ? true : undefined,
    );
    const resent = await app.call('POST', `/api/consent-requests/${issued.id}/resend`, { key: csp.key });
    expect(resent.status).toBe(200);
    const settled = await settledEmail(csp, issued.id);
    expect(settled.email.status).toBe('sent');
    expect(sentTo(invitationOperationId(issued.id, 2))?.content.plainText).toContain(resent.body.consentUrl);
    await eventually(
      () =>
        deliveries(issued.id).some((line) => line.includes('(link version 1): dropped: link version 1 was replaced'))
          ? true
          : undefined,
      10_000,
    );
    expect(stub.sendCount(invitationOperationId(issued.id, 1))).toBe(0);
    expect(stub.sendCount(invitationOperationId(issued.id, 2))).toBe(1);
  });

  it('R4: a customer with locale de gets the German invitation', async () => {
    const issued = await issue(csp, {
      customer: { contactEmail: 'admin@contoso.example', locale: 'de' },
      delegatedAdmin: { roles: ['3a2c62db-5318-420d-8d74-23affee5d9d5'], durationDays: 180 },
    });
    await settledEmail(csp, issued.id);
    const message = sentTo(invitationOperationId(issued.id, 1));
    const copy = INVITATION_COPY.de;
    expect(message?.content.subject).toBe(copy.subject('Contoso direct-csp'));
    expect(message?.content.html).toContain('<html lang="de">');
    expect(message?.content.html).toContain('Intune Administrator');
    expect(message?.content.plainText).toContain(copy.greeting(undefined));
  });

  it('R4: partner-supplied names and messages arrive HTML-escaped', async () => {
    const partner = await registeredPartner(app, 'direct-csp', {
      displayName: 'Fabrikam <script>alert(1)</script> & Co',
    });
    const issued = await issue(partner, { message: 'Hello <img src=x onerror=alert(2)>\n"quoted" & more' });
    await settledEmail(partner, issued.id);
    const html = sentTo(invitationOperationId(issued.id, 1))?.content.html ?? '';
    expect(html).toContain('Fabrikam &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).toContain('Hello &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
  });
});
