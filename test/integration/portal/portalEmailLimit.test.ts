// The portal's form and Resend past the invitation email limit, through the local host: values kept, the real wait said.
import { randomUUID } from 'node:crypto';
import { PARTNER_APP_ROLES } from '../../../shared/domain/partnerAccess';
import type { Locale } from '../../../shared/domain/consent';
import { formatDateTime } from '../../../shared/pages/locale';
import { portalMessagesFor } from '../../../shared/portal/messages';
import type { AppHost } from '../../support/appHost';
import type { PageAnswer } from '../../support/customerPages';
import type { TestPrincipal } from '../../support/partnerPrincipals';
import type { TestPartner } from '../../support/partners';

const LIMIT = 2;
const INTUNE_ADMINISTRATOR = '3a2c62db-5318-420d-8d74-23affee5d9d5';
const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
let app: AppHost;
let support: typeof import('../../support/customerPages');

beforeAll(async () => {
  // This file's own setting, read when the app first reads its settings.
  process.env.INVITATION_EMAILS_PER_HOUR = String(LIMIT);
  const { startAppHost } = await import('../../support/appHost');
  support = await import('../../support/customerPages');
  app = await startAppHost();
});
afterAll(async () => {
  await app.stop();
});

/** A partner whose hour is full: LIMIT requests issued with the email through the API; answers their ids. */
async function partnerAtTheLimit(): Promise<{ partner: TestPartner; manager: TestPrincipal; consentIds: string[] }> {
  const { registeredPartner } = await import('../../support/partners');
  const { partnerPrincipal } = await import('../../support/partnerPrincipals');
  const tenantId = randomUUID();
  const partner = await registeredPartner(app, 'direct-csp', { tenantId });
  const consentIds: string[] = [];
  for (let index = 0; index < LIMIT; index++) {
    const body = { customer: { tenantId: randomUUID(), contactEmail: 'it@woodgrove.example' }, sendEmail: true };
    const issued = await app.call('POST', '/api/consent-requests', { key: partner.key, body });
    if (issued.status !== 201) throw new Error(`not issued: ${issued.status}`);
    consentIds.push(issued.body.id as string);
  }
  return { partner, manager: partnerPrincipal(tenantId, { appRoles: [PARTNER_APP_ROLES.manage] }), consentIds };
}

/** The form as the page posts it, the role checkbox included (a repeated field). */
function filledForm(csrf: string, tenantId: string): URLSearchParams {
  return new URLSearchParams([
    ['csrf', csrf],
    ['tenantId', tenantId],
    ['domain', 'woodgrove.example'],
    ['displayName', 'Woodgrove <Bank>'],
    ['contactEmail', 'it@woodgrove.example'],
    ['contactName', 'Alex Wilber'],
    ['locale', 'de'],
    ['delegatedAdmin', 'yes'],
    ['roles', INTUNE_ADMINISTRATOR],
    ['durationDays', '180'],
    ['message', 'Hello from Contoso'],
    ['expiresInDays', '14'],
    ['sendEmail', 'yes'],
  ]);
}

async function postFields(
  path: string,
  body: URLSearchParams,
  as: TestPrincipal,
  headers: Record<string, string> = {},
) {
  const { config } = await import('../../../shared/config');
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: config().publicBaseUrl,
      ...as.headers,
      ...headers,
    },
    body,
    redirect: 'manual',
  });
  const html = await response.text();
  return { status: response.status, headers: response.headers, html, text: html };
}

/**
 * The 429 with the API's wait in Retry-After (close to an hour here, never the error pages' 5 s), and `said` in the
 * page with that wait in minutes and the time it ends, as the server's clock saw it between `before` and `after`.
 */
function expectRealWait(
  answer: PageAnswer,
  locale: Locale,
  said: (wait: string, at: string) => string,
  [before, after]: [number, number],
) {
  expect(answer.status).toBe(429);
  const wait = Number(answer.headers.get('retry-after'));
  expect(wait).toBeGreaterThan(3500);
  expect(wait).toBeLessThanOrEqual(3600);
  const t = portalMessagesFor(locale);
  const minutes = t.waitMinutes(Math.ceil(wait / 60));
  const candidates = [before, after].map((at) => said(minutes, formatDateTime(new Date(at + wait * 1000), locale)));
  expect(candidates.some((text) => answer.text.includes(text))).toBe(true);
}

