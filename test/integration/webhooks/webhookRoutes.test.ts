// The webhook routes over HTTP, and the whole way from a customer's acceptance to a receiver that verifies the delivery
// with the standardwebhooks library (API.md Part 2, "Webhooks").
import { Webhook } from 'standardwebhooks';
import { memoryHostLog } from '../../../dev/hostLog';
import { startQueueRunner, type QueueRunner } from '../../../dev/queueRunner';
import { registeredFunctions, type QueueFunctionDefinition } from '../../../shared/functionRegistry';
import { QUEUE_SETTINGS } from '../../../shared/hostSettings';
import { queueServiceClient } from '../../../shared/storage/clients';
import { QUEUES } from '../../../shared/storage/tableNames';
import { startAppHost, type AppHost } from '../../support/appHost';
import { csrfOf, customer, getPage, issuedLink, postForm, type Customer } from '../../support/customerPages';
import { eventually } from '../../support/localHost';
import { registeredPartner, type TestPartner } from '../../support/partners';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhookReceiver';

let app: AppHost;
let deliveries: QueueRunner;
let receiver: WebhookReceiver;
let csp: TestPartner;

beforeAll(async () => {
  app = await startAppHost();
  // Only the webhook queues: other test files' invitation emails are theirs to send.
  const webhookQueues: string[] = [QUEUES.webhookEvents, QUEUES.webhookDeliveries];
  const queued = registeredFunctions().filter(
    (f): f is QueueFunctionDefinition => f.trigger === 'queue' && webhookQueues.includes(f.queueName),
  );
  deliveries = startQueueRunner(
    queued,
    queueServiceClient(),
    { ...QUEUE_SETTINGS, maxPollingIntervalMs: 200 },
    memoryHostLog(),
  );
  receiver = await startWebhookReceiver();
  csp = await registeredPartner(app, 'direct-csp');
}, 30_000);

afterAll(async () => {
  await deliveries?.stop();
  await receiver?.close();
  await app?.stop();
});

async function register(partner: TestPartner, body: Record<string, unknown>) {
  return app.call('POST', '/api/webhooks', { key: partner.key, body });
}

