// Who is calling an /api route: the X-Api-Key header resolved to an operator or a partner, or a 401.
import type { HttpRequest } from '@azure/functions';
import { forbidden, unauthenticated } from '../errors';
import { findApiKey } from '../storage/apiKeyStore';
import { keyMatches, parseApiKey, type KeyOwner } from './apiKeys';

export const API_KEY_HEADER = 'x-api-key';

export interface Caller {
  owner: KeyOwner;
  /** Which key was used: the actor id in audit events (never the key itself). */
  keyId: string;
}

/** Resolves the caller's key with one point read; any doubt is a 401 that says nothing about which part failed. */
export async function authenticate(request: HttpRequest): Promise<Caller> {
  const presented = request.headers.get(API_KEY_HEADER);
  if (!presented) throw unauthenticated('Send your API key in the X-Api-Key header.');
  const parsed = parseApiKey(presented);
  const stored = parsed && (await findApiKey(parsed.keyId));
  if (!parsed || !stored || !keyMatches(stored, parsed.secret)) {
    throw unauthenticated('The API key is not valid (unknown, malformed or revoked).');
  }
  return { owner: stored.owner, keyId: stored.keyId };
}

/** For /api/admin routes: an operator key, else 401/403. Answers the key id, the operator's audit identity. */
export async function authenticateOperator(request: HttpRequest): Promise<string> {
  const { owner, keyId } = await authenticate(request);
  if (owner.kind !== 'operator') throw forbidden('This route needs an operator key.');
  return keyId;
}
