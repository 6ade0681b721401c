// `npm run smoke` against a host shaped like a deployment: only the registered functions, the platform's sign-in
// trusted (WEBSITE_AUTH_ENABLED=true) and the test stand-in for the platform's front, which strips client principals.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { config } from '../../shared/config';
import { startAppHost, type AppHost } from '../support/appHost';
import { lineOf, runSmoke } from '../support/smokeCommand';

const CHECKS = [
  'health',
  'OpenAPI document',
  'page security headers',
  "platform's sign-in",
  'no local outbox',
  'no local sign-in stand-in',
  'operator key',
];

let app: AppHost;

beforeAll(async () => {
  delete process.env.LOCAL_SIGN_IN;
  process.env.WEBSITE_AUTH_ENABLED = 'True';
  app = await startAppHost({ front: 'platform-sign-in' });
  expect(config().signIn).toBe('platform');
});
afterAll(async () => {
  await app.stop();
});

describe('npm run smoke against a deployment-shaped host', () => {
  it('passes every check, one line each, and exits 0; the operator key (from SMOKE_OPERATOR_KEY) is never printed', async () => {
    const run = await runSmoke(['--url', app.url], { operatorKey: app.operatorKey });

    expect(run.code).toBe(0);
    for (const check of CHECKS) expect(lineOf(run, check)).toMatch(/^✓ /);
    expect(lineOf(run, "platform's sign-in")).toContain('302 to /.auth/login/aad');
    expect(run.lines).toHaveLength(CHECKS.length + 1);
    expect(run.output).not.toContain(app.operatorKey);
  });

  it('without an operator key, says the operator check is skipped and still exits 0', async () => {
    const run = await runSmoke(['--url', `${app.url}/`]);

    expect(run.code).toBe(0);
    expect(lineOf(run, 'operator key')).toBe(
      '- operator key: skipped: no operator key given (--operator-key or SMOKE_OPERATOR_KEY)',
    );
  });

  it('fails the operator check with a key that is not an operator key, without printing it', async () => {
    const wrong = 'apc._.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    const run = await runSmoke(['--url', app.url, '--operator-key', wrong]);

    expect(run.code).toBe(1);
    expect(lineOf(run, 'operator key')).toMatch(/^✗ operator key: GET \/api\/admin\/partners answers 401/);
    expect(lineOf(run, 'health')).toMatch(/^✓ /);
    expect(run.output).not.toContain(wrong);
  });
});

describe('npm run smoke against an app that never answers', () => {
  it('fails each check after the timeout instead of hanging', async () => {
    const hung = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = hung.address() as AddressInfo;
      const started = Date.now();
      const run = await runSmoke(['--url', `http://127.0.0.1:${port}`, '--timeout', '0.3']);

      expect(run.code).toBe(1);
      expect(lineOf(run, 'health')).toBe(
        '✗ health: no answer within 0.3 s: the app may be starting or hung; run again shortly',
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      hung.closeAllConnections();
      hung.close();
    }
  });
});
