// What a partner's person sees when something goes wrong in the portal, through the local host, in English and German:
// the portal's own page (its words, its navigation, a next step), the right status, the page headers, nothing changed.
import { randomUUID } from 'node:crypto';
import type { RunningAzurite } from '../../../dev/azurite';
import { parsePartnerPrincipal } from '../../../shared/auth/partnerPrincipal';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import type { Locale } from '../../../shared/domain/consent';
import { PAGE_HEADERS } from '../../../shared/pages';
import { portalFormToken } from '../../../shared/portal/forms';
import { portalMessagesFor } from '../../../shared/portal/messages';
import type { AppHost } from '../../support/appHost';
import type { PageAnswer } from '../../support/customerPages';
import { useOwnAzurite } from '../../support/ownAzurite';
import { partnerPrincipal, type TestPrincipal } from '../../support/partnerPrincipals';
import type { TestPartner } from '../../support/partners';

const LOCALES: Locale[] = ['en', 'de'];
const ACCEPT: Record<Locale, string> = { en: 'en-GB,en;q=0.9', de: 'de-DE,de;q=0.9' };

// This file stops its storage at the end, so it has an Azurite of its own.
let azurite: RunningAzurite;
let app: AppHost;
let csp: TestPartner;
let other: TestPartner;
let manager: TestPrincipal;
let reader: TestPrincipal;
let support: typeof import('../../support/customerPages');

beforeAll(async () => {
  azurite = await useOwnAzurite();
  const { startAppHost } = await import('../../support/appHost');
  const { registeredPartner } = await import('../../support/partners');
  support = await import('../../support/customerPages');
  app = await startAppHost();
  const tenantId = randomUUID();
  csp = await registeredPartner(app, 'direct-csp', { tenantId, displayName: 'Fabrikam Devices' });
  other = await registeredPartner(app, 'direct-csp');
  manager = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] });
  reader = partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.read] });
});
afterAll(async () => {
  await app.stop();
  await azurite.stop();
});

const get = (path: string, as: TestPrincipal, locale: Locale) =>
  support.getPage(app, path, { headers: { ...as.headers, 'accept-language': ACCEPT[locale] } });
const post = (path: string, csrf: string, as: TestPrincipal, locale: Locale) =>
  support.postForm(app, path, { csrf }, { headers: { ...as.headers, 'accept-language': ACCEPT[locale] } });

async function pendingRequest(partner: TestPartner): Promise<string> {
  return (await support.issuedLink(app, partner, { customer: { tenantId: randomUUID() } })).consentId;
}

async function statusOf(partner: TestPartner, consentId: string): Promise<string> {
  return (await app.call('GET', `/api/consent-requests/${consentId}`, { key: partner.key })).body.status as string;
}

