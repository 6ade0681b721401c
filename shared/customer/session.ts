// Who is reading a customer page: the signed-in user, or the way to sign in; fail closed where no sign-in vouches.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { requestIdentity } from '../auth/principal';
import type { SignInTrust } from '../config';
import type { Signer } from '../domain/acceptance';
import { htmlPage, pickLocale, renderRefusalPage, signInAndReturnTo, type Locale, type PageContext } from '../pages';

export type CustomerSession =
  | { kind: 'signed-in'; principal: Signer; context: PageContext }
  /** Nobody usable is signed in, or nobody can be: the answer to send instead of the page. */
  | { kind: 'answer'; response: HttpResponseInit };

/**
 * The signed-in customer, or the answer that stands in for the page: a refusal where no sign-in vouches for the
 * principal header (anyone could forge it then), else a redirect to sign in and come back.
 */
export function customerSession(request: HttpRequest, returnPath: string, signIn: SignInTrust): CustomerSession {
  const locale = readerLocale(request);
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

/** The language the browser asks for; a consent's own locale, when there is one, is picked by the caller. */
export function readerLocale(request: HttpRequest, consentLocale?: Locale): Locale {
  return pickLocale(consentLocale, request.headers.get('accept-language'));
}
