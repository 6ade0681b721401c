// Receipts (API.md, "Receipts"): the partner's and the customer's download of a signed receipt, and the public keys.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { receiptForCustomer, receiptForPartner, receiptKeys } from '../shared/consent/receipts';
import { customerSession } from '../shared/customer/session';
import { RECEIPT_MEDIA_TYPE } from '../shared/evidence/receipt';
import { registerHttp } from '../shared/functionRegistry';
import { withPageErrors } from '../shared/http/pageErrors';
import { readQuery } from '../shared/http/request';
import { CUSTOMER_PATHS, PAGE_HEADERS, pageResponse, renderCustomerPage } from '../shared/pages';
import { receiptQuerySchema, receiptSchema } from '../shared/schemas/receipts';

/** The shape of a receipt (header.claims.signature), shortened: a real one carries the claims API.md lists. */
const RECEIPT_EXAMPLE =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6InJlY2VpcHQtc2lnbmluZy8xIiwidHlwIjoiY29uc2VudC1yZWNlaXB0K2p3dCJ9' +
  '.eyJzdWIiOiIwbWgzdzlvaHoxYzRmMmE5YjhlN2Q2YzViNGEzIiwiZXZlbnQiOiJhY2NlcHRlZCJ9' +
  '.MEUCIQDx3Rk2Zq9bY8nLk1vQ4cJ7pW2sT6uH0aF5eG3dR9yXxAIgB7cK2mN4pQ8rS1tU6vW9xY0zA3bC5dE7fG2hJ4kL6mM';

export async function partnerReceipt(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, 'read');
  const { event } = readQuery(request, receiptQuerySchema);
  const jws = await receiptForPartner(deps, partner, request.params.id!, event);
  return { status: 200, headers: { 'content-type': RECEIPT_MEDIA_TYPE }, body: jws };
}

/** The customer's download: a file, never shown as a page. */
export async function customerReceipt(request: HttpRequest): Promise<HttpResponseInit> {
  const consentId = request.params.consentId ?? '';
  const session = customerSession(request, CUSTOMER_PATHS.receipt(consentId), deps.signIn);
  if (session.kind === 'answer') return session.response;
  const answer = await receiptForCustomer(deps, session, consentId);
  if (answer.kind === 'page') return pageResponse(renderCustomerPage(answer.page));
  const { jws } = answer;
  return {
    status: 200,
    headers: {
      ...PAGE_HEADERS,
      'content-type': RECEIPT_MEDIA_TYPE,
      'content-disposition': `attachment; filename="consent-receipt-${consentId.replace(/[^A-Za-z0-9-]/g, '')}.jws"`,
    },
    body: jws,
  };
}

export async function publishedKeys(): Promise<HttpResponseInit> {
  return { jsonBody: await receiptKeys(deps), headers: { 'cache-control': 'public, max-age=300' } };
}

registerHttp('consentReceipt', {
  route: 'api/consent-requests/{id}/receipt',
  methods: ['GET'],
  handler: partnerReceipt,
  docs: {
    tag: 'partner',
    summary: "A consent's signed receipt",
    description:
      'Evidence of one customer decision (accepted, declined, revoked; the latest when `event` is absent): a compact ' +
      'JWS (ES256) saying who decided what, when, after being shown which disclosure. Verify it offline against ' +
      '`/.well-known/jwks.json`, which keeps retired keys too.',
    caller: 'partner',
    query: receiptQuerySchema,
    responses: {
      200: {
        description: 'The receipt',
        mediaType: RECEIPT_MEDIA_TYPE,
        body: { schema: receiptSchema, example: RECEIPT_EXAMPLE },
      },
    },
    errors: { 404: 'No such consent of the caller, or no receipt (yet) for that decision' },
  },
});
registerHttp('customerConsentReceipt', {
  route: 'partners/{consentId}/receipt',
  methods: ['GET'],
  handler: withPageErrors(customerReceipt),
});
registerHttp('receiptKeys', {
  route: '.well-known/jwks.json',
  methods: ['GET'],
  handler: publishedKeys,
});
