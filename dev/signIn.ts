// The local host's stand-in for the platform's sign-in (API.md "Local development host only"): a customer's user, or a
// partner's person or daemon with this service's app roles. Never deployed.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { originAllowed } from '../shared/auth/csrf';
import { CLIENT_PRINCIPAL_HEADER, encodePrincipal } from '../shared/auth/principal';
import { PARTNER_APP_ROLES, type PartnerAppRole } from '../shared/domain/partnerAccess';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../shared/domain/roles';
import { CUSTOMER_PATHS, isSameSitePath, PAGE_HEADERS, SIGN_IN_PATHS } from '../shared/pages';
import type { DevRoute, HeaderRewrite } from './httpServer';
import { renderSignInPage, type SignInFormView } from './signInPage';

/** The identity the stand-in remembers in its cookie. */
export interface LocalIdentity {
  tenantId: string;
  /** A person's user name, or an application's name (it has none in its token; its ids are made from it). */
  userName: string;
  /** A person (a user token), or a partner's daemon (an app-only token: idtyp=app, no user name). */
  kind: 'user' | 'application';
  /** A person's directory role; an application holds none. */
  globalAdministrator: boolean;
  /** This service's app roles, which make a registered partner's principal act as that partner. */
  appRoles: PartnerAppRole[];
}

export interface LocalSignIn {
  /** Answers `/.auth/login/aad`, `/.auth/me` and `/.auth/logout`. */
  route: DevRoute;
  /** Adds the signed-in identity's `x-ms-client-principal`; a header the client sent itself passes through. */
  rewriteHeaders: HeaderRewrite;
}

export const SIGN_IN_COOKIE = 'apc_local_sign_in';

/** The form's defaults: a Global Administrator with a cloud-native account, who may accept any request (R6, R12). */
export const DEFAULT_IDENTITY: LocalIdentity = {
  tenantId: '2f9c6a4e-7b1d-4c3e-9a8f-5d0e1b2c3a4f',
  userName: 'admin@contoso.onmicrosoft.com',
  kind: 'user',
  globalAdministrator: true,
  appRoles: [],
};

const APP_ROLES: readonly PartnerAppRole[] = Object.values(PARTNER_APP_ROLES);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_USER_NAME = 256;

export function localSignIn(): LocalSignIn {
  return { route: answerSignInRoute, rewriteHeaders: addClientPrincipal };
}

/** Builds the principal header the platform would send for this identity. */
export function principalOf(identity: LocalIdentity): string {
  const ids = { tenantId: identity.tenantId, objectId: idOf(identity, 'object'), appRoles: identity.appRoles };
  if (identity.kind === 'application')
    return encodePrincipal({ ...ids, applicationClientId: idOf(identity, 'client') });
  return encodePrincipal({
    ...ids,
    userPrincipalName: identity.userName,
    roles: identity.globalAdministrator ? [GLOBAL_ADMINISTRATOR_ROLE_ID] : [],
  });
}

function answerSignInRoute(request: IncomingMessage, response: ServerResponse, body: Buffer): boolean {
  const url = new URL(request.url ?? '/', 'http://local');
  const method = (request.method ?? 'GET').toUpperCase();
  if (url.pathname === SIGN_IN_PATHS.login && method === 'GET') {
    const returnTo = sameSitePath(url.searchParams.get('post_login_redirect_uri'), CUSTOMER_PATHS.partners);
    const current = identityFrom(request.headers.cookie);
    sendPage(response, 200, { ...(current ?? DEFAULT_IDENTITY), returnTo });
  } else if (url.pathname === SIGN_IN_PATHS.login && method === 'POST') {
    // Another site must not sign a developer in as someone of its choosing (login CSRF): our own form posts only.
    if (!originAllowed(headersOf(request), `http://${request.headers.host ?? 'localhost'}`)) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end('This sign-in form only accepts posts from its own page.');
      return true;
    }
    signIn(new URLSearchParams(body.toString('utf8')), response);
  } else if (url.pathname === SIGN_IN_PATHS.me && method === 'GET') {
    const identity = identityFrom(request.headers.cookie);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify(identity ? [meEntry(identity)] : []));
  } else if (url.pathname === SIGN_IN_PATHS.logout && method === 'GET') {
    redirect(response, sameSitePath(url.searchParams.get('post_logout_redirect_uri'), '/'), cookieFor(undefined));
  } else {
    return false;
  }
  return true;
}

