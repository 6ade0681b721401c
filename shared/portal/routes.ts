// A portal route: the signed-in partner it needs, then its page; anything that fails on the way is answered with the
// portal's own page (its words and navigation, the reader's language), never the customer pages' or problem+json.
import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Dependencies } from '../consent/dependencies';
import type { PartnerAccess } from '../domain/partnerAccess';
import { ServiceError } from '../errors';
import { dependencyUnavailable } from '../http/conventions';
import { PAGE_FOR, RETRY_AFTER_SECONDS } from '../http/pageErrors';
import { htmlPage, isSameSitePath, pageResponse, pickLocale } from '../pages';
import type { PortalFailure } from './messages';
import { renderPortalPage, type PortalFrame } from './pages';
import { PORTAL_PATHS } from './paths';
import { portalSession, type SignedIn } from './session';

/** A portal page's work once the session is known; it answers the page, a redirect, or throws. */
export type PortalHandler = (request: HttpRequest, session: SignedIn) => Promise<HttpResponseInit>;

/**
 * The handler for a portal route that needs `needed`. `formPage`: for a post, the page its form is on, which a
 * failure page offers to open again (a GET page offers itself).
 */
export function portalRoute(
  deps: Dependencies,
  needed: PartnerAccess,
  handler: PortalHandler,
  formPage: (request: HttpRequest) => string = () => PORTAL_PATHS.overview,
): HttpHandler {
  return async (request, context) => {
    let frame: PortalFrame = { locale: pickLocale(undefined, request.headers.get('accept-language')) };
    try {
      const session = await portalSession(request, deps, needed);
      if (session.kind === 'answer') return session.response;
      frame = session.context;
      return await handler(request, session);
    } catch (error) {
      const retryUrl = request.method === 'GET' ? pageAsked(request) : formPage(request);
      return failurePage(error, frame, retryUrl, context);
    }
  };
}

/**
 * Any other path under /portal: the portal's 404, framed for the partner signed in (its navigation), or in the plain
 * layout for anyone else; it never asks to sign in, and a sign-in that fails to resolve only loses the navigation.
 */
export function portalUnknownPage(deps: Dependencies): HttpHandler {
  return async (request) => {
    const session = await portalSession(request, deps, 'read').catch(() => undefined);
    const view =
      session?.kind === 'signed-in'
        ? session.context
        : { locale: pickLocale(undefined, request.headers.get('accept-language')) };
    return pageResponse(renderPortalPage({ page: 'unknown-page', view }));
  };
}

function failurePage(
  error: unknown,
  frame: PortalFrame,
  retryUrl: string,
  context: InvocationContext,
): HttpResponseInit {
  const requestId = context.invocationId;
  if (dependencyUnavailable(error)) {
    context.error(`A dependency did not answer: ${(error as Error).message}`);
    return failure(frame, 'unavailable', retryUrl, requestId, RETRY_AFTER_SECONDS);
  }
  if (error instanceof ServiceError) {
    // An expected refusal or race, not our failure: its kind says which page; only its kind reaches the log.
    context.warn(`Portal request refused: ${error.kind}`);
    if (error.kind === 'not-found') return pageResponse(renderPortalPage({ page: 'not-found', view: frame }));
    const reason = PAGE_FOR[error.kind];
    const waitFor = reason === 'unavailable' || reason === 'rate-limited' ? retryAfter(error) : undefined;
    return failure(frame, reason, retryUrl, requestId, waitFor);
  }
  // Only the error's name and message: request data (tokens, principals) never reaches the log.
  context.error(`Unhandled error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  return failure(frame, 'internal', retryUrl, requestId);
}

function failure(
  frame: PortalFrame,
  reason: PortalFailure,
  retryUrl: string,
  requestId: string,
  retryAfterSeconds?: number,
): HttpResponseInit {
  const rendered = renderPortalPage({ page: 'failure', view: { ...frame, failure: reason, retryUrl, requestId } });
  const extra: Record<string, string> = retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {};
  return htmlPage(rendered.status, rendered.html, extra);
}

function retryAfter(error: ServiceError): number {
  return error.retryAfterSeconds ?? RETRY_AFTER_SECONDS;
}

/** The page asked for, as a same-site path to open again. */
function pageAsked(request: HttpRequest): string {
  const url = new URL(request.url);
  const path = `${url.pathname}${url.search}`;
  return isSameSitePath(path) ? path : PORTAL_PATHS.overview;
}
