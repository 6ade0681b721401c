// GET /api/openapi.json: the OpenAPI 3.1 document, generated from the routes' own schemas on first request.
import type { HttpResponseInit } from '@azure/functions';
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
  docs: { summary: 'This document', caller: 'anyone', responses: { 200: { description: 'OpenAPI 3.1 document' } } },
});
