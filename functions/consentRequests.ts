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
import { consentEventSchema, consentPageSchema, consentSchema, issuedConsentSchema } from '../shared/schemas/responses';
import {
  acceptedConsentExample,
  cancelledConsentExample,
  consentEventsExample,
  consentRequestExample,
  issuedConsentExample,
  pendingConsentExample,
} from '../shared/openapi/examples';

const NO_SUCH_CONSENT = 'The caller has no consent with this id';
const INVITATION_LIMIT =
  'The partner queued INVITATION_EMAILS_PER_HOUR invitation emails in the last hour: retry after Retry-After, or ' +
  'send the link yourself with "sendEmail": false. Nothing was created or changed';

export async function issue(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'manage');
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
  const partner = await authenticatePartner(request, deps, 'read');
  return {
    jsonBody: await listPage(request, consentListQuerySchema, partner.id, (filters, page) =>
      listConsentRequests(deps, partner, filters, page),
    ),
  };
}

export async function read(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'read');
  return { jsonBody: await readConsentRequest(deps, partner, request.params.id!) };
}

export async function events(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'read');
  return { jsonBody: await consentRequestEvents(deps, partner, request.params.id!) };
}

export async function cancel(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'manage');
  return { jsonBody: await cancelConsentRequest(deps, partner, request.params.id!) };
}

export async function resend(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'manage');
  const { consent, consentUrl } = await resendConsentRequest(deps, partner, request.params.id!);
  return { jsonBody: { ...consent, consentUrl } };
}

registerHttp('issueConsentRequest', {
  route: 'api/consent-requests',
  methods: ['POST'],
  handler: issue,
  docs: {
    tag: 'partner',
    summary: 'Issue a consent link for one customer',
    description:
      'Makes a pending consent and its link, and queues the invitation email unless sendEmail is false. The link ' +
      '(consentUrl) is shown only in this answer. delegatedAdmin is refused for an OEM; Global Administrator among ' +
      'its roles adds a least-privilege warning. An indirect provider may not issue (403).',
    caller: 'partner',
    idempotencyKey: true,
    body: { 'application/json': { schema: consentRequestSchema, example: consentRequestExample } },
    responses: {
      201: {
        description: 'The pending consent and its link (shown only here)',
        body: { schema: issuedConsentSchema, example: issuedConsentExample },
        headers: ['Location'],
      },
    },
    errors: { 429: INVITATION_LIMIT },
  },
});
registerHttp('listConsentRequests', {
  route: 'api/consent-requests',
  methods: ['GET'],
  handler: list,
  docs: {
    tag: 'partner',
    summary: "The caller's consents, newest first",
    description:
      'Filter by status (as a reader sees it now: a pending consent past expiresAt is expired) and by customer ' +
      'tenant. Page with pageSize and the continuationToken of the previous page.',
    caller: 'partner',
    query: consentListQuerySchema,
    responses: {
      200: {
        description: 'A page of consents',
        body: { schema: consentPageSchema, example: { items: [pendingConsentExample] } },
      },
    },
  },
});
registerHttp('readConsentRequest', {
  route: 'api/consent-requests/{id}',
  methods: ['GET'],
  handler: read,
  docs: {
    tag: 'partner',
    summary: 'One consent',
    description: "A consent of the caller's. Another partner's consent answers 404, exactly as if it did not exist.",
    caller: 'partner',
    responses: {
      200: { description: 'The consent', body: { schema: consentSchema, example: acceptedConsentExample } },
    },
    errors: { 404: NO_SUCH_CONSENT },
  },
});
registerHttp('consentRequestEvents', {
  route: 'api/consent-requests/{id}/events',
  methods: ['GET'],
  handler: events,
  docs: {
    tag: 'partner',
    summary: "The consent's audit trail, oldest first",
    description: 'Every change of the consent and its invitation email, with who made it (actor) and when.',
    caller: 'partner',
    responses: {
      200: { description: 'Events', body: { schema: consentEventSchema.array(), example: consentEventsExample } },
    },
    errors: { 404: NO_SUCH_CONSENT },
  },
});
registerHttp('cancelConsentRequest', {
  route: 'api/consent-requests/{id}/cancel',
  methods: ['POST'],
  handler: cancel,
  docs: {
    tag: 'partner',
    summary: 'Withdraw a pending request',
    description: 'The consent becomes cancelled and its link stops working at once. Takes no body.',
    caller: 'partner',
    responses: {
      200: { description: 'The cancelled consent', body: { schema: consentSchema, example: cancelledConsentExample } },
    },
    errors: { 404: NO_SUCH_CONSENT, 409: 'The consent is not pending' },
  },
});
registerHttp('resendConsentRequest', {
  route: 'api/consent-requests/{id}/resend',
  methods: ['POST'],
  handler: resend,
  docs: {
    tag: 'partner',
    summary: 'A new link for a pending request',
    description:
      'The old link stops working; the invitation email is queued again when the request has a contact email ' +
      '(and counts toward the hourly email limit). Takes no body.',
    caller: 'partner',
    responses: {
      200: {
        description: 'The consent and its new link',
        body: { schema: issuedConsentSchema, example: issuedConsentExample },
      },
    },
    errors: { 404: NO_SUCH_CONSENT, 409: 'The consent is not pending', 429: INVITATION_LIMIT },
  },
});
