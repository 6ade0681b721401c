// Every application setting, read once from the environment and validated; a bad one stops start-up by name.
import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_INVITATION_EMAILS_PER_HOUR } from './domain/invitationQuota';
import { PERSONAL_DATA_RETENTION_LIMITS } from './domain/retention';
import { version as packageVersion } from '../package.json';

/** How the app reaches its storage account: a connection string locally, service URIs plus managed identity in Azure. */
export type StorageConnection =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; tableServiceUri: string; queueServiceUri: string; clientId?: string };

/** A connection string (local, tests), or the resource endpoint with a managed identity (Azure). */
export type AcsConnection =
  | { kind: 'connectionString'; connectionString: string }
  | {
      kind: 'identity';
      endpoint: string;
      /** A user-assigned identity's client id; when absent DefaultAzureCredential reads AZURE_CLIENT_ID itself. */
      managedIdentityClientId?: string;
    };

/**
 * Where invitation emails go: Azure Communication Services, or the local host's outbox (development only; nothing
 * leaves the process). ACS needs no display name: it takes the sender's from the domain's sender username resource.
 */
export type EmailSettings =
  { transport: 'acs'; connection: AcsConnection; senderAddress: string } | { transport: 'outbox' };

/**
 * Whose word a request's `x-ms-client-principal` is. 'platform': App Service Authentication is on, so it strips a
 * client-sent header and sets its own. 'local': the local host's sign-in stand-in (development and tests only).
 * 'none': nothing vouches for the header, so anyone could forge it and nobody counts as signed in.
 */
export type SignInTrust = 'platform' | 'local' | 'none';

export type WebhookTargets = 'public' | 'local';

/**
 * Who signs receipts: a Key Vault key (Azure), or local keys (PKCS#8 DER, base64; none: one made for this process).
 */
export type ReceiptSigning =
  { kind: 'key-vault'; keyId: string; clientId?: string } | { kind: 'local'; keys: string[] };

export interface Config {
  storage: StorageConnection;
  /** The one answer to "may this app believe the principal header?" (shared/auth/principal.ts asks it). */
  signIn: SignInTrust;
  /** Base of every link we hand out (`<base>/consent/<token>`); never derived from request headers. */
  publicBaseUrl: string;
  /** The running version, reported by `/api/health`. */
  version: string;
  /** Keys derived from APP_SECRET, one per purpose (form, link and page tokens, webhook secrets), so no key serves two. */
  keys: { csrf: Buffer; links: Buffer; pages: Buffer; webhookSecrets: Buffer };
  /**
   * Where webhooks may point. 'public': https only, never to loopback, private, link-local or metadata addresses.
   * 'local': also http and loopback addresses, so the local host and tests can receive deliveries (LOCAL_WEBHOOK_TARGETS).
   */
  webhookTargets: WebhookTargets;
  email: EmailSettings;
  /** API.md's invitation email limit per partner and hour. */
  invitationEmailsPerHour: number;
  /** How customers reach the operator's support (R13: removing an OEM), shown on pages; absent when not configured. */
  supportContact?: string;
  receiptSigning: ReceiptSigning;
  /** Days after a final state until a consent's personal data is erased (PERSONAL_DATA_RETENTION_DAYS). */
  personalDataRetentionDays: number;
}

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/** An empty or blank setting (a placeholder in local.settings.json) counts as not set. */
function blankIsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' ? value.trim() || undefined : value), schema);
}

