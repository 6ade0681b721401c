// The partner portal end to end in a real browser (Debian chromium driven by playwright-core): a Consent.Manage user
// signs in through the local stand-in, sees a German form's errors in German, issues a request with delegated admin
// roles, sees the link once, cancels it; a Consent.Read user sees no buttons and the portal's 403 for the form; a
// customer accepts a copied link and appears in the portal's customer list.
// Each page is screenshotted and checked with axe-core, at phone and desktop widths.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { PARTNER_APP_ROLES } from '../../shared/domain/partnerAccess';
import { messagesFor } from '../../shared/pages/messages';
import { portalMessagesFor } from '../../shared/portal/messages';
import { startAppHost, type AppHost } from '../support/appHost';
import {
  BROWSER_TIMEOUT_MS,
  checkPage,
  describeInBrowser,
  openBrowser,
  VIEWPORTS,
  type OpenBrowser,
} from '../support/browser';
import { freePort } from '../support/localHost';
import { registeredPartner, type TestPartner } from '../support/partners';

const en = portalMessagesFor('en');
const de = portalMessagesFor('de');
const customerWords = messagesFor('en');

describeInBrowser('the partner portal in Chromium', () => {
  let app: AppHost;
  let opened: OpenBrowser;
  let browser: BrowserContext;
  let partner: TestPartner;
  const partnerTenant = randomUUID();

  beforeAll(async () => {
    // The page's origin must be PUBLIC_BASE_URL for the Origin check, so it is set before the app reads its settings.
    const port = await freePort();
    process.env.PUBLIC_BASE_URL = `http://localhost:${port}`;
    app = await startAppHost({ port });
    partner = await registeredPartner(app, 'direct-csp', { tenantId: partnerTenant, displayName: 'Fabrikam Devices' });
    opened = await openBrowser();
    browser = opened.context;
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await opened?.close();
    await app?.stop();
  });

  afterEach(() => {
    expect(opened.problems).toEqual([]);
  });

  async function signIn(page: Page, userName: string, role: string) {
    await page.getByLabel('Tenant ID').fill(partnerTenant);
    await page.getByLabel('User name').fill(userName);
    await page.getByLabel('No, an ordinary user').check();
    await page.getByLabel(role, { exact: false }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it(
    'Portal: a Consent.Manage user signs in, issues a request with delegated admin roles, sees the link once and cancels it',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${app.url}/portal`);
      await signIn(page, 'kim@fabrikam.example', PARTNER_APP_ROLES.manage);
      await page.waitForURL(`${app.url}/portal`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.overviewTitle);
      await checkPage(page, 'portal-1-overview');

      await page.getByRole('link', { name: en.nextIssue }).click();
      await page.waitForURL(`${app.url}/portal/requests/new`);
      expect(await page.locator('main').innerText()).toContain(en.adminGuidance);
      await checkPage(page, 'portal-2-form');

      // In German, a post with mistakes comes back with German words beside the fields and the values kept.
      // The profile's own language header wins over extra headers, so the requests are rewritten on their way.
      const german = (route: Route) =>
        route.continue({ headers: { ...route.request().headers(), 'accept-language': 'de' } });
      await page.route('**/portal/**', german);
      await page.reload();
      await page.getByLabel(de.tenantLabel, { exact: true }).fill('contoso');
      await page.getByLabel(de.adminChoice).check();
      await page.getByRole('button', { name: de.submit }).click();
      await page.waitForSelector('#tenantId-error');
      expect(await page.locator('#tenantId-error').innerText()).toBe(de.fieldErrors.tenantId);
      expect(await page.locator('#roles-error').innerText()).toBe(de.fieldErrors.chooseRole);
      expect(await page.getByLabel(de.tenantLabel, { exact: true }).inputValue()).toBe('contoso');
      await checkPage(page, 'portal-2b-form-errors-de');
      await page.unroute('**/portal/**', german);
      await page.goto(`${app.url}/portal/requests/new`);

      const tenantId = randomUUID();
      await page.getByLabel(en.tenantLabel, { exact: true }).fill(tenantId);
      await page.getByLabel(en.nameField).fill('Woodgrove Bank');
      await page.getByLabel(en.sendEmailField).uncheck();
      await page.getByLabel(en.adminChoice).check();
      await page.getByLabel('Intune Administrator', { exact: true }).check();
      await page.getByRole('button', { name: en.submit }).click();
      await page.waitForURL(/\/portal\/requests\/[^/?]+\?done=issued$/);
      const consentId = new URL(page.url()).pathname.split('/').at(-1)!;
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.requestTitle('Woodgrove Bank'));
      const link = await page.locator('#consent-link').inputValue();
      expect(link).toMatch(new RegExp(`^${app.url}/consent/`));
      expect(await page.locator('#email-text').inputValue()).toContain(link);
      expect(page.url()).not.toContain(link);
      await checkPage(page, 'portal-3-request-link-once');
      const stored = await app.call('GET', `/api/consent-requests/${consentId}`, { key: partner.key });
      expect(stored.body.delegatedAdmin.roles).toEqual([
        expect.objectContaining({ displayName: 'Intune Administrator' }),
      ]);

      await page.reload();
      expect(await page.locator('#consent-link').count()).toBe(0);

      await page.getByRole('button', { name: en.cancel }).click();
      await page.waitForURL(/\?done=cancelled$/);
      expect(await page.getByRole('status').innerText()).toContain(en.cancelledNotice);
      await checkPage(page, 'portal-4-cancelled');
      const after = await app.call('GET', `/api/consent-requests/${consentId}`, { key: partner.key });
      expect(after.body.status).toBe('cancelled');

      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto(`${app.url}/portal/requests`);
      await checkPage(page, 'portal-5-requests-desktop');
      await page.setViewportSize(VIEWPORTS.phone);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'Portal: a Consent.Read user sees the request but no button that changes anything',
    async () => {
      const issued = await app.call('POST', '/api/consent-requests', {
        key: partner.key,
        body: { customer: { tenantId: randomUUID(), displayName: 'Contoso Ltd' }, sendEmail: false },
      });
      const page = await browser.newPage();
      const target = `/portal/requests/${issued.body.id as string}`;
      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=${target}`);
      await signIn(page, 'lee@fabrikam.example', PARTNER_APP_ROLES.read);
      await page.waitForURL(`${app.url}${target}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.requestTitle('Contoso Ltd'));
      expect(await page.getByRole('button').count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain(en.readOnlyNote);
      await checkPage(page, 'portal-6-read-only');

      // The form is for Consent.Manage: the portal's own 403 says which role to ask for, and leads back.
      await page.goto(`${app.url}/portal/requests/new`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.failure['read-only'].title);
      expect(await page.locator('main').innerText()).toContain(PARTNER_APP_ROLES.manage);
      expect(await page.getByRole('navigation', { name: en.navLabel }).count()).toBe(1);
      await checkPage(page, 'portal-6b-read-only-refusal');
      await page.getByRole('link', { name: en.backToOverview }).click();
      await page.waitForURL(`${app.url}/portal`);
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    'Portal: an OEM account manager finds no standing link yet, creates it with a button, and sees it to copy',
    async () => {
      const oemTenant = randomUUID();
      await registeredPartner(app, 'oem', { tenantId: oemTenant, displayName: 'Contoso Hardware' });
      const page = await browser.newPage();
      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=/portal/link`);
      await page.getByLabel('Tenant ID').fill(oemTenant);
      await page.getByLabel('User name').fill('sam@contoso-hardware.example');
      await page.getByLabel('No, an ordinary user').check();
      await page.getByLabel(PARTNER_APP_ROLES.manage, { exact: false }).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${app.url}/portal/link`);
      expect(await page.locator('main').innerText()).toContain(en.linkNone);
      expect(await page.locator('#standing-link').count()).toBe(0);
      await checkPage(page, 'portal-8-standing-link-none');

      await page.getByRole('button', { name: en.linkCreate }).click();
      await page.waitForURL(/\/portal\/link\?done=created$/);
      expect(await page.locator('main').innerText()).toContain(en.createdLinkNotice);
      expect(await page.locator('#standing-link').inputValue()).toMatch(/\/consent\//);
      await checkPage(page, 'portal-9-standing-link');
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it(
    "Portal: the customer accepts the copied link, and the customer appears in the portal's customer list",
    async () => {
      const page = await browser.newPage();
      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=/portal/requests/new`);
      await signIn(page, 'kim@fabrikam.example', PARTNER_APP_ROLES.manage);
      await page.waitForURL(`${app.url}/portal/requests/new`);
      const tenantId = randomUUID();
      await page.getByLabel(en.tenantLabel, { exact: true }).fill(tenantId);
      await page.getByLabel(en.nameField).fill('Tailspin Toys');
      await page.getByLabel(en.sendEmailField).uncheck();
      await page.getByRole('button', { name: en.submit }).click();
      await page.waitForURL(/\?done=issued$/);
      const link = await page.locator('#consent-link').inputValue();

      // The customer's Global Administrator opens the copied link and accepts.
      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=${new URL(link).pathname}`);
      await page.getByLabel('Tenant ID').fill(tenantId);
      await page.getByLabel('User name').fill('admin@tailspin.onmicrosoft.com');
      await page.getByLabel('Yes, a Global Administrator').check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(link);
      await page.getByLabel(customerWords.confirmLabel('Fabrikam Devices')).check();
      await page.getByRole('button', { name: customerWords.accept }).click();
      await page.waitForURL(`${link}?outcome=accepted`);

      await page.goto(`${app.url}/.auth/logout?post_logout_redirect_uri=/portal/customers`);
      await signIn(page, 'kim@fabrikam.example', PARTNER_APP_ROLES.read);
      await page.waitForURL(`${app.url}/portal/customers`);
      const text = await page.locator('main').innerText();
      expect(text).toContain('Tailspin Toys');
      expect(text).toContain(tenantId);
      await checkPage(page, 'portal-7-customers');
      await page.close();
    },
    BROWSER_TIMEOUT_MS,
  );
});
