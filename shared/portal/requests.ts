// The portal's consent request pages as use cases: the overview, the list, one request, the form and its post, resend
// and cancel — each calling the same use cases as the API (shared/consent/partnerRequests.ts) and answering a page.
import { config } from '../config';
import {
  cancelConsentRequest,
  consentRequestEvents,
  issueConsentRequest,
  linkOf,
  listConsentRequests,
  readConsentRequest,
  resendConsentRequest,
} from '../consent/partnerRequests';
import type { Dependencies } from '../consent/dependencies';
import { CONSENT_STATUSES, type ConsentStatus } from '../domain/consent';
import { DELEGATED_ADMIN_LIMITS } from '../domain/delegatedAdmin';
import { CONSENT_EXPIRY_LIMITS } from '../domain/expiry';
import type { ActingPartner, PartnerPrincipal } from '../domain/partnerAccess';
import { issuingRefusal, type Partner } from '../domain/partners';
import { listedRoles } from '../domain/roles';
import { ServiceError } from '../errors';
import { openPageToken, sealPageToken, type PageScope } from '../http/pageTokens';
import { validate } from '../http/request';
import { GUID_PATTERN } from '../schemas/common';
import { consentRequestSchema } from '../schemas/consentRequests';
import { portalFormToken } from './forms';
import type { PortalPage } from './pages';
import { PORTAL_PATHS } from './paths';
import type { EmailLimitView, PortalContext, RequestFormField, RequestFormValues, RequestFormView } from './viewModels';

/** The signed-in partner principal on a portal page (shared/portal/session.ts). */
export interface PortalReader {
  principal: PartnerPrincipal;
  partner: ActingPartner;
  context: PortalContext;
}

/** How many requests a list page shows, and how many per status the overview counts before saying "more". */
const LIST_PAGE_SIZE = 25;
const COUNT_LIMIT = 100;
const RECENT_COUNT = 5;

/** GET /portal: requests by status, the newest few, and where to go next. */
export async function portalOverview(deps: Dependencies, reader: PortalReader): Promise<PortalPage> {
  const { partner } = reader;
  const [recent, ...counted] = await Promise.all([
    listConsentRequests(deps, partner, {}, { pageSize: RECENT_COUNT }),
    ...CONSENT_STATUSES.map((status) => listConsentRequests(deps, partner, { status }, { pageSize: COUNT_LIMIT })),
  ]);
  const counts = CONSENT_STATUSES.map((status, index) => ({
    status,
    count: counted[index]!.items.length,
    more: counted[index]!.continuationToken !== undefined,
  }));
  return {
    page: 'overview',
    view: { ...reader.context, counts, recent: recent.items, mayIssue: mayIssue(partner) },
  };
}

/** What the request list was asked for: its filters and the sealed token of the page after the last one shown. */
export interface ListQuery {
  status?: string;
  tenantId?: string;
  page?: string;
}

/**
 * GET /portal/requests: newest first, filtered by status and tenant, paged with tokens sealed to this partner and
 * these filters. A filter that is no tenant id is said beside its field; a token of another list starts again.
 */
export async function portalRequestList(
  deps: Dependencies,
  reader: PortalReader,
  query: ListQuery,
): Promise<PortalPage> {
  const { partner } = reader;
  const status = CONSENT_STATUSES.find((known) => known === query.status);
  const tenantInput = query.tenantId?.trim() || undefined;
  const tenantValid = tenantInput === undefined || GUID_PATTERN.test(tenantInput);
  const filters: { status?: ConsentStatus; tenantId?: string } = {
    status,
    tenantId: tenantValid ? tenantInput?.toLowerCase() : undefined,
  };
  const scope: PageScope = { route: PORTAL_PATHS.requests, caller: partner.id, filters };
  const key = config().keys.pages;
  const position = query.page ? openPageToken(key, scope, query.page) : undefined;
  const found = await listConsentRequests(deps, partner, filters, {
    pageSize: LIST_PAGE_SIZE,
    continuationToken: position,
  });
  const next = found.continuationToken && sealPageToken(key, scope, found.continuationToken);
  return {
    page: 'requests',
    view: {
      ...reader.context,
      items: found.items,
      filters,
      tenantInput: tenantValid ? undefined : tenantInput,
      errors: { tenantId: !tenantValid, page: query.page !== undefined && position === undefined },
      nextPageUrl: next && listUrl(filters, next),
      mayIssue: mayIssue(partner),
    },
  };
}

/** What a request page shows once besides the request: a notice after a post, and the link right after making it. */
export interface RequestShown {
  notice?: 'cancelled' | 'resent' | 'issued';
  /** The consent a one-time display was granted for (a signed, short-lived cookie set by the post). */
  flashedConsentId?: string;
  /** A resend the invitation email limit refused. */
  emailLimit?: EmailLimitView;
}

