// The whole app on the local host (its HTTP and timer functions; queue triggers on request), with an operator key.
import type { QueueSettings } from '../../dev/hostSettings';
import { liveDependencies } from '../../shared/consent/dependencies';
import { mintOperatorKey } from '../../shared/consent/operatorActions';
import { startTestHost, type TestHost } from './localHost';

export interface AppHost extends TestHost {
  operatorKey: string;
  /** fetch against the host, JSON in and out. */
  call(
    method: string,
    path: string,
    options?: { key?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{
    status: number;
    headers: Headers;
    body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read whatever the route answered
  }>;
}

/**
 * `queueSettings`: run the queue-triggered functions, with these settings. Off by default: route tests must not race
 * a background sender, and test files running side by side must not take each other's messages from one Azurite.
 */
export async function startAppHost(options: { queueSettings?: QueueSettings } = {}): Promise<AppHost> {
  await import('../../index');
  const { registeredFunctions } = await import('../../shared/functionRegistry');
  const functions = registeredFunctions().filter((f) => options.queueSettings || f.trigger !== 'queue');
  const host = await startTestHost(functions, options);
  const { apiKey: operatorKey } = await mintOperatorKey(liveDependencies, 'tests');
  const call: AppHost['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers['x-api-key'] = options.key;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };
  return { ...host, operatorKey, call };
}
