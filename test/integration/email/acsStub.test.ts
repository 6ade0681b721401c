import { createHash, createHmac } from 'node:crypto';
import { startAcsStub, type AcsStub } from '../../support/acsStub';

/** The HMAC-SHA256 scheme as Microsoft documents it, written independently of the SDK. */
function signedHeaders(stub: AcsStub, pathAndQuery: string, body: string): Record<string, string> {
  const host = new URL(stub.endpoint).host;
  const date = new Date().toUTCString();
  const contentHash = createHash('sha256').update(body).digest('base64');
  const signature = createHmac('sha256', Buffer.from(stub.accessKey, 'base64'))
    .update(`POST\n${pathAndQuery}\n${date};${host};${contentHash}`)
    .digest('base64');
  return {
    'content-type': 'application/json',
    'x-ms-date': date,
    'x-ms-content-sha256': contentHash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}

const MESSAGE = JSON.stringify({
  senderAddress: 'DoNotReply@mail.example.com',
  recipients: { to: [{ address: 'admin@contoso.com' }] },
  content: { subject: 'Hello', plainText: 'Hello' },
});
const SEND = '/emails:send?api-version=2025-09-01';

describe('ACS stub', () => {
  let stub: AcsStub;

  beforeEach(async () => {
    stub = await startAcsStub();
  });

  afterEach(async () => {
    await stub.close();
  });

  it('accepts a request signed as documented and points to its operation', async () => {
    const response = await fetch(new URL(SEND, stub.endpoint), {
      method: 'POST',
      headers: signedHeaders(stub, SEND, MESSAGE),
      body: MESSAGE,
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('operation-location')).toMatch(/\/emails\/operations\/[0-9a-f-]+\?api-version=/);
    expect(stub.sendCount()).toBe(1);
  });

  it('refuses a body that is not the one that was signed', async () => {
    const response = await fetch(new URL(SEND, stub.endpoint), {
      method: 'POST',
      headers: signedHeaders(stub, SEND, MESSAGE),
      body: MESSAGE.replace('admin@contoso.com', 'attacker@example.com'),
    });
    expect(response.status).toBe(401);
    expect(stub.sendCount()).toBe(0);
  });

  it('refuses a message without recipients or subject (400)', async () => {
    const body = JSON.stringify({ senderAddress: 'DoNotReply@mail.example.com', recipients: { to: [] }, content: {} });
    const response = await fetch(new URL(SEND, stub.endpoint), {
      method: 'POST',
      headers: signedHeaders(stub, SEND, body),
      body,
    });
    expect(response.status).toBe(400);
    expect(stub.sendCount()).toBe(0);
  });
});