/** The environment as the Functions host provides it: one flat string per setting. */
const settingsSchema = z.object({
  AzureWebJobsStorage: optionalText,
  AzureWebJobsStorage__tableServiceUri: httpUrl.optional(),
  AzureWebJobsStorage__queueServiceUri: httpUrl.optional(),
  AzureWebJobsStorage__clientId: optionalText,
  PUBLIC_BASE_URL: httpUrl,
  APP_SECRET: z.string().min(32, 'must be at least 32 characters of randomness (openssl rand -base64 48)'),
  APP_VERSION: optionalText,
  SUPPORT_CONTACT: z.string().trim().max(200, 'must be at most 200 characters (an email address or a URL)').optional(),
  // Absent means ACS, so an app in Azure can never fall back to an outbox nobody reads; the local host sets outbox.
  EMAIL_TRANSPORT: blankIsAbsent(z.enum(['acs', 'outbox'], { error: "must be 'acs' or 'outbox'" }).default('acs')),
  ACS_ENDPOINT: blankIsAbsent(
    z
      .url({ protocol: /^https$/, error: 'must be the https endpoint of the Communication Services resource' })
      .optional(),
  ),
  ACS_CONNECTION_STRING: blankIsAbsent(
    z
      .string()
      .refine(
        (value) => /(?:^|;)\s*endpoint=[^;]+/i.test(value) && /(?:^|;)\s*accesskey=[^;]+/i.test(value),
        'must be "endpoint=https://<resource>.communication.azure.com/;accesskey=<key>"',
      )
      .optional(),
  ),
  EMAIL_SENDER_ADDRESS: blankIsAbsent(
    z.email({ error: 'must be an email address (the MailFrom address of a verified domain)' }).optional(),
  ),
  AZURE_CLIENT_ID: optionalText,
  INVITATION_EMAILS_PER_HOUR: blankIsAbsent(
    z.coerce
      .number({ error: 'must be a whole number of emails' })
      .int('must be a whole number of emails')
      .min(1, 'must be at least 1')
      .max(100_000, 'must be at most 100000')
      .default(DEFAULT_INVITATION_EMAILS_PER_HOUR),
  ),
  PERSONAL_DATA_RETENTION_DAYS: blankIsAbsent(
    z.coerce
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(PERSONAL_DATA_RETENTION_LIMITS.minDays, `must be at least ${PERSONAL_DATA_RETENTION_LIMITS.minDays}`)
      .max(PERSONAL_DATA_RETENTION_LIMITS.maxDays, `must be at most ${PERSONAL_DATA_RETENTION_LIMITS.maxDays}`)
      .default(PERSONAL_DATA_RETENTION_LIMITS.defaultDays),
  ),
  RECEIPT_SIGNING_KEY_ID: blankIsAbsent(
    z
      .url({
        protocol: /^https$/,
        error: 'must be the Key Vault key identifier without a version, https://<vault>.vault.azure.net/keys/<name>',
      })
      .optional(),
  ),
});

/** What App Service itself sets, never the deployment: where the app runs, and whether its sign-in is on. */
const platformSchema = z.object({
  WEBSITE_SITE_NAME: optionalText,
  WEBSITE_AUTH_ENABLED: optionalText,
});

/** Settings only the local host and the tests set; refused in Azure. */
const localSchema = z.object({
  LOCAL_SIGN_IN: blankIsAbsent(
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }))
      .optional(),
  ),
  LOCAL_WEBHOOK_TARGETS: blankIsAbsent(
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(['true', 'false'], { error: "must be 'true' or 'false'" }))
      .optional(),
  ),
  // The local host's receipt keys, current first: PKCS#8 DER in base64, comma-separated.
  LOCAL_RECEIPT_KEYS: optionalText,
});

const environmentSchema = settingsSchema.extend(platformSchema.shape).extend(localSchema.shape);

