// `npm start`: Azurite on free ports, the app's settings, then every registered function served on http://localhost:$PORT.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../shared/config';
import { startAzurite, type RunningAzurite } from './azurite';
import { consoleHostLog } from './hostLog';
import { projectFile } from './hostSettings';
import { registerLocalOperatorKey } from './operatorKey';
import { startLocalHost } from './localHost';

const DEFAULT_PORT = 7071;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { persist: { type: 'boolean', default: false } } });
  const log = consoleHostLog();
  applyLocalSettings();
  const port = Number(process.env.PORT ?? DEFAULT_PORT);

  let azurite: RunningAzurite | undefined;
  if (wantsLocalStorage(process.env.AzureWebJobsStorage)) {
    const location = values.persist ? path.join(path.dirname(projectFile('package.json')), '.azurite') : undefined;
    azurite = await startAzurite({ location });
    process.env.AzureWebJobsStorage = azurite.connectionString;
    log.info(
      `Azurite ${location ? `(data kept in ${location})` : '(in memory)'}: tables on ${azurite.ports.table}, queues on ${azurite.ports.queue}`,
    );
  }
  process.env.PUBLIC_BASE_URL ??= `http://localhost:${port}`;

  let host;
  let operatorKey;
  try {
    // Loading the entry point registers every function, exactly as the Functions host loads package.json "main".
    await import('../index');
    const { registeredFunctions } = await import('../shared/functionRegistry');
    operatorKey = await registerLocalOperatorKey(process.env.ADMIN_API_KEY, new Date());
    host = await startLocalHost({ functions: registeredFunctions(), log, port });
  } catch (error) {
    await azurite?.stop();
    throw error;
  }

  log.info(`Autopilot Consent is running on ${host.url}`);
  log.info(`Try: curl ${host.url}/api/health`);
  log.info(
    operatorKey.minted
      ? `Operator key (made for this run; set ADMIN_API_KEY to keep one): ${operatorKey.apiKey}`
      : 'Operator key: the ADMIN_API_KEY you set.',
  );
  log.info(`Register a partner: see docs/operator-guide.md (X-Api-Key: <operator key>).`);
  log.info('Stop with Ctrl-C.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    await host.stop();
    await azurite?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** Like `func start`: local.settings.json "Values" fill in what the environment does not already set. */
function applyLocalSettings(): void {
  const file = path.join(path.dirname(projectFile('package.json')), 'local.settings.json');
  if (!existsSync(file)) return;
  const { Values = {} } = JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, string> };
  for (const [name, value] of Object.entries(Values)) process.env[name] ??= value;
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
