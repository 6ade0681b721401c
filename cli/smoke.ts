// `npm run smoke -- --url https://<app>`: checks a deployment answers as it must, one line per check; exit 1 on a failure.
import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { CLIENT_PRINCIPAL_HEADER, encodePrincipal } from '../shared/auth/principal';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../shared/domain/roles';
import { PAGE_HEADERS } from '../shared/pages/headers';
import { CUSTOMER_PATHS, SIGN_IN_PATHS } from '../shared/pages/paths';

/** Where to look, and with what. The operator key is only ever sent, never printed. */
interface SmokeTarget {
  url: string;
  operatorKey?: string;
  timeoutMs: number;
}

type Outcome = { result: 'pass' | 'fail' | 'skip'; detail: string };

/** The checks, in the order a reader would fix what they find. */
const CHECKS: { what: string; run: (target: SmokeTarget) => Promise<Outcome> }[] = [
  { what: 'health', run: health },
  { what: 'OpenAPI document', run: openApiDocument },
  { what: 'page security headers', run: pageSecurityHeaders },
  { what: "platform's sign-in", run: forgedPrincipalRefused },
  { what: 'no local outbox', run: noOutbox },
  { what: 'no local sign-in stand-in', run: noSignInStandIn },
  { what: 'operator key', run: operatorKeyWorks },
];

const MARK = { pass: '✓', fail: '✗', skip: '-' } as const;
const SIGN_IN_PATH = SIGN_IN_PATHS.login;

/** Runs every check, printing one line each; resolves true when none failed. */
async function smoke(target: SmokeTarget, print: (line: string) => void): Promise<boolean> {
  const outcomes: Outcome[] = [];
  for (const check of CHECKS) {
    const outcome = await check.run(target).catch((error: unknown) => unanswered(error, target));
    outcomes.push(outcome);
    print(`${MARK[outcome.result]} ${check.what}: ${outcome.detail}`);
  }
  const failed = outcomes.filter((outcome) => outcome.result === 'fail').length;
  print(
    failed
      ? `smoke: ${failed} of ${CHECKS.length} checks failed against ${target.url}`
      : `smoke: no check failed against ${target.url}`,
  );
  return failed === 0;
}

async function health(target: SmokeTarget): Promise<Outcome> {
  const response = await get(target, '/api/health');
  const body = await jsonOf(response);
  if (response.status === 200 && body?.storage === 'ok') {
    return pass(`GET /api/health answers 200, storage ok, version ${String(body.version)}`);
  }
  if (response.status === 503) {
    return fail(
      "GET /api/health answers 503, storage unavailable: the identity's storage roles may still be propagating " +
        '(minutes after the first deployment); run again shortly, and if it stays, check its Storage Table and Queue ' +
        'Data Contributor roles',
    );
  }
  return fail(
    `GET /api/health answers ${response.status}, expected 200 with storage ok: is this the app's URL, and did it ` +
      'start? (a setting it refuses stops start-up with a message naming it: see Application Insights)',
  );
}

async function openApiDocument(target: SmokeTarget): Promise<Outcome> {
  const response = await get(target, '/api/openapi.json');
  const body = await jsonOf(response);
  if (response.status === 200 && typeof body?.openapi === 'string' && isObject(body.paths)) {
    return pass(`GET /api/openapi.json answers OpenAPI ${body.openapi} with ${Object.keys(body.paths).length} paths`);
  }
  return fail(
    `GET /api/openapi.json answers ${response.status}${body ? '' : ' without JSON'}, expected an OpenAPI document: ` +
      'check that the current package is deployed',
  );
}

async function pageSecurityHeaders(target: SmokeTarget): Promise<Outcome> {
  const response = await get(target, CUSTOMER_PATHS.partners);
  const wrong = Object.entries(PAGE_HEADERS)
    .filter(([name, expected]) => !sameHeaderValue(name, response.headers.get(name), expected))
    .map(([name]) => name);
  if (!wrong.length) {
    return pass(`GET /partners (${response.status}) carries all ${Object.keys(PAGE_HEADERS).length} page headers`);
  }
  return fail(
    `GET /partners (${response.status}) lacks or changes ${wrong.join(', ')}: the customer pages must send them ` +
      '(shared/pages/headers.ts); check that the current package is deployed and nothing in front rewrites them',
  );
}

/** Only the platform's sign-in strips a client-sent principal; without it, a forged one must not get the page. */
async function forgedPrincipalRefused(target: SmokeTarget): Promise<Outcome> {
  const forged = encodePrincipal({
    tenantId: randomUUID(),
    objectId: randomUUID(),
    userPrincipalName: 'smoke-test@forged.invalid',
    roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
  });
  const response = await get(target, CUSTOMER_PATHS.partners, { [CLIENT_PRINCIPAL_HEADER]: forged });
  if (response.status === 302 && pathOf(response.headers.get('location'), target) === SIGN_IN_PATH) {
    return pass(`a forged Global Administrator principal on /partners is dropped: 302 to ${SIGN_IN_PATH}`);
  }
  if (response.status === 200) {
    return fail(
      'a forged Global Administrator principal on /partners got the page (200): nothing strips client-sent ' +
        "principals. Turn on the platform's sign-in (App Service Authentication, infra/) and keep the customer " +
        'pages closed until this check passes',
    );
  }
  if (response.status === 503) {
    return fail(
      "/partners answers 503 sign-in-not-configured: the platform's sign-in is off (WEBSITE_AUTH_ENABLED is not " +
        'true), so the customer pages refuse to serve. Turn on App Service Authentication (infra/, docs/deploy.md)',
    );
  }
  return fail(`a forged principal on /partners answers ${response.status}, expected a 302 to ${SIGN_IN_PATH}`);
}

