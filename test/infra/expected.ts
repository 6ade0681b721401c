// What the app needs from its infrastructure, in the code's terms.
import { QUEUES, TABLES } from '../../shared/storage/tableNames';

/** Tables and queues the code reads and writes, poison queue included: the code's own list. */
export const APP_TABLES = Object.values(TABLES);
export const APP_QUEUES = Object.values(QUEUES);

/** Application settings the Function App must have in Azure. */
export const AZURE_APP_SETTINGS = [
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__clientId',
  'AzureWebJobsStorage__blobServiceUri',
  'AzureWebJobsStorage__queueServiceUri',
  'AzureWebJobsStorage__tableServiceUri',
  'PUBLIC_BASE_URL',
  'APP_SECRET',
  'EMAIL_TRANSPORT',
  'ACS_ENDPOINT',
  'EMAIL_SENDER_ADDRESS',
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'APP_VERSION',
  'SUPPORT_CONTACT',
  'INVITATION_EMAILS_PER_HOUR',
  'RECEIPT_SIGNING_KEY_ID',
  'PERSONAL_DATA_RETENTION_DAYS',
  'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET',
] as const;

/** Settings that hold secrets and therefore must be Key Vault references. */
export const SECRET_APP_SETTINGS = ['APP_SECRET', 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'] as const;

/** Settings only the local host and tests use: never set in Azure. */
export const LOCAL_ONLY_SETTINGS: readonly string[] = [
  'AzureWebJobsStorage',
  'ACS_CONNECTION_STRING',
  'LOCAL_SIGN_IN',
  'LOCAL_RECEIPT_KEYS',
];

/**
 * Settings App Service sets itself. The deployment must never set them: a hand-set WEBSITE_AUTH_ENABLED would make the
 * app believe principal headers that nothing strips.
 */
export const SET_BY_APP_SERVICE: readonly string[] = ['WEBSITE_SITE_NAME', 'WEBSITE_AUTH_ENABLED'];

/** Settings the Functions host, Application Insights or the platform sign-in read, not shared/config.ts. */
export const PLATFORM_APP_SETTINGS: readonly string[] = [
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__blobServiceUri',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET',
];

/**
 * App settings Flex Consumption rejects or ignores (its runtime, scale and deployment live in functionAppConfig), from
 * Microsoft's Flex Consumption documentation.
 */
export const FLEX_REJECTED_APP_SETTINGS: readonly string[] = [
  'FUNCTIONS_WORKER_RUNTIME',
  'FUNCTIONS_EXTENSION_VERSION',
  'FUNCTIONS_WORKER_RUNTIME_VERSION',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTSHARE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
  'WEBSITE_CONTENTOVERVNET',
  'WEBSITE_SKIP_CONTENTSHARE_VALIDATION',
  'WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT',
  'WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'ENABLE_ORYX_BUILD',
  'AzureWebJobsFeatureFlags',
];

/** siteConfig properties Flex Consumption sites reject with ARM error 51021 (named in real rejections). */
export const FLEX_REJECTED_SITE_CONFIG: readonly string[] = [
  'ftpsState',
  'http20Enabled',
  'linuxFxVersion',
  'alwaysOn',
  'use32BitWorkerProcess',
  'preWarmedInstanceCount',
  'netFrameworkVersion',
  'functionsRuntimeScaleMonitoringEnabled',
  'functionAppScaleLimit',
  'minimumElasticInstanceCount',
];

/** The siteConfig properties we set: what Microsoft's own Flex Consumption sample sets, and nothing more. */
export const FLEX_ALLOWED_SITE_CONFIG: readonly string[] = ['minTlsVersion'];

/** Built-in role definition ids (Microsoft's built-in roles reference) the app's identity is granted. */
export const BUILT_IN_ROLES = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424',
} as const;
