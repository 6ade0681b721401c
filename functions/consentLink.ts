// Partner routes for the standing consent link: read (made on first call) and rotate (R11).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { rotateStandingLink, standingLink } from '../shared/consent/standingLinks';
import { registerHttp } from '../shared/functionRegistry';

export async function read(request: HttpRequest): Promise<HttpResponseInit> {
  return { jsonBody: await standingLink(deps, await authenticatePartner(request)) };
}

export async function rotate(request: HttpRequest): Promise<HttpResponseInit> {
  return { jsonBody: await rotateStandingLink(deps, await authenticatePartner(request)) };
}

registerHttp('readStandingLink', { route: 'api/consent-link', methods: ['GET'], handler: read });
registerHttp('rotateStandingLink', { route: 'api/consent-link/rotate', methods: ['POST'], handler: rotate });
