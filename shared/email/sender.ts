// Sends an invitation through Azure Communication Services Email and turns every failure into a queue decision.
import {
  EmailClient,
  type EmailClientOptions,
  type EmailMessage,
  type EmailSendResult,
} from '@azure/communication-email';
import { isRestError, type RestError } from '@azure/core-rest-pipeline';
import { DefaultAzureCredential } from '@azure/identity';
import type { AcsConnection } from '../config';
import { visibleLine } from '../domain/suppliedText';
import type { MailAddress } from './invitationModel';

export { invitationOperationId, noticeOperationId } from './operationId';
export type { MailAddress } from './invitationModel';

export interface OutgoingEmail {
  /** ACS idempotency key: see `invitationOperationId`. */
  operationId: string;
  to: MailAddress;
  subject: string;
  html: string;
  text: string;
  replyTo?: MailAddress;
}

/**
 * What the queue trigger should do next: `retry` leaves the message for a later delivery after `retryAfterSeconds`;
 * `failed` is permanent. `reason` is for people (the partner's `email.lastError`, logs) and never holds a secret.
 * `throttled` says ACS refused for quota (429): waiting is the cure, so it is not counted as a failed attempt.
 */
export type SendResult =
  | { outcome: 'sent' }
  | { outcome: 'retry'; retryAfterSeconds: number; reason: string; throttled: boolean }
  | { outcome: 'failed'; reason: string };

export interface InvitationSender {
  send(email: OutgoingEmail): Promise<SendResult>;
}

export interface AcsSenderOptions {
  connection: AcsConnection;
  /**
   * The MailFrom address, `<username>@<verified domain>`. ACS takes no sender display name per message
   * (`EmailMessage` has only `senderAddress`): the display name belongs to the domain's sender username resource.
   */
  senderAddress: string;
  /** How often to ask ACS whether the send finished, unless ACS says otherwise with Retry-After. */
  pollIntervalMs?: number;
  /** The whole send, polling included; past it the message is retried (same operation id, so still once). */
  timeoutMs?: number;
}

const DEFAULTS = { pollIntervalMs: 2_000, timeoutMs: 60_000 } as const;

/** Delays when ACS does not name one: a throttled account needs longer than a passing fault. */
const RETRY_AFTER_SECONDS = { throttled: 60, transient: 30, min: 1, max: 86_400 } as const;

const PERMANENT_HINTS: Record<number, string> = {
  400: 'the message was rejected as invalid',
  401: 'the access key or token was not accepted',
  403: 'this identity may not send from this resource or sender address',
  404: 'the endpoint or sender address was not found',
  413: 'the message is too large',
};

export function createAcsSender(options: AcsSenderOptions): InvitationSender {
  const client = emailClient(options.connection);
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  return {
    async send(email) {
      const abortSignal = AbortSignal.timeout(timeoutMs);
      try {
        const poller = await client.beginSend(acsMessage(options.senderAddress, email), {
          operationId: email.operationId,
          updateIntervalInMs: pollIntervalMs,
          abortSignal,
        });
        return outcomeOf(await poller.pollUntilDone({ abortSignal }));
      } catch (error) {
        return classifyFailure(error);
      }
    },
  };
}

function emailClient(connection: AcsConnection): EmailClient {
  if (connection.kind === 'connectionString') {
    return new EmailClient(connection.connectionString, clientOptions(connectionStringEndpoint(connection)));
  }
  const credential = new DefaultAzureCredential(
    connection.managedIdentityClientId ? { managedIdentityClientId: connection.managedIdentityClientId } : {},
  );
  return new EmailClient(connection.endpoint, credential, clientOptions(new URL(connection.endpoint)));
}

/**
 * No SDK retries: a 429's Retry-After can be minutes, and sleeping through it inside one invocation holds the
 * function and the message. Every failure comes back at once, and the queue's visibility timeout does the waiting.
 * Plain http is allowed only to a loopback endpoint (the test stub), never across a network.
 */
function clientOptions(endpoint: URL): EmailClientOptions {
  const insecure = endpoint.protocol === 'http:';
  if (insecure && !isLoopback(endpoint.hostname)) {
    throw new Error(`The ACS endpoint must use https (http is only accepted on loopback): ${endpoint.origin}`);
  }
  return { allowInsecureConnection: insecure, retryOptions: { maxRetries: 0 } };
}