/** An App Service reference the platform could not resolve reaches the app as its own text. */
const UNRESOLVED_REFERENCE = /^\s*@Microsoft\.(KeyVault|AppConfiguration)\(/i;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid application settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses settings from an environment; throws ConfigError naming every missing or malformed setting. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const unresolved = unresolvedReferences(env);
  const parsed = environmentSchema.safeParse(env);
  const issues = parsed.success ? [] : parsed.error.issues;
  const problems = [
    ...unresolved.map((name) => unresolvedReferenceProblem(name, env)),
    // A setting that is still a reference is reported once, as that, not again as malformed.
    ...issues
      .filter((issue) => !unresolved.includes(String(issue.path[0])))
      .map((issue) => `${issue.path.join('.')} ${issue.message}`),
    ...storageProblems(env),
    ...emailProblems(env),
    ...azureProblems(env),
    ...signInProblems(env),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const settings = parsed.data;
  return {
    storage: storageConnection(settings),
    signIn: signInTrust(settings),
    publicBaseUrl: settings.PUBLIC_BASE_URL,
    version: settings.APP_VERSION ?? packageVersion,
    supportContact: settings.SUPPORT_CONTACT || undefined,
    invitationEmailsPerHour: settings.INVITATION_EMAILS_PER_HOUR,
    keys: {
      csrf: derivedKey(settings.APP_SECRET, 'csrf'),
      links: derivedKey(settings.APP_SECRET, 'consent-links'),
      pages: derivedKey(settings.APP_SECRET, 'page-tokens'),
      webhookSecrets: derivedKey(settings.APP_SECRET, 'webhook-secrets'),
    },
    webhookTargets: settings.LOCAL_WEBHOOK_TARGETS === 'true' ? 'local' : 'public',
    email: emailSettings(settings),
    receiptSigning: receiptSigning(settings),
    personalDataRetentionDays: settings.PERSONAL_DATA_RETENTION_DAYS,
  };
}

/**
 * Every application setting this module reads (the infrastructure tests check Azure sets each one that applies
 * there). Not listed: what App Service sets itself (platformSchema), and the local-only LOCAL_SIGN_IN,
 * LOCAL_WEBHOOK_TARGETS and LOCAL_RECEIPT_KEYS.
 */
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

/** ACS needs where to send (an endpoint, or a connection string locally) and whom the email is from. */
function emailProblems(env: NodeJS.ProcessEnv): string[] {
  if ((env.EMAIL_TRANSPORT?.trim() || 'acs') !== 'acs') return [];
  const given = (name: string) => Boolean(env[name]?.trim());
  const problems: string[] = [];
  if (!given('ACS_ENDPOINT') && !given('ACS_CONNECTION_STRING')) {
    problems.push('ACS_ENDPOINT (or ACS_CONNECTION_STRING, locally) is required when EMAIL_TRANSPORT is acs');
  }
  if (given('ACS_ENDPOINT') && given('ACS_CONNECTION_STRING')) {
    problems.push('ACS_ENDPOINT and ACS_CONNECTION_STRING are both set: set only one');
  }
  if (!given('EMAIL_SENDER_ADDRESS')) problems.push('EMAIL_SENDER_ADDRESS is required when EMAIL_TRANSPORT is acs');
  return problems;
}

/**
 * The one definition of "runs in Azure": App Service (Flex Consumption included) sets WEBSITE_SITE_NAME on every app,
 * and nothing on a developer's machine or in the tests does.
 */
function runsInAzure(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.WEBSITE_SITE_NAME?.trim());
}

/** What only makes sense on a developer's machine must never be what an app in Azure relies on. */
function azureProblems(env: NodeJS.ProcessEnv): string[] {
  if (!runsInAzure(env)) return [];
  const problems: string[] = [];
  if (env.EMAIL_TRANSPORT?.trim().toLowerCase() === 'outbox') {
    problems.push(
      "EMAIL_TRANSPORT is 'outbox' but the app runs in Azure (WEBSITE_SITE_NAME is set): nobody would ever read those emails; set it to 'acs'",
    );
  }
  if (!env.RECEIPT_SIGNING_KEY_ID?.trim()) {
    problems.push(
      'RECEIPT_SIGNING_KEY_ID is required in Azure (WEBSITE_SITE_NAME is set): the Key Vault key that signs receipts',
    );
  }
  if (env.LOCAL_RECEIPT_KEYS?.trim()) {
    problems.push(
      'LOCAL_RECEIPT_KEYS is for the local host, but the app runs in Azure (WEBSITE_SITE_NAME is set): remove it; receipts are signed in Key Vault (RECEIPT_SIGNING_KEY_ID)',
    );
  }
  if (env.LOCAL_SIGN_IN?.trim().toLowerCase() === 'true') {
    problems.push(
      "LOCAL_SIGN_IN is for the local host's sign-in stand-in, but the app runs in Azure (WEBSITE_SITE_NAME is set): remove it; in Azure the platform's sign-in vouches for users",
    );
  }
  if (env.LOCAL_WEBHOOK_TARGETS?.trim().toLowerCase() === 'true') {
    problems.push(
      'LOCAL_WEBHOOK_TARGETS lets webhooks reach http and loopback addresses, but the app runs in Azure (WEBSITE_SITE_NAME is set): remove it',
    );
  }
  return problems;
}

