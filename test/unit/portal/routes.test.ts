// Whatever fails on a portal page is the portal's own page: its words in the reader's language, its navigation, the
// page headers, the status the API would answer, a way back, and nothing of the error itself.
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { RestError } from '@azure/core-rest-pipeline';
import type { Dependencies } from '../../../shared/consent/dependencies';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import { conflict, forbidden, invalid, notFound, rateLimited, ServiceError } from '../../../shared/errors';
import { PAGE_HEADERS } from '../../../shared/pages';
import { portalMessagesFor, type PortalFailure } from '../../../shared/portal/messages';
import { portalRoute, type PortalHandler } from '../../../shared/portal/routes';
import { partnerPrincipal } from '../../support/partnerPrincipals';
import { partnerOf, TENANT } from '../domain/fixtures';
import { visibleText } from '../pages/html';

const partner = partnerOf('direct-csp', { tenantId: TENANT, displayName: 'Fabrikam <Devices>' });
const deps = {
  signIn: 'platform',
  partners: {
    findPartner: async () => ({ value: partner }),
    findPartnersOfTenant: async () => [partner],
  },
} as unknown as Dependencies;

async function answer(
  handler: PortalHandler,
  options: { method?: string; locale?: string; url?: string } = {},
): Promise<{ response: HttpResponseInit; text: string; html: string; logged: string }> {
  const logged: string[] = [];
  const context = new InvocationContext({
    invocationId: 'req-123',
    logHandler: (_level, ...args) => logged.push(args.join(' ')),
  });
  const person = partnerPrincipal(TENANT, { appRoles: [PARTNER_APP_ROLES.manage] });
  const request = new HttpRequest({
    method: options.method ?? 'GET',
    url: options.url ?? 'http://localhost/portal/requests?status=pending',
    headers: { ...person.headers, 'accept-language': options.locale ?? 'en' },
  });
  const route = portalRoute(deps, 'manage', handler, () => '/portal/requests/new');
  const response = (await route(request, context)) as HttpResponseInit;
  const html = response.body as string;
  return { response, html, text: visibleText(html), logged: logged.join('\n') };
}

const throwing = (error: Error) => async () => {
  throw error;
};

describe('portal failure pages', () => {
  it.each<[string, Error, number, PortalFailure]>([
    [
      'input the use case refuses',
      invalid('The consent request is not valid: customer.tenantId: must be a GUID.'),
      400,
      'bad-request',
    ],
    [
      'a form post over 256 KiB',
      new ServiceError('payload-too-large', 'The form is larger than 256 KiB.'),
      413,
      'too-large',
    ],
    ['a refusal for this partner', forbidden('An indirect provider cannot issue consent requests.'), 403, 'forbidden'],
    [
      'a change that lost a race',
      conflict('Only pending consents can be cancelled; this consent is accepted.'),
      409,
      'conflict',
    ],
    ['too many invitation emails', rateLimited('The invitation email limit is reached.', 60), 429, 'rate-limited'],
    ['storage not answering', new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }), 503, 'unavailable'],
    ['a bug of ours', new TypeError('secret detail x-ms-client-principal=abc'), 500, 'internal'],
  ])(
    '%s: the portal page with its status, in English and German, with its navigation and a way back',
    async (_, error, status, failure) => {
      for (const locale of ['en', 'de'] as const) {
        const t = portalMessagesFor(locale);
        const { response, html, text } = await answer(throwing(error), { locale });
        expect(response.status).toBe(status);
        const headers = response.headers as Record<string, string>;
        for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(headers[name]).toBe(value);
        expect(html).toContain(`<h1>${t.failure[failure].title}</h1>`);
        expect(text).toContain(t.failure[failure].todo);
        expect(html).toContain(`aria-label="${t.navLabel}"`);
        expect(text).toContain(t.actingAs('Fabrikam <Devices>'));
        expect(html).toContain('<a href="/portal/requests?status=pending">');
        // Nothing of the error reaches the reader: not its message, not a stack.
        expect(text).not.toMatch(
          /must be a GUID|cannot issue|pending consents|email limit|ECONNREFUSED|secret detail|at \w+ \(/,
        );
      }
    },
  );

  it('storage not answering and too many emails tell the browser when to try again', async () => {
    const down = await answer(throwing(new RestError('busy', { statusCode: 503 })));
    expect((down.response.headers as Record<string, string>)['retry-after']).toBe('5');
    const limited = await answer(throwing(rateLimited('limit', 60)));
    expect((limited.response.headers as Record<string, string>)['retry-after']).toBe('60');
  });

  it('a failed post offers its form again, not the address it posted to', async () => {
    const { html } = await answer(throwing(conflict('raced')), {
      method: 'POST',
      url: 'http://localhost/portal/requests',
    });
    expect(html).toContain(`<a href="/portal/requests/new">${portalMessagesFor('en').openAgain}</a>`);
  });

  it('our own failure gives a reference to quote and logs only the error’s name and message', async () => {
    const { text, logged } = await answer(throwing(new TypeError('boom')));
    expect(text).toContain(`${portalMessagesFor('en').referenceLabel}: req-123`);
    expect(logged).toContain('Unhandled error: TypeError: boom');
  });

  it('something of another partner, or nothing, is the portal’s 404 page', async () => {
    const t = portalMessagesFor('de');
    const { response, html } = await answer(throwing(notFound('No consent request x of yours exists.')), {
      locale: 'de',
    });
    expect(response.status).toBe(404);
    expect(html).toContain(`<h1>${t.notFoundTitle}</h1>`);
    expect(html).toContain(`<a href="/portal/requests">${t.backToList}</a>`);
  });

  it('a page that works is passed through untouched', async () => {
    const page = { status: 200, body: 'ok' };
    expect((await answer(async () => page)).response).toBe(page);
  });

  it('an expected refusal is logged by its kind only', async () => {
    const { logged } = await answer(throwing(new ServiceError('conflict', 'consent 42 for tenant x')));
    expect(logged).toBe('Portal request refused: conflict');
  });
});
