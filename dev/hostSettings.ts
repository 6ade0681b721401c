// The parts of host.json the local host honours, read the way the Functions host reads them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface QueueSettings {
  batchSize: number;
  maxDequeueCount: number;
  visibilityTimeoutSeconds: number;
  maxPollingIntervalMs: number;
  messageEncoding: 'base64' | 'none';
}

/** Defaults documented for the Functions host's queue extension (FACTS.md). */
const QUEUE_DEFAULTS: QueueSettings = {
  batchSize: 16,
  maxDequeueCount: 5,
  visibilityTimeoutSeconds: 0,
  maxPollingIntervalMs: 60_000,
  messageEncoding: 'base64',
};

interface HostJson {
  extensions?: {
    queues?: {
      batchSize?: number;
      maxDequeueCount?: number;
      visibilityTimeout?: string;
      maxPollingInterval?: string;
      messageEncoding?: string;
    };
  };
}

export function readQueueSettings(hostJsonPath = projectFile('host.json')): QueueSettings {
  const queues = (JSON.parse(readFileSync(hostJsonPath, 'utf8')) as HostJson).extensions?.queues ?? {};
  const encoding = queues.messageEncoding ?? QUEUE_DEFAULTS.messageEncoding;
  if (encoding !== 'base64' && encoding !== 'none') throw new Error(`host.json: unknown messageEncoding "${encoding}"`);
  return {
    batchSize: queues.batchSize ?? QUEUE_DEFAULTS.batchSize,
    maxDequeueCount: queues.maxDequeueCount ?? QUEUE_DEFAULTS.maxDequeueCount,
    visibilityTimeoutSeconds:
      queues.visibilityTimeout === undefined
        ? QUEUE_DEFAULTS.visibilityTimeoutSeconds
        : timeSpanSeconds(queues.visibilityTimeout),
    maxPollingIntervalMs:
      queues.maxPollingInterval === undefined
        ? QUEUE_DEFAULTS.maxPollingIntervalMs
        : timeSpanSeconds(queues.maxPollingInterval) * 1000,
    messageEncoding: encoding,
  };
}

/** .NET TimeSpan "hh:mm:ss" (optionally "d.hh:mm:ss" or with fractional seconds) to seconds. */
export function timeSpanSeconds(value: string): number {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (!match) throw new Error(`host.json: "${value}" is not a TimeSpan (hh:mm:ss)`);
  const [, days = '0', hours, minutes, seconds] = match;
  return Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** A file at the project root, found from this module whether it runs from source (dev/) or from build/dev/. */
export function projectFile(name: string): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, name);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) throw new Error(`${name} not found above ${__dirname}`);
  }
}
