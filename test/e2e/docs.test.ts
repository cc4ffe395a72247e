// The admin API's reference page in a real browser (Debian's chromium through playwright-core): Swagger UI starts
// under the page's strict Content-Security-Policy, reads ./openapi.json and lists the operations, with no
// violation or error in the console.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { launchChromium, runBrowserTests } from './chromium.js';

describe.runIf(runBrowserTests)('admin API reference page (chromium)', () => {
  let s: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // Under CI a missing chromium fails here (launchChromium) instead of skipping.
    s = await startTestServer('pglite');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('lists the operations by tag, with their operationIds, and no console error', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(`${s.url}/admin/api/v1/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.info .title').textContent()).toContain('Keyward admin API');
    const doc = (await (await fetch(`${s.url}/admin/api/v1/openapi.json`)).json()) as { paths: Record<string, object> };
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(await page.locator('.opblock').count()).toBe(operations);
    expect(await page.locator('.opblock-tag').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('clients')]));
    await expect.poll(() => page.locator('.opblock-summary-operation-id').allTextContents()).toContain('createClient');

    // An operation opens with its parameters and responses.
    await page.locator('#operations-clients-createClient .opblock-summary').click();
    await page.locator('#operations-clients-createClient .responses-table').first().waitFor();
    // With its request example (from the document's examples).
    expect(await page.locator('#operations-clients-createClient .body-param__example').textContent()).toContain('"redirect_uris"');
    const dir = mkdtempSync(path.join(tmpdir(), 'keyward-docs-'));
    await page.screenshot({ path: path.join(dir, 'docs.png') });
    await page.locator('#operations-clients-createClient').screenshot({ path: path.join(dir, 'create-client.png') });
    process.stderr.write(`API reference screenshots: ${dir}/docs.png, create-client.png\n`);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
