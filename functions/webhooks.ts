// Partner routes for webhook endpoints (API.md Part 2): register, list, read, delete, rotate the secret, test, deliveries.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { registerHttp } from '../shared/functionRegistry';
import { listPage } from '../shared/http/listPage';
import { readJsonBody } from '../shared/http/request';
import {
  webhookDeliveryExample,
  webhookEndpointExample,
  webhookRegistrationExample,
  webhookTestExample,
  webhookWithSecretExample,
} from '../shared/openapi/examples';
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

// API.md: every webhook route needs Consent.Manage (or a key): endpoints and their deliveries are the partner's setup.
const ACCESS = 'manage';

export async function register(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  const body = await readJsonBody(request, webhookRegistrationSchema);
  const endpoint = await registerWebhook(webhooks, partner, body);
  return { status: 201, headers: { location: `/api/webhooks/${endpoint.id}` }, jsonBody: endpoint };
}

export async function list(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  return {
    jsonBody: await listPage(request, pageQuerySchema, partner.id, (_, page) => listWebhooks(webhooks, partner, page)),
  };
}

export async function read(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  return { jsonBody: await readWebhook(webhooks, partner, request.params.id!) };
}

export async function remove(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  await deleteWebhook(webhooks, partner, request.params.id!);
  return { status: 204 };
}

export async function rotateSecret(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  return { jsonBody: await rotateWebhookSecret(webhooks, partner, request.params.id!) };
}

export async function test(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  return { status: 202, jsonBody: await sendTestEvent(webhooks, partner, request.params.id!) };
}

export async function deliveries(request: HttpRequest): Promise<HttpResponseInit> {
  const partner = await authenticatePartner(request, deps, ACCESS);
  return {
    jsonBody: await listPage(request, pageQuerySchema, partner.id, (_, page) =>
      listWebhookDeliveries(webhooks, partner, request.params.id!, page),
    ),
  };
}

const NOT_FOUND = { 404: 'No such webhook endpoint of the caller' };

registerHttp('registerWebhook', {
  route: 'api/webhooks',
  methods: ['POST'],
  handler: register,
  docs: {
    tag: 'partner',
    summary: 'Register a webhook endpoint',
    description:
      'Events are POSTed to `url`, signed per Standard Webhooks with the secret shown only in this answer. At most ' +
      '10 endpoints per partner; `url` must be https and, in Azure, reach a public address. `events` defaults to all.',
    caller: 'partner',
    body: { 'application/json': { schema: webhookRegistrationSchema, example: webhookRegistrationExample } },
    responses: {
      201: {
        description: 'The endpoint and its secret (shown once)',
        body: { schema: webhookWithSecretSchema, example: webhookWithSecretExample },
        headers: ['Location'],
      },
    },
    errors: { 409: 'The partner has 10 endpoints already' },
  },
});
registerHttp('listWebhooks', {
  route: 'api/webhooks',
  methods: ['GET'],
  handler: list,
  docs: {
    tag: 'partner',
    summary: "The caller's webhook endpoints",
    description: 'Without their secrets, which are shown only when made.',
    caller: 'partner',
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'A page of endpoints',
        body: {
          schema: pageOf(webhookEndpointSchema, 'WebhookEndpointPage'),
          example: { items: [webhookEndpointExample] },
        },
      },
    },
  },
});
registerHttp('readWebhook', {
  route: 'api/webhooks/{id}',
  methods: ['GET'],
  handler: read,
  docs: {
    tag: 'partner',
    summary: 'One webhook endpoint',
    description: "Without its secret. Another partner's endpoint is a 404.",
    caller: 'partner',
    responses: {
      200: { description: 'The endpoint', body: { schema: webhookEndpointSchema, example: webhookEndpointExample } },
    },
    errors: NOT_FOUND,
  },
});
registerHttp('deleteWebhook', {
  route: 'api/webhooks/{id}',
  methods: ['DELETE'],
  handler: remove,
  docs: {
    tag: 'partner',
    summary: 'Remove a webhook endpoint',
    description: 'Nothing more is delivered to it, retries included.',
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
    tag: 'partner',
    summary: "Replace a webhook endpoint's signing secret",
    description:
      'The new secret is shown only in this answer. For 24 hours deliveries carry a signature by each of the new and ' +
      'the previous secret, so the receiver can switch without missing one.',
    caller: 'partner',
    responses: {
      200: {
        description: 'The endpoint and its new secret (shown once)',
        body: { schema: webhookWithSecretSchema, example: webhookWithSecretExample },
      },
    },
    errors: { ...NOT_FOUND, 409: 'Rotated by another request at the same moment: read the endpoint and try again' },
  },
});
registerHttp('testWebhook', {
  route: 'api/webhooks/{id}/test',
  methods: ['POST'],
  handler: test,
  docs: {
    tag: 'partner',
    summary: 'Send a webhook.test event to an endpoint',
    description: 'Queued like any event: it appears in the deliveries list under the answered webhook-id.',
    caller: 'partner',
    responses: {
      202: { description: 'Queued; its webhook-id', body: { schema: webhookTestSchema, example: webhookTestExample } },
    },
    errors: NOT_FOUND,
  },
});
registerHttp('listWebhookDeliveries', {
  route: 'api/webhooks/{id}/deliveries',
  methods: ['GET'],
  handler: deliveries,
  docs: {
    tag: 'partner',
    summary: "An endpoint's recent deliveries, newest first",
    description: 'Each with its status, attempts, the last status code and when the next attempt is due.',
    caller: 'partner',
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'A page of deliveries',
        body: {
          schema: pageOf(webhookDeliverySchema, 'WebhookDeliveryPage'),
          example: { items: [webhookDeliveryExample] },
        },
      },
    },
    errors: NOT_FOUND,
  },
});
