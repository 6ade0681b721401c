// GET /api/health through the local host, with an Azurite of its own that the test stops and restarts.
import { startAzurite, type RunningAzurite } from '../../../dev/azurite';
import { startTestHost, type TestHost } from '../../support/localHost';

let azurite: RunningAzurite;
let host: TestHost;

beforeAll(async () => {
  azurite = await startAzurite();
  process.env.AzureWebJobsStorage = azurite.connectionString; // read on first use, after this
  await import('../../../index');
  const { registeredFunctions } = await import('../../../shared/functionRegistry');
  host = await startTestHost(registeredFunctions());
});

afterAll(async () => {
  await host.stop();
  await azurite.stop();
});

describe('GET /api/health', () => {
  it('answers 200 with the version and storage ok', async () => {
    const response = await fetch(`${host.url}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'ok', version: body.version, storage: 'ok' });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers 503 problem+json with Retry-After while Table Storage is down, and recovers', async () => {
    const ports = azurite.ports;
    await azurite.stop();

    const down = await fetch(`${host.url}/api/health`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await down.json()).toMatchObject({ type: '/problems/unavailable', status: 503, storage: 'unavailable' });

    azurite = await startAzurite({ ports });
    const up = await fetch(`${host.url}/api/health`);
    expect(up.status).toBe(200);
  });

  it('answers unknown api routes with a 404 problem', async () => {
    const response = await fetch(`${host.url}/api/no-such-thing`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
  });
});
