// Idempotency-Key for POST routes: one claim per (partner, key), the first answer replayed for 24 hours.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { invalid, ServiceError } from '../errors';
import { createHash } from 'node:crypto';
import type { IdempotencyClaim, StoredAnswer } from '../storage/idempotencyStore';

/** Where claims are kept: the Dependencies' idempotency store, passed in by the route. */
export interface IdempotencyStore {
  claimIdempotencyKey(
    partnerId: string,
    key: string,
    fingerprint: string,
    now: Date,
    resourceId: string,
  ): Promise<IdempotencyClaim>;
  completeIdempotencyKey(partnerId: string, key: string, answer: StoredAnswer): Promise<void>;
  releaseIdempotencyKey(partnerId: string, key: string): Promise<void>;
}

const HEADER = 'idempotency-key';
export const MAX_KEY_LENGTH = 255;
/**
 * How long a client waits before asking again for the answer of a request still running: most answer within a second
 * or two, and a claim abandoned by a crash is taken over after 10 s (shared/storage/idempotencyStore.ts).
 */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 2;

export interface IdempotentAnswer {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export interface IdempotentRoute {
  store: IdempotencyStore;
  partnerId: string;
  /** The validated body, canonicalised into the fingerprint: same key + different body → 422. */
  body: unknown;
  /** A fresh id for what the request creates; a retry that resumes an interrupted first attempt gets that one's id. */
  newResourceId: string;
  now: Date;
  run(resourceId: string): Promise<IdempotentAnswer>;
  /** Fields to leave out of the stored answer (secrets such as a link) and to put back on replay. */
  redact?: { fields: string[]; restore(stored: Record<string, unknown>): Promise<Record<string, unknown>> };
}

export async function idempotent(request: HttpRequest, route: IdempotentRoute): Promise<HttpResponseInit> {
  const key = request.headers.get(HEADER);
  if (key === null) return toResponse(await route.run(route.newResourceId));
  if (!key.trim() || key.length > MAX_KEY_LENGTH) {
    throw invalid(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`, [
      { path: 'Idempotency-Key', message: `must be 1 to ${MAX_KEY_LENGTH} characters` },
    ]);
  }
  const fingerprint = requestFingerprint([request.method, new URL(request.url).pathname, canonicalJson(route.body)]);
  const claim = await route.store.claimIdempotencyKey(
    route.partnerId,
    key,
    fingerprint,
    route.now,
    route.newResourceId,
  );
  if (claim.kind === 'mismatch') {
    throw new ServiceError(
      'idempotency-mismatch',
      'This Idempotency-Key was used with a different request in the last 24 hours. Use a new key for a new request.',
    );
  }
  if (claim.kind === 'in-progress') {
    throw new ServiceError(
      'idempotency-in-progress',
      'The first request with this Idempotency-Key is still running. Send this request again, unchanged, after ' +
        'Retry-After seconds: you get its answer, and nothing is made twice.',
      undefined,
      IN_PROGRESS_RETRY_AFTER_SECONDS,
    );
  }
  if (claim.kind === 'replay') return replay(claim.answer, route);

  let answer: IdempotentAnswer;
  try {
    answer = await route.run(claim.resourceId);
  } catch (error) {
    await route.store.releaseIdempotencyKey(route.partnerId, key).catch(() => undefined); // the retry runs again
    throw error;
  }
  await route.store.completeIdempotencyKey(route.partnerId, key, stored(answer, route.redact?.fields ?? []));
  return toResponse(answer);
}

async function replay(answer: StoredAnswer, route: IdempotentRoute): Promise<HttpResponseInit> {
  let body = JSON.parse(answer.body) as Record<string, unknown>;
  if (route.redact) body = await route.redact.restore(body);
  return toResponse({ status: answer.status, headers: { ...answer.headers, 'idempotent-replayed': 'true' }, body });
}

function stored(answer: IdempotentAnswer, redacted: string[]): StoredAnswer {
  const body = Object.fromEntries(Object.entries(answer.body).filter(([name]) => !redacted.includes(name)));
  return { status: answer.status, headers: answer.headers ?? {}, body: JSON.stringify(body) };
}

function toResponse(answer: IdempotentAnswer): HttpResponseInit {
  return { status: answer.status, headers: answer.headers, jsonBody: answer.body };
}

/** JSON with object keys sorted, so that the same body always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b)))
      : field,
  );
}

/** A hash of the request that identifies "the same request" (method, route and canonical body). */
function requestFingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
