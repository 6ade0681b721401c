// Partner routes for consent requests: issue, list, read, audit trail, cancel, resend (R2–R4).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import {
  cancelConsentRequest,
  consentRequestEvents,
  issueConsentRequest,
  linkOf,
  listConsentRequests,
  readConsentRequest,
  resendConsentRequest,
} from '../shared/consent/partnerRequests';
import { registerHttp } from '../shared/functionRegistry';
import { idempotent } from '../shared/http/idempotency';
import { listPage } from '../shared/http/listPage';
import { readJsonBody } from '../shared/http/request';
import { consentListQuerySchema, consentRequestSchema } from '../shared/schemas/consentRequests';
import { consentEventSchema, consentSchema, issuedConsentSchema, pageOf } from '../shared/schemas/responses';

export async function issue(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  const body = await readJsonBody(request, consentRequestSchema);
  const now = deps.now();
  return idempotent(request, {
    store: deps.idempotency,
    partnerId: partner.id,
    body,
    now,
    newResourceId: deps.newConsentId(now),
    run: async (consentId) => {
      const { consent, consentUrl } = await issueConsentRequest(deps, partner, body, consentId);
      return {
        status: 201,
        headers: { location: `/api/consent-requests/${consent.id}` },
        body: { ...consent, consentUrl },
      };
    },
    // The link is never stored in clear, not even in the idempotency record: it is derived again on replay.
    redact: {
      fields: ['consentUrl'],
      restore: async (stored) => ({ ...stored, consentUrl: await linkOf(deps, partner.id, String(stored.id)) }),
    },
  });
}

export async function list(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return {
    jsonBody: await listPage(request, consentListQuerySchema, partner.id, (filters, page) =>
      listConsentRequests(deps, partner, filters, page),
    ),
  };
}

export async function read(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { jsonBody: await readConsentRequest(deps, partner, request.params.id!) };
}

export async function events(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { jsonBody: await consentRequestEvents(deps, partner, request.params.id!) };
}

export async function cancel(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { jsonBody: await cancelConsentRequest(deps, partner, request.params.id!) };
}

export async function resend(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  const { consent, consentUrl } = await resendConsentRequest(deps, partner, request.params.id!);
  return { jsonBody: { ...consent, consentUrl } };
}

registerHttp('issueConsentRequest', {
  route: 'api/consent-requests',
  methods: ['POST'],
  handler: issue,
  docs: {
    summary: 'Issue a consent link for one customer; queues the invitation email unless sendEmail is false',
    caller: 'partner',
    body: { 'application/json': consentRequestSchema },
    responses: {
      201: {
        description: 'The pending consent and its link (shown only here)',
        schema: issuedConsentSchema,
        headers: ['Location'],
      },
    },
    errors: {
      409: 'A request with this Idempotency-Key is still running',
      413: 'Body over 256 KiB',
      415: 'Body is not JSON',
      422: 'Idempotency-Key reused with a different body',
      429: 'The partner queued INVITATION_EMAILS_PER_HOUR invitation emails in the last hour; retry after Retry-After',
    },
  },
});
registerHttp('listConsentRequests', {
  route: 'api/consent-requests',
  methods: ['GET'],
  handler: list,
  docs: {
    summary: "The caller's consents, newest first",
    caller: 'partner',
    query: consentListQuerySchema,
    responses: { 200: { description: 'A page of consents', schema: pageOf(consentSchema) } },
  },
});
registerHttp('readConsentRequest', {
  route: 'api/consent-requests/{id}',
  methods: ['GET'],
  handler: read,
  docs: {
    summary: 'One consent',
    caller: 'partner',
    responses: { 200: { description: 'The consent', schema: consentSchema } },
    errors: { 404: 'No such consent of the caller' },
  },
});
registerHttp('consentRequestEvents', {
  route: 'api/consent-requests/{id}/events',
  methods: ['GET'],
  handler: events,
  docs: {
    summary: "The consent's audit trail, oldest first",
    caller: 'partner',
    responses: { 200: { description: 'Events', schema: consentEventSchema.array() } },
    errors: { 404: 'No such consent of the caller' },
  },
});
registerHttp('cancelConsentRequest', {
  route: 'api/consent-requests/{id}/cancel',
  methods: ['POST'],
  handler: cancel,
  docs: {
    summary: 'Withdraw a pending request; its link stops working',
    caller: 'partner',
    responses: { 200: { description: 'The cancelled consent', schema: consentSchema } },
    errors: { 404: 'No such consent of the caller', 409: 'The consent is not pending' },
  },
});
registerHttp('resendConsentRequest', {
  route: 'api/consent-requests/{id}/resend',
  methods: ['POST'],
  handler: resend,
  docs: {
    summary: 'A new link for a pending request (the old one stops working); the email is queued again',
    caller: 'partner',
    responses: { 200: { description: 'The consent and its new link', schema: issuedConsentSchema } },
    errors: {
      404: 'No such consent of the caller',
      409: 'The consent is not pending',
      429: 'The partner queued INVITATION_EMAILS_PER_HOUR invitation emails in the last hour; retry after Retry-After',
    },
  },
});
