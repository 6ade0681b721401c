// Every application setting, read once from the environment and validated; a bad one stops start-up by name.
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
const settingsSchema = z
  .object({
    AzureWebJobsStorage: optionalText,
    AzureWebJobsStorage__tableServiceUri: httpUrl.optional(),
    AzureWebJobsStorage__queueServiceUri: httpUrl.optional(),
    AzureWebJobsStorage__clientId: optionalText,
    PUBLIC_BASE_URL: httpUrl,
    APP_VERSION: optionalText,
  })
  .superRefine((settings, ctx) => {
    if (settings.AzureWebJobsStorage) return;
    for (const name of ['AzureWebJobsStorage__tableServiceUri', 'AzureWebJobsStorage__queueServiceUri'] as const) {
      if (!settings[name]) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'is required when AzureWebJobsStorage (a connection string) is not set',
        });
      }
    }
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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'} ${issue.message}`));
  }
  const settings = parsed.data;
  return {
    storage: storageConnection(settings),
    publicBaseUrl: settings.PUBLIC_BASE_URL,
    version: settings.APP_VERSION ?? packageVersion,
  };
}

let current: Config | undefined;

/** The process's settings, read from `process.env` on first use and kept. */
export function config(): Config {
  current ??= loadConfig(process.env);
  return current;
}

function storageConnection(settings: z.infer<typeof settingsSchema>): StorageConnection {
  if (settings.AzureWebJobsStorage) {
    return { kind: 'connectionString', connectionString: settings.AzureWebJobsStorage };
  }
  return {
    kind: 'identity',
    // Presence is guaranteed by the refinement above.
    tableServiceUri: settings.AzureWebJobsStorage__tableServiceUri!,
    queueServiceUri: settings.AzureWebJobsStorage__queueServiceUri!,
    clientId: settings.AzureWebJobsStorage__clientId,
  };
}
