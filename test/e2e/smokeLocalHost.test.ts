// `npm run smoke` against the local development host: it is not a deployment, and the command says why, line by line.
import { startAppHost, type AppHost } from '../support/appHost';
import { lineOf, runSmoke } from '../support/smokeCommand';

let app: AppHost;

beforeAll(async () => {
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

describe('npm run smoke against the local host (outbox, sign-in stand-in, LOCAL_SIGN_IN=true)', () => {
  it('exits non-zero, naming the outbox, the sign-in stand-in and the believed forged principal', async () => {
    const run = await runSmoke(['--url', app.url], { operatorKey: app.operatorKey });

    expect(run.code).toBe(1);
    expect(lineOf(run, 'no local outbox')).toMatch(/^✗ no local outbox: GET \/dev\/outbox answers 200/);
    expect(lineOf(run, 'no local sign-in stand-in')).toMatch(
      /^✗ no local sign-in stand-in: GET \/\.auth\/login\/aad answers 200, the local sign-in stand-in's form/,
    );
    expect(lineOf(run, "platform's sign-in")).toMatch(
      /^✗ platform's sign-in: a forged Global Administrator principal on \/partners got the page \(200\)/,
    );
    expect(run.lines.at(-1)).toBe(`smoke: 3 of 7 checks failed against ${app.url}`);
  });

  it('passes what the local host does serve as deployed: health, OpenAPI, page headers, and the operator key', async () => {
    const run = await runSmoke(['--url', app.url, '--operator-key', app.operatorKey]);

    for (const check of ['health', 'OpenAPI document', 'page security headers', 'operator key']) {
      expect(lineOf(run, check)).toMatch(/^✓ /);
    }
    expect(run.output).not.toContain(app.operatorKey);
  });
});
