// Issue 14, "the docs run as written": every shell example in the docs and every request in docs/requests.http runs
// in order against `npm start`, twice (a reader repeats them), and fails the test the moment one stops working.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { docBlocks, httpFileWith, outputByBlock, scriptOf, type DocBlock } from '../support/docExamples';
import { startNpmStart, type StartedHost } from '../support/npmStart';

const root = path.resolve(__dirname, '..', '..');
/** In the order a newcomer reads them; each runs in a shell of its own. */
const DOCUMENTS = ['README.md', 'docs/operator-guide.md', 'docs/api.md'];
const HTTP_FILE = 'docs/requests.http';
const HTTPYAC = path.join(root, 'node_modules', '.bin', 'httpyac');
/** What the examples use besides curl: the docs name them, and .ci/run installs them. */
const TOOLS = ['bash', 'curl', 'jq', 'openssl'];
/** A script or httpyac run takes a few seconds; these bounds leave room for a machine busy with other suites. */
const RUN_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 2 * RUN_TIMEOUT_MS + 10_000;

const missingTools = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const underCi = process.env.CI === 'true';
const skipReason = `${missingTools.join(', ')} not installed (apt-get install -y --no-install-recommends ${missingTools.join(' ')})`;

if (missingTools.length && !underCi) console.warn(`SKIPPED the docs examples (test/e2e/docsExamples): ${skipReason}.`);
if (missingTools.length && underCi) {
  describe('the docs examples under CI', () => {
    it('need the tools the docs use: a missing one is a failure when CI=true', () => {
      throw new Error(`CI=true but ${skipReason}; .ci/run installs them.`);
    });
  });
}

const describeWithTools = missingTools.length ? describe.skip : describe;