/** What every portal page shows, failures included: its language, the headers, the navigation, no trace of the error. */
function expectPortalPage(page: PageAnswer, locale: Locale, status: number, heading: string) {
  const t = portalMessagesFor(locale);
  expect(page.status).toBe(status);
  for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(page.headers.get(name)).toBe(value);
  expect(page.html).toContain(`<html lang="${locale}">`);
  expect(page.html).toContain(`<h1>${heading}</h1>`);
  expect(page.html).toContain(`<nav class="portal-nav" aria-label="${t.navLabel}">`);
  expect(page.text).not.toMatch(/Error:|\bat \w+ \(|problem\+json|Global Administrator of your organization/);
}

/** The link a page offers as the next step: where it goes, by its words. */
function linkTo(page: PageAnswer, words: string): string | undefined {
  return new RegExp(`<a href="([^"]+)">${words}</a>`).exec(page.html)?.[1];
}

describe('portal pages for what went wrong, in English and German', () => {
  it.each(LOCALES)(
    'Portal (%s): an unknown request id is the portal’s 404, back to the request list',
    async (locale) => {
      const t = portalMessagesFor(locale);
      const page = await get(`/portal/requests/${randomUUID()}`, manager, locale);
      expectPortalPage(page, locale, 404, t.notFoundTitle);
      expect(page.text).toContain(t.actingAs('Fabrikam Devices'));
      expect(linkTo(page, t.backToList)).toBe('/portal/requests');
    },
  );

  it.each(LOCALES)(
    'Portal (%s): another partner’s request is the same 404, and a post to it changes nothing',
    async (locale) => {
      const t = portalMessagesFor(locale);
      const theirs = await pendingRequest(other);
      const page = await get(`/portal/requests/${theirs}`, manager, locale);
      expectPortalPage(page, locale, 404, t.notFoundTitle);
      expect(linkTo(page, t.backToList)).toBe('/portal/requests');
      // Even with a token made for that very form (as if the page had been ours), the post finds nothing.
      const action = `/portal/requests/${theirs}/cancel`;
      const principal = parsePartnerPrincipal(manager.headers['x-ms-client-principal'])!;
      const cancelled = await post(action, portalFormToken(principal, csp.id, action), manager, locale);
      expectPortalPage(cancelled, locale, 404, t.notFoundTitle);
      expect(await statusOf(other, theirs)).toBe('pending');
    },
  );

  it.each(LOCALES)('Portal (%s): a stale form is a 403 that offers the page again; nothing changes', async (locale) => {
    const t = portalMessagesFor(locale);
    const consentId = await pendingRequest(csp);
    const page = await post(`/portal/requests/${consentId}/cancel`, 'stale-token', manager, locale);
    expectPortalPage(page, locale, 403, t.forgedTitle);
    expect(page.text).toContain(t.forgedTodo);
    expect(linkTo(page, t.openAgain)).toBe(`/portal/requests/${consentId}`);
    expect(await statusOf(csp, consentId)).toBe('pending');
  });

  it.each(LOCALES)(
    'Portal (%s): a Consent.Read user who tries to change something gets a 403 naming Consent.Manage and where it is assigned',
    async (locale) => {
      const t = portalMessagesFor(locale);
      const consentId = await pendingRequest(csp);
      const managerPage = await get(`/portal/requests/${consentId}`, manager, locale);
      const refused = await post(
        `/portal/requests/${consentId}/cancel`,
        support.csrfOf(managerPage.html),
        reader,
        locale,
      );
      expectPortalPage(refused, locale, 403, t.failure['read-only'].title);
      expect(refused.text).toContain(t.failure['read-only'].todo);
      expect(refused.text).toContain(PARTNER_APP_ROLES.manage);
      expect(refused.text).toContain(t.actingAs('Fabrikam Devices'));
      expect(linkTo(refused, t.backToOverview)).toBe('/portal');
      expect(await statusOf(csp, consentId)).toBe('pending');

      const form = await get('/portal/requests/new', reader, locale);
      expectPortalPage(form, locale, 403, t.failure['read-only'].title);
      expect(form.html).not.toContain('<form method="post"');
    },
  );

  it.each(LOCALES)(
    'Portal (%s): cancelling a request that has changed meanwhile is a 409 that offers the request again',
    async (locale) => {
      const t = portalMessagesFor(locale);
      const consentId = await pendingRequest(csp);
      const page = await get(`/portal/requests/${consentId}`, manager, locale);
      const cancelToken = [...page.html.matchAll(/name="csrf" value="([^"]+)"/g)][1]![1]!;
      // A colleague cancels it through the API after the page was shown.
      await app.call('POST', `/api/consent-requests/${consentId}/cancel`, { key: csp.key });
      const late = await post(`/portal/requests/${consentId}/cancel`, cancelToken, manager, locale);
      expectPortalPage(late, locale, 409, t.failure.conflict.title);
      expect(late.text).toContain(t.failure.conflict.todo);
      expect(linkTo(late, t.openAgain)).toBe(`/portal/requests/${consentId}`);
      expect(await statusOf(csp, consentId)).toBe('cancelled');
    },
  );

  it.each(LOCALES)(
    'Portal (%s): a form post over 256 KiB is a 413 that offers the form again; nothing is created',
    async (locale) => {
      const t = portalMessagesFor(locale);
      const before = (await app.call('GET', '/api/consent-requests', { key: csp.key })).body.items.length as number;
      const form = await get('/portal/requests/new', manager, locale);
      const page = await support.postForm(
        app,
        '/portal/requests',
        { csrf: support.csrfOf(form.html), customerName: 'Contoso', message: 'x'.repeat(300_000) },
        { headers: { ...manager.headers, 'accept-language': ACCEPT[locale] } },
      );
      expectPortalPage(page, locale, 413, t.failure['too-large'].title);
      expect(page.text).toContain(t.failure['too-large'].todo);
      expect(linkTo(page, t.openAgain)).toBe('/portal/requests/new');
      expect((await app.call('GET', '/api/consent-requests', { key: csp.key })).body.items).toHaveLength(before);
    },
  );

  // Last: it stops this file's storage.
  it('Portal (en, de): storage not answering is a 503 with Retry-After that offers the page again', async () => {
    await azurite.stop();
    for (const locale of LOCALES) {
      const t = portalMessagesFor(locale);
      const page = await get('/portal/requests?status=pending', manager, locale);
      expectPortalPage(page, locale, 503, t.failure.unavailable.title);
      expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(page.text).toContain(t.failure.unavailable.todo);
      expect(linkTo(page, t.openAgain)).toBe('/portal/requests?status=pending');
    }
  });
});
