// The partner portal's customer list and standing link (API.md, "Partner portal"): read the request, call the
// portal's use cases (which call the API's), render.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { htmlPage, pageResponse } from '../shared/pages';
import { portalCustomers, portalStandingLink, rotateFromPortal } from '../shared/portal/account';
import { verifiedPortalForm } from '../shared/portal/forms';
import { renderPortalPage } from '../shared/portal/pages';
import { PORTAL_PATHS } from '../shared/portal/paths';
import { portalRoute } from '../shared/portal/routes';
import type { SignedIn } from '../shared/portal/session';

export async function showCustomers(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const page = await portalCustomers(deps, session, request.query.get('page') ?? undefined);
  return pageResponse(renderPortalPage(page));
}

export async function showStandingLink(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const notice = request.query.get('done') === 'rotated' ? 'rotated' : undefined;
  return pageResponse(renderPortalPage(await portalStandingLink(deps, session, notice)));
}

export async function rotateLink(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const form = await verifiedPortalForm(request, session.principal, session.partner.id, PORTAL_PATHS.rotateLink);
  if (!form) {
    const view = { ...session.context, retryUrl: PORTAL_PATHS.link };
    return pageResponse(renderPortalPage({ page: 'forged-form', view }));
  }
  await rotateFromPortal(deps, session);
  return htmlPage(303, '', { location: `${PORTAL_PATHS.link}?done=rotated` });
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
registerHttp('rotatePortalStandingLink', {
  route: 'portal/link/rotate',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', rotateLink, () => PORTAL_PATHS.link),
});