async function accept(path: string, as: Customer) {
  const page = await getPage(app, path, { as });
  return postForm(app, path, { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' }, { as });
}

describe('registering webhook endpoints', () => {
  it('answers 201 with the whsec_ secret once; list and read never show it', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const created = await register(partner, { url: receiver.url, description: 'Our CRM' });

    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/webhooks/${created.body.id}`);
    expect(created.body).toMatchObject({ url: receiver.url, description: 'Our CRM', status: 'active' });
    expect(created.body.events).toContain('consent.accepted');
    expect(Buffer.from((created.body.secret as string).replace(/^whsec_/, ''), 'base64').length).toBeGreaterThanOrEqual(
      24,
    );
    const listed = await app.call('GET', '/api/webhooks', { key: partner.key });
    const read = await app.call('GET', `/api/webhooks/${created.body.id}`, { key: partner.key });
    expect(listed.body.items).toEqual([read.body]);
    expect(JSON.stringify([listed.body, read.body])).not.toContain('whsec_');
  });

  it('refuses a bad body with 400 naming the field, and registers nothing', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const badEvents = await register(partner, { url: receiver.url, events: ['consent.nibbled'] });
    const noUrl = await register(partner, { events: ['consent.accepted'] });
    const ftp = await register(partner, { url: 'ftp://example.com/hooks' });

    expect(badEvents.status).toBe(400);
    expect(badEvents.headers.get('content-type')).toContain('application/problem+json');
    expect(badEvents.body.errors[0].path).toBe('events.0');
    expect(noUrl.body.errors[0].path).toBe('url');
    expect(ftp.body).toMatchObject({ status: 400, errors: [{ path: 'url' }] });
    expect((await app.call('GET', '/api/webhooks', { key: partner.key })).body.items).toEqual([]);
  });

  it('refuses, even on the local host, metadata, private and credential-carrying URLs, and never shows a password', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const urls = ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/x', 'https://user:pw@example.com/x'];
    const answers = await Promise.all(urls.map((url) => register(partner, { url })));

    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400]);
    expect(answers.map((answer) => answer.body.errors[0].path)).toEqual(['url', 'url', 'url']);
    const listed = await app.call('GET', '/api/webhooks', { key: partner.key });
    expect(listed.body.items).toEqual([]);
    expect(JSON.stringify(answers.map((answer) => answer.body))).not.toContain('pw@');
  });

  it('allows at most 10 endpoints per partner: the eleventh is 409 and is not stored', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const answers = await Promise.all(Array.from({ length: 12 }, () => register(partner, { url: receiver.url })));
    const made = answers.filter((answer) => answer.status === 201).length;
    // Racing registrations may be told to try again (409) but never make more than ten.
    expect(answers.every((answer) => [201, 409].includes(answer.status))).toBe(true);
    for (let i = made; i < 10; i++) expect((await register(partner, { url: receiver.url })).status).toBe(201);
    const eleventh = await register(partner, { url: receiver.url });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.detail).toContain('at most 10');
    expect((await app.call('GET', '/api/webhooks?pageSize=100', { key: partner.key })).body.items).toHaveLength(10);
  });

  it("another partner's endpoint is 404 on every route, exactly as if it did not exist", async () => {
    const owner = await registeredPartner(app, 'direct-csp');
    const other = await registeredPartner(app, 'direct-csp');
    const { body } = await register(owner, { url: receiver.url });
    for (const [method, suffix] of [
      ['GET', ''],
      ['DELETE', ''],
      ['POST', '/rotate-secret'],
      ['POST', '/test'],
      ['GET', '/deliveries'],
    ] as const) {
      const answer = await app.call(method, `/api/webhooks/${body.id}${suffix}`, { key: other.key });
      expect([method, suffix, answer.status]).toEqual([method, suffix, 404]);
    }
    expect((await app.call('GET', `/api/webhooks/${body.id}`, { key: owner.key })).status).toBe(200);
    for (const method of ['GET', 'DELETE']) {
      expect((await app.call(method, '/api/webhooks/~roster', { key: owner.key })).status).toBe(404);
    }
  });

  it('DELETE answers 204, then the endpoint is gone (404)', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const { body } = await register(partner, { url: receiver.url });
    expect((await app.call('DELETE', `/api/webhooks/${body.id}`, { key: partner.key })).status).toBe(204);
    expect((await app.call('GET', `/api/webhooks/${body.id}`, { key: partner.key })).status).toBe(404);
    expect((await app.call('DELETE', `/api/webhooks/${body.id}`, { key: partner.key })).status).toBe(404);
  });
});

describe('delivering events', () => {
  it('Done when: a customer accepts and the receiver gets consent.accepted that standardwebhooks verifies', async () => {
    const { body: endpoint } = await register(csp, { url: receiver.url, events: ['consent.accepted'] });
    const admin = customer();
    const link = await issuedLink(app, csp, { customer: { tenantId: admin.tenantId } });
    const before = receiver.received.length;

    expect((await accept(link.path, admin)).status).toBe(303);

    const delivery = await eventually(() =>
      receiver.received.slice(before).find((d) => d.headers['webhook-id'] === `${link.consentId}.accepted`),
    );
    const payload = new Webhook(endpoint.secret as string).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(payload).toMatchObject({
      type: 'consent.accepted',
      data: { consent: { id: link.consentId, status: 'accepted', customer: { tenantId: admin.tenantId } } },
    });
    expect(Buffer.byteLength(delivery.body)).toBeLessThan(20 * 1024);
    const listed = await eventually(async () => {
      const page = await app.call('GET', `/api/webhooks/${endpoint.id}/deliveries`, { key: csp.key });
      return page.body.items[0]?.status === 'delivered' ? page.body.items[0] : undefined;
    });
    expect(listed).toEqual({
      id: `${link.consentId}.accepted`,
      type: 'consent.accepted',
      consentId: link.consentId,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 204,
      lastAttemptAt: expect.any(String),
    });
    await app.call('DELETE', `/api/webhooks/${endpoint.id}`, { key: csp.key });
  });

  it('a receiver that fails gets the same webhook-id again, about 5 s later, with a fresh signature', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const { body: endpoint } = await register(partner, { url: receiver.url });
    receiver.answerNext({ status: 500 });
    const before = receiver.received.length;

    const test = await app.call('POST', `/api/webhooks/${endpoint.id}/test`, { key: partner.key });

    expect(test.status).toBe(202);
    const [first, second] = await eventually(() => {
      const mine = receiver.received.slice(before).filter((d) => d.headers['webhook-id'] === test.body.id);
      return mine.length >= 2 ? mine : undefined;
    }, 20_000);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(4_000);
    expect(second!.headers['webhook-signature']).not.toBe(first!.headers['webhook-signature']);
    const webhook = new Webhook(endpoint.secret as string);
    expect(webhook.verify(second!.body, second!.headers as Record<string, string>)).toMatchObject({
      type: 'webhook.test',
    });
    const listed = await eventually(async () => {
      const page = await app.call('GET', `/api/webhooks/${endpoint.id}/deliveries`, { key: partner.key });
      return page.body.items[0]?.status === 'delivered' ? page.body.items[0] : undefined;
    });
    expect(listed).toMatchObject({ id: test.body.id, attempts: 2, lastStatusCode: 204 });
  }, 30_000);

  it('after rotate-secret, deliveries carry signatures by both secrets, each verifying alone', async () => {
    const partner = await registeredPartner(app, 'direct-csp');
    const { body: endpoint } = await register(partner, { url: receiver.url });
    const rotated = await app.call('POST', `/api/webhooks/${endpoint.id}/rotate-secret`, { key: partner.key });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
    const before = receiver.received.length;

    const test = await app.call('POST', `/api/webhooks/${endpoint.id}/test`, { key: partner.key });

    const delivery = await eventually(() =>
      receiver.received.slice(before).find((d) => d.headers['webhook-id'] === test.body.id),
    );
    expect((delivery.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret as string, rotated.body.secret as string]) {
      expect(new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>)).toMatchObject({
        type: 'webhook.test',
      });
    }
  });
});
