// Any other `api/...` path: a 404 problem+json instead of the host's empty page, so partners get an actionable answer.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttp } from '../shared/functionRegistry';
import { problemResponse } from '../shared/http/problem';

export async function unknownApiRoute(request: HttpRequest): Promise<HttpResponseInit> {
  const path = new URL(request.url).pathname;
  return problemResponse('not-found', `There is no ${request.method} ${path} route. See GET /api/openapi.json.`);
}

// A catch-all has the lowest route precedence, in the Functions host as in the local host.
registerHttp('unknownApiRoute', {
  route: 'api/{*path}',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
  handler: unknownApiRoute,
});
