// SSRF refused at both ends: registering a URL that reaches inside, and a delivery whose host has since been pointed
// inside (DNS rebinding) — the connection itself goes only to an address checked at that moment.
import type { Partner } from '../../../shared/domain/partners';
import { liveWebhookDependencies, type WebhookDependencies } from '../../../shared/webhooks/dependencies';
import { listWebhooks, registerWebhook } from '../../../shared/webhooks/endpoints';
import { webhookPoster } from '../../../shared/webhooks/post';
import { storedPartner } from '../../support/storeFixtures';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhookReceiver';

let receiver: WebhookReceiver;
beforeAll(async () => (receiver = await startWebhookReceiver()));
afterAll(() => receiver.close());

const post = (url: string) => ({ url, headers: { 'content-type': 'application/json' }, body: '{}' });

describe('registering in Azure (public targets)', () => {
  const azure = (addresses: string[]): WebhookDependencies => ({
    ...liveWebhookDependencies,
    targets: 'public',
    resolveHost: async () => addresses,
  });
  let partner: Partner;
  beforeAll(async () => (partner = await storedPartner('direct-csp')));

  it('refuses a host that resolves to a private address with 400 naming url, and stores nothing', async () => {
    const registering = registerWebhook(azure(['10.0.0.5']), partner, { url: 'https://hooks.partner.example/in' });

    await expect(registering).rejects.toMatchObject({
      kind: 'validation',
      errors: [{ path: 'url', message: expect.stringContaining('10.0.0.5') }],
    });
    expect((await listWebhooks(azure([]), partner, { pageSize: 10 })).items).toEqual([]);
  });

  it('refuses http:// and accepts https:// to a public address', async () => {
    await expect(
      registerWebhook(azure(['20.50.2.1']), partner, { url: 'http://hooks.partner.example/in' }),
    ).rejects.toMatchObject({ errors: [{ path: 'url', message: 'must be an https:// URL' }] });
    const made = await registerWebhook(azure(['20.50.2.1']), partner, { url: 'https://hooks.partner.example/in' });
    expect(made).toMatchObject({ url: 'https://hooks.partner.example/in', status: 'active' });
  });
});

describe('delivering in Azure (public targets)', () => {
  it('does not connect when the host now resolves to loopback', async () => {
    const port = new URL(receiver.url).port;
    const result = await webhookPoster('public', async () => ['127.0.0.1'])(
      post(`https://hooks.partner.example:${port}/`),
    );
    expect(result.statusCode).toBeUndefined();
    expect(result.error).toContain('127.0.0.1');
    expect(receiver.received).toHaveLength(0);
  });

  it('does not connect when the name is rebound between the check and the connection', async () => {
    const answers = [['20.50.2.1'], ['127.0.0.1']];
    const port = new URL(receiver.url).port;
    const result = await webhookPoster(
      'public',
      async () => answers.shift() ?? ['127.0.0.1'],
    )(post(`https://rebinding.partner.example:${port}/`));
    expect(result.error).toContain('rebinding.partner.example resolves to an address that may not receive webhooks');
    expect(receiver.received).toHaveLength(0);
  });
});

describe('delivering on the local host', () => {
  it('posts to a loopback receiver and reports its status and Retry-After', async () => {
    receiver.answerNext({ status: 429, headers: { 'retry-after': '30' } });
    const result = await webhookPoster('local')(post(receiver.url));
    expect(result).toEqual({ statusCode: 429, retryAfter: '30' });
    expect(receiver.received.at(-1)!.body).toBe('{}');
  });

  it('does not connect when a name is rebound to a private address between the check and the connection', async () => {
    const answers = [['127.0.0.1'], ['10.0.0.5']];
    const port = new URL(receiver.url).port;
    const result = await webhookPoster(
      'local',
      async () => answers.shift() ?? ['10.0.0.5'],
    )(post(`http://rebinding.partner.example:${port}/`));
    expect(result.error).toContain('rebinding.partner.example resolves to an address that may not receive webhooks');
  });

  it('gives up on a receiver that does not answer within the timeout, with no status', async () => {
    receiver.answerNext({ status: 200, hang: true });
    const result = await webhookPoster('local', undefined, 300)(post(receiver.url));
    expect(result).toEqual({ error: 'no answer within 0.3 s' });
  });
});
