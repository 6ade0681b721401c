// host.json's queue settings as the Functions host applies them, read from host.json itself (the bundle carries it).
import hostJson from '../host.json';

export interface QueueSettings {
  batchSize: number;
  maxDequeueCount: number;
  visibilityTimeoutSeconds: number;
  maxPollingIntervalMs: number;
  messageEncoding: 'base64' | 'none';
}

/** Defaults documented for the Functions host's queue extension, for a setting host.json leaves out. */
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

/** What the host does with our queues: how many at a time, how often it retries, how long a failed message waits. */
export const QUEUE_SETTINGS: QueueSettings = queueSettingsOf(hostJson);

function queueSettingsOf(host: HostJson): QueueSettings {
  const queues = host.extensions?.queues ?? {};
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
function timeSpanSeconds(value: string): number {
  const match = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
  if (!match) throw new Error(`host.json: "${value}" is not a TimeSpan (hh:mm:ss)`);
  const [, days = '0', hours, minutes, seconds] = match;
  return Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