function signIn(form: URLSearchParams, response: ServerResponse): void {
  const identity: LocalIdentity = {
    tenantId: (form.get('tenantId') ?? '').trim().toLowerCase(),
    userName: (form.get('userName') ?? '').trim(),
    kind: form.get('kind') === 'application' ? 'application' : 'user',
    globalAdministrator: form.get('globalAdmin') === 'yes',
    appRoles: APP_ROLES.filter((role) => form.getAll('appRole').includes(role)),
  };
  const returnTo = sameSitePath(form.get('post_login_redirect_uri'), CUSTOMER_PATHS.partners);
  const error = !GUID.test(identity.tenantId)
    ? 'The tenant ID must be a GUID, for example 2f9c6a4e-7b1d-4c3e-9a8f-5d0e1b2c3a4f.'
    : !identity.userName || identity.userName.length > MAX_USER_NAME
      ? `Enter a user name (or an application's name) of at most ${MAX_USER_NAME} characters, for example ` +
        'admin@contoso.onmicrosoft.com.'
      : undefined;
  if (error) {
    sendPage(response, 400, { ...identity, returnTo, error });
    return;
  }
  redirect(response, returnTo, cookieFor(identity));
}

function addClientPrincipal(headers: Record<string, string>): Record<string, string> {
  if (headers[CLIENT_PRINCIPAL_HEADER]) return headers;
  const identity = identityFrom(headers.cookie);
  return identity ? { ...headers, [CLIENT_PRINCIPAL_HEADER]: principalOf(identity) } : headers;
}

/** HttpOnly so page script could never read it, SameSite=Lax so another site's form posts arrive signed out. */
function cookieFor(identity: LocalIdentity | undefined): string {
  const options = { httpOnly: true, sameSite: 'lax', path: '/' } as const;
  if (!identity) return serializeCookie(SIGN_IN_COOKIE, '', { ...options, maxAge: 0 });
  return serializeCookie(SIGN_IN_COOKIE, Buffer.from(JSON.stringify(identity)).toString('base64url'), options);
}

function identityFrom(cookieHeader: string | undefined): LocalIdentity | undefined {
  const value = cookieHeader && parseCookies(cookieHeader)[SIGN_IN_COOKIE];
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<LocalIdentity>;
    if (typeof parsed.tenantId !== 'string' || !GUID.test(parsed.tenantId)) return undefined;
    if (typeof parsed.userName !== 'string' || typeof parsed.globalAdministrator !== 'boolean') return undefined;
    // A cookie from before partner identities has neither field: a person without app roles.
    return {
      tenantId: parsed.tenantId,
      userName: parsed.userName,
      kind: parsed.kind === 'application' ? 'application' : 'user',
      globalAdministrator: parsed.globalAdministrator,
      appRoles: APP_ROLES.filter((role) => Array.isArray(parsed.appRoles) && parsed.appRoles.includes(role)),
    };
  } catch {
    return undefined;
  }
}

/**
 * The same name in the same tenant is the same user object, across sign-ins (form tokens stay valid); an application
 * gets its own object (service principal) id and client id from its name.
 */
function idOf(identity: LocalIdentity, which: 'object' | 'client'): string {
  const person = identity.kind === 'user' && which === 'object';
  const seed = person ? '' : `${identity.kind}\n${which}\n`;
  const hex = createHash('sha256')
    .update(`${seed}${identity.tenantId.toLowerCase()}\n${identity.userName.toLowerCase()}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Node's header object as the csrf module reads headers. */
function headersOf(request: IncomingMessage): { get(name: string): string | null } {
  return {
    get: (name) => {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
    },
  };
}

/** Shaped like the platform's `/.auth/me`: one entry per provider signed in to. */
function meEntry(identity: LocalIdentity) {
  const claims = JSON.parse(Buffer.from(principalOf(identity), 'base64').toString('utf8')) as {
    claims: { typ: string; val: string }[];
  };
  return { provider_name: 'aad', user_id: identity.userName, user_claims: claims.claims };
}

/**
 * Only a path on this site: anything else (another origin, `//host`, `/\host`) would make an open redirect. The value
 * arrives decoded once (query or form), which leaves the path as the browser should ask for it; only what a header
 * cannot carry as it is (a malformed escape decoded to U+FFFD, a stray `%`) is encoded for the Location header.
 */
function sameSitePath(value: string | null, fallback: string): string {
  if (!value || !isSameSitePath(value)) return fallback;
  try {
    return encodedForLocation(value);
  } catch {
    return fallback; // a lone surrogate, which no URL can carry
  }
}

/**
 * What a Location header may carry: characters a URL may not hold are percent-encoded, and so is a `%` that starts
 * no valid escape; a valid escape stays as it is, so `?page=abc%2Bdef` comes back as sent, not as `abc%252Bdef`.
 */
function encodedForLocation(path: string): string {
  return path
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((part, index) => (index % 2 === 1 ? part : encodeURI(part)))
    .join('');
}

function sendPage(response: ServerResponse, status: number, view: SignInFormView): void {
  response.writeHead(status, { ...PAGE_HEADERS });
  response.end(renderSignInPage(view));
}

function redirect(response: ServerResponse, location: string, cookie: string): void {
  response.writeHead(302, { location, 'set-cookie': cookie, 'cache-control': 'no-store' });
  response.end();
}
