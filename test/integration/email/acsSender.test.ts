import { renderInvitation } from '../../../shared/email/invitation';
import { createAcsSender, invitationOperationId, type OutgoingEmail } from '../../../shared/email/sender';
import { startAcsStub, type AcsStub } from '../../support/acsStub';

const SENDER = 'DoNotReply@mail.consent.example.com';

function invitationEmail(consentId = 'consent-1', linkVersion = 1): OutgoingEmail {
  const rendered = renderInvitation({
    locale: 'de',
    to: { address: 'admin@contoso.com', displayName: 'Ada Admin' },
    partner: { displayName: 'Fabrikam <b>Ltd</b>', kind: 'direct-csp', contactEmail: 'csp@fabrikam.com' },
    warnings: [],
    consentUrl: 'https://consent.example.com/consent/abc',
    expiresAt: new Date('2026-12-24T10:15:00.000Z'),
  });
  return {
    operationId: invitationOperationId(consentId, linkVersion),
    to: { address: 'admin@contoso.com', displayName: 'Ada Admin' },
    replyTo: { address: 'csp@fabrikam.com', displayName: 'Fabrikam Ltd' },
    ...rendered,
  };
}

describe('ACS invitation sender (real EmailClient against the loopback ACS stub)', () => {
  let stub: AcsStub;

  beforeEach(async () => {
    stub = await startAcsStub();
  });

  afterEach(async () => {
    await stub.close();
  });

  function sender(connectionString = stub.connectionString) {
    return createAcsSender({
      connection: { kind: 'connectionString', connectionString },
      senderAddress: SENDER,
      pollIntervalMs: 10,
    });
  }

  it('D3: an invitation arrives signed with the access key, complete, and counted once', async () => {
    const email = invitationEmail();
    await expect(sender().send(email)).resolves.toEqual({ outcome: 'sent' });
    expect(stub.unauthorized).toBe(0);
    expect(stub.sendCount(email.operationId)).toBe(1);
    expect(stub.sends[0]?.message).toEqual({
      senderAddress: SENDER,
      recipients: { to: [{ address: 'admin@contoso.com', displayName: 'Ada Admin' }] },
      content: { subject: email.subject, html: email.html, plainText: email.text },
      replyTo: [{ address: 'csp@fabrikam.com', displayName: 'Fabrikam Ltd' }],
      userEngagementTrackingDisabled: true,
    });
    expect(stub.sends[0]?.message.content.html).toContain('Fabrikam &lt;b&gt;Ltd&lt;/b&gt;');
  });

  it('D3: the same operation id sent twice (a re-delivered queue message) is one email', async () => {
    const email = invitationEmail('consent-7', 2);
    await expect(sender().send(email)).resolves.toEqual({ outcome: 'sent' });
    await expect(sender().send(email)).resolves.toEqual({ outcome: 'sent' });
    expect(stub.sendRequests).toBe(2);
    expect(stub.sendCount()).toBe(1);
    await sender().send(invitationEmail('consent-7', 3));
    expect(stub.sendCount()).toBe(2);
  });

  it('D3: a throttled send (429 + Retry-After) is returned for a retry after that delay, without waiting inside', async () => {
    stub.failNext(1, { status: 429, retryAfterSeconds: 42 });
    const email = invitationEmail();
    const started = Date.now();
    const result = await sender().send(email);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({
      outcome: 'retry',
      retryAfterSeconds: 42,
      reason: expect.stringContaining('429') as string,
      throttled: true,
    });
    expect(stub.sendRequests).toBe(1);
    expect(stub.sendCount()).toBe(0);
    await expect(sender().send(email)).resolves.toEqual({ outcome: 'sent' });
    expect(stub.sendCount(email.operationId)).toBe(1);
  });

  it('D3: a server error (500) is returned for a retry, not retried in a loop by the SDK', async () => {
    stub.failNext(3, { status: 500 });
    const result = await sender().send(invitationEmail());
    expect(result).toMatchObject({
      outcome: 'retry',
      reason: expect.stringContaining('500') as string,
      throttled: false,
    });
    expect(result.outcome === 'retry' && result.retryAfterSeconds).toBeGreaterThan(0);
    expect(stub.sendRequests).toBe(1);
  });

  it('D3: a permanent refusal (400) fails at once with a reason a person can read', async () => {
    stub.failNext(1, { status: 400, code: 'InvalidRecipient', message: 'The recipient address is not valid' });
    const result = await sender().send(invitationEmail());
    expect(result).toEqual({
      outcome: 'failed',
      reason:
        'ACS refused the email, the message was rejected as invalid (400 InvalidRecipient: The recipient address is not valid)',
    });
  });

  it('D3: a wrong access key is refused by the stub (the signature is checked) and the sender reports failure', async () => {
    const wrongKey = Buffer.alloc(32, 7).toString('base64');
    const result = await sender(`endpoint=${stub.endpoint};accesskey=${wrongKey}`).send(invitationEmail());
    expect(stub.unauthorized).toBe(1);
    expect(stub.sendCount()).toBe(0);
    expect(result).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('401') as string });
    expect(JSON.stringify(result)).not.toContain(wrongKey);
    expect(JSON.stringify(result)).not.toContain(stub.accessKey);
  });

  it('D3: an operation that ACS accepted but then could not deliver fails with its reason', async () => {
    stub.failNextOperations(1, { code: 'EmailDroppedAllRecipientsSuppressed', message: 'All recipients suppressed' });
    const result = await sender().send(invitationEmail());
    expect(result).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('EmailDroppedAllRecipientsSuppressed') as string,
    });
  });

  it('D3: a send that ACS does not finish in time is returned for a retry (same operation id, so still once)', async () => {
    stub.stallNextOperations(1);
    const slow = createAcsSender({
      connection: { kind: 'connectionString', connectionString: stub.connectionString },
      senderAddress: SENDER,
      pollIntervalMs: 10,
      timeoutMs: 300,
    });
    const email = invitationEmail();
    const started = Date.now();
    await expect(slow.send(email)).resolves.toEqual({
      outcome: 'retry',
      retryAfterSeconds: 30,
      reason: 'ACS did not confirm the send in time',
      throttled: false,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(slow.send(email)).resolves.toMatchObject({ outcome: 'retry' });
    expect(stub.sendCount()).toBe(1);
  });

  it('D3: an unreachable ACS is returned for a retry', async () => {
    const closed = stub.connectionString;
    await stub.close();
    const result = await sender(closed).send(invitationEmail());
    stub = await startAcsStub();
    expect(result).toMatchObject({
      outcome: 'retry',
      reason: expect.stringContaining('could not be reached') as string,
    });
  });

  it('refuses plain http to anything but loopback', () => {
    expect(() =>
      createAcsSender({
        connection: { kind: 'connectionString', connectionString: 'endpoint=http://acs.example.com/;accesskey=a2V5' },
        senderAddress: SENDER,
      }),
    ).toThrow(/https/);
    expect(() =>
      createAcsSender({ connection: { kind: 'identity', endpoint: 'https://acs.example.com' }, senderAddress: SENDER }),
    ).not.toThrow();
  });
});
