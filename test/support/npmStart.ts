// `npm start` as a reader runs it (the built dev/start.js, its own Azurite) on a free port, with what it prints.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../dev/freePort';

export interface StartedHost {
  url: string;
  /** The operator key it printed for this run. */
  operatorKey: string;
  /** Everything it printed so far. */
  output: () => string;
  /** Ctrl-C, as a reader stops it; resolves with its exit code. */
  stop: () => Promise<number | null>;
}

const root = path.resolve(__dirname, '..', '..');
const entry = path.join(root, 'build', 'dev', 'start.js');
const START_TIMEOUT_MS = 30_000;

export async function startNpmStart(): Promise<StartedHost> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  // As on a fresh machine: its own Azurite, its own key, its own outbox.
  for (const name of ['AzureWebJobsStorage', 'PUBLIC_BASE_URL', 'EMAIL_TRANSPORT', 'ADMIN_API_KEY', 'APP_SECRET']) {
    delete env[name];
  }
  const child = spawn(process.execPath, [entry], { cwd: root, env });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    return exited;
  };
  try {
    const [, url] = await printed(() => text, /running on (http:\/\/\S+)/, exited);
    const [, operatorKey] = await printed(() => text, /Operator key \(made for this run[^)]*\): (\S+)/, exited);
    return { url: url!, operatorKey: operatorKey!, output: () => text, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The first match of `pattern` in what the host printed, once it has printed it. */
function printed(text: () => string, pattern: RegExp, exited: Promise<unknown>): Promise<RegExpMatchArray> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone = false;
  void exited.then(() => (gone = true));
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(text());
      if (match) return resolve(match);
      if (gone || Date.now() > deadline) return reject(new Error(`npm start did not print ${pattern}:\n${text()}`));
      setTimeout(check, 50);
    };
    check();
  });
}
