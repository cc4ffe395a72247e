// The space settings page in a real browser: branding edited with a live preview of the sign-in page (light and
// dark), a brand colour below 4.5:1 refused as you type with the nearest colour that passes offered, a number out of
// range refused on its field, an uploaded logo the server refuses (its bytes are not the image it claims) shown on
// the logo field, the save, and then the space's real sign-in page wearing the brand in light and dark (computed
// styles). Read-only for a role without space:write. axe-core: no violation, light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computedLooks } from '../e2e/chromium.js';
import { expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness, type WatchedPage } from './harness.js';

// A 16×16 PNG (teal square), and bytes that claim to be one but are not.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFUlEQVR4nGNg6CgnDY1qGNUwfDUAABrq/wF4FL1UAAAAAElFTkSuQmCC', 'base64');
const NOT_PNG = Buffer.from('GIF89a this is not a png at all');
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe.runIf(runBrowserTests)('space settings and branding (chromium)', () => {
  let h: ConsoleHarness;
  let authorizeUrl: string;
  beforeAll(async () => {
    h = await startConsole();
    const c = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'shop',
      client_name: 'Acme Shop',
      redirect_uris: ['https://shop.example.com/cb'],
    });
    authorizeUrl = `${h.server.issuer}/authorize?${new URLSearchParams({
      client_id: c.client_id,
      redirect_uri: 'https://shop.example.com/cb',
      response_type: 'code',
      scope: 'openid',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
    })}`;
    await h.server.admin('POST', '/admins', { email: 'viewer@example.com', password: 'viewer-password-1234', roles: [{ space: 'default', role: 'viewer' }] });
  }, 60_000);
  afterAll(async () => h?.close());

  const preview = (w: WatchedPage) =>
    computedLooks(w.page, {
      lightButton: ['figure[data-scheme=light] [data-part=button]', 'background-color'],
      darkButton: ['figure[data-scheme=dark] [data-part=button]', 'background-color'],
      lightLink: ['figure[data-scheme=light] [data-part=link]', 'color'],
      darkLink: ['figure[data-scheme=dark] [data-part=link]', 'color'],
    });
  const previewName = (w: WatchedPage) => w.page.locator('figure[data-scheme=light] [data-part=name]').textContent();

  it('edits the branding with a live preview, refuses what the server would, saves, and the sign-in page wears the brand', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/settings');
    await w.page.getByRole('heading', { name: 'Space settings', level: 1 }).waitFor();
    await expectAccessible(w.page, 'the settings page (light)');

    // The preview follows the name as it is typed.
    await w.page.getByLabel('Display name').fill('Acme Corp');
    await expect.poll(() => previewName(w)).toBe('Acme Corp');

    // A colour too light for white text: refused on the field, the preview keeps the default, the suggestion fixes it.
    const light = w.page.getByRole('textbox', { name: 'Accent colour, light pages', exact: true });
    await light.fill('#ffcc00');
    await expect.poll(() => w.page.getByText(/Contrast with white is 1\.\d\d:1, below 4\.5:1/).count()).toBe(1);
    expect(await light.getAttribute('aria-invalid')).toBe('true');
    expect((await preview(w)).lightButton).toEqual([rgb('#2457c5')]);
    const use = w.page.getByRole('button', { name: /^Use #[0-9a-f]{6}$/ });
    await w.page.locator('fieldset', { hasText: 'Branding' }).screenshot({ path: await screenshot(w.page, 'settings-contrast-refused') });
    await expectAccessible(w.page, 'the settings page with a refused colour (light)');
    const suggestion = (await use.textContent())!.slice(4);
    // With the keyboard: from the field past its colour picker to the suggestion.
    await light.press('Tab');
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate('document.activeElement.textContent')).toBe(`Use ${suggestion}`);
    await w.page.keyboard.press('Enter');
    expect(await light.inputValue()).toBe(suggestion);
    await expect.poll(async () => (await preview(w)).lightButton).toEqual([rgb(suggestion)]);
    // A brand colour of our own instead, and one for dark pages.
    await light.fill('#0b5cad');
    await w.page.getByRole('textbox', { name: 'Accent colour, dark pages', exact: true }).fill('#7cc4ff');
    await expect
      .poll(() => preview(w))
      .toEqual({
        lightButton: [rgb('#0b5cad')],
        darkButton: [rgb('#7cc4ff')],
        lightLink: [rgb('#0b5cad')],
        darkLink: [rgb('#7cc4ff')],
      });

    // A number out of range: refused on its field as typed.
    const code = w.page.getByLabel('Authorization code lifetime');
    await code.fill('1.5');
    await expect.poll(() => w.page.getByText('Authorization code lifetime must be a whole number').count()).toBe(1);
    await code.fill('5');
    await expect.poll(() => w.page.getByText('Authorization code lifetime must be at least 10').count()).toBe(1);
    await code.fill('120');

    // An upload the server refuses (the bytes are not a PNG): its message lands on the logo field, nothing is lost.
    await w.page.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: NOT_PNG });
    await expect.poll(() => w.page.getByText(/An uploaded image \(1 KiB\) is set/).count()).toBeGreaterThan(0);
    w.expectStatus(400, '/spaces/default');
    await w.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => w.page.getByText('settings.brand_logo_uri says image/png but its bytes are not such an image').count()).toBe(1);
    expect(await light.inputValue()).toBe('#0b5cad');

    // A real logo: the preview shows it; save.
    await w.page.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => w.page.locator('figure[data-scheme=dark] img').count()).toBe(1);
    await screenshot(w.page, 'settings-branding-light');
    await w.page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => w.page.getByRole('status').filter({ hasText: 'Settings saved' }).count()).toBe(1);
    const saved = await h.server.admin('GET', '/spaces/default');
    expect(saved.display_name).toBe('Acme Corp');
    expect(saved.settings).toMatchObject({
      brand_accent_light: '#0b5cad',
      brand_accent_dark: '#7cc4ff',
      brand_logo_uri: `data:image/png;base64,${PNG.toString('base64')}`,
      authorization_code_ttl: 120,
    });
    // The space switcher names the space by its new name.
    await expect.poll(() => w.page.getByText('Acme Corp (default)').count()).toBeGreaterThan(0);
    await expectAccessible(w.page, 'the settings page after saving (light)');
    expect(w.problems).toEqual([]);

    // The real sign-in page of the space, light and dark.
    for (const colorScheme of ['light', 'dark'] as const) {
      const p = await w.context.newPage();
      await p.emulateMedia({ colorScheme });
      await p.goto(authorizeUrl);
      await p.getByRole('heading', { name: 'Sign in' }).waitFor();
      const accent = colorScheme === 'light' ? '#0b5cad' : '#7cc4ff';
      const looks = await computedLooks(p, {
        button: ['button[type=submit]', 'background-color'],
        link: ['nav.lang a:not([aria-current])', 'color'],
        name: ['header.brand span', 'display'],
        logo: ['header.brand img', 'width'],
      });
      expect(looks.button, colorScheme).toEqual([rgb(accent)]);
      expect(looks.link, colorScheme).toEqual([rgb(accent)]);
      expect(looks.logo[0], colorScheme).not.toBe('0px');
      expect(await p.locator('header.brand').textContent()).toBe('Acme Corp');
      expect(await p.locator('header.brand img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(16);
      await expectAccessible(p, `the branded sign-in page (${colorScheme})`);
      await screenshot(p, `sign-in-branded-${colorScheme}`);
      await p.close();
    }
    await w.context.close();
  }, 120_000);

  it('passes axe-core in dark mode and is read-only for a viewer', async () => {
    const w = await h.open({ colorScheme: 'dark' });
    await signIn(w, h.server.url, '/spaces/default/settings');
    await w.page.getByRole('heading', { name: 'Space settings', level: 1 }).waitFor();
    await w.page.getByRole('textbox', { name: 'Accent colour, dark pages', exact: true }).waitFor();
    await expectAccessible(w.page, 'the settings page (dark)');
    await screenshot(w.page, 'settings-dark');
    expect(w.problems).toEqual([]);
    await w.context.close();

    const v = await h.open();
    v.expectStatus(401, '/console/session');
    await v.page.goto(`${h.server.url}/console/spaces/default/settings`);
    await v.page.getByLabel('E-mail').fill('viewer@example.com');
    await v.page.getByLabel('Password').fill('viewer-password-1234');
    await v.page.keyboard.press('Enter');
    await v.page.getByText('Your role can read these settings but not change them').waitFor();
    expect(await v.page.getByLabel('Display name').getAttribute('readonly')).not.toBeNull();
    expect(await v.page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await v.page.getByRole('button', { name: 'Upload a logo…' }).count()).toBe(0);
    await expectAccessible(v.page, 'the settings page, read-only');
    expect(v.problems).toEqual([]);
    await v.context.close();
  }, 90_000);
});
