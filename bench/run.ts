// `npm run bench`: every figure measured against a baseline in the same run, written to bench/results/latest.{json,md}.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startAzurite } from '../dev/azurite';
import { mintApiKey } from '../shared/auth/apiKeys';
import { createAcsSender } from '../shared/email/sender';
import { QUEUE_SETTINGS } from '../shared/hostSettings';
import { TABLES } from '../shared/storage/tableNames';
import { startAcsStub, type AcsStub } from '../test/support/acsStub';
import { measureEndpoint, measureOperation, percentiles, round, timeRuns, type Figures } from './measure';
import { freePort } from '../dev/freePort';
import { webhookDelivery, type WebhookBench } from './webhooks';

const ROOT = path.resolve(__dirname, '..', '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

interface Row {
  name: string;
  endpoint: Figures;
  baseline: Figures;
  goal?: string;
}

interface PipelineFigures {
  invitations: number;
  /** From the first POST to the last email accepted by the ACS stub. */
  totalSeconds: number;
  sendsPerSecond: number;
  baselineSendsPerSecond: number;
  duplicates: number;
}

const PIPELINE_INVITATIONS = Number(process.env.BENCH_INVITATIONS ?? 1000);

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const stub = await startAcsStub();
  const operatorKey = mintApiKey({ kind: 'operator' }, new Date()).apiKey;
  const env = {
    AzureWebJobsStorage: azurite.connectionString,
    APP_SECRET: randomUUID() + randomUUID(),
    ADMIN_API_KEY: operatorKey,
    // The real ACS client against the ACS-compatible stub: the email pipeline runs exactly as in Azure.
    EMAIL_TRANSPORT: 'acs',
    ACS_CONNECTION_STRING: stub.connectionString,
    EMAIL_SENDER_ADDRESS: 'DoNotReply@bench.example',
    // The bench measures how fast emails are issued and sent, not the per-partner limit: room for all of them (the
    // limit's own reads and writes are still done, and counted, on every email).
    INVITATION_EMAILS_PER_HOUR: '100000',
  };
  Object.assign(process.env, env, { PUBLIC_BASE_URL: 'http://localhost' });
  const port = await freePort();
  const host = await startHost({ ...env, PORT: String(port), PUBLIC_BASE_URL: `http://localhost:${port}` });
  const base = `http://localhost:${port}`;
  try {
    const rows: Row[] = [];
    const setup = await prepare(base, operatorKey);
    rows.push(...(await oemVerification(base, setup)));
    rows.push(await bulkVerification(base, setup));
    const insertBaseline = await rawInsert();
    rows.push(await issuing(base, setup, insertBaseline));
    rows.push(await coldStart());
    const pipeline = await emailPipeline(base, setup, stub, rows, insertBaseline);
    const webhooks = await webhookDelivery(
      (method, route, key, body) => call(base, method, route, key, body),
      operatorKey,
    );
    rows.push({
      name: 'Accepting a consent, concurrency 1, with the webhook outbox',
      ...webhooks.accept,
      goal: 'the outbox adds one write; queueing runs beside the event',
    });
    report(rows, pipeline, webhooks);
  } finally {
    await stop(host);
    await stub.close();
    await azurite.stop();
  }
}

interface Setup {
  oemKey: string;
  oemId: string;
  cspKey: string;
  consentedTenant: string;
  tenants: string[];
}

