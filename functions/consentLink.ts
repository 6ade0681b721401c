// Partner routes for the standing consent link: read (made on first call) and rotate (R11).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { rotateStandingLink, standingLink } from '../shared/consent/standingLinks';
import { registerHttp } from '../shared/functionRegistry';
import { standingLinkSchema } from '../shared/schemas/responses';

export async function read(request: HttpRequest): Promise<HttpResponseInit> {
  return { jsonBody: await standingLink(deps, await authenticatePartner(request, deps, 'manage')) };
}

export async function rotate(request: HttpRequest): Promise<HttpResponseInit> {
  return { jsonBody: await rotateStandingLink(deps, await authenticatePartner(request, deps, 'manage')) };
}

registerHttp('readStandingLink', {
  route: 'api/consent-link',
  methods: ['GET'],
  handler: read,
  docs: {
    summary: "The partner's standing link (made on first call): any customer's Global Administrator may accept it",
    caller: 'partner',
    responses: { 200: { description: 'The standing link', schema: standingLinkSchema } },
  },
});
registerHttp('rotateStandingLink', {
  route: 'api/consent-link/rotate',
  methods: ['POST'],
  handler: rotate,
  docs: {
    summary: 'Replace the standing link; the old one stops working',
    caller: 'partner',
    responses: { 200: { description: 'The new standing link', schema: standingLinkSchema } },
    errors: { 409: 'Rotated by another request at the same moment' },
  },
});
