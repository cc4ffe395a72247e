// A space's brand on its pages in a real browser (Debian's chromium): the device, sign-out and error pages and the
// vault's connect page show the logo and the name in the header and the accent on buttons and links, light and dark
// (prefers-color-scheme), as computed styles; a space without a brand keeps Keyward's colours. The connect page
// speaks German to a German browser. Screenshots in test-results/branding/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_COLOURS } from '../../src/html-page.js';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { computedLooks, launchChromium, runBrowserTests } from './chromium.js';

const SHOTS = fileURLToPath(new URL('../../test-results/branding/', import.meta.url));
const LOGO = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" rx="4" fill="#7a2e8e"/></svg>').toString('base64')}`;
const BRAND = { light: '#7a2e8e', dark: '#e0a6f0' };
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe.runIf(runBrowserTests)('branded pages (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    s = await startTestServer('pglite');
    browser = await launchChromium();
    await s.admin('POST', '/spaces', {
      slug: 'violet',
      display_name: 'Violet Bank',
      settings: { brand_logo_uri: LOGO, brand_accent_light: BRAND.light, brand_accent_dark: BRAND.dark },
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  async function open(url: string, colorScheme: 'light' | 'dark', locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ colorScheme, locale });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }
  const looks = (page: Page) =>
    computedLooks(page, {
      button: ['button', 'background-color', 'color'],
      logo: ['header.brand img', 'height'],
      name: ['header.brand span', 'font-weight'],
    });

  it('wears the brand on the device, sign-out and error pages, light and dark', async () => {
    const issuer = `${s.url}/spaces/violet`;
    for (const colorScheme of ['light', 'dark'] as const) {
      const accent = colorScheme === 'light' ? BRAND.light : BRAND.dark;
      const onAccent = colorScheme === 'light' ? '#ffffff' : PAGE_COLOURS.darkButtonText;
      for (const [what, url] of [
        ['device', `${issuer}/device`],
        ['logout', `${issuer}/logout`],
      ] as const) {
        const page = await open(url, colorScheme);
        const l = await looks(page);
        expect(l.button, `${what} ${colorScheme}`).toEqual([rgb(accent), rgb(onAccent)]);
        expect(l.logo, `${what} ${colorScheme}`).toEqual(['20px']);
        expect(await page.locator('header.brand').textContent()).toBe('Violet Bank');
        await page.screenshot({ path: `${SHOTS}${what}-${colorScheme}.png` });
        await page.context().close();
      }
      const error = await open(`${issuer}/authorize?client_id=nobody`, colorScheme);
      expect(await error.locator('header.brand').textContent()).toBe('Violet Bank');
      expect((await looks(error)).logo).toEqual(['20px']);
      await error.context().close();

      // Keyward's own look where no brand is set.
      const plain = await open(`${s.issuer}/device`, colorScheme);
      const p = await looks(plain);
      expect(p.button[0]).toBe(rgb(colorScheme === 'light' ? PAGE_COLOURS.lightAccent : PAGE_COLOURS.darkAccent));
      expect(p.logo).toEqual([undefined]);
      await plain.context().close();
    }
  }, 60_000);

  it('shows the connect page in German to a German browser, under the brand', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(`${s.url}/spaces/violet/connections/connect/no-such-link`, colorScheme, 'de-DE');
      await page.getByRole('heading', { name: 'Verbindung nicht hergestellt' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toBe(
        'Dieser Verbindungslink wurde bereits verwendet oder ist abgelaufen. Fordern Sie einen neuen an.',
      );
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect((await looks(page)).logo).toEqual(['20px']);
      await page.screenshot({ path: `${SHOTS}connect-de-${colorScheme}.png` });
      await page.context().close();
    }
  }, 60_000);
});
