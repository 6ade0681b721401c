// One delivery attempt over the network: POST the signed body, wait at most 15 s, report the status and Retry-After.
// The connection goes only to an address checked at that moment, so DNS cannot be rebound past the check.
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookTargets } from '../config';
import { WEBHOOK_TIMEOUT_MS } from '../domain/webhooks';
import { isAllowedAddress, resolveHost, targetRefusal, type ResolveHost } from './targets';

export interface SignedPost {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What came back: a status (and its Retry-After header), or why there was none. */
export interface PostResult {
  statusCode?: number;
  retryAfter?: string;
  /** No answer: refused target, connection error or timeout (a sentence, never a secret). */
  error?: string;
}

export type PostWebhook = (post: SignedPost) => Promise<PostResult>;

/** The live sender, for the given target rules; `timeoutMs` is the contract's 15 s unless a test shortens it. */
export function webhookPoster(
  targets: WebhookTargets,
  resolve: ResolveHost = resolveHost,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): PostWebhook {
  return async (post) => {
    const refusal = await targetRefusal(post.url, targets, resolve);
    if (refusal) return { error: `the URL ${refusal}` };
    return send(post, timeoutMs, { lookup: checkedLookup(targets, resolve) });
  };
}

function send(post: SignedPost, timeoutMs: number, options: RequestOptions): Promise<PostResult> {
  const url = new URL(post.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        ...options,
        method: 'POST',
        headers: { ...post.headers, 'content-length': Buffer.byteLength(post.body).toString() },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const retryAfter = response.headers['retry-after'];
        response.resume(); // the body is not read, only drained
        response.on('end', () => resolve({ statusCode: response.statusCode, ...(retryAfter ? { retryAfter } : {}) }));
        response.on('error', () => resolve({ statusCode: response.statusCode }));
      },
    );
    outgoing.on('error', (error) =>
      resolve({
        error: error.name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : error.message,
      }),
    );
    outgoing.end(post.body);
  });
}

/** A DNS lookup for the socket that refuses to hand over any address a webhook may not reach. */
function checkedLookup(targets: WebhookTargets, resolve: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((address) => !isAllowedAddress(address, targets));
        if (refused || addresses.length === 0) {
          callback(new Error(`${hostname} resolves to an address that may not receive webhooks`), '', 0);
          return;
        }
        const found = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
        if (options.all) callback(null, found);
        else callback(null, found[0]!.address, found[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
