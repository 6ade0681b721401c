// The partner behind an X-Api-Key on the partner routes: active partners only, operator keys refused.
import type { HttpRequest } from '@azure/functions';
import type { Partner } from '../domain/partners';
import type { StoredApiKey } from './apiKeys';
import { forbidden, unauthenticated } from '../errors';
import { findPartner } from '../storage/partnerStore';
import { findApiKey } from '../storage/apiKeyStore';
import { presentedKey, verifiedCaller } from './callers';

/** Two point reads (key, partner). A suspended partner is refused with 403 (API.md "Who is calling"). */
export async function authenticatePartner(request: HttpRequest): Promise<Partner> {
  return (await authenticatePartnerAlongside(request, async () => undefined)).partner;
}

/**
 * The key, the partner and `read` (the route's own data) are read side by side — the key names its partner — so an
 * answer costs one storage round trip. Nothing read is used unless the key checks out for that very partner.
 */
export async function authenticatePartnerAlongside<T>(
  request: HttpRequest,
  read: (partnerId: string) => Promise<T>,
): Promise<{ partner: Partner; result: T }> {
  const presented = presentedKey(request);
  if (presented.claimedOwner.kind !== 'partner') {
    throw forbidden('This route needs a partner key; operator keys work on /api/admin only.');
  }
  const partnerId = presented.claimedOwner.partnerId;
  const [stored, partner, result] = await Promise.all([
    findApiKey(presented.keyId),
    findPartner(partnerId),
    read(partnerId),
  ]);
  verifiedCaller(presented, stored);
  // A key whose partner record is gone is as good as unknown.
  if (!partner) throw unauthenticated('The API key is not valid (unknown, malformed or revoked).');
  if (partner.value.status !== 'active') throw suspended();
  return { partner: partner.value, result };
}

/**
 * The OEM verification hot path: the key and `read` side by side — two point reads, one round trip. The partner's
 * kind and status come from the copy on its key row (kept in step by every partner change), not from a partner read.
 */
export async function authenticateOemAlongside<T>(
  request: HttpRequest,
  read: (partnerId: string) => Promise<T>,
): Promise<T> {
  const presented = presentedKey(request);
  if (presented.claimedOwner.kind !== 'partner') {
    throw forbidden('This route needs a partner key; operator keys work on /api/admin only.');
  }
  const partnerId = presented.claimedOwner.partnerId;
  const [stored, result] = await Promise.all([findApiKey(presented.keyId), read(partnerId)]);
  verifiedCaller(presented, stored);
  const facts = stored!.partner ?? (await partnerFacts(partnerId));
  if (!facts.active) throw suspended();
  if (facts.type !== 'oem') throw forbidden(ONLY_OEMS);
  return result;
}

export const ONLY_OEMS = 'Only OEM partners use the OEM verification routes.';

/** For a key without the copy: the partner row itself. */
async function partnerFacts(partnerId: string): Promise<NonNullable<StoredApiKey['partner']>> {
  const partner = await findPartner(partnerId);
  if (!partner) throw unauthenticated('The API key is not valid (unknown, malformed or revoked).');
  return { type: partner.value.type, active: partner.value.status === 'active' };
}

function suspended() {
  return forbidden('Your partner account is suspended. Contact the operator of this service.');
}
