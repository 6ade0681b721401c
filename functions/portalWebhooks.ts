// The partner portal's webhook endpoints (API.md, "Partner portal"): read the request, call the portal's use cases
// (which call the API's), render.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { htmlPage, pageResponse } from '../shared/pages';
import { verifiedPortalForm } from '../shared/portal/forms';
import { renderPortalPage, type PortalContext } from '../shared/portal/pages';
import { PORTAL_PATHS } from '../shared/portal/paths';
import { portalRoute } from '../shared/portal/routes';
import type { SignedIn } from '../shared/portal/session';
import { deleteFromPortal, portalWebhooks, registerFromPortal } from '../shared/portal/webhooks';
import { liveWebhookDependencies as webhooks } from '../shared/webhooks/dependencies';

export async function showWebhooks(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const notice = request.query.get('done') === 'deleted' ? 'deleted' : undefined;
  return pageResponse(renderPortalPage(await portalWebhooks(webhooks, session, { notice })));
}

/** The answer is the page itself, carrying the new secret once: it is never put where a later request could read it. */
export async function addWebhook(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const form = await verifiedPortalForm(request, session.principal, session.partner.id, PORTAL_PATHS.webhooks);
  if (!form) return forged(session.context);
  return pageResponse(renderPortalPage(await registerFromPortal(webhooks, session, form)));
}

export async function removeWebhook(request: HttpRequest, session: SignedIn): Promise<HttpResponseInit> {
  const id = request.params.id ?? '';
  if (!(await verifiedPortalForm(request, session.principal, session.partner.id, PORTAL_PATHS.deleteWebhook(id)))) {
    return forged(session.context);
  }
  const answer = await deleteFromPortal(webhooks, session, id);
  if (answer !== 'deleted') return pageResponse(renderPortalPage(answer));
  return htmlPage(303, '', { location: `${PORTAL_PATHS.webhooks}?done=deleted` });
}

function forged(context: PortalContext): HttpResponseInit {
  return pageResponse(renderPortalPage({ page: 'forged-form', view: { ...context, retryUrl: PORTAL_PATHS.webhooks } }));
}

/** Every webhook form is on the webhooks page. */
const webhooksPage = () => PORTAL_PATHS.webhooks;

registerHttp('showPortalWebhooks', {
  route: 'portal/webhooks',
  methods: ['GET'],
  handler: portalRoute(deps, 'read', showWebhooks),
});
registerHttp('addPortalWebhook', {
  route: 'portal/webhooks',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', addWebhook, webhooksPage),
});
registerHttp('deletePortalWebhook', {
  route: 'portal/webhooks/{id}/delete',
  methods: ['POST'],
  handler: portalRoute(deps, 'manage', removeWebhook, webhooksPage),
});
