// Any other path outside /api and /portal: a "page not found" page (its language, the page security headers) instead
// of the host's, with the way on to /partners and /portal.
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { registerHttp } from '../shared/functionRegistry';
import { pageResponse, pickLocale, renderPageNotFound } from '../shared/pages';

export async function unknownPage(request: HttpRequest): Promise<HttpResponseInit> {
  return pageResponse(renderPageNotFound({ locale: pickLocale(undefined, request.headers.get('accept-language')) }));
}

// The lowest route precedence, in the Functions host as in the local host: every other route, /api/{*path} and
// portal/{*path} (the portal's own 404) included, wins over it; the host keeps its own /admin routes; /.auth/* is
// answered before the app (by the platform in Azure, by the sign-in stand-in on the local host).
registerHttp('unknownPage', {
  route: '{*path}',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
  handler: unknownPage,
});
