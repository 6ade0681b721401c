// Who is calling an /api route: the X-Api-Key header resolved to an operator or a partner, or a 401.
import type { HttpRequest } from '@azure/functions';
import { forbidden, unauthenticated } from '../errors';
import type { Partner } from '../domain/partners';
import { keyMatches, parseApiKey, type KeyOwner, type PresentedKey, type StoredApiKey } from './apiKeys';

export const API_KEY_HEADER = 'x-api-key';

/**
 * Where a presented key and the partner it names are looked up: the Dependencies' stores, passed in, so that this
 * module never reaches storage itself.
 */
export interface CallerLookups {
  apiKeys: {
    findApiKey(keyId: string): Promise<StoredApiKey | undefined>;
    findOperatorKey(keyId: string): Promise<{ value: StoredApiKey } | undefined>;
  };
  partners: { findPartner(partnerId: string): Promise<{ value: Partner } | undefined> };
}

export interface Caller {
  owner: KeyOwner;
  /** Which key was used: the actor id in audit events (never the key itself). */
  keyId: string;
}

/**
 * Resolves the caller's key with one point read (where the key says its owner's keys are kept); any doubt is a 401 that
 * says nothing about which part failed.
 */
export async function authenticate(request: HttpRequest, lookups: CallerLookups): Promise<Caller> {
  const presented = presentedKey(request);
  const stored =
    presented.claimedOwner.kind === 'operator'
      ? (await lookups.apiKeys.findOperatorKey(presented.keyId))?.value
      : await lookups.apiKeys.findApiKey(presented.keyId);
  return verifiedCaller(presented, stored);
}

/** The key in the header, parsed without any storage read; 401 when there is none or it cannot be one of ours. */
export function presentedKey(request: HttpRequest): PresentedKey {
  const header = request.headers.get(API_KEY_HEADER);
  if (!header) throw unauthenticated('Send your API key in the X-Api-Key header.');
  const presented = parseApiKey(header);
  if (!presented) throw invalidKey();
  return presented;
}

/** Confirms a presented key against its stored record (read by the caller, possibly alongside other reads). */
export function verifiedCaller(presented: PresentedKey, stored: StoredApiKey | undefined): Caller {
  if (!stored || !keyMatches(stored, presented)) throw invalidKey();
  return { owner: stored.owner, keyId: stored.keyId };
}

function invalidKey() {
  return unauthenticated('The API key is not valid (unknown, malformed or revoked).');
}

/** For /api/admin routes: an operator key, else 401/403. Answers the key id, the operator's audit identity. */
export async function authenticateOperator(request: HttpRequest, lookups: CallerLookups): Promise<string> {
  const { owner, keyId } = await authenticate(request, lookups);
  if (owner.kind !== 'operator') throw forbidden('This route needs an operator key.');
  return keyId;
}