async function noOutbox(target: SmokeTarget): Promise<Outcome> {
  const response = await get(target, '/dev/outbox');
  if (response.status !== 200) return pass(`GET /dev/outbox answers ${response.status}`);
  return fail(
    "GET /dev/outbox answers 200: this is the local host's outbox, which a deployment never serves. Check the URL: " +
      'it must be the Function App, not a machine running npm start',
  );
}

async function noSignInStandIn(target: SmokeTarget): Promise<Outcome> {
  const response = await get(target, SIGN_IN_PATH);
  if (response.status === 302) {
    const location = response.headers.get('location');
    return pass(`GET ${SIGN_IN_PATH} answers 302 to ${location ? new URL(location, target.url).host : 'nowhere'}`);
  }
  if (response.status !== 200) return pass(`GET ${SIGN_IN_PATH} answers ${response.status}, not the local stand-in`);
  return fail(
    `GET ${SIGN_IN_PATH} answers 200, the local sign-in stand-in's form, where anyone picks any identity: a ` +
      'deployment never serves it. Check the URL: it must be the Function App, not a machine running npm start',
  );
}

async function operatorKeyWorks(target: SmokeTarget): Promise<Outcome> {
  if (!target.operatorKey) {
    return { result: 'skip', detail: 'skipped: no operator key given (--operator-key or SMOKE_OPERATOR_KEY)' };
  }
  const response = await get(target, '/api/admin/partners?pageSize=1', { 'x-api-key': target.operatorKey });
  if (response.status === 200) return pass('GET /api/admin/partners answers 200 with the operator key');
  if (response.status === 401 || response.status === 403) {
    return fail(
      `GET /api/admin/partners answers ${response.status} with the key given: it is not an active operator key ` +
        '(mint one with npm run admin -- create-operator-key, docs/deploy.md)',
    );
  }
  return fail(`GET /api/admin/partners answers ${response.status}, expected 200: see the health check above`);
}

/** One request: never follows a redirect (the redirect is the answer), and gives up after the timeout. */
function get(target: SmokeTarget, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${target.url}${path}`, {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(target.timeoutMs),
  });
}

/** The answer as a JSON object, or undefined (not JSON, or not an object). */
async function jsonOf(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await response.json();
    return isObject(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** Content types are compared by media type (a charset's spelling is not a security header). */
function sameHeaderValue(name: string, actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  if (name !== 'content-type') return actual.trim() === expected;
  const mediaType = (value: string) => value.split(';')[0]!.trim().toLowerCase();
  return mediaType(actual) === mediaType(expected);
}

function pathOf(location: string | null, target: SmokeTarget): string | undefined {
  return location ? new URL(location, target.url).pathname : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A check that got no answer: the app hung, or the URL leads nowhere. */
function unanswered(error: unknown, target: SmokeTarget): Outcome {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return fail(`no answer within ${target.timeoutMs / 1000} s: the app may be starting or hung; run again shortly`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return fail(`no answer (${cause}): check the URL and that the app is running`);
}

function pass(detail: string): Outcome {
  return { result: 'pass', detail };
}

function fail(detail: string): Outcome {
  return { result: 'fail', detail };
}

function baseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('must be an absolute URL, for example https://<app>.azurewebsites.net');
  }
  if (!/^https?:$/.test(url.protocol)) throw new InvalidArgumentError('must be an http(s) URL');
  return url.toString().replace(/\/+$/, '');
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('must be a positive number of seconds');
  return parsed;
}

const program = new Command('smoke')
  .description('check a deployment of Autopilot Consent: one line per check, exit code 1 if any fails')
  .requiredOption('--url <url>', 'the app, for example https://<app>.azurewebsites.net', baseUrl)
  .option('--operator-key <key>', 'also check the operator routes (default: $SMOKE_OPERATOR_KEY; prefer that)')
  .option('--timeout <seconds>', 'give up on a request after this long', seconds, 10)
  .action(async (options: { url: string; operatorKey?: string; timeout: number }) => {
    const operatorKey = (options.operatorKey ?? process.env.SMOKE_OPERATOR_KEY)?.trim() || undefined;
    const target = { url: options.url, operatorKey, timeoutMs: options.timeout * 1000 };
    const passed = await smoke(target, (line) => process.stdout.write(`${line}\n`));
    process.exitCode = passed ? 0 : 1;
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