/** An OEM with accepted consents from 200 tenants, and a CSP to issue with. */
async function prepare(base: string, operatorKey: string): Promise<Setup> {
  const { liveDependencies } = await import('../shared/consent/dependencies');
  const { acceptAsCustomer } = await import('../shared/consent/customerDecisions');
  const { GLOBAL_ADMINISTRATOR_ROLE_ID } = await import('../shared/domain/roles');
  const partner = async (type: string) => {
    const body = { displayName: `Bench ${type}`, type, tenantId: randomUUID(), contactEmail: 'bench@example.com' };
    const created = await call(base, 'POST', '/api/admin/partners', operatorKey, {
      ...body,
      ...(type === 'oem' ? { oemDirectApiEligible: true } : {}),
    });
    const key = await call(base, 'POST', `/api/admin/partners/${created.id as string}/keys`, operatorKey);
    return { id: created.id as string, key: key.apiKey as string };
  };
  const oem = await partner('oem');
  const csp = await partner('direct-csp');
  const tenants: string[] = [];
  for (let i = 0; i < 200; i++) {
    const tenantId = randomUUID();
    const issued = await call(base, 'POST', '/api/consent-requests', oem.key, {
      customer: { tenantId },
      sendEmail: false,
    });
    await acceptAsCustomer(
      liveDependencies,
      { partnerId: oem.id, consentId: issued.id as string },
      {
        tenantId,
        objectId: randomUUID(),
        userPrincipalName: 'admin@bench.onmicrosoft.com',
        roles: [GLOBAL_ADMINISTRATOR_ROLE_ID],
      },
    );
    tenants.push(tenantId);
  }
  return { oemKey: oem.key, oemId: oem.id, cspKey: csp.key, consentedTenant: tenants[0]!, tenants };
}

/** 1. GET /api/oem/consents/{tenantId} against the same point read done directly with @azure/data-tables. */
async function oemVerification(base: string, setup: Setup): Promise<Row[]> {
  const table = await rawAuthorizations();
  const rows: Row[] = [];
  for (const connections of [1, 32]) {
    const baseline = await measureOperation(
      () => table.getEntity(setup.consentedTenant, setup.oemId),
      connections,
      DURATION,
    );
    const endpoint = await measureEndpoint({
      url: `${base}/api/oem/consents/${setup.consentedTenant}`,
      connections,
      durationSeconds: DURATION,
      headers: { 'x-api-key': setup.oemKey },
    });
    rows.push({
      name: `OEM verification, concurrency ${connections}`,
      endpoint,
      baseline,
      goal: 'median ≤ 2× raw point read; throughput ≥ 50%',
    });
  }
  return rows;
}

