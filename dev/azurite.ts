// Starts the project's own Azurite (npm dependency) on free ports and stops it again, leaving no process behind.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const STARTUP_TIMEOUT_MS = 30_000;

export interface AzuriteOptions {
  /** Keep data in this folder; in memory when absent. */
  location?: string;
  /** Fixed ports (tests use this to restart Azurite where it was); 0 or absent picks free ones. */
  ports?: Partial<AzuritePorts>;
}

export interface AzuritePorts {
  blob: number;
  queue: number;
  table: number;
}

export interface RunningAzurite {
  ports: AzuritePorts;
  connectionString: string;
  /** Freezes the process (SIGSTOP): connections are still accepted, nothing is ever answered — a hung storage. */
  pause(): void;
  /** Lets a paused Azurite run again (SIGCONT). */
  resume(): void;
  stop(): Promise<void>;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const child = spawn(process.execPath, [azuriteCli(), ...cliArguments(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  try {
    const ports = await listeningPorts(child);
    return {
      ports,
      connectionString: connectionStringFor(ports),
      pause: () => child.kill('SIGSTOP'),
      resume: () => child.kill('SIGCONT'),
      stop: async () => {
        process.removeListener('exit', stopOnExit);
        child.kill('SIGCONT'); // a paused process would not act on the signal that stops it
        await stopChild(child);
      },
    };
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    await stopChild(child);
    throw error;
  }
}

export function connectionStringFor(ports: AzuritePorts, host = '127.0.0.1'): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${ACCOUNT}`,
    `AccountKey=${ACCOUNT_KEY}`,
    `BlobEndpoint=http://${host}:${ports.blob}/${ACCOUNT}`,
    `QueueEndpoint=http://${host}:${ports.queue}/${ACCOUNT}`,
    `TableEndpoint=http://${host}:${ports.table}/${ACCOUNT}`,
  ].join(';');
}

function azuriteCli(): string {
  return path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'azurite.js');
}

function cliArguments({ location, ports = {} }: AzuriteOptions): string[] {
  return [
    ...(location ? ['--location', location] : ['--inMemoryPersistence']),
    '--silent',
    '--skipApiVersionCheck', // recent SDKs send API versions newer than Azurite knows
    '--disableTelemetry',
    '--disableProductStyleUrl',
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(ports.blob ?? 0),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(ports.queue ?? 0),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(ports.table ?? 0),
  ];
}

/** Azurite prints "Azurite <Kind> service is successfully listening at http://127.0.0.1:<port>" per service. */
function listeningPorts(child: ChildProcess): Promise<AzuritePorts> {
  return new Promise((resolve, reject) => {
    const found: Partial<AzuritePorts> = {};
    let output = '';
    const timer = setTimeout(() => fail(new Error('Azurite did not start within 30 s')), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const match of output.matchAll(
        /Azurite (Blob|Queue|Table) service is successfully listening at \S+:(\d+)/g,
      )) {
        found[match[1]!.toLowerCase() as keyof AzuritePorts] = Number(match[2]);
      }
      if (found.blob && found.queue && found.table) {
        cleanup();
        resolve(found as AzuritePorts);
      }
    };
    const onExit = (code: number | null) =>
      fail(new Error(`Azurite exited (code ${code}) before listening:\n${output}`));
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      child.stderr?.removeListener('data', onData);
      child.removeListener('exit', onExit);
      // Keep draining output so Azurite never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
