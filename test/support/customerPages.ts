// A customer's browser, minus the browser: signed-in identities, page fetches, form posts, and stored-state snapshots.
import { randomUUID } from 'node:crypto';
import { encodePrincipal } from '../../shared/auth/principal';
import type { Signer } from '../../shared/domain/acceptance';
import { GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../shared/domain/roles';
import { config } from '../../shared/config';
import { liveDependencies as live } from '../../shared/consent/dependencies';
import { INTUNE_ADMINISTRATOR } from '../unit/domain/fixtures';
import { visibleText } from '../unit/pages/html';
import type { AppHost } from './appHost';
import type { PartnersOfEachKind, TestPartner } from './partners';

/** A signed-in customer user, and the header the platform would send for them. */
export interface Customer extends Signer {
  header: string;
}

export function customer(overrides: Partial<Signer> & { globalAdmin?: boolean } = {}): Customer {
  const { globalAdmin = true, ...rest } = overrides;
  const principal: Signer = {
    tenantId: randomUUID(),
    objectId: randomUUID(),
    userPrincipalName: 'admin@contoso.onmicrosoft.com',
    roles: globalAdmin ? [GLOBAL_ADMINISTRATOR_ROLE_ID] : [],
    ...rest,
  };
  return { ...principal, header: encodePrincipal({ ...principal }) };
}

export interface PageAnswer {
  status: number;
  headers: Headers;
  html: string;
  /** What a reader sees. */
  text: string;
}

/** GET a page as `as` (or signed out), without following redirects. */
export async function getPage(
  app: AppHost,
  path: string,
  options: { as?: Customer; headers?: Record<string, string> } = {},
): Promise<PageAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers['x-ms-client-principal'] = options.as.header;
  return answerOf(await fetch(`${app.url}${path}`, { headers, redirect: 'manual' }));
}

/** POST a form as a browser on our origin would, unless `headers` say otherwise. */
export async function postForm(
  app: AppHost,
  path: string,
  fields: Record<string, string | undefined>,
  options: { as?: Customer; headers?: Record<string, string> } = {},
): Promise<PageAnswer> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    origin: config().publicBaseUrl,
    ...options.headers,
  };
  if (options.as) headers['x-ms-client-principal'] = options.as.header;
  const body = new URLSearchParams(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return answerOf(await fetch(`${app.url}${path}`, { method: 'POST', headers, body, redirect: 'manual' }));
}

/** The form token a page carries (the first one). */
export function csrfOf(html: string): string {
  const match = /<input type="hidden" name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page carries no form token');
  return match[1]!;
}

export interface IssuedLink {
  consentId: string;
  consentUrl: string;
  token: string;
  /** `/consent/<token>` */
  path: string;
}

/** A consent request issued through the partner API (POST /api/consent-requests). */
export async function issuedLink(
  app: AppHost,
  partner: TestPartner,
  body: Record<string, unknown> & { customer: Record<string, unknown> },
): Promise<IssuedLink> {
  const response = await app.call('POST', '/api/consent-requests', {
    key: partner.key,
    body: { sendEmail: false, ...body },
  });
  if (response.status !== 201) throw new Error(`link not issued: ${JSON.stringify(response.body)}`);
  const consentUrl = response.body.consentUrl as string;
  const token = consentUrl.slice(consentUrl.lastIndexOf('/') + 1);
  return { consentId: response.body.id as string, consentUrl, token, path: `/consent/${token}` };
}

/** The form token a page for `user` would carry for a form target, for posts that do not fetch the page first. */
export const formToken = (...args: Parameters<typeof live.forms.token>) => live.forms.token(...args);

/**
 * A consent of `partner` issued through the API for `admin`'s tenant (`body` adds to or replaces the request's fields)
 * and accepted by `admin` on its page, as the browser would; answers the consent id.
 */
export async function acceptedConsent(
  app: AppHost,
  partner: TestPartner,
  admin: Customer,
  body: Record<string, unknown> = {},
): Promise<string> {
  const link = await issuedLink(app, partner, { customer: { tenantId: admin.tenantId }, ...body });
  const page = await getPage(app, link.path, { as: admin });
  const posted = await postForm(
    app,
    link.path,
    { csrf: csrfOf(page.html), decision: 'accept', confirm: 'yes' },
    { as: admin },
  );
  if (posted.status !== 303) throw new Error(`not accepted: ${posted.status}`);
  return link.consentId;
}

/** A tenant with a CSP (delegated admin: Intune Administrator), a reseller (and so its provider) and an OEM authorized. */
export async function tenantWithPartners(app: AppHost, { csp, reseller, oem }: PartnersOfEachKind) {
  const admin = customer();
  const cspConsent = await acceptedConsent(app, csp, admin, { delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR] } });
  const resellerConsent = await acceptedConsent(app, reseller, admin);
  const oemConsent = await acceptedConsent(app, oem, admin);
  return { admin, cspConsent, resellerConsent, oemConsent };
}

/** Everything a decision could change for one consent: its row (ETag included), the tenant's authorizations, events. */
export async function storedState(partnerId: string, consentId: string, tenantId: string) {
  const [consent, authorizations, events] = await Promise.all([
    live.consents.findConsent(partnerId, consentId),
    live.authorizations.listTenantAuthorizations(tenantId),
    live.events.listEvents(consentId),
  ]);
  return { consent, authorizations, events };
}

async function answerOf(response: Response): Promise<PageAnswer> {
  const html = await response.text();
  return { status: response.status, headers: response.headers, html, text: visibleText(html) };
}
