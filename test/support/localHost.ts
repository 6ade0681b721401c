// Starts the local host in-process on a free port for a test file, with the test run's Azurite behind it.
import { memoryHostLog } from '../../dev/hostLog';
import type { QueueSettings } from '../../shared/hostSettings';
import type { DevRoute, HeaderRewrite } from '../../dev/httpServer';
import { startLocalHost, type LocalHost } from '../../dev/localHost';
import type { FunctionDefinition } from '../../shared/functionRegistry';
import { freePort } from '../../dev/freePort';
export { freePort };

export interface TestHost extends LocalHost {
  log: string[];
}

export async function startTestHost(
  functions: readonly FunctionDefinition[],
  options: {
    queueSettings?: QueueSettings;
    port?: number;
    devRoutes?: DevRoute[];
    rewriteHeaders?: HeaderRewrite[];
    outbox?: boolean;
  } = {},
): Promise<TestHost> {
  const log = memoryHostLog();
  const host = await startLocalHost({ functions, log, port: 0, ...options });
  return { ...host, log: log.lines };
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
