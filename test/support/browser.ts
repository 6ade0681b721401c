// The browser suites' one real Chromium (Debian's package, driven by playwright-core): where it is, how it starts,
// what counts as a page problem, and the screenshot + axe-core check every page gets.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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

export const BROWSER_TIMEOUT_MS = 60_000;
export const VIEWPORTS = { phone: { width: 412, height: 915 }, desktop: { width: 1280, height: 900 } } as const;

/** What the report keeps of an axe-core violation: enough to find and fix it. */
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const chromiumPresent = existsSync(CHROMIUM);
const skipReason = `${CHROMIUM} is not installed (apt-get install -y --no-install-recommends chromium)`;

/**
 * `describe` when Chromium is installed. Without it the suite is skipped with a warning on a developer's machine, and
 * is a failing test under CI=true, where .ci/run installs it: a skip there would prove nothing.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumPresent) return describe(name, suite);
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium: a missing browser is a failure when CI=true', () => {
        throw new Error(`CI=true but ${skipReason}; .ci/run installs it.`);
      });
    });
    return;
  }
  console.warn(`SKIPPED ${name}: ${skipReason}.`);
  describe.skip(`${name} — SKIPPED: ${skipReason}`, suite);
}

export interface OpenBrowser {
  context: BrowserContext;
  /** Script errors, CSP violations and failed resources seen so far; a test expects none. */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh profile at phone width, English, collecting every page problem. */
export async function openBrowser(): Promise<OpenBrowser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'autopilot-consent-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS.phone,
    locale: 'en-US',
  });
  const problems: string[] = [];
  // A Content-Security-Policy violation, a failed stylesheet or a script error would show here; a refusal page's
  // own 4xx status is the page working as intended.
  context.on('console', (message) => {
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !expected) problems.push(message.text());
  });
  context.on('weberror', (error) => problems.push(String(error.error())));
  return {
    context,
    problems,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot as a test artifact, the stylesheet applied, and no axe-core violation: none at all, or (`serious`)
 * none of serious or critical impact.
 */
export async function checkPage(page: Page, name: string, failOn: 'any' | 'serious' = 'any'): Promise<void> {
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
  const failing = violations.filter((v) => failOn === 'any' || v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, violations: failing }).toEqual({ page: name, violations: [] });
}