/**
 * GET /portal/requests/{id}: the request, its audit trail, Resend and Cancel while pending (Consent.Manage only), the
 * receipt once decided. The link is derived again (it is never stored) and shown only right after issuing or resending.
 * Another partner's request is a 404 page, exactly as if it did not exist.
 */
export async function portalRequest(
  deps: Dependencies,
  reader: PortalReader,
  consentId: string,
  shown: RequestShown = {},
): Promise<PortalPage> {
  const { partner, principal, context } = reader;
  const found = await ownRequest(deps, partner, consentId);
  if (!found) return { page: 'not-found', view: context };
  const { consent, events } = found;
  const pending = consent.status === 'pending';
  const link =
    pending && shown.flashedConsentId === consent.id ? await linkOf(deps, partner.id, consent.id) : undefined;
  const controls = pending && context.canManage;
  const form = (action: string) => ({ action, csrfToken: portalFormToken(principal, partner.id, action) });
  const decided = ['accepted', 'declined', 'revoked'].includes(consent.status);
  return {
    page: 'request',
    view: {
      ...context,
      consent,
      events,
      link,
      notice: shown.notice,
      resend: controls ? form(PORTAL_PATHS.resend(consent.id)) : undefined,
      cancel: controls ? form(PORTAL_PATHS.cancel(consent.id)) : undefined,
      receiptUrl: decided ? receiptUrl(consent.id) : undefined,
      emailLimit: shown.emailLimit,
    },
  };
}

/** GET /portal/requests/new: an empty form with the defaults, or why this partner cannot issue. */
export function portalRequestForm(reader: PortalReader): PortalPage {
  return { page: 'new-request', view: formView(reader, defaultValues(), {}) };
}

/** What the form's post comes to: the new request's page, or the form again with its errors beside the fields. */
export type IssueAnswer = { kind: 'issued'; consentId: string } | { kind: 'page'; page: PortalPage };

/** POST /portal/requests: the API's rules (schema, then the domain's); errors go back beside their fields. */
export async function issueFromPortal(
  deps: Dependencies,
  reader: PortalReader,
  form: URLSearchParams,
): Promise<IssueAnswer> {
  const values = valuesOf(form, reader.partner);
  try {
    const body = validate(consentRequestSchema, requestBody(values), 'The consent request');
    const { consent } = await issueConsentRequest(deps, reader.partner, body);
    return { kind: 'issued', consentId: consent.id };
  } catch (error) {
    // Past the invitation email limit: the form again, values kept, saying when and how to issue without the email.
    const emailLimit = emailLimitOf(deps, error);
    const limited = emailLimit && { ...formView(reader, values, {}), emailLimit };
    if (limited) return { kind: 'page', page: { page: 'new-request', view: limited } };
    if (!(error instanceof ServiceError) || error.kind !== 'validation') throw error;
    return { kind: 'page', page: { page: 'new-request', view: formView(reader, values, fieldErrors(error)) } };
  }
}

/**
 * POST /portal/requests/{id}/cancel: as the API. A request that is not pending any more is the conflict page; another
 * partner's is a 404 page, exactly as if it did not exist.
 */
export async function cancelFromPortal(
  deps: Dependencies,
  reader: PortalReader,
  consentId: string,
): Promise<'done' | PortalPage> {
  return orNotFound(reader, () => cancelConsentRequest(deps, reader.partner, consentId));
}

/**
 * POST /portal/requests/{id}/resend: as the API (a new link, the email queued again); the page shows the link once.
 * Past the invitation email limit nothing changes, and the request's page says so with the real wait.
 */
export async function resendFromPortal(
  deps: Dependencies,
  reader: PortalReader,
  consentId: string,
): Promise<'done' | PortalPage> {
  try {
    return await orNotFound(reader, () => resendConsentRequest(deps, reader.partner, consentId));
  } catch (error) {
    const emailLimit = emailLimitOf(deps, error);
    if (!emailLimit) throw error;
    return portalRequest(deps, reader, consentId, { emailLimit });
  }
}

async function orNotFound(reader: PortalReader, change: () => Promise<unknown>): Promise<'done' | PortalPage> {
  try {
    await change();
    return 'done';
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not-found') return { page: 'not-found', view: reader.context };
    throw error;
  }
}

/**
 * The invitation email limit's refusal (shared/consent/invitationLimit.ts) as the page tells it: the API's wait, not
 * the error pages' generic "try again in a minute", which would send the partner back into the same refusal.
 */
function emailLimitOf(deps: Dependencies, error: unknown): EmailLimitView | undefined {
  if (!(error instanceof ServiceError) || error.kind !== 'rate-limited') return undefined;
  const { retryAfterSeconds } = error;
  if (retryAfterSeconds === undefined) return undefined;
  const sendableAt = new Date(deps.now().getTime() + retryAfterSeconds * 1000).toISOString();
  return { retryAfterSeconds, sendableAt };
}

