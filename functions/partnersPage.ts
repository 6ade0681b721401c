// The customer's list of authorized partners, the removal of delegated admin and the revocation of a CSP.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { revokeAsCustomer } from '../shared/consent/customerRevocation';
import { partnersOfTenant, removeDelegatedAdminAsCustomer } from '../shared/consent/tenantPartners';
import { formTargets } from '../shared/customer/forms';
import { customerSession } from '../shared/customer/session';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import { CUSTOMER_PATHS, htmlPage, pageResponse, renderCustomerPage } from '../shared/pages';

/** GET: the tenant's authorized partners, newest first; never changes state. */
export async function showPartnersPage(request: HttpRequest): Promise<HttpResponseInit> {
  const session = customerSession(request, CUSTOMER_PATHS.partners, deps.signIn);
  if (session.kind === 'answer') return session.response;
  const shown = {
    removed: request.query.get('removed') ?? undefined,
    revoked: request.query.get('revoked') ?? undefined,
  };
  return pageResponse(renderCustomerPage(await partnersOfTenant(deps, session, shown)));
}

/** POST: R3, the customer removes a CSP's delegated admin roles; 303 back to the list. */
export async function removeDelegatedAdmin(request: HttpRequest): Promise<HttpResponseInit> {
  const session = customerSession(request, CUSTOMER_PATHS.partners, deps.signIn);
  if (session.kind === 'answer') return session.response;
  const consentId = request.params.consentId ?? '';
  const form = await deps.forms.verified(request, session.principal, formTargets.removeDelegatedAdmin(consentId));
  const answer = await removeDelegatedAdminAsCustomer(deps, session, consentId, form !== undefined);
  if (answer.kind === 'page') return pageResponse(renderCustomerPage(answer.page));
  const query = answer.removedConsentId ? `?removed=${encodeURIComponent(answer.removedConsentId)}` : '';
  return htmlPage(303, '', { location: `${CUSTOMER_PATHS.partners}${query}` });
}

/** POST: the customer revokes a CSP's authorization (Yes box and button); 303 back to the list, which says so. */
export async function revokeConsent(request: HttpRequest): Promise<HttpResponseInit> {
  const session = customerSession(request, CUSTOMER_PATHS.partners, deps.signIn);
  if (session.kind === 'answer') return session.response;
  const consentId = request.params.consentId ?? '';
  const form = await deps.forms.verified(request, session.principal, formTargets.revoke(consentId));
  const answer = await revokeAsCustomer(deps, session, consentId, form);
  if (answer.kind === 'page') return pageResponse(renderCustomerPage(answer.page));
  const query = answer.revokedConsentId ? `?revoked=${encodeURIComponent(answer.revokedConsentId)}` : '';
  return htmlPage(303, '', { location: `${CUSTOMER_PATHS.partners}${query}` });
}

registerHttp('showPartnersPage', {
  route: 'partners',
  methods: ['GET'],
  handler: withPageErrors(showPartnersPage),
});
registerHttp('removeDelegatedAdmin', {
  route: 'partners/{consentId}/remove-delegated-admin',
  methods: ['POST'],
  handler: withPageErrors(removeDelegatedAdmin),
});
registerHttp('revokeConsentAsCustomer', {
  route: 'partners/{consentId}/revoke',
  methods: ['POST'],
  handler: withPageErrors(revokeConsent),
});
