// The local host's console output: one line per invocation, and function logs prefixed with the function's name.
import type { LogHandler } from '@azure/functions';

export interface HostLog {
  info(message: string): void;
  error(message: string): void;
  invocation(functionName: string, outcome: string, milliseconds: number): void;
  forFunction(functionName: string): LogHandler;
}

export function consoleHostLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): HostLog {
  const stamp = () => new Date().toISOString().slice(11, 23);
  return {
    info: (message) => write(`${stamp()} ${message}`),
    error: (message) => write(`${stamp()} ERROR ${message}`),
    invocation: (functionName, outcome, milliseconds) =>
      write(`${stamp()} [${functionName}] ${outcome} (${Math.round(milliseconds)} ms)`),
    forFunction:
      (functionName) =>
      (level, ...args) => {
        if (level === 'trace' || level === 'debug') return;
        write(
          `${stamp()} [${functionName}] ${level === 'information' ? '' : `${level.toUpperCase()} `}${args.map(String).join(' ')}`,
        );
      },
  };
}

/** A log that keeps lines in memory; tests read it. */
export function memoryHostLog(): HostLog & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    consoleHostLog((line) => lines.push(line)),
    { lines },
  );
}