function connectionStringEndpoint(connection: { connectionString: string }): URL {
  const endpoint = /(?:^|;)\s*endpoint=([^;]+)/i.exec(connection.connectionString)?.[1];
  if (!endpoint) throw new Error('The ACS connection string has no endpoint=');
  return new URL(endpoint.trim());
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function acsMessage(senderAddress: string, email: OutgoingEmail): EmailMessage {
  return {
    senderAddress,
    recipients: { to: [mailAddress(email.to)] },
    content: { subject: email.subject, html: email.html, plainText: email.text },
    ...(email.replyTo ? { replyTo: [mailAddress(email.replyTo)] } : {}),
    // Tracking would rewrite the consent link to a tracking host: the email promises the link's real host name.
    disableUserEngagementTracking: true,
  };
}

/**
 * Display names become part of the To and Reply-To headers: one line of visible text, whatever was stored (a line
 * break there could start a header of its own, a bidirectional override could reverse the name). None when blank.
 */
function mailAddress({ address, displayName }: MailAddress): MailAddress {
  const name = displayName === undefined ? '' : visibleLine(displayName);
  return name ? { address, displayName: name } : { address };
}

function outcomeOf(result: EmailSendResult): SendResult {
  switch (result.status) {
    case 'Succeeded':
      return { outcome: 'sent' };
    case 'Failed':
    case 'Canceled':
      return {
        outcome: 'failed',
        reason: readable(`ACS did not send the email (${result.status}): ${errorText(result)}`),
      };
    default:
      return retry(RETRY_AFTER_SECONDS.transient, `ACS has not finished the send yet (${result.status})`);
  }
}

function classifyFailure(error: unknown): SendResult {
  if (isRestError(error)) return classifyRestError(error);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return retry(RETRY_AFTER_SECONDS.transient, 'ACS did not confirm the send in time');
  }
  // core-lro's wording when the operation ends Failed or Canceled while polling.
  if (/^The long-running operation has failed|^Operation was canceled/.test(message)) {
    return { outcome: 'failed', reason: readable(`ACS did not send the email: ${message}`) };
  }
  // Anything else (a token that could not be fetched, say) may pass; the poison queue bounds the attempts.
  return retry(RETRY_AFTER_SECONDS.transient, `Sending failed: ${message}`);
}

function classifyRestError(error: RestError): SendResult {
  const status = error.statusCode;
  if (status === undefined) {
    return retry(
      RETRY_AFTER_SECONDS.transient,
      `ACS could not be reached (${error.code ?? 'network error'}): ${error.message}`,
    );
  }
  const detail = `${status}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
  if (status === 429) {
    return retry(
      retryAfterSeconds(error) ?? RETRY_AFTER_SECONDS.throttled,
      `ACS is throttling sends (${detail})`,
      true,
    );
  }
  if (status === 408 || status >= 500) {
    return retry(retryAfterSeconds(error) ?? RETRY_AFTER_SECONDS.transient, `ACS is unavailable (${detail})`);
  }
  const hint = PERMANENT_HINTS[status] ?? 'the request was refused';
  return { outcome: 'failed', reason: readable(`ACS refused the email, ${hint} (${detail})`) };
}

/** Retry-After in seconds or as an HTTP date, or the millisecond variants Azure services also send. */
function retryAfterSeconds(error: RestError): number | undefined {
  const headers = error.response?.headers;
  if (!headers) return undefined;
  const milliseconds = Number(headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms') ?? NaN);
  if (Number.isFinite(milliseconds)) return clampSeconds(milliseconds / 1000);
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? clampSeconds(seconds) : undefined;
}

function clampSeconds(seconds: number): number {
  return Math.min(RETRY_AFTER_SECONDS.max, Math.max(RETRY_AFTER_SECONDS.min, Math.ceil(seconds)));
}

function retry(retryAfterSeconds: number, reason: string, throttled = false): SendResult {
  return { outcome: 'retry', retryAfterSeconds, reason: readable(reason), throttled };
}

function errorText(result: EmailSendResult): string {
  return [result.error?.code, result.error?.message].filter(Boolean).join(': ') || 'no reason given';
}

/** One line, bounded, and never a credential even if a message echoed one. */
function readable(reason: string): string {
  const redacted = reason
    .replace(/(accesskey=|signature=|bearer\s+)[^\s;&"']+/gi, '$1[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return redacted.length > 500 ? `${redacted.slice(0, 499)}…` : redacted;
}
