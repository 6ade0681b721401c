// Every application setting, read once from the environment and validated; a bad one stops start-up by name.
import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { version as packageVersion } from '../package.json';

/** How the app reaches its storage account: a connection string locally, service URIs plus managed identity in Azure. */
export type StorageConnection =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; tableServiceUri: string; queueServiceUri: string; clientId?: string };

export interface Config {
  storage: StorageConnection;
  /** Base of every link we hand out (`<base>/consent/<token>`); never derived from request headers. */
  publicBaseUrl: string;
  /** The running version, reported by `/api/health`. */
  version: string;
  /** Keys derived from APP_SECRET, one per purpose (form tokens, link tokens), so no key serves two. */
  keys: { csrf: Buffer; links: Buffer };
}

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/** The environment as the Functions host provides it: one flat string per setting. */
const settingsSchema = z.object({
  AzureWebJobsStorage: optionalText,
  AzureWebJobsStorage__tableServiceUri: httpUrl.optional(),
  AzureWebJobsStorage__queueServiceUri: httpUrl.optional(),
  AzureWebJobsStorage__clientId: optionalText,
  PUBLIC_BASE_URL: httpUrl,
  APP_SECRET: z.string().min(32, 'must be at least 32 characters of randomness (openssl rand -base64 48)'),
  APP_VERSION: optionalText,
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid application settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses settings from an environment; throws ConfigError naming every missing or malformed setting. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = settingsSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)),
    ...storageProblems(env),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const settings = parsed.data;
  return {
    storage: storageConnection(settings),
    publicBaseUrl: settings.PUBLIC_BASE_URL,
    version: settings.APP_VERSION ?? packageVersion,
    keys: {
      csrf: derivedKey(settings.APP_SECRET, 'csrf'),
      links: derivedKey(settings.APP_SECRET, 'consent-links'),
    },
  };
}

/** Every setting this module reads (the infrastructure tests check Azure sets each one that applies there). */
export const SETTING_NAMES = Object.keys(settingsSchema.shape);

let current: Config | undefined;

/** The process's settings, read from `process.env` on first use and kept. */
export function config(): Config {
  current ??= loadConfig(process.env);
  return current;
}

/** Storage needs a connection string, or else both service URIs (identity-based, as in Azure). */
function storageProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.AzureWebJobsStorage?.trim()) return [];
  return (['AzureWebJobsStorage__tableServiceUri', 'AzureWebJobsStorage__queueServiceUri'] as const)
    .filter((name) => !env[name]?.trim())
    .map((name) => `${name} is required when AzureWebJobsStorage (a connection string) is not set`);
}

function derivedKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'autopilot-consent', purpose, 32));
}

function storageConnection(settings: z.infer<typeof settingsSchema>): StorageConnection {
  if (settings.AzureWebJobsStorage) {
    return { kind: 'connectionString', connectionString: settings.AzureWebJobsStorage };
  }
  return {
    kind: 'identity',
    // Presence is guaranteed by storageProblems.
    tableServiceUri: settings.AzureWebJobsStorage__tableServiceUri!,
    queueServiceUri: settings.AzureWebJobsStorage__queueServiceUri!,
    clientId: settings.AzureWebJobsStorage__clientId,
  };
}
