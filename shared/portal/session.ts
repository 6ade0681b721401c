// Who is working in the portal: the signed-in partner principal and the partner it acts as, or the page that stands in
// for the portal (sign in, choose a partner, what to ask the administrator for); fail closed where no sign-in vouches.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { partnerIdentity, resolvePartnerPrincipal } from '../auth/partnerPrincipal';
import { allClaims, CLAIM_TYPES, CLIENT_PRINCIPAL_HEADER, principalClaims } from '../auth/principal';
import type { Dependencies } from '../consent/dependencies';
import type { ActingPartner, PartnerAccess, PartnerPrincipal, PartnerPrincipalDecision } from '../domain/partnerAccess';
import { htmlPage, isSameSitePath, pageResponse, pickLocale, signInAndReturnTo } from '../pages';
import { chosenPartner, choiceCookie } from './forms';
import { renderPortalPage, type PortalContext } from './pages';
import { PARTNER_CHOICE_PARAMETER, PORTAL_PATHS } from './paths';

export type PortalSession =
  | SignedIn
  /** Nobody usable is signed in, or not as a partner that may do this: the answer to send instead of the page. */
  | { kind: 'answer'; response: HttpResponseInit };

/** Someone at work in the portal: who, for which partner, and what the pages know of it. */
export interface SignedIn {
  kind: 'signed-in';
  principal: PartnerPrincipal;
  partner: ActingPartner;
  context: PortalContext;
}

/**
 * The partner principal acting on a portal page that needs `needed`, or the answer instead: a refusal where no sign-in
 * vouches for the principal header, a redirect to sign in, the choice among several partners of one tenant (the pick
 * comes back as ?partner= and is remembered in a signed cookie), or a 403 page naming the role to ask for.
 */
export async function portalSession(
  request: HttpRequest,
  deps: Dependencies,
  needed: PartnerAccess,
): Promise<PortalSession> {
  const locale = pickLocale(undefined, request.headers.get('accept-language'));
  const identity = partnerIdentity(request.headers, deps.signIn);
  if (identity.kind === 'unverifiable') {
    return answer(pageResponse(renderPortalPage({ page: 'sign-in-unavailable', view: { locale } })));
  }
  const url = new URL(request.url);
  if (identity.kind === 'anonymous') {
    return answer(htmlPage(302, '', { location: signInAndReturnTo(returnPath(url)) }));
  }
  const { principal } = identity;
  const signedInAs = userName(request) ?? principal.objectId;
  const picked = request.method === 'GET' ? url.searchParams.get(PARTNER_CHOICE_PARAMETER) : null;
  // An empty pick asks for the choice again ("switch partner").
  const named = picked === null ? chosenPartner(request, principal) : picked || undefined;
  const decision = await resolvePartnerPrincipal(principal, deps, needed, named);
  const base = { locale, signedInAs };
  if (decision.kind === 'missing-role' && decision.held === 'read') {
    // A reader trying to change something: the portal's own page, with its navigation, as they may read it.
    const reading = await resolvePartnerPrincipal(principal, deps, 'read', named);
    if (reading.kind === 'partner') {
      const view = {
        ...contextOf(base, reading, named),
        failure: 'read-only' as const,
        retryUrl: PORTAL_PATHS.overview,
      };
      return answer(pageResponse(renderPortalPage({ page: 'failure', view })));
    }
  }
  if (decision.kind !== 'partner') {
    return answer(pageResponse(renderPortalPage({ page: 'no-partner', view: { ...base, decision, url } })));
  }
  const { partner } = decision;
  if (picked !== null) {
    url.searchParams.delete(PARTNER_CHOICE_PARAMETER);
    return answer({
      ...htmlPage(303, '', { location: returnPath(url) }),
      cookies: [choiceCookie(principal, partner.id)],
    });
  }
  return { kind: 'signed-in', principal, partner, context: contextOf(base, decision, named) };
}

function contextOf(
  base: Pick<PortalContext, 'locale' | 'signedInAs'>,
  { partner, access }: Extract<PartnerPrincipalDecision, { kind: 'partner' }>,
  named: string | undefined,
): PortalContext {
  return {
    ...base,
    partner: { id: partner.id, displayName: partner.displayName, kind: partner.type },
    canManage: access === 'manage',
    mayChoose: named !== undefined,
  };
}

function answer(response: HttpResponseInit): PortalSession {
  return { kind: 'answer', response };
}

/** Where to come back to: this page, as a same-site path. */
function returnPath(url: URL): string {
  const path = `${url.pathname}${url.search}`;
  return isSameSitePath(path) ? path : '/portal';
}

/** A person's user name for the footer; a daemon has none (it never browses the portal anyway). */
function userName(request: HttpRequest): string | undefined {
  const claims = principalClaims(request.headers.get(CLIENT_PRINCIPAL_HEADER));
  return claims && allClaims(claims, CLAIM_TYPES.userPrincipalName)[0];
}
