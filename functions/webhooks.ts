// Partner routes for webhook endpoints (API.md Part 2): register, list, read, delete, rotate the secret, test, deliveries.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { readJsonBody, readQuery } from '../shared/http/request';
import { pageQuerySchema } from '../shared/schemas/common';
import { pageOf } from '../shared/schemas/responses';
import {
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookRegistrationSchema,
  webhookTestSchema,
  webhookWithSecretSchema,
} from '../shared/schemas/webhooks';
import { liveWebhookDependencies as webhooks } from '../shared/webhooks/dependencies';
import { listWebhookDeliveries } from '../shared/webhooks/deliveries';
import { sendTestEvent } from '../shared/webhooks/dispatch';
import {
  deleteWebhook,
  listWebhooks,
  readWebhook,
  registerWebhook,
  rotateWebhookSecret,
} from '../shared/webhooks/endpoints';

export async function register(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  const body = await readJsonBody(request, webhookRegistrationSchema);
  const endpoint = await registerWebhook(webhooks, partner, body);
  return { status: 201, headers: { location: `/api/webhooks/${endpoint.id}` }, jsonBody: endpoint };
}

export async function list(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { jsonBody: await listWebhooks(webhooks, partner, readQuery(request, pageQuerySchema)) };
}

export async function read(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { jsonBody: await readWebhook(webhooks, partner, request.params.id!) };
}

export async function remove(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  await deleteWebhook(webhooks, partner, request.params.id!);
  return { status: 204 };
}

export async function rotateSecret(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { jsonBody: await rotateWebhookSecret(webhooks, partner, request.params.id!) };
}

export async function test(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  return { status: 202, jsonBody: await sendTestEvent(webhooks, partner, request.params.id!) };
}

export async function deliveries(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps);
  const page = readQuery(request, pageQuerySchema);
  return { jsonBody: await listWebhookDeliveries(webhooks, partner, request.params.id!, page) };
}

const NOT_FOUND = { 404: 'No such webhook endpoint of the caller' };

registerHttp('registerWebhook', {
  route: 'api/webhooks',
  methods: ['POST'],
  handler: register,
  docs: {
    summary: 'Register a webhook endpoint (at most 10 per partner); its signing secret is shown only in this answer',
    caller: 'partner',
    body: { 'application/json': webhookRegistrationSchema },
    responses: {
      201: {
        description: 'The endpoint and its secret (shown once)',
        schema: webhookWithSecretSchema,
        headers: ['Location'],
      },
    },
    errors: { 409: 'The partner has 10 endpoints already', 413: 'Body over 256 KiB', 415: 'Body is not JSON' },
  },
});
registerHttp('listWebhooks', {
  route: 'api/webhooks',
  methods: ['GET'],
  handler: list,
  docs: {
    summary: "The caller's webhook endpoints (no secrets)",
    caller: 'partner',
    query: pageQuerySchema,
    responses: { 200: { description: 'A page of endpoints', schema: pageOf(webhookEndpointSchema) } },
  },
});
registerHttp('readWebhook', {
  route: 'api/webhooks/{id}',
  methods: ['GET'],
  handler: read,
  docs: {
    summary: 'One webhook endpoint (no secret)',
    caller: 'partner',
    responses: { 200: { description: 'The endpoint', schema: webhookEndpointSchema } },
    errors: NOT_FOUND,
  },
});
registerHttp('deleteWebhook', {
  route: 'api/webhooks/{id}',
  methods: ['DELETE'],
  handler: remove,
  docs: {
    summary: 'Stop delivering to a webhook endpoint and remove it',
    caller: 'partner',
    responses: { 204: { description: 'Removed' } },
    errors: NOT_FOUND,
  },
});
registerHttp('rotateWebhookSecret', {
  route: 'api/webhooks/{id}/rotate-secret',
  methods: ['POST'],
  handler: rotateSecret,
  docs: {
    summary: 'A new signing secret; for 24 hours deliveries carry signatures by both the new and the previous one',
    caller: 'partner',
    responses: {
      200: { description: 'The endpoint and its new secret (shown once)', schema: webhookWithSecretSchema },
    },
    errors: { ...NOT_FOUND, 409: 'Rotated by another request at the same moment' },
  },
});
registerHttp('testWebhook', {
  route: 'api/webhooks/{id}/test',
  methods: ['POST'],
  handler: test,
  docs: {
    summary: 'Queue a webhook.test event to this endpoint',
    caller: 'partner',
    responses: { 202: { description: 'Queued; its webhook-id', schema: webhookTestSchema } },
    errors: NOT_FOUND,
  },
});
registerHttp('listWebhookDeliveries', {
  route: 'api/webhooks/{id}/deliveries',
  methods: ['GET'],
  handler: deliveries,
  docs: {
    summary: "The endpoint's recent deliveries, newest first",
    caller: 'partner',
    query: pageQuerySchema,
    responses: { 200: { description: 'A page of deliveries', schema: pageOf(webhookDeliverySchema) } },
    errors: NOT_FOUND,
  },
});
