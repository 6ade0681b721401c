// Runs the built smoke command (`npm run smoke`) as a child process, as an operator would, and collects what it says.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
/** Built by `npm test`'s pretest (`npm run build`). */
export const SMOKE_ENTRY = path.join(root, 'build', 'cli', 'smoke.js');

export interface SmokeRun {
  code: number | null;
  /** stdout, one entry per line printed. */
  lines: string[];
  /** stdout and stderr together. */
  output: string;
}

export async function runSmoke(args: string[], options: { operatorKey?: string } = {}): Promise<SmokeRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SMOKE_OPERATOR_KEY;
  if (options.operatorKey !== undefined) env.SMOKE_OPERATOR_KEY = options.operatorKey;
  const child = spawn(process.execPath, [SMOKE_ENTRY, ...args], { cwd: root, env });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), (output += chunk.toString())));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, lines: stdout.split('\n').filter(Boolean), output };
}

/** The line a check printed, found by its name (`✓ health: …`). */
export function lineOf(run: SmokeRun, check: string): string {
  const line = run.lines.find((candidate) => candidate.slice(2).startsWith(`${check}:`));
  if (!line) throw new Error(`no line for ${check}:\n${run.output}`);
  return line;
}
