// End to end in a real browser (Debian chromium driven by playwright-core): a Global Administrator accepts with Yes +
// Accept and later revokes with Yes + Revoke, a non-administrator sees the permission page; each page is
// screenshotted and checked with axe-core.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { messagesFor } from '../../shared/pages/messages';
import { startAppHost, type AppHost } from '../support/appHost';
import { BROWSER_TIMEOUT_MS, checkPage, describeInBrowser, openBrowser, type OpenBrowser } from '../support/browser';
import { freePort } from '../support/localHost';
import { registeredPartner, type TestPartner } from '../support/partners';
import { refusalWords } from '../support/words';
import { CLOUD_DEVICE_ADMINISTRATOR, INTUNE_ADMINISTRATOR } from '../unit/domain/fixtures';

/** The pages' words: the requests name no locale, and the browser asks for English (its `locale` below). */
const en = messagesFor('en');

describeInBrowser('customer pages in Chromium', () => {
  let app: AppHost;
  let opened: OpenBrowser;
  let browser: BrowserContext;
  let partner: TestPartner;

  beforeAll(async () => {
    // The page's origin must be PUBLIC_BASE_URL for the Origin check, so it is set before the app reads its settings.
    const port = await freePort();
    process.env.PUBLIC_BASE_URL = `http://localhost:${port}`;
    app = await startAppHost({ port });
    partner = await registeredPartner(app, 'direct-csp', {
      displayName: 'Fabrikam Devices',
      microsoftPartnerId: '4711001',
    });
    opened = await openBrowser();
    browser = opened.context;
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await opened?.close();
    await app?.stop();
  });

  async function consentLinkFor(tenantId: string): Promise<{ url: string; id: string }> {
    const issued = await app.call('POST', '/api/consent-requests', {
      key: partner.key,
      body: {
        customer: { tenantId, displayName: 'Woodgrove Bank' },
        delegatedAdmin: { roles: [INTUNE_ADMINISTRATOR, CLOUD_DEVICE_ADMINISTRATOR], durationDays: 90 },
        message: 'As agreed on the phone: we will register your new laptops.',
        sendEmail: false,
      },
    });
    expect(issued.status).toBe(201);
    return { url: issued.body.consentUrl as string, id: issued.body.id as string };
  }

  async function signIn(page: Page, identity: { tenantId: string; userName: string; globalAdmin: boolean }) {
    await page.getByLabel('Tenant ID').fill(identity.tenantId);
    await page.getByLabel('User name').fill(identity.userName);
    await page.getByLabel(identity.globalAdmin ? 'Yes, a Global Administrator' : 'No, an ordinary user').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it(
    'R5–R7, R16: a Global Administrator signs in, sees the partner and roles, ticks Yes, accepts, and sees the confirmation',
    async () => {
      const tenantId = randomUUID();
      const link = await consentLinkFor(tenantId);
      const page = await browser.newPage();

      await page.goto(link.url);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in (local stand-in)');
      await checkPage(page, '1-sign-in');

      await signIn(page, { tenantId, userName: 'admin@woodgrove.onmicrosoft.com', globalAdmin: true });
      await page.waitForURL(link.url);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.consentTitle('Fabrikam Devices'));
      const text = await page.locator('main').innerText();
      expect(text).toContain(en.partnerIdLabel);
      expect(text).toContain('Intune Administrator');
      expect(text).toContain('Cloud Device Administrator');
      expect(text).toContain('As agreed on the phone');
      expect(text).toContain(en.messageNote('Fabrikam Devices'));
      await checkPage(page, '2-consent');

      // Without Yes the browser itself holds the form back (the box is required); nothing is sent.
      await page.getByRole('button', { name: en.accept }).click();
      expect(await page.locator('#confirm:invalid').count()).toBe(1);
      expect(await statusOf(link.id)).toBe('pending');

      await page.getByLabel(en.confirmLabel('Fabrikam Devices')).check();
      await page.getByRole('button', { name: en.accept }).click();
      await page.waitForURL(`${link.url}?outcome=accepted`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.acceptedTitle);
      expect(await page.getByRole('status').innerText()).toContain(en.acceptedNow('Fabrikam Devices'));
      await checkPage(page, '3-accepted');
      expect(await statusOf(link.id)).toBe('accepted');

      await page.getByRole('link', { name: en.partnersLink }).first().click();
      await page.waitForURL(/\/partners$/);
      expect(await page.locator('main').innerText()).toContain(en.removeRoles('Fabrikam Devices'));
      await checkPage(page, '4-partners');
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'R6: a user without Global Administrator sees the permission page, and nothing changes',
    async () => {
      const tenantId = randomUUID();
      const link = await consentLinkFor(tenantId);
      const page = await browser.newPage();

      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=${new URL(link.url).pathname}`);
      await signIn(page, { tenantId, userName: 'kim@woodgrove.onmicrosoft.com', globalAdmin: false });
      await page.waitForURL(link.url);

      const words = refusalWords('en', 'not-global-admin', { user: 'kim@woodgrove.onmicrosoft.com' });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(words.title);
      const text = await page.locator('main').innerText();
      expect(text).toContain(words.why);
      expect(text).toContain(words.todo);
      expect(await page.getByRole('button', { name: en.accept }).count()).toBe(0);
      await checkPage(page, '5-permission');
      expect(await statusOf(link.id)).toBe('pending');
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'Customer revocation: on /partners the Global Administrator ticks Yes, revokes, and the partner’s next check says false',
    async () => {
      const tenantId = randomUUID();
      const link = await consentLinkFor(tenantId);
      const page = await browser.newPage();
      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=${new URL(link.url).pathname}`);
      await signIn(page, { tenantId, userName: 'admin@woodgrove.onmicrosoft.com', globalAdmin: true });
      await page.waitForURL(link.url);
      await page.getByLabel(en.confirmLabel('Fabrikam Devices')).check();
      await page.getByRole('button', { name: en.accept }).click();
      await page.waitForURL(`${link.url}?outcome=accepted`);
      expect(await authorizedFor(tenantId)).toBe(true);

      await page.goto(`${app.url}/partners`);
      expect(await page.locator('main').innerText()).toContain(en.revokePartnerCenter('Fabrikam Devices'));
      await checkPage(page, '6-partners-revocable');
      // Without Yes the browser holds the form back (the box is required); nothing is sent.
      await page.getByRole('button', { name: en.revoke }).click();
      expect(await page.locator('input[name="confirm"]:invalid').count()).toBe(1);
      expect(await authorizedFor(tenantId)).toBe(true);

      await page.getByLabel(en.revokeConfirmLabel('Fabrikam Devices')).check();
      await page.getByRole('button', { name: en.revoke }).click();
      await page.waitForURL(`${app.url}/partners?revoked=${link.id}`);
      expect(await page.getByRole('status').innerText()).toContain(en.revokedNotice('Fabrikam Devices'));
      await checkPage(page, '7-revoked');
      expect(await authorizedFor(tenantId)).toBe(false);
      expect(await statusOf(link.id)).toBe('revoked');
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  afterEach(() => {
    expect(opened.problems).toEqual([]);
  });

  async function authorizedFor(tenantId: string): Promise<boolean> {
    const answer = await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: partner.key });
    return answer.body.authorized as boolean;
  }

  async function statusOf(consentId: string): Promise<string> {
    return (await app.call('GET', `/api/consent-requests/${consentId}`, { key: partner.key })).body.status as string;
  }
});
