// The link a customer opens (D2): GET shows the request or its outcome, POST answers it (shared/consent/consentLinkPages).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { hashLinkToken } from '../shared/auth/linkTokens';
import { answerConsentLink, consentLinkPage, type LinkReader, type Reported } from '../shared/consent/consentLinkPages';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { formTargets } from '../shared/customer/forms';
import { customerSession } from '../shared/customer/session';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import { CUSTOMER_PATHS, htmlPage, pageResponse, renderCustomerPage } from '../shared/pages';

/** GET: never changes state (mail scanners open links). */
export async function showConsentPage(request: HttpRequest): Promise<HttpResponseInit> {
  const reader = signedInReader(request);
  if ('response' in reader) return reader.response;
  return pageResponse(renderCustomerPage(await consentLinkPage(deps, reader, { reported: reported(request) })));
}

/** POST: a form from our own page, for this user and this link, or nothing changes. */
export async function answerConsentPage(request: HttpRequest): Promise<HttpResponseInit> {
  const reader = signedInReader(request);
  if ('response' in reader) return reader.response;
  const form = await deps.forms.verified(
    request,
    reader.principal,
    formTargets.consentLink(hashLinkToken(reader.token)),
  );
  const answer = await answerConsentLink(deps, reader, form);
  if (answer.kind === 'page') return pageResponse(renderCustomerPage(answer.page));
  // 303 back to the page, which shows the outcome; a repeated accept reports nothing new and lands on "already".
  const query = answer.reported ? `?outcome=${answer.reported}` : '';
  return htmlPage(303, '', { location: `${CUSTOMER_PATHS.consentLink(reader.token)}${query}` });
}

/** The signed-in reader of the link in the path, or the answer that stands in for the page (sign in, refusal). */
function signedInReader(request: HttpRequest): LinkReader | { response: HttpResponseInit } {
  const token = request.params.token ?? '';
  const session = customerSession(request, CUSTOMER_PATHS.consentLink(token), deps.signIn);
  if (session.kind === 'answer') return { response: session.response };
  const acceptLanguage = request.headers.get('accept-language');
  return { token, principal: session.principal, context: session.context, acceptLanguage };
}

function reported(request: HttpRequest): Reported | undefined {
  const value = request.query.get('outcome');
  return value === 'accepted' || value === 'declined' ? value : undefined;
}

registerHttp('showConsentPage', {
  route: 'consent/{token}',
  methods: ['GET'],
  handler: withPageErrors(showConsentPage),
});
registerHttp('answerConsentPage', {
  route: 'consent/{token}',
  methods: ['POST'],
  handler: withPageErrors(answerConsentPage),
});
