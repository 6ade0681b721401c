// The local host serves functions registered through the same helper as the app, with the Functions host's semantics.
import { randomUUID } from 'node:crypto';
import { registerHttp, registerQueue, registerTimer, registeredFunctions } from '../../../shared/functionRegistry';
import { queueServiceClient } from '../../../shared/storage/clients';
import { eventually, startTestHost, type TestHost } from '../../support/localHost';

const suffix = randomUUID().slice(0, 8);
const QUEUE = `host-test-${suffix}`;
const FAILING_QUEUE = `host-test-failing-${suffix}`;
const delivered: unknown[] = [];
const failingAttempts: number[] = [];
let timerFired = 0;

registerHttp('echo', {
  route: 'api/things/{id:guid}/{label?}',
  methods: ['GET', 'POST'],
  handler: async (request) => ({
    jsonBody: {
      params: request.params,
      query: request.query.get('q'),
      header: request.headers.get('x-test'),
      cookie: request.headers.get('cookie'),
      body: request.method === 'POST' ? await request.text() : undefined,
    },
    cookies: [{ name: 'seen', value: 'yes', httpOnly: true, path: '/' }],
  }),
});
registerQueue('collect', {
  queueName: QUEUE,
  handler: async (message) => {
    delivered.push(message);
  },
});
registerQueue('alwaysFails', {
  queueName: FAILING_QUEUE,
  handler: async (_message, context) => {
    failingAttempts.push(Number(context.triggerMetadata?.dequeueCount));
    throw new Error('downstream refused');
  },
});
registerTimer('everySecond', {
  schedule: '* * * * * *',
  handler: async () => {
    timerFired++;
  },
});

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost(registeredFunctions(), {
    queueSettings: {
      batchSize: 4,
      maxDequeueCount: 3,
      visibilityTimeoutSeconds: 0,
      maxPollingIntervalMs: 200,
      messageEncoding: 'base64',
    },
  });
});

afterAll(async () => {
  await host.stop();
});

function base64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

describe('local host: HTTP triggers', () => {
  it('routes by template, with constraints, optional segments, query, headers, cookies and body', async () => {
    const id = randomUUID();
    const response = await fetch(`${host.url}/api/things/${id}/blue?q=search`, {
      method: 'POST',
      headers: { 'x-test': 'here', cookie: 'a=1; b=2', 'content-type': 'text/plain' },
      body: 'raw body',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      params: { id, label: 'blue' },
      query: 'search',
      header: 'here',
      cookie: 'a=1; b=2',
      body: 'raw body',
    });
    expect(response.headers.get('set-cookie')).toBe('seen=yes; Path=/; HttpOnly');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not match when a constraint fails or the method is not registered', async () => {
    expect((await fetch(`${host.url}/api/things/not-a-guid`)).status).toBe(404);
    expect((await fetch(`${host.url}/api/things/${randomUUID()}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('logs one line per invocation with the function, outcome and milliseconds', async () => {
    await fetch(`${host.url}/api/things/${randomUUID()}`);
    expect(host.log.some((line) => /\[echo\] GET \/api\/things\/[0-9a-f-]+ → 200 \(\d+ ms\)/.test(line))).toBe(true);
  });
});

describe('local host: queue triggers', () => {
  it('delivers a base64 JSON message once, decoded, and removes it from the queue', async () => {
    const queue = queueServiceClient().getQueueClient(QUEUE);
    await queue.createIfNotExists();
    await queue.sendMessage(base64({ consentId: 'c-1', linkVersion: 1 }));
    // The host logs an invocation's success after deleting its message: from then on nothing is left to deliver again.
    const invocations = () => host.log.filter((line) => line.includes('[collect] '));
    await eventually(() => (invocations().some((line) => line.includes('succeeded')) ? true : undefined));
    expect(delivered).toEqual([{ consentId: 'c-1', linkVersion: 1 }]);
    expect(invocations()).toEqual([expect.stringContaining('[collect] succeeded')]);
    const { approximateMessagesCount } = await queue.getProperties();
    expect(approximateMessagesCount).toBe(0);
  });

  it('retries a failing message and moves it to <queue>-poison after maxDequeueCount attempts', async () => {
    const queue = queueServiceClient().getQueueClient(FAILING_QUEUE);
    const poison = queueServiceClient().getQueueClient(`${FAILING_QUEUE}-poison`);
    await queue.createIfNotExists();
    await queue.sendMessage(base64({ consentId: 'c-2' }));
    const poisoned = await eventually(async () => {
      if (!(await poison.exists())) return undefined;
      const { peekedMessageItems } = await poison.peekMessages();
      return peekedMessageItems[0];
    });
    expect(failingAttempts).toEqual([1, 2, 3]);
    expect(JSON.parse(Buffer.from(poisoned.messageText, 'base64').toString())).toEqual({ consentId: 'c-2' });
    expect((await queue.getProperties()).approximateMessagesCount).toBe(0);
  });
});

describe('local host: timer triggers', () => {
  it('fires a six-field NCRONTAB schedule', async () => {
    await eventually(() => (timerFired > 0 ? true : undefined), 3000);
    expect(host.log.some((line) => line.includes('[everySecond] timer fired, succeeded'))).toBe(true);
  });
});
