// The smoke test of issue 12: signs in and opens every page of the console and every tab on it, in light and dark,
// and fails on any console error, uncaught exception or failed request, or any axe-core violation. The pages are the
// ones the navigation offers (read from the page, so a new page is covered without touching this file) and, one of
// each kind, the pages their content links to (a client's page from the clients list); tabs are whatever role=tab
// elements a page shows. A screenshot of each: test-results/console/smoke-<page>[-<tab>]-<scheme>.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness, type WatchedPage } from './harness.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => ({ authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') });

/** Something of each kind in the space, so lists have rows and their rows lead to detail pages. */
async function seed(h: ConsoleHarness): Promise<void> {
  const s = h.server;
  await s.admin('POST', '/spaces/default/scopes', { name: 'orders.read', description: 'Read orders', default: true });
  const cc = await s.admin('POST', '/spaces/default/clients', {
    name: 'Smoke app',
    grant_types: ['client_credentials'],
    scope: 'orders.read',
    access_token_format: 'opaque',
  });
  const res = await fetch(`${s.issuer}/token`, {
    method: 'POST',
    headers: { ...FORM, ...basic(cc.client_id, cc.client_secret) },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
  expect(res.status).toBe(200);
  await s.admin('POST', '/spaces/default/users', { username: 'smoke-user', password: 'smoke-password-1', kind: 'personal' });
  await s.admin('POST', '/spaces/default/webhooks', { url: 'https://hooks.example.com/keyward', events: ['client.deactivated'] });
  const pc = await s.admin('POST', '/spaces/default/provider-clients', {
    provider: 'custom',
    name: 'Smoke IdP',
    client_id: 'smoke-app',
    client_secret: 'smoke-secret',
    authorization_url: 'https://idp.example/authorize',
    token_url: 'https://idp.example/token',
  });
  await s.admin('POST', '/spaces/default/connections', { name: 'Smoke connection', kind: 'oauth2_authorization_code', provider_client: pc.id });
}

/** Waits until the page has no request in flight for a moment and no "Loading…" status. */
async function settle(page: Page, inflight: () => number): Promise<void> {
  let quietSince = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const busy =
      inflight() > 0 ||
      (await page
        .getByRole('status')
        .filter({ hasText: /Loading/ })
        .count()) > 0;
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince > 300) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`${page.url()} did not settle within 15 s`);
}

/**
 * A page's kind: its path with the segments below the page's own that look like ids (a digit, or 16 characters or
 * more) as "*": /clients/kw_3f9a… → /clients/*, while /clients/new stays a kind of its own.
 */
const kindOf = (path: string) =>
  path
    .split('/')
    .map((seg, i) => (i > 4 && (/\d/.test(seg) || seg.length >= 16) ? '*' : seg))
    .join('/');

/** The page's kind below /console/spaces/default, as a file-name-safe name ("/" is the dashboard, an id "detail"). */
const pageName = (url: string) =>
  kindOf(new URL(url).pathname)
    .replace(/^\/console\/spaces\/[^/]+\/?/, '')
    .replace(/\*/g, 'detail')
    .replace(/\/$/, '')
    .replace(/[^a-z0-9]+/gi, '-') || 'dashboard';

async function checkPage(w: WatchedPage, inflight: () => number, url: string, scheme: string, failures: string[]): Promise<string[]> {
  const page = w.page;
  await settle(page, inflight);
  const name = pageName(url);
  const h1 = page.getByRole('heading', { level: 1 });
  // A lazy page's chunk can arrive just after the network went quiet, so give the heading a moment to be the one.
  let headings = await h1.count();
  for (const until = Date.now() + 5_000; headings !== 1 && Date.now() < until; headings = await h1.count()) await page.waitForTimeout(50);
  if (headings !== 1) failures.push(`${name} (${scheme}): ${headings} level-1 headings`);
  const check = async (where: string, file: string) => {
    for (const v of await axeViolations(page)) failures.push(`${where}: ${v}`);
    await screenshot(page, file);
  };
  await check(`${name} (${scheme})`, `smoke-${name}-${scheme}`);

  // Every tab the page shows, each checked in turn.
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const label = ((await tab.textContent()) ?? `tab-${i}`).trim();
    if ((await tab.getAttribute('aria-disabled')) === 'true') continue;
    await tab.click();
    await settle(page, inflight);
    expect(await tab.getAttribute('aria-selected'), `${name}: tab ${label} selected`).toBe('true');
    await check(`${name} › ${label} (${scheme})`, `smoke-${name}-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${scheme}`);
  }
  // Links in the page's content to console pages of another kind (a row's detail page).
  const links = page.locator('main a[href^="/console/spaces/"]');
  const hrefs: string[] = [];
  for (let i = 0; i < (await links.count()); i++) hrefs.push(new URL((await links.nth(i).getAttribute('href'))!, url).href);
  return hrefs;
}

describe.runIf(runBrowserTests)('console smoke test: every page and tab (chromium)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
    await seed(h);
  }, 60_000);
  afterAll(async () => h?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`opens every page and tab without an error or an axe violation (${scheme})`, async () => {
      const w = await h.open({ colorScheme: scheme });
      let inflight = 0;
      w.page.on('request', () => inflight++);
      const done = () => inflight--;
      w.page.on('requestfinished', done);
      w.page.on('requestfailed', done);
      await signIn(w, h.server.url, '/spaces/default/');

      const nav = w.page.getByRole('navigation', { name: 'Main' });
      const links = nav.getByRole('link');
      const entries: { name: string; href: string }[] = [];
      for (let i = 0; i < (await links.count()); i++) {
        entries.push({ name: ((await links.nth(i).textContent()) ?? '').trim(), href: new URL((await links.nth(i).getAttribute('href'))!, h.server.url).href });
      }
      // The navigation the skeleton ships has these; more may come, none may go missing.
      expect(entries.length).toBeGreaterThanOrEqual(13);

      const failures: string[] = [];
      const seen = new Set<string>();
      const found: string[] = [];
      for (const entry of entries) {
        // Through the navigation, as a person goes: a click, not a new load.
        await nav.getByRole('link', { name: entry.name, exact: true }).click();
        await w.page.waitForURL(entry.href);
        seen.add(kindOf(new URL(entry.href).pathname));
        found.push(...(await checkPage(w, () => inflight, entry.href, scheme, failures)));
      }
      // One page of each kind the pages link to that the navigation does not (a client's page), opened directly.
      for (const href of found) {
        const kind = kindOf(new URL(href).pathname);
        if (seen.has(kind)) continue;
        seen.add(kind);
        await w.page.goto(href);
        await checkPage(w, () => inflight, href, scheme, failures);
      }
      expect(failures).toEqual([]);
      expect(w.problems).toEqual([]);
      process.stdout.write(`smoke (${scheme}): ${[...seen].join(', ')}\n`);
      await w.context.close();
    }, 240_000);
  }
});
