// Partner routes for the standing consent link: read (made on first call) and rotate (R11).
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { authenticatePartner } from '../shared/auth/partnerCaller';
import { liveDependencies as deps } from '../shared/consent/dependencies';
import { rotateStandingLink, standingLink } from '../shared/consent/standingLinks';
import { registerHttp } from '../shared/functionRegistry';
import { standingLinkSchema } from '../shared/schemas/responses';

const LINK = {
  url: 'https://consent.contoso.example/consent/Hq7mP2xV9cK4tN1wB6zR3sL8dF5gJ0yE2uA9oI7eW4c',
  createdAt: '2026-11-02T14:05:00.000Z',
};

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
    tag: 'partner',
    summary: "The partner's standing link, made on first call",
    description:
      "Any customer's Global Administrator may accept it, for their own tenant (for an OEM: signed in with a " +
      'cloud-native account). The same link until it is rotated.',
    caller: 'partner',
    responses: { 200: { description: 'The standing link', body: { schema: standingLinkSchema, example: LINK } } },
  },
});
registerHttp('rotateStandingLink', {
  route: 'api/consent-link/rotate',
  methods: ['POST'],
  handler: rotate,
  docs: {
    tag: 'partner',
    summary: 'Replace the standing link',
    description: 'The old link stops working at once; consents already accepted through it stay. Takes no body.',
    caller: 'partner',
    responses: { 200: { description: 'The new standing link', body: { schema: standingLinkSchema, example: LINK } } },
    errors: { 409: 'Rotated by another request at the same moment: read the link again' },
  },
});
