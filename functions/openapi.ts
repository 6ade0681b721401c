// GET /api/openapi.json: the OpenAPI 3.1 document, generated from the routes' own schemas on first request.
import type { HttpResponseInit } from '@azure/functions';
import { z } from 'zod';
import { config } from '../shared/config';
import { registerHttp, registeredFunctions, type HttpFunctionDefinition } from '../shared/functionRegistry';
import { openApiDocument } from '../shared/openapi/document';

let document: Record<string, unknown> | undefined;

export async function openApi(): Promise<HttpResponseInit> {
  document ??= openApiDocument(
    registeredFunctions().filter((f): f is HttpFunctionDefinition => f.trigger === 'http'),
    config().version,
  );
  return { jsonBody: document, headers: { 'cache-control': 'public, max-age=300' } };
}

registerHttp('openApi', {
  route: 'api/openapi.json',
  methods: ['GET'],
  handler: openApi,
  docs: {
    tag: 'service',
    summary: 'This document',
    description:
      'The OpenAPI 3.1 document of every /api route, generated from the zod schemas that validate requests. ' +
      'Generate a typed client from it (openapi-typescript), or load it into an API console.',
    caller: 'anyone',
    responses: {
      200: {
        description: 'The OpenAPI 3.1 document',
        body: {
          schema: z.record(z.string(), z.unknown()).describe('An OpenAPI 3.1 document'),
          example: { openapi: '3.1.0', info: { title: 'Autopilot Consent API', version: '0.1.0' }, paths: {} },
        },
      },
    },
  },
});
