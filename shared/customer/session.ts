// Who is reading a customer page: the signed-in user, or the way to sign in; fail closed where no sign-in vouches.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { requestIdentity } from '../auth/principal';
import type { SignInTrust } from '../config';
import type { Signer } from '../domain/acceptance';
import { htmlPage, pickLocale, renderRefusalPage, signInAndReturnTo, type PageContext } from '../pages';

export type CustomerSession =
  | { kind: 'signed-in'; principal: Signer; context: PageContext }
  /** Nobody usable is signed in, or nobody can be: the answer to send instead of the page. */
  | { kind: 'answer'; response: HttpResponseInit };

/**
 * The signed-in customer, or the answer that stands in for the page: a refusal where no sign-in vouches for the
 * principal header (anyone could forge it then), else a redirect to sign in and come back.
 */
export function customerSession(request: HttpRequest, returnPath: string, signIn: SignInTrust): CustomerSession {
  // The browser's language; an invitation's own language is picked by its use case (consentLinkPages.ts).
  const locale = pickLocale(undefined, request.headers.get('accept-language'));
  const identity = requestIdentity(request.headers, signIn);
  if (identity.kind === 'unverifiable') {
    const page = renderRefusalPage({ locale, reason: 'sign-in-not-configured' });
    return { kind: 'answer', response: htmlPage(page.status, page.html) };
  }
  if (identity.kind === 'anonymous') {
    return { kind: 'answer', response: htmlPage(302, '', { location: signInAndReturnTo(returnPath) }) };
  }
  const { principal } = identity;
  return { kind: 'signed-in', principal, context: { locale, signedInAs: principal.userPrincipalName } };
}
