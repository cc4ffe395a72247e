// The console in a real browser (Debian's chromium through playwright-core) against a real Keyward server on a
// loopback port: an admin with a password, sign-in, and the checks every console test makes — no console error or
// failed request, and axe-core finding no violation of any impact. startBrowser alone drives a console served
// elsewhere (a `keyward serve` process: journey.test.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { launchChromium } from '../e2e/chromium.js';
import type { StoreKind } from '../helpers/store.js';

export { runBrowserTests } from '../e2e/chromium.js';

export const ADMIN_EMAIL = 'console-admin@example.com';
export const ADMIN_PASSWORD = 'console-password-1234';
/** Where the tests save their screenshots (look at them: issue 12 asks a person to). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/console/', import.meta.url));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface ConsoleBrowser {
  browser: Browser;
  /** A new browser context (its own cookies) and page, watched for errors. */
  open(options?: { colorScheme?: 'light' | 'dark' }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface ConsoleHarness extends ConsoleBrowser {
  server: TestServer;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and failed requests (a 4xx/5xx the test did not expect) seen so far. */
  problems: string[];
  /** Statuses the test provokes on purpose (a wrong password answers 401): not problems. */
  expectStatus(status: number, urlPart: string): void;
}

export async function startConsole(kind: StoreKind = 'pglite', env: Record<string, string> = {}): Promise<ConsoleHarness> {
  const server = await startTestServer(kind, env);
  await server.admin('POST', '/admins', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, roles: [{ space: '*', role: 'owner' }] });
  const chromium = await startBrowser(server.url);
  return {
    ...chromium,
    server,
    close: async () => {
      await chromium.close();
      await server.close();
    },
  };
}

/** Chromium for a console served at `origin` (a test server, or a `keyward serve` process): its pages may use the clipboard. */
export async function startBrowser(origin: string): Promise<ConsoleBrowser> {
  const browser = await launchChromium();
  return {
    browser,
    open: async ({ colorScheme = 'light' } = {}) => {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, colorScheme });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      const expected: [number, string][] = [];
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
      // A request the page itself cancelled (a query whose page was left before its answer came) is not a fault.
      page.on('requestfailed', (r) => {
        const why = r.failure()?.errorText ?? '';
        if (why !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.method()} ${r.url()} ${why}`);
      });
      page.on('response', (r) => {
        if (r.status() < 400) return;
        const i = expected.findIndex(([s, part]) => s === r.status() && r.url().includes(part));
        if (i >= 0) expected.splice(i, 1);
        else problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
      });
      return { page, context, problems, expectStatus: (status, urlPart) => expected.push([status, urlPart]) };
    },
    close: () => browser.close(),
  };
}

/** Opens the console at `at` (a path below /console) and signs in with the keyboard, as a person would. */
export async function signIn(w: WatchedPage, url: string, at = '/'): Promise<void> {
  // Before signing in, the session check answers 401: that is how the console learns it must ask.
  w.expectStatus(401, '/console/session');
  await w.page.goto(`${url}/console${at}`);
  await submitSignIn(w.page, ADMIN_EMAIL, ADMIN_PASSWORD);
}

/** On the console's sign-in form: types the e-mail and password, presses Enter, and waits for the console. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** axe-core on the page as it is now: every violation of any impact, with the elements it found. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the console's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

export async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), `axe-core violations on ${where}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
