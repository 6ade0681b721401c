// `npm start` as a newcomer runs it: the built local host starts Azurite, serves health, and stops cleanly on Ctrl-C.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../../dev/freePort';

const root = path.resolve(__dirname, '..', '..');
const entry = path.join(root, 'build', 'dev', 'start.js');

function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp, output: { text: string }) {
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${output.text}`)), 30_000);
    const check = () => {
      const match = output.text.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', () => reject(new Error(`exited early:\n${output.text}`)));
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('npm start (the built local host)', () => {
  it('serves GET /api/health, then stops itself and Azurite on SIGINT', async () => {
    expect(existsSync(entry)).toBe(true); // `npm test` builds first (pretest)
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
    delete env.AzureWebJobsStorage; // as on a fresh machine: the host starts its own Azurite
    delete env.PUBLIC_BASE_URL;
    const child = spawn(process.execPath, [entry], { cwd: root, env });
    const output = { text: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));

    const [, tablePort] = await waitForOutput(child, /tables on (\d+)/, output);
    await waitForOutput(child, /running on http:\/\/localhost:\d+/, output);
    const health = await fetch(`http://localhost:${port}/api/health`);
    expect(health.status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await connects(Number(tablePort))).toBe(false);
    expect(await connects(port)).toBe(false);
  });
});

describe('start-up with a bad setting', () => {
  it('stops with a message naming the setting', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), PUBLIC_BASE_URL: 'not-a-url' };
    delete env.AzureWebJobsStorage;
    const child = spawn(process.execPath, [entry], { cwd: root, env });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('PUBLIC_BASE_URL must be an absolute http(s) URL');
  });
});

describe('local.settings.json', () => {
  // In a copy of the project (its build, its lock file, the same node_modules), never the repository's own root: other
  // test files start `npm start` from there at the same time, and would read this file's invalid setting and fail.
  it('is read from the project root, not from build/ (where the build copies package.json)', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'apc-project-'));
    try {
      cpSync(path.join(root, 'build'), path.join(project, 'build'), { recursive: true });
      copyFileSync(path.join(root, 'package-lock.json'), path.join(project, 'package-lock.json'));
      symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
      writeFileSync(
        path.join(project, 'local.settings.json'),
        JSON.stringify({ Values: { PUBLIC_BASE_URL: 'read-from-local-settings' } }),
      );
      const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()) };
      delete env.AzureWebJobsStorage;
      delete env.PUBLIC_BASE_URL;
      const child = spawn(process.execPath, [path.join(project, 'build', 'dev', 'start.js')], { cwd: project, env });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain('PUBLIC_BASE_URL must be an absolute http(s) URL');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
