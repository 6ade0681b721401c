// The partner portal's webhook endpoints (API.md, "Partner portal"): read the request, call the portal's use cases
// (which call the API's), render.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import { htmlPage, pageResponse } from '../shared/pages';
import { verifiedPortalForm } from '../shared/portal/forms';
import { renderPortalPage, type PortalContext } from '../shared/portal/pages';
import { PORTAL_PATHS } from '../shared/portal/paths';
import { portalSession } from '../shared/portal/session';
import { deleteFromPortal, portalWebhooks, registerFromPortal } from '../shared/portal/webhooks';
import { liveWebhookDependencies as webhooks } from '../shared/webhooks/dependencies';

export async function showWebhooks(request: HttpRequest): Promise<HttpResponseInit> {
  const session = await portalSession(request, deps, 'read');
  if (session.kind === 'answer') return session.response;
  const notice = request.query.get('done') === 'deleted' ? 'deleted' : undefined;
  return pageResponse(renderPortalPage(await portalWebhooks(webhooks, session, { notice })));
}

/** The answer is the page itself, carrying the new secret once: it is never put where a later request could read it. */
export async function addWebhook(request: HttpRequest): Promise<HttpResponseInit> {
  const session = await portalSession(request, deps, 'manage');
  if (session.kind === 'answer') return session.response;
  const form = await verifiedPortalForm(request, session.principal, session.partner.id, PORTAL_PATHS.webhooks);
  if (!form) return forged(session.context);
  return pageResponse(renderPortalPage(await registerFromPortal(webhooks, session, form)));
}

export async function removeWebhook(request: HttpRequest): Promise<HttpResponseInit> {
  const session = await portalSession(request, deps, 'manage');
  if (session.kind === 'answer') return session.response;
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

registerHttp('showPortalWebhooks', {
  route: 'portal/webhooks',
  methods: ['GET'],
  handler: withPageErrors(showWebhooks),
});
registerHttp('addPortalWebhook', {
  route: 'portal/webhooks',
  methods: ['POST'],
  handler: withPageErrors(addWebhook),
});
registerHttp('deletePortalWebhook', {
  route: 'portal/webhooks/{id}/delete',
  methods: ['POST'],
  handler: withPageErrors(removeWebhook),
});
