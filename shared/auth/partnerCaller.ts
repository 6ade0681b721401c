// The partner behind a request on the partner routes: an X-Api-Key (which wins), else a Microsoft Entra principal of a
// registered partner's tenant holding the route's app role (API.md "Who is calling", "Partner identities").
import type { HttpRequest } from '@azure/functions';
import type { SignInTrust } from '../config';
import {
  actingWithKey,
  PARTNER_APP_ROLES,
  type ActingPartner,
  type PartnerAccess,
  type PartnerPrincipalDecision,
} from '../domain/partnerAccess';
import { forbidden, invalid, shortened, unauthenticated, type ServiceError } from '../errors';
import type { PresentedKey } from './apiKeys';
import { API_KEY_HEADER, presentedKey, verifiedCaller, type CallerLookups } from './callers';
import { sentFromAnotherSite } from './csrf';
import { partnerIdentity, resolvePartnerPrincipal, type PartnerLookups } from './partnerPrincipal';

/** The header a principal names its partner with, where several partners share its tenant. */
export const PARTNER_ID_HEADER = 'x-partner-id';

/** What the partner routes look up: keys and partners, and whether and from where a principal may be believed. */
export type PartnerCallerLookups = CallerLookups &
  PartnerLookups & {
    /** Whose word the principal header is (shared/auth/principal.ts). */
    signIn: SignInTrust;
    /** This deployment's own origin: a browser's sign-in is used only from its pages. */
    publicBaseUrl: string;
  };

const SUSPENDED = 'Your partner account is suspended. Contact the operator of this service.';

/**
 * The acting partner, with `access` ('read' for read-only routes, 'manage' for the rest). A key is checked as it always
 * was, and may do everything; without one, the principal decides (partnerPrincipalDecision). A suspended partner is
 * refused with 403 either way.
 */
export async function authenticatePartner(
  request: HttpRequest,
  lookups: PartnerCallerLookups,
  access: PartnerAccess,
): Promise<ActingPartner> {
  if (request.headers.get(API_KEY_HEADER)) return activePartner(partnerKey(request), lookups);
  return principalPartner(request, lookups, access);
}

/**
 * `authenticatePartner` with the route's own read for the partner (the OEM check: key, partner and authorization row).
 * With a key, all three are read in one round trip (the key names its partner); `read`'s answer is used only once the
 * key checks out. With a principal, `read` follows once the partner is known.
 */
export async function authenticatePartnerAlongside<T>(
  request: HttpRequest,
  lookups: PartnerCallerLookups,
  access: PartnerAccess,
  read: (partnerId: string) => Promise<T>,
): Promise<[ActingPartner, T]> {
  if (!request.headers.get(API_KEY_HEADER)) {
    const partner = await principalPartner(request, lookups, access);
    return [partner, await read(partner.id)];
  }
  const presented = partnerKey(request);
  return Promise.all([activePartner(presented, lookups), read(presented.partnerId)]);
}

type PartnerKey = PresentedKey & { partnerId: string };

/** The presented key and the partner it names, without any storage read; 403 for an operator key. */
function partnerKey(request: HttpRequest): PartnerKey {
  const presented = presentedKey(request);
  if (presented.claimedOwner.kind !== 'partner') {
    throw forbidden('This route needs a partner key; operator keys work on /api/admin only.');
  }
  return { ...presented, partnerId: presented.claimedOwner.partnerId };
}

/**
 * The key and its partner, read side by side (two point reads, one round trip: the key names its partner). A key whose
 * partner is gone is unknown (401).
 */
async function activePartner(presented: PartnerKey, lookups: CallerLookups): Promise<ActingPartner> {
  const [stored, partner] = await Promise.all([
    lookups.apiKeys.findApiKey(presented.keyId),
    lookups.partners.findPartner(presented.partnerId),
  ]);
  verifiedCaller(presented, stored);
  if (!partner) throw unauthenticated('The API key is not valid (unknown, malformed or revoked).');
  if (partner.value.status !== 'active') throw forbidden(SUSPENDED);
  return actingWithKey(partner.value);
}

/**
 * Without a key: the principal, believed only where a sign-in vouches for it, and from a browser only for our own
 * pages (a cookie-borne sign-in must not let another site act for the partner).
 */
async function principalPartner(
  request: HttpRequest,
  lookups: PartnerCallerLookups,
  access: PartnerAccess,
): Promise<ActingPartner> {
  const identity = partnerIdentity(request.headers, lookups.signIn);
  if (identity.kind !== 'signed-in') {
    throw unauthenticated(
      'Send your API key in the X-Api-Key header, or a Microsoft Entra access token for this service in the ' +
        'Authorization header (Bearer); see the partner guide.',
    );
  }
  if (sentFromAnotherSite(request.headers, lookups.publicBaseUrl)) {
    throw forbidden(
      'A browser sign-in is not accepted from another site. Call the API from your own code with an access token ' +
        '(Authorization: Bearer) or an API key.',
    );
  }
  const named = request.headers.get(PARTNER_ID_HEADER)?.trim() || undefined;
  const decision = await resolvePartnerPrincipal(identity.principal, lookups, access, named);
  if (decision.kind === 'partner') return decision.partner;
  throw refusalOf(decision);
}

/** The problem a partner can act on, for each way a principal falls short. */
function refusalOf(decision: Exclude<PartnerPrincipalDecision, { kind: 'partner' }>): ServiceError {
  switch (decision.kind) {
    case 'not-a-partner':
      return forbidden(
        `Your Microsoft Entra tenant ${decision.tenantId} is not registered as a partner of this service. Ask its ` +
          'operator to register your organization with this tenant id, or use an API key.',
      );
    case 'missing-role':
      return forbidden(missingRoleMessage(decision));
    case 'choose-partner':
      return invalid(
        decision.named === undefined
          ? 'Several partners are registered for your tenant: name the one you act for in the X-Partner-Id header.'
          : `X-Partner-Id "${shortened(decision.named)}" is not a partner registered for your tenant: send one of ` +
              'the partner ids listed in errors.',
        [
          {
            path: 'X-Partner-Id',
            message: `must be one of: ${decision.choices.map((choice) => `${choice.id} (${choice.displayName})`).join(', ')}`,
          },
        ],
      );
    case 'suspended':
      return forbidden(SUSPENDED);
  }
}

/** Names the role this needs, what the principal holds, and where the partner's own administrator assigns it. */
function missingRoleMessage(decision: Extract<PartnerPrincipalDecision, { kind: 'missing-role' }>): string {
  const role = PARTNER_APP_ROLES[decision.needed];
  const needs =
    decision.needed === 'read'
      ? `This needs the app role ${role} (or ${PARTNER_APP_ROLES.manage}) of the Autopilot Consent application`
      : `This needs the app role ${role} of the Autopilot Consent application`;
  const holds = decision.held
    ? `your sign-in holds only ${PARTNER_APP_ROLES[decision.held]}, which reads but changes nothing.`
    : 'your sign-in holds no role of it.';
  const where =
    decision.via === 'user'
      ? `Your organization's Microsoft Entra administrator assigns it: Enterprise applications → Autopilot Consent → ` +
        `Users and groups → Add user/group → role ${role}. Then sign in again.`
      : `Your organization's Microsoft Entra administrator grants it to your application: App registrations → your ` +
        `application → API permissions → Add a permission → APIs my organization uses → Autopilot Consent → ` +
        `Application permissions → ${role}, then Grant admin consent. Then request a new token.`;
  return `${needs}; ${holds} ${where}`;
}
