// The dashboard in a real browser after a real workload: tokens issued by client credentials (opaque, so stored and
// live) and the password grant, one wrong password. Each chart describes itself to a screen reader, and its toggle
// shows the numbers as a real table, which the test reads. axe-core finds nothing, in light and dark, as charts and as
// tables.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness } from './harness.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => ({ authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') });

const CHARTS = [
  'Tokens issued per hour',
  'Active tokens',
  'Sign-ins and failures per hour',
  'Connections by status',
  'Failed connection renewals per hour',
  'Failed webhook deliveries per hour',
];

/** A table's rows as text: its head's cells, then each body row's (Chromium's innerText separates cells by tabs). */
async function tableOf(page: Page, region: string): Promise<{ heads: string[]; rows: string[][] }> {
  const table = page.getByRole('region', { name: region }).getByRole('table', { name: region });
  await table.waitFor();
  const heads = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const rows = (await table.locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()));
  return { heads, rows };
}

/** A table's numbers: each column's header with the sum of its cells (a chart per hour sums to the period's total). */
async function columnTotals(page: Page, region: string): Promise<Record<string, number>> {
  const { heads, rows } = await tableOf(page, region);
  return Object.fromEntries(heads.slice(1).map((h, i) => [h, rows.reduce((n, r) => n + Number(r[i + 1]), 0)]));
}

/** A table of categories (one value column): category → value. */
async function categoryValues(page: Page, region: string): Promise<Record<string, number>> {
  const { rows } = await tableOf(page, region);
  return Object.fromEntries(rows.map((r) => [r[0], Number(r[1])]));
}

describe.runIf(runBrowserTests)('console dashboard (chromium)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
    const s = h.server;
    const token = (auth: Record<string, string>, body: Record<string, string>) =>
      fetch(`${s.issuer}/token`, { method: 'POST', headers: { ...FORM, ...auth }, body: new URLSearchParams(body).toString() });
    await s.admin('POST', '/spaces/default/scopes', { name: 'api', description: 'API', default: true });
    const cc = await s.admin('POST', '/spaces/default/clients', {
      name: 'dash-cc',
      grant_types: ['client_credentials'],
      scope: 'api',
      access_token_format: 'opaque',
    });
    for (let i = 0; i < 2; i++) expect((await token(basic(cc.client_id, cc.client_secret), { grant_type: 'client_credentials' })).status).toBe(200);
    await s.admin('POST', '/spaces/default/users', { username: 'robot', password: 'robot-password-1', kind: 'service' });
    const pw = await s.admin('POST', '/spaces/default/clients', { name: 'dash-pw', grant_types: ['password'], scope: 'api' });
    const auth = basic(pw.client_id, pw.client_secret);
    expect((await token(auth, { grant_type: 'password', username: 'robot', password: 'wrong-password' })).status).toBe(400);
    expect((await token(auth, { grant_type: 'password', username: 'robot', password: 'robot-password-1' })).status).toBe(200);
  }, 60_000);
  afterAll(async () => h?.close());

  it('shows the workload in every chart, and each chart as a table with the same numbers', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/');
    const page = w.page;
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    for (const name of CHARTS) await page.getByRole('region', { name }).waitFor();

    // The canvas is an image with a sentence that says what it shows.
    const tokensImg = page.getByRole('region', { name: 'Tokens issued per hour' }).getByRole('img');
    expect(await tokensImg.getAttribute('aria-label')).toMatch(/Client credentials 2 in total.*Password 1 in total/);
    expect(await page.getByRole('region', { name: 'Active tokens' }).getByRole('img').getAttribute('aria-label')).toContain('Client credentials 2');
    await expectAccessible(page, 'the dashboard (charts, light)');
    await screenshot(page, 'dashboard-light');

    // Each toggle, by keyboard for the first one: the table replaces the chart.
    const first = page.getByRole('region', { name: CHARTS[0] }).getByRole('button', { name: 'Show as table' });
    await first.focus();
    await page.keyboard.press('Space');
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    for (const name of CHARTS.slice(1)) await page.getByRole('region', { name }).getByRole('button', { name: 'Show as table' }).click();

    expect(await columnTotals(page, 'Tokens issued per hour')).toEqual({ 'Client credentials': 2, Password: 1 });
    expect(await categoryValues(page, 'Active tokens')).toEqual({ 'Client credentials': 2, Password: 1 });
    expect(await columnTotals(page, 'Sign-ins and failures per hour')).toEqual({ 'Sign-ins': 1, 'Failed: wrong username or password': 1 });
    expect(await categoryValues(page, 'Connections by status')).toEqual({ Connected: 0, Pending: 0, Reconnect: 0, Error: 0, Disabled: 0 });
    expect(await columnTotals(page, 'Failed connection renewals per hour')).toEqual({ 'Failed, retried later': 0, 'Needs a new connection': 0 });
    expect(await columnTotals(page, 'Failed webhook deliveries per hour')).toEqual({ 'Failed, retried later': 0, 'Failed, given up': 0 });
    // 24 hours, one row each.
    expect(await page.getByRole('table', { name: 'Tokens issued per hour' }).getByRole('row').count()).toBe(25);
    await expectAccessible(page, 'the dashboard (tables, light)');
    await screenshot(page, 'dashboard-tables-light');

    // Back to the chart.
    await first.click();
    await tokensImg.waitFor();
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 90_000);

  it('passes axe-core in dark mode, as charts and as tables; the period can change', async () => {
    const w = await h.open({ colorScheme: 'dark' });
    await signIn(w, h.server.url, '/spaces/default/');
    const page = w.page;
    for (const name of CHARTS) await page.getByRole('region', { name }).waitFor();
    await page.getByRole('region', { name: CHARTS[0] }).getByRole('img').waitFor();
    await expectAccessible(page, 'the dashboard (charts, dark)');
    await screenshot(page, 'dashboard-dark');
    for (const name of CHARTS) await page.getByRole('region', { name }).getByRole('button', { name: 'Show as table' }).click();
    await expectAccessible(page, 'the dashboard (tables, dark)');
    await screenshot(page, 'dashboard-tables-dark');

    // Seven days: 168 hourly rows, the same totals.
    await page.getByRole('button', { name: /Period/ }).click();
    await page.getByRole('option', { name: 'Last 7 days' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Tokens issued per hour' }).getByRole('row').count()).toBe(169);
    expect(await columnTotals(page, 'Tokens issued per hour')).toEqual({ 'Client credentials': 2, Password: 1 });
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 90_000);
});
