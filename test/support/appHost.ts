// The whole app on the local host (its HTTP and timer functions; queue triggers on request), with an operator key.
import { localSignIn } from '../../dev/signIn';
import type { QueueSettings } from '../../shared/hostSettings';
import { liveDependencies } from '../../shared/consent/dependencies';
import { mintOperatorKey } from '../../shared/consent/operatorKeys';
import { startTestHost, type TestHost } from './localHost';
import { platformFront } from './platformFront';

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
 * What stands in front of the functions. 'local-sign-in': the local host as `npm start` serves it, with the outbox and
 * the sign-in stand-in. The others are shaped like a deployment (only the registered functions, no dev routes):
 * 'platform-sign-in' puts the test stand-in for the platform's front before them (it strips a client-sent principal),
 * 'nothing' lets every header through as sent (as in Azure with the platform's sign-in off, or as the platform passes
 * its own principal for a signed-in user).
 */
export type AppHostFront = 'local-sign-in' | 'platform-sign-in' | 'nothing';

/**
 * Starts the app, by default with the local sign-in stand-in. `port` (0: any free one) lets a test set PUBLIC_BASE_URL
 * to the host's real origin before the app first reads its settings, as a browser test needs for the Origin check.
 * `queueSettings`: run the queue-triggered functions, with these settings. Off by default: route tests must not race
 * a background sender, and test files running side by side must not take each other's messages from one Azurite.
 */
export async function startAppHost(
  options: { port?: number; queueSettings?: QueueSettings; front?: AppHostFront } = {},
): Promise<AppHost> {
  await import('../../index');
  const { registeredFunctions } = await import('../../shared/functionRegistry');
  const functions = registeredFunctions().filter((f) => options.queueSettings || f.trigger !== 'queue');
  const host = await startTestHost(functions, {
    port: options.port ?? 0,
    queueSettings: options.queueSettings,
    ...frontOptions(options.front ?? 'local-sign-in'),
  });
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

function frontOptions(front: AppHostFront) {
  if (front === 'local-sign-in') {
    const signIn = localSignIn();
    return { devRoutes: [signIn.route], rewriteHeaders: [signIn.rewriteHeaders] };
  }
  return { outbox: false, rewriteHeaders: front === 'platform-sign-in' ? [platformFront] : [] };
}