/** Settings whose value is still an unresolved Key Vault (or App Configuration) reference. */
function unresolvedReferences(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(environmentSchema.shape).filter((name) => UNRESOLVED_REFERENCE.test(env[name] ?? ''));
}

/** What to check for each kind of reference, before refreshing the references. */
const REFERENCE_CHECKS = {
  keyvault: {
    kind: 'Key Vault',
    check: "that the app's identity has the Key Vault Secrets User role on the vault and that the secret exists",
  },
  appconfiguration: {
    kind: 'App Configuration',
    check: "that the app's identity has the App Configuration Data Reader role on the store and that the key exists",
  },
} as const;

/** Names the setting and what to check, never its value. */
function unresolvedReferenceProblem(name: string, env: NodeJS.ProcessEnv): string {
  const form =
    UNRESOLVED_REFERENCE.exec(env[name] ?? '')?.[1]?.toLowerCase() === 'keyvault' ? 'keyvault' : 'appconfiguration';
  const { kind, check } = REFERENCE_CHECKS[form];
  return (
    `${name} is an unresolved ${kind} reference (the platform passed on the reference, not the secret): check ` +
    `${check}, then refresh the app's references or restart it (docs/deploy.md)`
  );
}

/** Only one front may vouch for the principal header: the platform's sign-in or the local stand-in, never both. */
function signInProblems(env: NodeJS.ProcessEnv): string[] {
  const on = (name: string) => env[name]?.trim().toLowerCase() === 'true';
  if (!on('LOCAL_SIGN_IN') || !on('WEBSITE_AUTH_ENABLED') || runsInAzure(env)) return [];
  return ['LOCAL_SIGN_IN and WEBSITE_AUTH_ENABLED are both true: a host has one sign-in in front of it; set only one'];
}

/** Whose word the principal header is (signInProblems and azureProblems rule out the contradictory cases). */
function signInTrust(settings: z.infer<typeof environmentSchema>): SignInTrust {
  if (settings.WEBSITE_AUTH_ENABLED?.toLowerCase() === 'true') return 'platform';
  if (settings.LOCAL_SIGN_IN === 'true') return 'local';
  return 'none';
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

function emailSettings(settings: z.infer<typeof settingsSchema>): EmailSettings {
  if (settings.EMAIL_TRANSPORT === 'outbox') return { transport: 'outbox' };
  // Presence of one connection and of the sender address is guaranteed by emailProblems.
  const connection: AcsConnection = settings.ACS_CONNECTION_STRING
    ? { kind: 'connectionString', connectionString: settings.ACS_CONNECTION_STRING }
    : { kind: 'identity', endpoint: settings.ACS_ENDPOINT!, managedIdentityClientId: settings.AZURE_CLIENT_ID };
  return { transport: 'acs', connection, senderAddress: settings.EMAIL_SENDER_ADDRESS! };
}

function receiptSigning(settings: z.infer<typeof environmentSchema>): ReceiptSigning {
  if (settings.RECEIPT_SIGNING_KEY_ID) {
    return { kind: 'key-vault', keyId: settings.RECEIPT_SIGNING_KEY_ID, clientId: settings.AZURE_CLIENT_ID };
  }
  const keys = settings.LOCAL_RECEIPT_KEYS?.split(',').map((key) => key.trim()) ?? [];
  return { kind: 'local', keys: keys.filter(Boolean) };
}
