// A local stand-in for the ACS Email REST API on loopback: checks the SDK's HMAC signature and body, counts sends.
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body ACS receives (only the fields the stub checks and tests read). */
export interface AcsSentMessage {
  senderAddress: string;
  recipients: { to: { address: string; displayName?: string }[] };
  content: { subject: string; html?: string; plainText?: string };
  replyTo?: { address: string; displayName?: string }[];
  /** The wire name of the SDK's `disableUserEngagementTracking`. */
  userEngagementTrackingDisabled?: boolean;
}

export interface AcsSend {
  operationId: string;
  message: AcsSentMessage;
}

/** How the next authenticated send requests are answered instead of being accepted. */
export interface AcsFailure {
  status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503;
  /** Sent as Retry-After (seconds). */
  retryAfterSeconds?: number;
  code?: string;
  message?: string;
}

export interface AcsStub {
  endpoint: string;
  accessKey: string;
  connectionString: string;
  /** Accepted sends, one per operation id, in arrival order. */
  readonly sends: AcsSend[];
  /** Every POST /emails:send that reached the stub, refused or repeated ones included. */
  readonly sendRequests: number;
  /** Requests refused for a missing or wrong signature. */
  readonly unauthorized: number;
  /** Every authenticated POST /emails:send in arrival order: its operation id, the status answered, and when. */
  readonly sendLog: { operationId?: string; status: number; at: number }[];
  /** Accepted sends with this operation id (0 or 1: a repeated id does not count twice). */
  sendCount(operationId?: string): number;
  failNext(count: number, failure: AcsFailure): void;
  /** The next `count` accepted operations end `Failed` (ACS accepted the request, then could not deliver). */
  failNextOperations(count: number, error?: { code: string; message: string }): void;
  /** The next `count` accepted operations never finish (stay `Running`). */
  stallNextOperations(count: number): void;
  close(): Promise<void>;
}

export interface AcsStubOptions {
  /** Base64 access key; random when absent. */
  accessKey?: string;
  /** How far x-ms-date may be from now, as ACS allows (15 minutes). */
  maxClockSkewMs?: number;
}

interface Operation {
  id: string;
  status: 'Running' | 'Succeeded' | 'Failed';
  finalStatus: 'Running' | 'Succeeded' | 'Failed';
  error?: { code: string; message: string };
}

