// The partner behind an X-Api-Key on the partner routes: active partners only, operator keys refused.
import type { HttpRequest } from '@azure/functions';
import type { Partner } from '../domain/partners';
import { forbidden, unauthenticated } from '../errors';
import type { PresentedKey } from './apiKeys';
import { presentedKey, verifiedCaller, type CallerLookups } from './callers';

/**
 * The key and its partner, read side by side (two point reads, one round trip: the key names its partner). A key whose
 * partner is gone is unknown (401); a suspended partner is refused with 403 (API.md "Who is calling").
 */
export async function authenticatePartner(request: HttpRequest, lookups: CallerLookups): Promise<Partner> {
  return activePartner(partnerKey(request), lookups);
}

/**
 * `authenticatePartner` with the route's own read, for the partner the key names, in the same round trip (the OEM
 * check: key, partner and authorization row — three point reads). `read`'s answer is used only once the key checks out.
 */
export async function authenticatePartnerAlongside<T>(
  request: HttpRequest,
  lookups: CallerLookups,
  read: (partnerId: string) => Promise<T>,
): Promise<[Partner, T]> {
  const presented = partnerKey(request);
  return Promise.all([activePartner(presented, lookups), read(presented.partnerId)]);
}

type PartnerKey = PresentedKey & { partnerId: string };

/** The presented key and the partner it names, without any storage read; 401 without a key, 403 for an operator key. */
function partnerKey(request: HttpRequest): PartnerKey {
  const presented = presentedKey(request);
  if (presented.claimedOwner.kind !== 'partner') {
    throw forbidden('This route needs a partner key; operator keys work on /api/admin only.');
  }
  return { ...presented, partnerId: presented.claimedOwner.partnerId };
}

async function activePartner(presented: PartnerKey, lookups: CallerLookups): Promise<Partner> {
  const [stored, partner] = await Promise.all([
    lookups.apiKeys.findApiKey(presented.keyId),
    lookups.partners.findPartner(presented.partnerId),
  ]);
  verifiedCaller(presented, stored);
  if (!partner) throw unauthenticated('The API key is not valid (unknown, malformed or revoked).');
  if (partner.value.status !== 'active') {
    throw forbidden('Your partner account is suspended. Contact the operator of this service.');
  }
  return partner.value;
}
