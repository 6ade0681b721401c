// End to end in a real browser (Debian chromium driven by playwright-core): a Global Administrator accepts with Yes +
// Accept and later revokes with Yes + Revoke, a non-administrator sees the permission page; each page is
// screenshotted and checked with axe-core.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { messagesFor } from '../../shared/pages/messages';
import { startAppHost, type AppHost } from '../support/appHost';
import { freePort } from '../support/localHost';
import { registeredPartner, type TestPartner } from '../support/partners';
import { refusalWords } from '../support/words';

/** Debian's chromium package; CHROMIUM_PATH may point elsewhere (or nowhere, to see the skip). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'browser');
const INTUNE_ADMINISTRATOR = '3a2c62db-5318-420d-8d74-23affee5d9d5';
const CLOUD_DEVICE_ADMINISTRATOR = '7698a772-787b-4ac8-901f-60d6b08affd2';
const BROWSER_TIMEOUT_MS = 60_000;
/** The pages' words: the requests name no locale, and the browser asks for English (its `locale` below). */
const en = messagesFor('en');

/** What the report keeps of an axe-core violation: enough to find and fix it. */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const chromiumPresent = existsSync(CHROMIUM);
const underCi = process.env.CI === 'true';
const skipReason = `${CHROMIUM} is not installed (apt-get install -y --no-install-recommends chromium)`;

if (!chromiumPresent && !underCi) {
  console.warn(`SKIPPED the browser suite (test/browser): ${skipReason}.`);
}

if (!chromiumPresent && underCi) {
  describe('the browser suite under CI', () => {
    it('needs Chromium: a missing browser is a failure when CI=true', () => {
      throw new Error(`CI=true but ${skipReason}; .ci/run installs it.`);
    });
  });
}

const describeInBrowser = chromiumPresent ? describe : describe.skip;

describeInBrowser(`customer pages in Chromium${chromiumPresent ? '' : ` — SKIPPED: ${skipReason}`}`, () => {
  let app: AppHost;
  let browser: BrowserContext;
  let userDataDir: string;
  let partner: TestPartner;
  const problems: string[] = [];

  beforeAll(async () => {
    // The page's origin must be PUBLIC_BASE_URL for the Origin check, so it is set before the app reads its settings.
    const port = await freePort();
    process.env.PUBLIC_BASE_URL = `http://localhost:${port}`;
    app = await startAppHost({ port });
    partner = await registeredPartner(app, 'direct-csp', {
      displayName: 'Fabrikam Devices',
      microsoftPartnerId: '4711001',
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'autopilot-consent-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 412, height: 915 },
      locale: 'en-US',
    });
    // A Content-Security-Policy violation, a failed stylesheet or a script error would show here; a refusal page's
    // own 4xx status is the page working as intended.
    browser.on('console', (message) => {
      const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
      if (message.type() === 'error' && !expected) problems.push(message.text());
    });
    browser.on('weberror', (error) => problems.push(String(error.error())));
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
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
    expect(problems).toEqual([]);
  });

  async function authorizedFor(tenantId: string): Promise<boolean> {
    const answer = await app.call('GET', `/api/customers/${tenantId}/authorization`, { key: partner.key });
    return answer.body.authorized as boolean;
  }

  async function statusOf(consentId: string): Promise<string> {
    return (await app.call('GET', `/api/consent-requests/${consentId}`, { key: partner.key })).body.status as string;
  }

  /** A screenshot as a test artifact, the stylesheet applied, and no serious or critical axe-core violation. */
  async function checkPage(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    const styled = await page.evaluate('getComputedStyle(document.body).fontFamily');
    expect(styled).toContain('system-ui');
    // Evaluated through the DevTools protocol, which the page's CSP (no script at all) does not govern.
    await page.evaluate(axe.source);
    const violations = await page.evaluate<AxeViolation[]>(
      `axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => node.target.join(' ')),
      })))`,
    );
    expect({
      page: name,
      violations: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    }).toEqual({ page: name, violations: [] });
  }
});
