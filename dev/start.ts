// `npm start`: Azurite on free ports, the app's settings, then every registered function served on http://localhost:$PORT.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config, ConfigError } from '../shared/config';
import { newLocalReceiptKey } from '../shared/evidence/signer';
import { startAzurite, type RunningAzurite } from './azurite';
import { consoleHostLog } from './hostLog';
import { registerLocalOperatorKey } from './operatorKey';
import { startLocalHost } from './localHost';
import { localSignIn } from './signIn';

const DEFAULT_PORT = 7071;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { persist: { type: 'boolean', default: false } } });
  const log = consoleHostLog();
  applyLocalSettings();
  const port = Number(process.env.PORT ?? DEFAULT_PORT);

  let azurite: RunningAzurite | undefined;
  if (wantsLocalStorage(process.env.AzureWebJobsStorage)) {
    const location = values.persist ? dataFolder() : undefined;
    azurite = await startAzurite({ location });
    process.env.AzureWebJobsStorage = azurite.connectionString;
    log.info(
      `Azurite ${location ? `(data kept in ${location})` : '(in memory)'}: tables on ${azurite.ports.table}, queues on ${azurite.ports.queue}`,
    );
  }
  process.env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;
  const kept = values.persist ? dataFolder() : undefined;
  process.env.APP_SECRET ??= keptSecret(kept, 'app-secret', () => randomBytes(48).toString('base64'));
  // Receipts are signed with a local key unless a Key Vault key is named.
  if (!process.env.RECEIPT_SIGNING_KEY_ID?.trim()) {
    process.env.LOCAL_RECEIPT_KEYS ??= keptSecret(kept, 'receipt-key', newLocalReceiptKey);
  }
  // Locally, invitations go to the outbox unless local.settings.json or the environment chooses ACS.
  if (!process.env.EMAIL_TRANSPORT?.trim()) process.env.EMAIL_TRANSPORT = 'outbox';
  // The sign-in stand-in served below is this host's front, so it vouches for the principal header (refused in Azure).
  process.env.LOCAL_SIGN_IN = 'true';
  // Webhooks may go to http:// and loopback receivers here, so a developer can watch deliveries (refused in Azure).
  process.env.LOCAL_WEBHOOK_TARGETS = 'true';

  let host;
  let operatorKey;
  try {
    // Loading the entry point registers every function, exactly as the Functions host loads package.json "main".
    await import('../index');
    const { registeredFunctions } = await import('../shared/functionRegistry');
    operatorKey = await registerLocalOperatorKey(process.env.ADMIN_API_KEY, new Date());
    const signIn = localSignIn();
    host = await startLocalHost({
      functions: registeredFunctions(),
      log,
      port,
      devRoutes: [signIn.route],
      rewriteHeaders: [signIn.rewriteHeaders],
    });
  } catch (error) {
    await azurite?.stop();
    throw error;
  }

  log.info(`Autopilot Consent is running on ${host.url}`);
  log.info(`Try: curl ${host.url}/api/health`);
  log.info(
    config().email.transport === 'outbox'
      ? `Invitation emails go to the local outbox: ${host.url}/dev/outbox`
      : 'Invitation emails are sent through Azure Communication Services (EMAIL_TRANSPORT=acs).',
  );
  log.info(
    operatorKey.minted
      ? `Operator key (made for this run; set ADMIN_API_KEY to keep one): ${operatorKey.apiKey}`
      : 'Operator key: the ADMIN_API_KEY you set.',
  );
  log.info(`Register a partner: see docs/operator-guide.md (X-Api-Key: <operator key>).`);
  log.info(`Customer pages: sign in locally at ${host.url}/.auth/login/aad (see docs/customer-pages.md).`);
  log.info('Stop with Ctrl-C.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    try {
      await host.stop();
      await azurite?.stop();
    } catch (error) {
      log.error(`Stopping failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    }
    process.exit(0);
  };
  // A stray failure must say what it was before the process ends (Node exits 1 on either, without our log line).
  process.on('uncaughtException', (error) => {
    log.error(`Uncaught: ${error.stack ?? error.message}`);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    log.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
    process.exit(1);
  });
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Like `func start`: local.settings.json "Values" fill in what the environment does not already set. */
function applyLocalSettings(): void {
  const file = path.join(projectRoot(), 'local.settings.json');
  if (!existsSync(file)) return;
  const { Values = {} } = JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, string> };
  for (const [name, value] of Object.entries(Values)) process.env[name] ??= value;
}

function dataFolder(): string {
  return path.join(projectRoot(), '.azurite');
}

/**
 * The repository's root: the folder with package-lock.json. Not package.json: the build copies that one into build/
 * (the settings import it), which would make build/ look like the root and hide local.settings.json.
 */
function projectRoot(): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'package-lock.json'))) return directory;
    if (path.dirname(directory) === directory) throw new Error(`package-lock.json not found above ${__dirname}`);
  }
}

/**
 * A secret for this machine, made by `make`: kept in `folder` under `name` when data persists, so standing links and
 * receipts made before a restart still work and verify after it.
 */
function keptSecret(folder: string | undefined, name: string, make: () => string): string {
  const file = folder && path.join(folder, name);
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = make();
  if (folder && file) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
  }
  return secret;
}

function wantsLocalStorage(setting: string | undefined): boolean {
  return !setting || /^UseDevelopmentStorage=true/i.test(setting.trim());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`,
  );
  process.exit(1);
});