export async function startAcsStub(options: AcsStubOptions = {}): Promise<AcsStub> {
  const accessKey = options.accessKey ?? randomBytes(32).toString('base64');
  const key = Buffer.from(accessKey, 'base64');
  const maxClockSkewMs = options.maxClockSkewMs ?? 15 * 60_000;
  const operations = new Map<string, Operation>();
  const sends: AcsSend[] = [];
  const failures: AcsFailure[] = [];
  const operationFailures: { code: string; message: string }[] = [];
  const stalls = { remaining: 0 };
  const counters = { sendRequests: 0, unauthorized: 0 };
  const sendLog: AcsStub['sendLog'] = [];

  const server = createServer((request, response) => {
    void readBody(request).then((body) => handle(request, body, response));
  });

  function handle(request: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://stub');
    const isSend = request.method === 'POST' && url.pathname === '/emails:send';
    if (isSend) counters.sendRequests += 1;
    const refusal = signatureProblem(request, body, key, maxClockSkewMs);
    if (refusal) {
      counters.unauthorized += 1;
      return answer(response, 401, { error: { code: 'Denied', message: refusal } });
    }
    if (!url.searchParams.get('api-version')) {
      return answer(response, 400, {
        error: { code: 'MissingApiVersionParameter', message: 'api-version is required' },
      });
    }
    if (isSend) return send(request, body, response);
    const operationId = /^\/emails\/operations\/([^/]+)$/.exec(url.pathname)?.[1];
    if (request.method === 'GET' && operationId) return status(decodeURIComponent(operationId), response);
    answer(response, 404, { error: { code: 'NotFound', message: `No route ${request.method} ${url.pathname}` } });
  }

  function send(request: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const failure = failures.shift();
    const logged = { operationId: header(request, 'operation-id'), status: failure?.status ?? 202, at: Date.now() };
    sendLog.push(logged);
    if (failure) return answerFailure(response, failure);
    const parsed = parseMessage(body);
    if (typeof parsed === 'string') {
      logged.status = 400;
      return answer(response, 400, { error: { code: 'BadRequest', message: parsed } });
    }
    const operationId = header(request, 'operation-id') ?? randomUUID();
    let operation = operations.get(operationId);
    if (!operation) {
      const stalled = stalls.remaining > 0;
      if (stalled) stalls.remaining -= 1;
      const error = stalled ? undefined : operationFailures.shift();
      const finalStatus = stalled ? 'Running' : error ? 'Failed' : 'Succeeded';
      operation = { id: operationId, status: 'Running', finalStatus, error };
      operations.set(operationId, operation);
      sends.push({ operationId, message: parsed });
    }
    const location = `http://${request.headers.host}/emails/operations/${operationId}?api-version=${
      new URL(request.url ?? '/', 'http://stub').searchParams.get('api-version') ?? ''
    }`;
    answer(response, 202, operationBody(operation), { 'Operation-Location': location, 'Retry-After': '0' });
  }

  function status(operationId: string, response: ServerResponse): void {
    const operation = operations.get(operationId);
    if (!operation) return answer(response, 404, { error: { code: 'NotFound', message: 'Unknown operation' } });
    operation.status = operation.finalStatus;
    answer(response, 200, operationBody(operation));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/`;

  return {
    endpoint,
    accessKey,
    connectionString: `endpoint=${endpoint};accesskey=${accessKey}`,
    sends,
    sendLog,
    get sendRequests() {
      return counters.sendRequests;
    },
    get unauthorized() {
      return counters.unauthorized;
    },
    sendCount: (operationId) =>
      operationId === undefined ? sends.length : sends.filter((sent) => sent.operationId === operationId).length,
    failNext(count, failure) {
      for (let i = 0; i < count; i += 1) failures.push(failure);
    },
    failNextOperations(
      count,
      error = { code: 'EmailDroppedAllRecipientsSuppressed', message: 'All recipients suppressed' },
    ) {
      for (let i = 0; i < count; i += 1) operationFailures.push(error);
    },
    stallNextOperations(count) {
      stalls.remaining += count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * ACS key auth: x-ms-content-sha256 is the body's SHA-256; the signature is an HMAC-SHA256, keyed with the decoded
 * access key, over "METHOD\n<path and query>\n<x-ms-date>;<host>;<content hash>". Returns why it fails, if it does.
 */
function signatureProblem(
  request: IncomingMessage,
  body: Buffer,
  key: Buffer,
  maxClockSkewMs: number,
): string | undefined {
  const date = header(request, 'x-ms-date');
  const contentHash = header(request, 'x-ms-content-sha256');
  const host = header(request, 'host');
  const authorization = header(request, 'authorization');
  if (!date || !contentHash || !host || !authorization)
    return 'Missing x-ms-date, x-ms-content-sha256, host or Authorization';
  const sentAt = Date.parse(date);
  if (!Number.isFinite(sentAt) || Math.abs(Date.now() - sentAt) > maxClockSkewMs)
    return 'x-ms-date is missing or too far from now';
  if (contentHash !== createHash('sha256').update(body).digest('base64'))
    return 'x-ms-content-sha256 does not match the body';
  const signature = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$/.exec(
    authorization,
  )?.[1];
  if (!signature) return 'Authorization is not an HMAC-SHA256 signature over x-ms-date;host;x-ms-content-sha256';
  const stringToSign = `${request.method ?? ''}\n${request.url ?? ''}\n${date};${host};${contentHash}`;
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'The signature does not match';
  return undefined;
}

/** ACS's own checks, reduced to what an invitation needs: a sender, addressed recipients, a subject and a body. */
function parseMessage(body: Buffer): AcsSentMessage | string {
  let message: unknown;
  try {
    message = JSON.parse(body.toString('utf8'));
  } catch {
    return 'The body is not JSON';
  }
  if (!isRecord(message)) return 'The body is not an object';
  if (typeof message.senderAddress !== 'string' || !message.senderAddress.includes('@'))
    return 'senderAddress is required';
  const to = isRecord(message.recipients) ? message.recipients.to : undefined;
  if (!Array.isArray(to) || to.length === 0) return 'recipients.to must name at least one recipient';
  if (
    !to.every(
      (recipient) => isRecord(recipient) && typeof recipient.address === 'string' && recipient.address.includes('@'),
    )
  ) {
    return 'Every recipient needs an address';
  }
  const content = message.content;
  if (!isRecord(content) || typeof content.subject !== 'string' || content.subject === '')
    return 'content.subject is required';
  if (typeof content.html !== 'string' && typeof content.plainText !== 'string')
    return 'content.html or content.plainText is required';
  return message as unknown as AcsSentMessage;
}

function answerFailure(response: ServerResponse, failure: AcsFailure): void {
  const headers: Record<string, string> =
    failure.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(failure.retryAfterSeconds) };
  const code =
    failure.code ??
    (failure.status === 429 ? 'TooManyRequests' : failure.status >= 500 ? 'ServiceUnavailable' : 'BadRequest');
  const message = failure.message ?? `Stubbed failure ${failure.status}`;
  answer(response, failure.status, { error: { code, message } }, { ...headers, 'x-ms-error-code': code });
}

function operationBody(operation: Operation): object {
  return {
    id: operation.id,
    status: operation.status,
    ...(operation.status === 'Failed' ? { error: operation.error } : {}),
  };
}

function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
