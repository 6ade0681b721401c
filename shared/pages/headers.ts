// Security headers for the customer pages and their stylesheet: tables of defaults, small responders.
import type { HttpResponseInit } from '@azure/functions';
import { CONSENT_CSS } from './styles';
import type { RenderedPage } from './layout';

/** No script at all, styles only from our own origin, forms only to ourselves, never framed (API.md). */
const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Every customer page carries these. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': serializePolicy(CONTENT_SECURITY_POLICY),
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // Browsers ignore it over plain http, so the local host is unaffected.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/** The stylesheet's URL carries its content hash, so it may be cached for good. */
export const STYLESHEET_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/css; charset=utf-8',
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
};

/** An HTML page answer with the page security headers; `extra` may add headers (e.g. Location) but not drop them. */
export function htmlPage(status: number, html: string, extra: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { ...extra, ...PAGE_HEADERS }, body: html };
}

/** A rendered page as the response, with the page headers. */
export function pageResponse(page: RenderedPage): HttpResponseInit {
  return htmlPage(page.status, page.html, page.headers);
}

/** The answer for GET STYLESHEET_PATH. */
export function stylesheetResponse(): HttpResponseInit {
  return { status: 200, headers: { ...STYLESHEET_HEADERS }, body: CONSENT_CSS };
}

function serializePolicy(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
