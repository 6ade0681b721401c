// The local host deserves the care the service gets: bounded bodies before routing, no link token in its log.
import http from 'node:http';
import { LOCAL_HOST_MAX_BODY_BYTES } from '../../../dev/httpServer';
import { startAppHost, type AppHost } from '../../support/appHost';

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

/** A raw POST that declares `declared` bytes and sends `sent` of them, as an attacker's client can. */
function post(path: string, declared: number | undefined, sent: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, app.url);
    const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream' };
    if (declared !== undefined) headers['content-length'] = declared;
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The host closes the connection once it has refused: what it did not read, it never held.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    const writeMore = () => {
      while (written < sent) {
        written += chunk.byteLength;
        if (!request.write(chunk)) return void request.once('drain', writeMore);
      }
      request.end();
    };
    writeMore();
  });
}

describe('request bodies on the local host', () => {
  it('a body declared larger than the limit is refused with 413 before any of it is read', async () => {
    const started = performance.now();
    expect(await post('/api/consent-requests', 150 * 1024 * 1024, 64 * 1024)).toBe(413);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('an undeclared (chunked) body is refused with 413 as soon as it passes the limit; other requests are answered', async () => {
    const refused = post('/api/consent-requests', undefined, LOCAL_HOST_MAX_BODY_BYTES + 1024 * 1024);
    const health = await fetch(`${app.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await refused).toBe(413);
  });

  it('a body within the limit still reaches the route, which gives its own answer', async () => {
    const status = await post('/api/consent-requests', 1024, 1024);
    expect(status).not.toBe(413);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });
});

describe("the local host's log", () => {
  it('never carries a consent link token', async () => {
    const token = 'Zm9yLXRoZS1sb2ctb25seS1ub3QtYS1yZWFsLXRva2VuLWF0LWFsbA';
    await fetch(`${app.url}/consent/${token}`, { redirect: 'manual' });
    const lines = app.log.filter((line) => line.includes('/consent/'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).toContain('/consent/<token>');
  });
});
