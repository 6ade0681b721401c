// The partner portal's customer list and standing link (API.md, "Partner portal"): read the request, call the
// portal's use cases (which call the API's), render.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { htmlPage, pageResponse } from '../shared/pages';
import { createFromPortal, portalCustomers, portalStandingLink, rotateFromPortal } from '../shared/portal/account';
import { verifiedPortalForm } from '../shared/portal/forms';
import { renderPortalPage } from '../shared/portal/pages';
import { PORTAL_PATHS } from '../shared/portal/paths';
import { portalRoute } from '../shared/portal/routes';
import type { SignedIn } from '../shared/portal/session';

export async function showCustomers(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const page = await portalCustomers(deps, session, request.query.get('page') ?? undefined);
  return pageResponse(renderPortalPage(page));
}

/** What the link page says after a post that came back to it (?done=). */
const NOTICES = ['created', 'rotated'] as const;

/** Open to Consent.Read so that the page can say which role the standing link needs; it never makes the link. */
export async function showStandingLink(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const done = request.query.get('done');
  const notice = NOTICES.find((known) => known === done);
  return pageResponse(renderPortalPage(await portalStandingLink(deps, session, notice)));
}

export async function createLink(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  return changeLink(request, session, PORTAL_PATHS.link, createFromPortal, 'created');
}

export async function rotateLink(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  return changeLink(request, session, PORTAL_PATHS.rotateLink, rotateFromPortal, 'rotated');
}

/** A link post (Consent.Manage, checked by its route): a live form token from our origin, the change, 303 back. */
async function changeLink(
  request: HttpRequest,
  session: SignedIn,
  action: string,
  change: typeof createFromPortal,
  done: (typeof NOTICES)[number],
): Promise<HttpResponseInit> {
  const form = await verifiedPortalForm(request, session.principal, session.partner.id, action);
  if (!form) {
    const view = { ...session.context, retryUrl: PORTAL_PATHS.link };
    return pageResponse(renderPortalPage({ page: 'forged-form', view }));
  }
  await change(deps, session);
  return htmlPage(303, '', { location: `${PORTAL_PATHS.link}?done=${done}` });
}

registerHttp('showPortalCustomers', {
  route: 'portal/customers',
  methods: ['GET'],
  handler: portalRoute(deps, 'read', showCustomers),
});
registerHttp('showPortalStandingLink', {
  route: 'portal/link',
  methods: ['GET'],
  handler: portalRoute(deps, 'read', showStandingLink),
});
registerHttp('createPortalStandingLink', {
  route: 'portal/link',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', createLink, () => PORTAL_PATHS.link),
});
registerHttp('rotatePortalStandingLink', {
  route: 'portal/link/rotate',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', rotateLink, () => PORTAL_PATHS.link),
});
