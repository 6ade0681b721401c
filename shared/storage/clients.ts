// Storage clients built once from settings: connection string locally, managed identity (DefaultAzureCredential) in Azure.
import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import { QueueServiceClient, type StoragePipelineOptions } from '@azure/storage-queue';
import { config, type StorageConnection } from '../config';

/**
 * How long one storage call may take before it counts as unanswered. A healthy Table or Queue Storage call takes
 * milliseconds; storage that accepts connections and never answers must not hold a request: with the retries below a
 * request ends with 503 well within 10 s (API.md, "No answer waits on a hung dependency").
 */
export const STORAGE_TRY_TIMEOUT_MS = 3000;

/**
 * Gives every try its deadline, and turns a try that ran out of time into an SDK error without a status (the SDK
 * reports it as a bare AbortError), which the HTTP layer answers as 503 `unavailable`. A hung try is not retried.
 */
const tryTimeout: PipelinePolicy = {
  name: 'storageTryTimeout',
  async sendRequest(request, next) {
    request.timeout = STORAGE_TRY_TIMEOUT_MS;
    try {
      return await next(request);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'AbortError' || request.abortSignal?.aborted) throw error;
      throw new RestError(`Storage did not answer within ${STORAGE_TRY_TIMEOUT_MS} ms.`, { code: 'TIMEOUT', request });
    }
  },
};

/** Fail fast when storage is down: callers answer 503 with Retry-After instead of hanging on long SDK retries. */
const TABLE_OPTIONS: TableServiceClientOptions = {
  retryOptions: { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 1000 },
  additionalPolicies: [{ policy: tryTimeout, position: 'perRetry' }],
};
const QUEUE_OPTIONS: StoragePipelineOptions = {
  retryOptions: { maxTries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 1000, tryTimeoutInMs: STORAGE_TRY_TIMEOUT_MS },
};

let storageOverride: StorageConnection | undefined;
let tableService: TableServiceClient | undefined;
let queueService: QueueServiceClient | undefined;
const tables = new Map<string, Promise<TableClient>>();

/** For tools outside the app (the admin CLI): use this storage instead of the app settings. Call before any client. */
export function useStorage(connection: StorageConnection): void {
  storageOverride = connection;
}

function storage(): StorageConnection {
  return storageOverride ?? config().storage;
}

export function tableServiceClient(): TableServiceClient {
  tableService ??= createTableService(storage());
  return tableService;
}

export function queueServiceClient(): QueueServiceClient {
  queueService ??= createQueueService(storage());
  return queueService;
}

/** A client for one table, created in storage on first use in this process. */
export function tableClient(name: string): Promise<TableClient> {
  let table = tables.get(name);
  if (!table) {
    table = openTable(name);
    tables.set(name, table);
    // A failed creation (storage down) must not be cached: the next call tries again.
    table.catch(() => tables.delete(name));
  }
  return table;
}

async function openTable(name: string): Promise<TableClient> {
  await tableServiceClient().createTable(name); // no-op when it exists
  return newTableClient(storage(), name);
}

function newTableClient(storage: StorageConnection, name: string): TableClient {
  if (storage.kind === 'connectionString') {
    return TableClient.fromConnectionString(storage.connectionString, name, withInsecureLocal(storage, TABLE_OPTIONS));
  }
  return new TableClient(storage.tableServiceUri, name, credential(storage), TABLE_OPTIONS);
}

function createTableService(storage: StorageConnection): TableServiceClient {
  if (storage.kind === 'connectionString') {
    return TableServiceClient.fromConnectionString(storage.connectionString, withInsecureLocal(storage, TABLE_OPTIONS));
  }
  return new TableServiceClient(storage.tableServiceUri, credential(storage), TABLE_OPTIONS);
}

function createQueueService(storage: StorageConnection): QueueServiceClient {
  if (storage.kind === 'connectionString') {
    return QueueServiceClient.fromConnectionString(storage.connectionString, QUEUE_OPTIONS);
  }
  return new QueueServiceClient(storage.queueServiceUri, credential(storage), QUEUE_OPTIONS);
}

function credential(storage: Extract<StorageConnection, { kind: 'identity' }>): DefaultAzureCredential {
  return new DefaultAzureCredential(storage.clientId ? { managedIdentityClientId: storage.clientId } : {});
}

/** Azurite speaks plain http; the tables SDK refuses that unless told to. */
function withInsecureLocal(storage: StorageConnection, options: TableServiceClientOptions): TableServiceClientOptions {
  const plainHttp =
    storage.kind === 'connectionString' &&
    /DefaultEndpointsProtocol=http(;|$)|Endpoint=http:\/\/|UseDevelopmentStorage=true/i.test(storage.connectionString);
  return plainHttp ? { ...options, allowInsecureConnection: true } : options;
}
