// The partner behind an X-Api-Key on the partner routes: active partners only, operator keys refused.
import type { HttpRequest } from '@azure/functions';
import type { Partner } from '../domain/partners';
import { forbidden, unauthenticated } from '../errors';
import { findPartner } from '../storage/partnerStore';
import { authenticate } from './callers';

/** Two point reads (key, partner). A suspended partner is refused with 403 (API.md "Who is calling"). */
export async function authenticatePartner(request: HttpRequest): Promise<Partner> {
  return (await authenticatePartnerAlongside(request, async () => undefined)).partner;
}

/**
 * For hot paths: once the key names the partner, reads the partner and runs `read` side by side, so the answer costs
 * two round trips instead of three. `read`'s result is only handed back after the partner passed every check.
 */
export async function authenticatePartnerAlongside<T>(
  request: HttpRequest,
  read: (partnerId: string) => Promise<T>,
): Promise<{ partner: Partner; result: T }> {
  const { owner } = await authenticate(request);
  if (owner.kind !== 'partner') {
    throw forbidden('This route needs a partner key; operator keys work on /api/admin only.');
  }
  const [partner, result] = await Promise.all([findPartner(owner.partnerId), read(owner.partnerId)]);
  // A key whose partner record is gone is as good as unknown.
  if (!partner) throw unauthenticated('The API key is not valid (unknown, malformed or revoked).');
  if (partner.value.status !== 'active') {
    throw forbidden('Your partner account is suspended. Contact the operator of this service.');
  }
  return { partner: partner.value, result };
}
