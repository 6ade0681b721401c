// The partner portal's overview and consent request pages (API.md, "Partner portal"): read the request, call the
// portal's use cases (which call the API's), render.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { htmlPage, pageResponse } from '../shared/pages';
import { flashedLink, linkCookie, spentLinkCookie, verifiedPortalForm } from '../shared/portal/forms';
import { renderPortalPage, type PortalPage } from '../shared/portal/pages';
import { PORTAL_PATHS } from '../shared/portal/paths';
import {
  cancelFromPortal,
  issueFromPortal,
  portalOverview,
  portalRequest,
  portalRequestForm,
  portalRequestList,
  resendFromPortal,
  type RequestShown,
} from '../shared/portal/requests';
import { portalRoute } from '../shared/portal/routes';
import type { SignedIn } from '../shared/portal/session';

/** What a request page says after a post that came back to it (?done=). */
const NOTICES = ['cancelled', 'resent', 'issued'] as const;

export async function showOverview(_request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  return page(await portalOverview(deps, session));
}

export async function showRequests(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const query = {
    status: request.query.get('status') ?? undefined,
    tenantId: request.query.get('tenantId') ?? undefined,
    page: request.query.get('page') ?? undefined,
  };
  return page(await portalRequestList(deps, session, query));
}

/** The form changes something once posted, so it is for Consent.Manage: a reader learns which role to ask for. */
export async function showRequestForm(_request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  return page(portalRequestForm(session));
}

/** GET one request; the link shows only when a post just now granted it, and the grant is spent here. */
export async function showRequest(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const done = request.query.get('done');
  const shown: RequestShown = {
    notice: NOTICES.find((notice) => notice === done),
    flashedConsentId: flashedLink(request, session.principal),
  };
  const answer = page(await portalRequest(deps, session, request.params.id ?? '', shown));
  return shown.flashedConsentId ? { ...answer, cookies: [spentLinkCookie()] } : answer;
}

export async function issueRequest(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const form = await verifiedPortalForm(request, session.principal, session.partner.id, PORTAL_PATHS.requests);
  if (!form) return forged(session, PORTAL_PATHS.newRequest);
  const answer = await issueFromPortal(deps, session, form);
  if (answer.kind === 'page') return page(answer.page);
  return backTo(session, answer.consentId, 'issued', true);
}

export async function cancelRequest(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const consentId = request.params.id ?? '';
  const action = PORTAL_PATHS.cancel(consentId);
  if (!(await verifiedPortalForm(request, session.principal, session.partner.id, action))) {
    return forged(session, PORTAL_PATHS.request(consentId));
  }
  const answer = await cancelFromPortal(deps, session, consentId);
  if (answer !== 'done') return page(answer);
  return backTo(session, consentId, 'cancelled', false);
}

export async function resendRequest(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const consentId = request.params.id ?? '';
  const action = PORTAL_PATHS.resend(consentId);
  if (!(await verifiedPortalForm(request, session.principal, session.partner.id, action))) {
    return forged(session, PORTAL_PATHS.request(consentId));
  }
  const answer = await resendFromPortal(deps, session, consentId);
  if (answer !== 'done') return page(answer);
  return backTo(session, consentId, 'resent', true);
}

/** 303 to the request's page; `showLink`: it may show the new link once (never in the URL). */
function backTo(session: SignedIn, consentId: string, done: string, showLink: boolean): HttpResponseInit {
  const answer = htmlPage(303, '', { location: `${PORTAL_PATHS.request(consentId)}?done=${done}` });
  return showLink ? { ...answer, cookies: [linkCookie(session.principal, consentId)] } : answer;
}

function forged(session: SignedIn, retryUrl: string): HttpResponseInit {
  return page({ page: 'forged-form', view: { ...session.context, retryUrl } });
}

function page(answer: PortalPage): HttpResponseInit {
  return pageResponse(renderPortalPage(answer));
}

/** The request's page, where its Resend and Cancel forms are. */
const requestPage = (request: HttpRequest) => PORTAL_PATHS.request(request.params.id ?? '');

registerHttp('showPortalOverview', {
  route: 'portal',
  methods: ['GET'],
  handler: portalRoute(deps, 'read', showOverview),
});
registerHttp('showPortalRequests', {
  route: 'portal/requests',
  methods: ['GET'],
  handler: portalRoute(deps, 'read', showRequests),
});
registerHttp('issuePortalRequest', {
  route: 'portal/requests',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', issueRequest, () => PORTAL_PATHS.newRequest),
});
registerHttp('showPortalRequestForm', {
  route: 'portal/requests/new',
  methods: ['GET'],
  handler: portalRoute(deps, 'manage', showRequestForm),
});
registerHttp('showPortalRequest', {
  route: 'portal/requests/{id}',
  methods: ['GET'],
  handler: portalRoute(deps, 'read', showRequest),
});
registerHttp('cancelPortalRequest', {
  route: 'portal/requests/{id}/cancel',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', cancelRequest, requestPage),
});
registerHttp('resendPortalRequest', {
  route: 'portal/requests/{id}/resend',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', resendRequest, requestPage),
});
