// The local Functions host: HTTP, queue and timer triggers of the registered functions, one object to start and stop.
import type {
  FunctionDefinition,
  HttpFunctionDefinition,
  QueueFunctionDefinition,
  TimerFunctionDefinition,
} from '../shared/functionRegistry';
import { localOutbox } from '../shared/email/configuredSender';
import { queueServiceClient } from '../shared/storage/clients';
import type { HostLog } from './hostLog';
import { QUEUE_SETTINGS, type QueueSettings } from '../shared/hostSettings';
import { startHttpServer, type DevRoute, type HeaderRewrite } from './httpServer';
import { announceOutboxEmails, outboxRoute } from './outboxRoutes';
import { startQueueRunner } from './queueRunner';
import { startTimerRunner } from './timerRunner';

export interface LocalHostOptions {
  functions: readonly FunctionDefinition[];
  log: HostLog;
  /** 0 picks a free port. */
  port: number;
  /** host.json's queue settings unless given (tests shorten timeouts). */
  queueSettings?: QueueSettings;
  devRoutes?: DevRoute[];
  rewriteHeaders?: HeaderRewrite[];
  /** false: no `/dev/outbox` and no console lines (a host shaped like a deployment). On unless turned off. */
  outbox?: boolean;
}

export interface LocalHost {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const http = options.functions.filter((f): f is HttpFunctionDefinition => f.trigger === 'http');
  const queued = options.functions.filter((f): f is QueueFunctionDefinition => f.trigger === 'queue');
  const timed = options.functions.filter((f): f is TimerFunctionDefinition => f.trigger === 'timer');

  // The outbox is the local host's own: GET /dev/outbox, and a console line with each invitation's link.
  const outbox = options.outbox ?? true;
  const devRoutes = [...(options.devRoutes ?? []), ...(outbox ? [outboxRoute(localOutbox())] : [])];
  const stopAnnouncing = outbox ? announceOutboxEmails(localOutbox(), options.log) : () => undefined;
  const server = await startHttpServer({ ...options, functions: http, devRoutes });
  const queues = startQueueRunner(queued, queueServiceClient(), options.queueSettings ?? QUEUE_SETTINGS, options.log);
  const timers = startTimerRunner(timed, options.log);
  return {
    url: `http://localhost:${server.port}`,
    port: server.port,
    stop: async () => {
      stopAnnouncing();
      timers.stop();
      await queues.stop();
      await server.close();
    },
  };
}
