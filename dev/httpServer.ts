// Serves the registered HTTP functions over Node's http server, through @azure/functions' own request/response types.
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest, HttpResponse, InvocationContext, type Cookie } from '@azure/functions';
import { serialize } from 'cookie';
import type { HttpFunctionDefinition } from '../shared/functionRegistry';
import { withoutLinkTokens } from '../shared/pages/paths';
import { compileRoute, orderByPrecedence, type CompiledRoute } from './routeTemplate';
import type { HostLog } from './hostLog';

/** A route the local host itself answers (sign-in stand-in, outbox): never deployed. */
export type DevRoute = (request: IncomingMessage, response: ServerResponse, body: Buffer) => Promise<boolean> | boolean;

/** Rewrites the headers a function sees, as the platform does (for example adding x-ms-client-principal). */
export type HeaderRewrite = (headers: Record<string, string>) => Record<string, string>;

/**
 * The largest body the local host reads, before any routing: twice the largest a route accepts (the 4 MiB device
 * batch), so every route still gives its own answer, while a 150 MB upload is refused at once without being held in
 * memory. (In Azure the Functions host has its own limit.)
 */
export const LOCAL_HOST_MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HttpServerOptions {
  functions: HttpFunctionDefinition[];
  port: number;
  log: HostLog;
  devRoutes?: DevRoute[];
  rewriteHeaders?: HeaderRewrite[];
}

export interface RunningHttpServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const routes = orderByPrecedence(
    options.functions.map((definition) => ({ definition, route: compileRoute(definition.route) })),
  );
  const server = http.createServer((request, response) => {
    serve(request, response, routes, options).catch((error: unknown) => {
      options.log.error(
        `local host failed to serve ${request.method} ${withoutLinkTokens(request.url ?? '/')}: ${String(error)}`,
      );
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Local host error');
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Route = { definition: HttpFunctionDefinition; route: CompiledRoute };

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  routes: Route[],
  options: HttpServerOptions,
): Promise<void> {
  const body = await readBody(incoming, LOCAL_HOST_MAX_BODY_BYTES);
  if (body === undefined) {
    refuseTooLarge(outgoing);
    return;
  }
  for (const devRoute of options.devRoutes ?? []) {
    if (await devRoute(incoming, outgoing, body)) return;
  }
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`);
  const method = (incoming.method ?? 'GET').toUpperCase();
  const found = findRoute(routes, url.pathname, method);
  if (!found) {
    outgoing.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const headers = (options.rewriteHeaders ?? []).reduce((current, rewrite) => rewrite(current), flatHeaders(incoming));
  const request = new HttpRequest({
    method,
    url: url.toString(),
    headers,
    query: Object.fromEntries(url.searchParams.entries()),
    params: found.params,
    body: body.length ? { bytes: body } : undefined,
  });
  await invoke(found.definition, request, outgoing, options.log);
}

function findRoute(routes: Route[], path: string, method: string) {
  for (const { definition, route } of routes) {
    if (!definition.methods.includes(method as never)) continue;
    const params = route.match(path);
    if (params) return { definition, params };
  }
  return undefined;
}

async function invoke(
  definition: HttpFunctionDefinition,
  request: HttpRequest,
  outgoing: ServerResponse,
  log: HostLog,
): Promise<void> {
  const started = performance.now();
  const context = new InvocationContext({
    functionName: definition.name,
    invocationId: randomUUID(),
    logHandler: log.forFunction(definition.name),
  });
  let result;
  try {
    result = await definition.handler(request, context);
  } catch (error) {
    log.invocation(definition.name, `threw ${String(error)}`, performance.now() - started);
    outgoing.writeHead(500).end();
    return;
  }
  const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? { status: 204 });
  const payload = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = Object.fromEntries(response.headers.entries());
  if (response.cookies.length) headers['set-cookie'] = response.cookies.map(serializeCookie);
  outgoing.writeHead(response.status, headers);
  outgoing.end(request.method === 'HEAD' ? undefined : payload);
  log.invocation(
    definition.name,
    `${request.method} ${withoutLinkTokens(new URL(request.url).pathname)} → ${response.status}`,
    performance.now() - started,
  );
}

function serializeCookie(cookie: Cookie): string {
  return serialize(cookie.name, cookie.value, {
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires === undefined ? undefined : new Date(cookie.expires),
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite?.toLowerCase() as 'strict' | 'lax' | 'none' | undefined,
    maxAge: cookie.maxAge,
  });
}

function flatHeaders(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
  }
  return headers;
}

/** The body, or undefined as soon as it is known to exceed `maxBytes` (by its declared length, or while reading). */
function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  if (Number(incoming.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      incoming.off('data', onData);
      chunks.length = 0;
      resolve(undefined);
    };
    incoming.on('data', onData);
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });
}

/** 413, then the connection is closed: the rest of the upload is never read. */
function refuseTooLarge(outgoing: ServerResponse): void {
  outgoing.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  outgoing.end(`The local host reads request bodies of at most ${LOCAL_HOST_MAX_BODY_BYTES / 1024 / 1024} MiB.`, () =>
    outgoing.socket?.destroy(),
  );
}
