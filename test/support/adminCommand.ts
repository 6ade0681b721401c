// Runs the built admin command (`npm run admin`) as a child process, as an operator would, and collects what it says.
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Built by `npm test`'s pretest (`npm run build`). */
const ADMIN_ENTRY = path.resolve(__dirname, '..', '..', 'build', 'cli', 'admin.js');

export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runAdmin(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<AdminRun> {
  const child = spawn(process.execPath, [ADMIN_ENTRY, ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}