/** The API's receipt route: the portal's own sign-in reaches it with Consent.Read, and it answers a download. */
function receiptUrl(consentId: string): string {
  return `/api/consent-requests/${encodeURIComponent(consentId)}/receipt`;
}

async function ownRequest(deps: Dependencies, partner: Partner, consentId: string) {
  try {
    const consent = await readConsentRequest(deps, partner, consentId);
    return { consent, events: await consentRequestEvents(deps, partner, consentId) };
  } catch (error) {
    if (error instanceof ServiceError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

function mayIssue(partner: Partner): boolean {
  return issuingRefusal(partner) === undefined;
}

function listUrl(filters: { status?: string; tenantId?: string }, page: string): string {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.tenantId) query.set('tenantId', filters.tenantId);
  query.set('page', page);
  return `${PORTAL_PATHS.requests}?${query.toString()}`;
}

function formView(reader: PortalReader, values: RequestFormValues, errors: RequestFormView['errors']): RequestFormView {
  const { partner, principal, context } = reader;
  const refusal = issuingRefusal(partner);
  const roles = partner.type === 'oem' ? undefined : listedRoles();
  if (refusal !== undefined) {
    return { ...context, values, errors, roles, cannotIssue: cannotIssueReason(partner) };
  }
  const action = PORTAL_PATHS.requests;
  return {
    ...context,
    values,
    errors,
    roles,
    form: { action, csrfToken: portalFormToken(principal, partner.id, action) },
  };
}

/** Why, as a kind the page words in the reader's language (issuingRefusal's sentence is the API's English). */
function cannotIssueReason(partner: Partner): RequestFormView['cannotIssue'] {
  if (partner.type === 'indirect-provider') return { kind: 'indirect-provider' };
  if (partner.type === 'oem' && partner.status === 'active') return { kind: 'oem-not-eligible' };
  return { kind: 'other' };
}

function defaultValues(): RequestFormValues {
  return {
    tenantId: '',
    domain: '',
    displayName: '',
    contactEmail: '',
    contactName: '',
    locale: 'en',
    delegatedAdmin: false,
    roles: [],
    durationDays: String(DELEGATED_ADMIN_LIMITS.defaultDurationDays),
    autoExtend: false,
    message: '',
    expiresInDays: String(CONSENT_EXPIRY_LIMITS.defaultDays),
    sendEmail: true,
  };
}

/** The posted fields as the form shows them again; an OEM's post carries no delegated admin whatever it sends (R15). */
function valuesOf(form: URLSearchParams, partner: Partner): RequestFormValues {
  const text = (name: string) => form.get(name) ?? '';
  const ticked = (name: string) => form.get(name) === 'yes';
  return {
    tenantId: text('tenantId'),
    domain: text('domain'),
    displayName: text('displayName'),
    contactEmail: text('contactEmail'),
    contactName: text('contactName'),
    locale: text('locale') || 'en',
    delegatedAdmin: partner.type !== 'oem' && ticked('delegatedAdmin'),
    roles: form.getAll('roles'),
    durationDays: text('durationDays'),
    autoExtend: ticked('autoExtend'),
    message: text('message'),
    expiresInDays: text('expiresInDays'),
    sendEmail: ticked('sendEmail'),
  };
}

/** The form as the API's request body: empty fields left out, so the API's defaults and rules apply unchanged. */
function requestBody(values: RequestFormValues): unknown {
  const optional = (value: string) => value.trim() || undefined;
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  return {
    customer: {
      tenantId: optional(values.tenantId),
      domain: optional(values.domain),
      displayName: optional(values.displayName),
      contactEmail: optional(values.contactEmail),
      contactName: optional(values.contactName),
      locale: values.locale,
    },
    delegatedAdmin: values.delegatedAdmin
      ? { roles: values.roles, durationDays: number(values.durationDays), autoExtend: values.autoExtend }
      : undefined,
    expiresInDays: number(values.expiresInDays),
    message: optional(values.message),
    sendEmail: values.sendEmail,
  };
}

/**
 * The API's field errors (`customer.contactEmail`, `delegatedAdmin.roles.0`) beside the form's fields, by code: the page
 * words them in the reader's language, so the API's English never reaches it.
 */
function fieldErrors(error: ServiceError): RequestFormView['errors'] {
  const errors: RequestFormView['errors'] = {};
  for (const { path, code, limit } of error.errors ?? [{ path: '', code: error.code }]) {
    (errors[fieldOf(path)] ??= []).push({ code, limit });
  }
  return errors;
}

const FIELDS: readonly RequestFormField[] = Object.keys(defaultValues()) as (keyof RequestFormValues)[];

function fieldOf(path: string): RequestFormField {
  const named = path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .at(-1);
  return FIELDS.find((field) => field === named) ?? 'form';
}
