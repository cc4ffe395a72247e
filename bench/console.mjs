// The console's first load (issue 12 point 6: "interactive within 1 s on the loopback with a cold cache"), measured
// in Debian's chromium through playwright-core: each run is a new browser context (empty cache, no service worker),
// from navigation start to the moment a person can act —
//   sign-in:   /console/ without a session, until the e-mail field is enabled and focused;
//   signed in: /console/ with a session cookie (a person coming back), until the navigation and the dashboard's
//              heading are shown (the dashboard's own chunk and uPlot included; its figures arrive after).
// RUNS runs each; the median and the worst are reported. Skipped (with a note) when chromium is not installed.
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 7;
const EMAIL = 'bench-console@example.com';
const PASSWORD = 'bench-console-password-1';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `api`: the admin API as the bench's owner. Answers { signIn: {median, max}, signedIn: {median, max} } in ms. */
export async function consoleFirstLoad(kwBase, api) {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is not installed` };
  const { chromium } = await import('playwright-core');
  await api('POST', '/admins', { email: EMAIL, password: PASSWORD, roles: [{ space: '*', role: 'owner' }] });
  // The session cookie a sign-in sets (http-only, on the admin API's path), added to each fresh context.
  const signIn = await fetch(`${kwBase}/admin/api/v1/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`console sign-in answered ${signIn.status}`);
  const [name, value] = signIn.headers.getSetCookie()[0].split(';')[0].split('=');
  const cookie = { name, value, url: `${kwBase}/admin/api/v1/`, httpOnly: true, sameSite: 'Strict' };

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const measure = async (withSession, ready) => {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      if (withSession) await context.addCookies([cookie]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${kwBase}/console/`, { waitUntil: 'commit' });
      await ready(page);
      times.push(performance.now() - started);
      await context.close();
    }
    return { median: median(times), max: Math.max(...times), runs: RUNS };
  };
  try {
    const signInForm = await measure(false, async (page) => {
      // A selector, not a function: the console's CSP (script-src 'self') forbids evaluating code in the page.
      await page.locator('input[autocomplete="username"]:enabled:focus').waitFor({ timeout: 10_000 });
    });
    const signedIn = await measure(true, async (page) => {
      await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 10_000 });
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor({ timeout: 10_000 });
    });
    return { signInForm, signedIn };
  } finally {
    await browser.close();
  }
}
