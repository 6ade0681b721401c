// The partner portal's customer list and standing link (API.md, "Partner portal"): read the request, call the
// portal's use cases (which call the API's), render.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import { htmlPage, pageResponse } from '../shared/pages';
import { createFromPortal, portalCustomers, portalStandingLink, rotateFromPortal } from '../shared/portal/account';
import { verifiedPortalForm } from '../shared/portal/forms';
import { renderPortalPage } from '../shared/portal/pages';
import { PORTAL_PATHS } from '../shared/portal/paths';
import { portalSession } from '../shared/portal/session';

export async function showCustomers(request: HttpRequest): Promise<HttpResponseInit> {
  const session = await portalSession(request, deps, 'read');
  if (session.kind === 'answer') return session.response;
  const page = await portalCustomers(deps, session, request.query.get('page') ?? undefined);
  return pageResponse(renderPortalPage(page));
}

/** What the link page says after a post that came back to it (?done=). */
const NOTICES = ['created', 'rotated'] as const;

/** Open to Consent.Read so that the page can say which role the standing link needs; it never makes the link. */
export async function showStandingLink(request: HttpRequest): Promise<HttpResponseInit> {
  const session = await portalSession(request, deps, 'read');
  if (session.kind === 'answer') return session.response;
  const done = request.query.get('done');
  const notice = NOTICES.find((known) => known === done);
  return pageResponse(renderPortalPage(await portalStandingLink(deps, session, notice)));
}

export async function createLink(request: HttpRequest): Promise<HttpResponseInit> {
  return changeLink(request, PORTAL_PATHS.link, createFromPortal, 'created');
}

export async function rotateLink(request: HttpRequest): Promise<HttpResponseInit> {
  return changeLink(request, PORTAL_PATHS.rotateLink, rotateFromPortal, 'rotated');
}

/** A link post: Consent.Manage, a live form token from our origin, then the change and 303 back to the link page. */
async function changeLink(
  request: HttpRequest,
  action: string,
  change: typeof createFromPortal,
  done: (typeof NOTICES)[number],
): Promise<HttpResponseInit> {
  const session = await portalSession(request, deps, 'manage');
  if (session.kind === 'answer') return session.response;
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
  handler: withPageErrors(showCustomers),
});
registerHttp('showPortalStandingLink', {
  route: 'portal/link',
  methods: ['GET'],
  handler: withPageErrors(showStandingLink),
});
registerHttp('createPortalStandingLink', {
  route: 'portal/link',
  methods: ['POST'],
  handler: withPageErrors(createLink),
});
registerHttp('rotatePortalStandingLink', {
  route: 'portal/link/rotate',
  methods: ['POST'],
  handler: withPageErrors(rotateLink),
});