/** 2. POST /api/oem/consent-checks with 1000 tenants, against 1000 raw point reads at the same concurrency (64). */
async function bulkVerification(base: string, setup: Setup): Promise<Row> {
  const table = await rawAuthorizations();
  // Every fifth tenant has consented, the others are unknown: both kinds of answer are in the mix.
  const tenantIds = Array.from({ length: 1000 }, (_, i) =>
    i % 5 === 0 ? setup.tenants[(i / 5) % setup.tenants.length]! : randomUUID(),
  );
  const runs = 15;
  const baseline = await timeRuns(async () => {
    let next = 0;
    const worker = async () => {
      while (next < tenantIds.length) {
        const tenantId = tenantIds[next++]!;
        await table.getEntity(tenantId, setup.oemId).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
  }, runs);
  const endpoint = await timeRuns(
    () => call(base, 'POST', '/api/oem/consent-checks', setup.oemKey, { tenantIds }),
    runs,
  );
  return {
    name: 'Bulk verification, 1000 tenants per call',
    endpoint,
    baseline,
    goal: 'per-tenant cost close to a raw read',
  };
}

/** 3. POST /api/consent-requests at concurrency 32 without the email, against the raw consent insert. */
async function issuing(base: string, setup: Setup, baseline: Figures): Promise<Row> {
  const endpoint = await measureEndpoint({
    url: `${base}/api/consent-requests`,
    connections: 32,
    durationSeconds: DURATION,
    method: 'POST',
    headers: { 'x-api-key': setup.cspKey, 'content-type': 'application/json' },
    body: JSON.stringify({ customer: { contactEmail: 'it@woodgrove.example' }, sendEmail: false }),
  });
  return { name: 'Issuing, concurrency 32, sendEmail false', endpoint, baseline, goal: 'no errors' };
}

async function rawInsert(): Promise<Figures> {
  const table = await rawTable(TABLES.consents);
  return measureOperation(
    () => table.createEntity({ partitionKey: 'bench', rowKey: randomUUID(), data: '{}', status: 'pending' }),
    32,
    DURATION,
  );
}

/**
 * 3b and 4. Issues PIPELINE_INVITATIONS requests with sendEmail true (concurrency 32), then waits until the queue
 * trigger has sent every invitation through the real ACS client to the stub. Baseline: the same number of sends made
 * directly with the ACS client at the host's queue batch size (host.json `batchSize`).
 */
async function emailPipeline(
  base: string,
  setup: Setup,
  stub: AcsStub,
  rows: Row[],
  insertBaseline: Figures,
): Promise<PipelineFigures> {
  const sendsBefore = stub.sendCount();
  const requestsBefore = stub.sendRequests;
  const started = performance.now();
  const endpoint = await measureEndpoint({
    url: `${base}/api/consent-requests`,
    connections: 32,
    amount: PIPELINE_INVITATIONS,
    method: 'POST',
    headers: { 'x-api-key': setup.cspKey, 'content-type': 'application/json' },
    body: JSON.stringify({ customer: { contactEmail: 'it@woodgrove.example' }, sendEmail: true }),
  });
  rows.push({
    name: 'Issuing, concurrency 32, sendEmail true',
    endpoint,
    baseline: insertBaseline, // measured before the pipeline started sending, on an idle Azurite
    goal: 'no errors',
  });
  while (stub.sendCount() - sendsBefore < PIPELINE_INVITATIONS) {
    if (performance.now() - started > 15 * 60_000) throw new Error('the email pipeline did not drain in 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const totalSeconds = (performance.now() - started) / 1000;
  // Give a duplicate delivery time to show up before counting.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const sent = stub.sendCount() - sendsBefore;
  const duplicates = stub.sendRequests - requestsBefore - sent;

  const sender = createAcsSender({
    connection: { kind: 'connectionString', connectionString: stub.connectionString },
    senderAddress: 'DoNotReply@bench.example',
  });
  const baseline = await timeRuns(async () => {
    let next = 0;
    const worker = async () => {
      while (next++ < PIPELINE_INVITATIONS) {
        await sender.send({
          operationId: randomUUID(),
          to: { address: 'it@woodgrove.example' },
          subject: 's',
          html: '<p>h</p>',
          text: 't',
        });
      }
    };
    await Promise.all(Array.from({ length: QUEUE_SETTINGS.batchSize }, worker));
  }, 1);
  return {
    invitations: PIPELINE_INVITATIONS,
    totalSeconds: round(totalSeconds, 1),
    sendsPerSecond: round(sent / totalSeconds, 1),
    baselineSendsPerSecond: round(baseline.throughput * PIPELINE_INVITATIONS, 1),
    duplicates,
  };
}

/** 5. Loading the packaged bundle's entry in a fresh Node process, against loading the unbundled build. */
async function coldStart(): Promise<Row> {
  execFileSync('npm', ['run', '-s', 'package'], { cwd: ROOT, stdio: 'ignore' });
  const bundle = path.join(ROOT, 'dist', 'package', 'index.js');
  const unbundled = path.join(ROOT, 'build', 'index.js');
  const load = (file: string) => () => {
    const script = `const t=performance.now();require(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
    const run = spawnSync(process.execPath, ['-e', script], {
      env: {
        ...process.env,
        AzureWebJobsStorage: 'UseDevelopmentStorage=true',
        PUBLIC_BASE_URL: 'https://x.example',
        APP_SECRET: 'x'.repeat(40),
      },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return Number(run.stdout);
  };
  const sample = (measure: () => number) => Array.from({ length: 15 }, measure);
  const figures = (values: number[]): Figures => ({
    ...percentiles(values),
    throughput: NaN,
    samples: values.length,
    errors: 0,
  });
  const sizeKiB = round(statSync(bundle).size / 1024, 0);
  return {
    name: `Cold start: load the entry point (bundle ${sizeKiB} KiB)`,
    endpoint: figures(sample(load(bundle))),
    baseline: figures(sample(load(unbundled))),
    goal: 'bundled ≤ 150 ms and ≤ 0.5× unbundled',
  };
}

function report(rows: Row[], pipeline: PipelineFigures, webhooks: WebhookBench): void {
  const lines = [
    '# Benchmark results',
    '',
    `Run ${new Date().toISOString()} on ${process.platform} ${process.arch}, Node ${process.version}, ${DURATION} s per figure. ` +
      'Latencies in ms (median / p99); throughput in requests per second (for bulk and cold start: per run).',
    '',
    '| measurement | endpoint median / p99 | baseline median / p99 | median ratio | endpoint throughput | baseline throughput | throughput ratio | errors | goal |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.endpoint.median} / ${row.endpoint.p99} | ${row.baseline.median} / ${row.baseline.p99} | ` +
        `${round(row.endpoint.median / row.baseline.median)}× | ${round(row.endpoint.throughput, 1)} | ` +
        `${round(row.baseline.throughput, 1)} | ${round(row.endpoint.throughput / row.baseline.throughput)}× | ` +
        `${row.endpoint.errors} | ${row.goal ?? ''} |`,
    ),
    '',
    '## Email pipeline',
    '',
    `| invitations | from first POST to last email sent | sends per second | baseline sends per second (ACS client, ${QUEUE_SETTINGS.batchSize} at a time) | ratio | duplicates |`,
    '|---|---|---|---|---|---|',
    `| ${pipeline.invitations} | ${pipeline.totalSeconds} s | ${pipeline.sendsPerSecond} | ${pipeline.baselineSendsPerSecond} | ` +
      `${round(pipeline.sendsPerSecond / pipeline.baselineSendsPerSecond)}× | ${pipeline.duplicates} |`,
    '',
    '## Webhook delivery',
    '',
    `| events (acceptances) | from first acceptance to last delivery | deliveries per second | baseline: sign with standardwebhooks and POST, ${QUEUE_SETTINGS.batchSize} at a time | ratio | duplicates |`,
    '|---|---|---|---|---|---|',
    `| ${webhooks.pipeline.events} | ${webhooks.pipeline.totalSeconds} s | ${webhooks.pipeline.deliveriesPerSecond} | ` +
      `${webhooks.pipeline.baselinePerSecond} | ${round(webhooks.pipeline.deliveriesPerSecond / webhooks.pipeline.baselinePerSecond)}× | ${webhooks.pipeline.duplicates} |`,
    '',
    'Baselines: raw `@azure/data-tables` point reads of the same row against the same Azurite (OEM verification, bulk: ' +
      '1000 reads at concurrency 64), a raw consent-row insert (issuing), loading the unbundled `build/index.js` (cold start), ' +
      'and the same acceptance writing its audit event directly, without the webhook outbox (accepting).',
  ];
  const markdown = `${lines.join('\n')}\n`;
  writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.md'), markdown);
  writeFileSync(
    path.join(ROOT, 'bench', 'results', 'latest.json'),
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, durationSeconds: DURATION, rows, pipeline, webhooks: webhooks.pipeline }, null, 2)}\n`,
  );
  process.stdout.write(markdown);
}

async function rawAuthorizations() {
  return rawTable(TABLES.authorizations);
}

async function rawTable(name: string) {
  const { TableClient } = await import('@azure/data-tables');
  const table = TableClient.fromConnectionString(process.env.AzureWebJobsStorage!, name, {
    allowInsecureConnection: true,
  });
  await table.createTable().catch(() => undefined);
  return table;
}

async function call(
  base: string,
  method: string,
  route: string,
  key: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

function startHost(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'build', 'dev', 'start.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`local host exited (${code}):\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