describeWithTools(
  `the docs, run as written against npm start${missingTools.length ? ` — SKIPPED: ${skipReason}` : ''}`,
  () => {
    let host: StartedHost;
    let reader: ReaderValues;
    const workDirs: string[] = [];

    beforeAll(async () => {
      host = await startNpmStart();
      reader = readerValues(host);
    }, 40_000);
    afterAll(async () => {
      for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
      expect(await host?.stop()).toBe(0);
    });

    describe.each(DOCUMENTS)('%s', (file) => {
      const blocks = docBlocks(root, file);

      it('has shell examples to run', () => {
        expect(blocks.filter((block) => block.kind === 'run').length).toBeGreaterThan(0);
      });

      // Listed, so that no example is left out unseen.
      for (const block of blocks.filter((candidate) => candidate.kind === 'skip')) {
        it.skip(`${block.where} is not run: ${block.reason}`, () => undefined);
      }

      it(
        `runs every shell block in order, and again (reader's values: ${providedNames(blocks).join(', ')})`,
        async () => {
          const workDir = mkdtempSync(path.join(tmpdir(), 'docs-examples-'));
          workDirs.push(workDir);
          for (const pass of ['first', 'second']) {
            const values = await reader.valuesFor(providedNames(blocks));
            const result = await runScript(
              scriptOf(blocks, (name) => values[name]!),
              workDir,
            );
            expect({ pass, failure: failureOf(blocks, result) }).toEqual({ pass, failure: undefined });
          }
        },
        TEST_TIMEOUT_MS,
      );
    });

    describe(HTTP_FILE, () => {
      it(
        'runs every request in order with httpyac, and again: each answers 2xx',
        async () => {
          const text = readFileSync(path.join(root, HTTP_FILE), 'utf8');
          const requests = text.match(/^###/gm)?.length ?? 0;
          const workDir = mkdtempSync(path.join(tmpdir(), 'docs-requests-'));
          workDirs.push(workDir);
          for (const pass of ['first', 'second']) {
            const { BASE, OPERATOR_KEY, CONSENT_ID } = await reader.valuesFor(['BASE', 'OPERATOR_KEY', 'CONSENT_ID']);
            const file = path.join(workDir, 'requests.http');
            // The three lines the file tells its reader to set first.
            writeFileSync(
              file,
              httpFileWith(text, { base: BASE!, operatorKey: OPERATOR_KEY!, consentToRevoke: CONSENT_ID! }),
            );
            const answers = await sentWithHttpyac(file, workDir);
            expect({ pass, count: answers.length }).toEqual({ pass, count: requests });
            expect({ pass, failed: answers.filter((answer) => !answer.ok).map((answer) => answer.report) }).toEqual({
              pass,
              failed: [],
            });
          }
        },
        TEST_TIMEOUT_MS,
      );
    });
  },
);

/** The values the docs ask their reader to set first, as this host gives them. */
interface ReaderValues {
  valuesFor(names: readonly string[]): Promise<Record<string, string>>;
}

function readerValues(host: StartedHost): ReaderValues {
  const call = async (method: string, route: string, key: string, body?: unknown) => {
    const response = await fetch(`${host.url}${route}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    // The fields read here (id, apiKey, url, consentId) are strings.
    return (await response.json()) as Record<string, string>;
  };
  const partnerKey = async (partner: Record<string, unknown>): Promise<string> => {
    const registered = await call('POST', '/api/admin/partners', host.operatorKey, {
      tenantId: randomUUID(),
      contactEmail: 'partner@tailspin.example',
      ...partner,
    });
    return (await call('POST', `/api/admin/partners/${registered.id}/keys`, host.operatorKey)).apiKey!;
  };
  // A reader's own key stays the same from one pass to the next (so a replayed request would show).
  const once = <T>(make: () => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make());
  };
  const cspKey = once(() => partnerKey({ displayName: 'Tailspin IT', type: 'direct-csp' }));
  const oemKey = once(() => partnerKey({ displayName: 'Tailspin Devices', type: 'oem', oemDirectApiEligible: true }));
  const providers: Record<string, () => Promise<string>> = {
    BASE: async () => host.url,
    OPERATOR_KEY: async () => host.operatorKey,
    CSP_KEY: cspKey,
    OEM_KEY: oemKey,
    // A support request quotes a consent a customer accepted; each pass revokes its own.
    CONSENT_ID: async () => acceptedInTheBrowser(host, await oemKey(), call),
    // A consent of the OEM_KEY's partner that a customer decided, so that it has a receipt.
    DECIDED_CONSENT_ID: async () => acceptedInTheBrowser(host, await oemKey(), call),
    // A receiver on this machine, as the docs say to use locally (nothing listens: deliveries stay pending or fail).
    RECEIVER_URL: async () => 'http://127.0.0.1:9/hooks/consent',
  };
  return {
    async valuesFor(names) {
      const values: Record<string, string> = {};
      for (const name of names) {
        const provider = providers[name];
        if (!provider) throw new Error(`the docs ask for ${name}, which the test cannot provide`);
        values[name] = await provider();
      }
      return values;
    },
  };
}

/**
 * The customer's step, done in the browser in the docs: a Global Administrator of a new tenant signs in at the local
 * sign-in stand-in and accepts the OEM's standing link. Answers the consent's id, as the customer's /partners page
 * shows it.
 */
async function acceptedInTheBrowser(
  host: StartedHost,
  oemKey: string,
  call: (method: string, route: string, key: string) => Promise<Record<string, string>>,
): Promise<string> {
  const tenantId = randomUUID();
  const pagePath = new URL((await call('GET', '/api/consent-link', oemKey)).url!).pathname;
  const form = { 'content-type': 'application/x-www-form-urlencoded', origin: host.url };
  const signIn = await fetch(`${host.url}/.auth/login/aad`, {
    method: 'POST',
    headers: form,
    body: new URLSearchParams({ tenantId, userName: 'admin@woodgrove.onmicrosoft.com', globalAdmin: 'yes' }),
    redirect: 'manual',
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const page = await (await fetch(`${host.url}${pagePath}`, { headers: { cookie } })).text();
  const csrf = /<input type="hidden" name="csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error(`the consent page shows no form:\n${page}`);
  const accepted = await fetch(`${host.url}${pagePath}`, {
    method: 'POST',
    headers: { ...form, cookie },
    body: new URLSearchParams({ csrf, decision: 'accept', confirm: 'yes' }),
    redirect: 'manual',
  });
  if (accepted.headers.get('location') !== `${pagePath}?outcome=accepted`) {
    throw new Error(`the customer could not accept: ${accepted.status} ${await accepted.text()}`);
  }
  return (await call('GET', `/api/oem/consents/${tenantId}`, oemKey)).consentId!;
}

function providedNames(blocks: readonly DocBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'provided' ? block.names : []));
}

interface ScriptResult {
  exitCode: number | null;
  output: string;
}

/** Runs a script with bash in `workDir`, as a reader's terminal there would (stdout and stderr as one stream). */
function runScript(script: string, workDir: string): Promise<ScriptResult> {
  const child = spawn('bash', ['-c', `exec 2>&1\n${script}`], {
    cwd: workDir,
    // HOME is the work folder, so no ~/.curlrc of whoever runs the tests changes what curl does.
    env: { PATH: process.env.PATH, HOME: workDir, LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  return new Promise((resolve) =>
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    }),
  );
}

/** Where a run stopped, with the block's text and what it printed; undefined when every block ran. */
function failureOf(blocks: readonly DocBlock[], result: ScriptResult): string | undefined {
  const { printed, last, finished } = outputByBlock(result.output);
  if (finished && result.exitCode === 0) return undefined;
  const block = last === undefined ? undefined : blocks[last];
  if (!block) return `the script stopped before its first block (exit ${result.exitCode}):\n${result.output}`;
  return `${block.where} failed (exit ${result.exitCode}):\n${block.text}\n--- it printed:\n${printed.get(last!)}`;
}

interface HttpAnswer {
  ok: boolean;
  report: string;
}

/** Each request of an .http file as httpyac sent it: 2xx and no script error, or what went wrong. */
async function sentWithHttpyac(file: string, workDir: string): Promise<HttpAnswer[]> {
  // The report goes to a file, not a pipe: httpyac exits as soon as it is done, and a pipe still holding the tail of
  // a large report (the OpenAPI document's body is in it) is cut off on exit, while writes to a file are synchronous.
  const reportFile = path.join(workDir, 'httpyac-report.json');
  const report = openSync(reportFile, 'w');
  const child = spawn(HTTPYAC, ['send', file, '--all', '--json'], {
    cwd: workDir,
    env: { PATH: process.env.PATH, HOME: workDir },
    stdio: ['ignore', report, 'pipe'],
  });
  closeSync(report);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
  await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const stdout = readFileSync(reportFile, 'utf8');
  let sent: { requests: HttpyacRequest[] };
  try {
    sent = JSON.parse(stdout);
  } catch {
    throw new Error(`httpyac did not answer with its JSON report:\n${stdout}\n${stderr}`);
  }
  return sent.requests.map((request) => {
    const status = request.response?.statusCode;
    const errors = request.testResults.filter((result) => result.status !== 'SUCCESS').map((result) => result.message);
    const ok = status !== undefined && status >= 200 && status < 300 && errors.length === 0;
    const body = JSON.stringify(request.response?.body ?? null);
    return {
      ok,
      report: `line ${request.line} "${request.name}": ${status ?? 'no answer'} ${body} ${errors.join('; ')}`,
    };
  });
}

/** The part of httpyac's `--json` report the test reads. */
interface HttpyacRequest {
  name: string;
  line: number;
  response?: { statusCode: number; body?: unknown };
  testResults: { status: string; message: string }[];
}