describe('the request form past the invitation email limit', () => {
  for (const locale of ['en', 'de'] as const) {
    it(`Portal (${locale}): the form comes back with every value kept, a 429 with the real wait, and how to issue without the email`, async () => {
      const t = portalMessagesFor(locale);
      const headers = locale === 'de' ? GERMAN : {};
      const { partner, manager } = await partnerAtTheLimit();
      const form = await support.getPage(app, '/portal/requests/new', { headers: { ...manager.headers, ...headers } });
      const before = await app.call('GET', '/api/consent-requests', { key: partner.key });
      const tenantId = randomUUID();

      const clock: [number, number] = [Date.now(), 0];
      const answer = await postFields(
        '/portal/requests',
        filledForm(support.csrfOf(form.html), tenantId),
        manager,
        headers,
      );
      clock[1] = Date.now();
      expectRealWait(answer, locale, t.emailLimitReached, clock);
      expect(answer.html).toContain(`<html lang="${locale}">`);
      expect(answer.text).toContain(t.emailLimitTodo);
      expect(answer.text).not.toContain(t.formErrors);
      for (const value of [
        tenantId,
        'woodgrove.example',
        'Woodgrove &lt;Bank&gt;',
        'it@woodgrove.example',
        'Alex Wilber',
      ]) {
        expect(answer.html).toContain(`value="${value}"`);
      }
      expect(answer.html).toContain('<option value="de" selected="">');
      expect(answer.html).toMatch(/id="delegatedAdmin" name="delegatedAdmin" value="yes" checked=""/);
      expect(answer.html).toMatch(new RegExp(`value="${INTUNE_ADMINISTRATOR}" checked=""`));
      expect(answer.html).toContain('value="180"');
      expect(answer.html).toContain('value="14"');
      expect(answer.html).toContain('>Hello from Contoso</textarea>');
      expect(answer.html).toMatch(/id="sendEmail" name="sendEmail" value="yes" checked=""/);
      const after = await app.call('GET', '/api/consent-requests', { key: partner.key });
      expect(after.body.items).toEqual(before.body.items);

      // As the message says: without the box ticked, the same values issue the request now.
      const withoutEmail = filledForm(support.csrfOf(answer.html), tenantId);
      withoutEmail.delete('sendEmail');
      const issued = await postFields('/portal/requests', withoutEmail, manager, headers);
      expect(issued.status).toBe(303);
    });
  }
});

describe('Resend past the invitation email limit', () => {
  for (const locale of ['en', 'de'] as const) {
    it(`Portal (${locale}): the request page comes back with a 429, the real wait, and nothing changed`, async () => {
      const t = portalMessagesFor(locale);
      const headers = locale === 'de' ? GERMAN : {};
      const { partner, manager, consentIds } = await partnerAtTheLimit();
      const consentId = consentIds[0]!;
      const page = await support.getPage(app, `/portal/requests/${consentId}`, {
        headers: { ...manager.headers, ...headers },
      });
      const before = await app.call('GET', `/api/consent-requests/${consentId}/events`, { key: partner.key });
      const { liveDependencies: live } = await import('../../../shared/consent/dependencies');
      const stored = (await live.consents.findConsent(partner.id, consentId))!.value;

      const clock: [number, number] = [Date.now(), 0];
      const csrf = support.csrfOf(page.html);
      const answer = await postFields(
        `/portal/requests/${consentId}/resend`,
        new URLSearchParams({ csrf }),
        manager,
        headers,
      );
      clock[1] = Date.now();
      expectRealWait(answer, locale, t.resendEmailLimit, clock);
      expect(answer.html).toContain(`<html lang="${locale}">`);
      expect(answer.text).toContain(t.status.pending);
      expect(answer.text).not.toContain(t.linkOnceTitle);
      expect((await live.consents.findConsent(partner.id, consentId))!.value).toEqual(stored);
      const after = await app.call('GET', `/api/consent-requests/${consentId}/events`, { key: partner.key });
      expect(after.body).toEqual(before.body);
    });
  }
});
