// The portal's form posts and its two small cookies (the partner picked, the link to show once), each an HMAC token
// bound to the signed-in partner principal: the customer pages' CSRF tokens, keyed to a partner's person instead.
import type { Cookie, HttpRequest } from '@azure/functions';
import { parse } from 'hono/utils/cookie';
import { issueCsrfToken, originAllowed, verifyCsrfToken } from '../auth/csrf';
import { config } from '../config';
import { readForm } from '../customer/forms';
import type { PartnerPrincipal } from '../domain/partnerAccess';

/** The partner picked among several of one tenant: remembered for a working day. */
const CHOICE_COOKIE = 'apc_portal_partner';
const CHOICE_MAX_AGE_SECONDS = 12 * 60 * 60;
/** A consent whose link the next view of its page shows once: only right after issuing or resending. */
const LINK_COOKIE = 'apc_portal_link';
const LINK_MAX_AGE_SECONDS = 5 * 60;

/** A token for a portal form that posts to `action` for `partnerId`. */
export function portalFormToken(principal: PartnerPrincipal, partnerId: string, action: string): string {
  return issueCsrfToken(binding(principal, `portal-form:${partnerId}:${action}`), { secret: key() });
}

/** The posted form, only when it comes from our own origin with a live token for this principal, partner and action. */
export async function verifiedPortalForm(
  request: HttpRequest,
  principal: PartnerPrincipal,
  partnerId: string,
  action: string,
): Promise<URLSearchParams | undefined> {
  if (!originAllowed(request.headers, config().publicBaseUrl)) return undefined;
  const form = await readForm(request);
  const target = binding(principal, `portal-form:${partnerId}:${action}`);
  return form && verifyCsrfToken(form.get('csrf'), target, { secret: key() }) ? form : undefined;
}

/** The partner this principal picked before, when its cookie is this principal's own and still fresh. */
export function chosenPartner(request: HttpRequest, principal: PartnerPrincipal): string | undefined {
  return signedValue(request, CHOICE_COOKIE, principal, 'portal-partner', CHOICE_MAX_AGE_SECONDS);
}

export function choiceCookie(principal: PartnerPrincipal, partnerId: string): Cookie {
  return signedCookie(CHOICE_COOKIE, principal, 'portal-partner', partnerId, CHOICE_MAX_AGE_SECONDS);
}

/** The consent whose link this principal may see once more, right after issuing or resending it. */
export function flashedLink(request: HttpRequest, principal: PartnerPrincipal): string | undefined {
  return signedValue(request, LINK_COOKIE, principal, 'portal-link', LINK_MAX_AGE_SECONDS);
}

export function linkCookie(principal: PartnerPrincipal, consentId: string): Cookie {
  return signedCookie(LINK_COOKIE, principal, 'portal-link', consentId, LINK_MAX_AGE_SECONDS);
}

/** Spends the one-time display: the link is not shown again on reload. */
export function spentLinkCookie(): Cookie {
  return { ...cookieBase(), name: LINK_COOKIE, value: '', maxAge: 0 };
}

function signedCookie(name: string, principal: PartnerPrincipal, purpose: string, value: string, maxAge: number) {
  const token = issueCsrfToken(binding(principal, `${purpose}:${value}`), { secret: key() });
  return { ...cookieBase(), name, value: `${value}.${token}`, maxAge };
}

function signedValue(
  request: HttpRequest,
  name: string,
  principal: PartnerPrincipal,
  purpose: string,
  maxAgeSeconds: number,
): string | undefined {
  const raw = parse(request.headers.get('cookie') ?? '', name)[name];
  const cut = raw?.lastIndexOf('.') ?? -1;
  if (!raw || cut <= 0) return undefined;
  const value = raw.slice(0, cut);
  const valid = verifyCsrfToken(raw.slice(cut + 1), binding(principal, `${purpose}:${value}`), {
    secret: key(),
    maxAgeSeconds,
  });
  return valid ? value : undefined;
}

/** HttpOnly and SameSite=Lax: never read by script, never sent with another site's post; Secure over https. */
function cookieBase(): Omit<Cookie, 'name' | 'value'> {
  return {
    path: '/portal',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config().publicBaseUrl.startsWith('https:'),
  };
}

function binding(principal: PartnerPrincipal, target: string) {
  return { tenantId: principal.tenantId, objectId: principal.objectId, target };
}

function key(): Buffer {
  return config().keys.csrf;
}
