// Registers each function with the Functions host and records it, so the local host and tests can serve it too.
import { app, type HttpHandler, type HttpMethod, type StorageQueueHandler, type TimerHandler } from '@azure/functions';
import { withHttpConventions } from './http/conventions';
import { withDeclaredInput, type DeclaredInput } from './http/request';
import type { RouteDocs } from './openapi/routeDocs';

export interface HttpFunctionDefinition {
  trigger: 'http';
  name: string;
  /** Functions route template without prefix (host.json sets routePrefix to ""), e.g. `api/consent-requests/{id}`. */
  route: string;
  methods: HttpMethod[];
  handler: HttpHandler;
  /** For /api routes: what the OpenAPI document says about it. */
  docs?: RouteDocs;
}

export interface QueueFunctionDefinition {
  trigger: 'queue';
  name: string;
  queueName: string;
  /** App setting (prefix) holding the storage connection, as the real host resolves it. */
  connection: string;
  handler: StorageQueueHandler;
}

export interface TimerFunctionDefinition {
  trigger: 'timer';
  name: string;
  /** Six-field NCRONTAB: second minute hour day month day-of-week. */
  schedule: string;
  runOnStartup: boolean;
  handler: TimerHandler;
}

export type FunctionDefinition = HttpFunctionDefinition | QueueFunctionDefinition | TimerFunctionDefinition;

const STORAGE_CONNECTION = 'AzureWebJobsStorage';
const definitions: FunctionDefinition[] = [];

/** Every function registered so far, in registration order. */
export function registeredFunctions(): readonly FunctionDefinition[] {
  return definitions;
}

export function registerHttp(
  name: string,
  options: { route: string; methods: HttpMethod[]; handler: HttpHandler; docs?: RouteDocs },
): HttpFunctionDefinition {
  const { route, docs } = options;
  const methods = withHead(options.methods, docs);
  // A documented /api route takes exactly the input its docs declare, so the OpenAPI document and the answers agree.
  const handler = withHttpConventions(docs ? withDeclaredInput(options.handler, declaredInput(docs)) : options.handler);
  const definition = record({ trigger: 'http', name, route, methods, handler, docs });
  if (insideFunctionsHost()) {
    app.http(name, { route: options.route, methods, authLevel: 'anonymous', handler });
  }
  return definition;
}

/**
 * A page (a GET route outside the documented API) also answers HEAD, as HTTP expects: link checkers and mail scanners
 * probe consent links that way, and a 404 would tell them the link is dead. The hosts send no body for HEAD.
 */
function withHead(methods: HttpMethod[], docs: RouteDocs | undefined): HttpMethod[] {
  return !docs && methods.includes('GET') && !methods.includes('HEAD') ? [...methods, 'HEAD'] : methods;
}

export function registerQueue(
  name: string,
  options: { queueName: string; handler: StorageQueueHandler },
): QueueFunctionDefinition {
  const definition = record({ trigger: 'queue', name, connection: STORAGE_CONNECTION, ...options });
  if (insideFunctionsHost()) {
    app.storageQueue(name, { queueName: options.queueName, connection: STORAGE_CONNECTION, handler: options.handler });
  }
  return definition;
}

export function registerTimer(
  name: string,
  options: { schedule: string; runOnStartup?: boolean; handler: TimerHandler },
): TimerFunctionDefinition {
  const runOnStartup = options.runOnStartup ?? false;
  const definition = record({
    trigger: 'timer',
    name,
    schedule: options.schedule,
    runOnStartup,
    handler: options.handler,
  });
  if (insideFunctionsHost()) {
    app.timer(name, { schedule: options.schedule, runOnStartup, handler: options.handler });
  }
  return definition;
}

function declaredInput(docs: RouteDocs): DeclaredInput {
  return { query: Object.keys(docs.query?.shape ?? {}), body: docs.body !== undefined };
}

function record<T extends FunctionDefinition>(definition: T): T {
  if (definitions.some((existing) => existing.name === definition.name)) {
    throw new Error(`A function named "${definition.name}" is already registered.`);
  }
  definitions.push(definition);
  return definition;
}

/**
 * True inside the Functions worker, which provides the `@azure/functions-core` module. Elsewhere `app.*` would only
 * print a warning per function, so the local host and tests rely on the record alone.
 */
function insideFunctionsHost(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@azure/functions-core');
    return true;
  } catch {
    return false;
  }
}
