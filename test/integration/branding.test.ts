// Per-space branding through the admin API (issue 12 point 7): a logo (https URL or a small uploaded image as a
// data: URL) and accent colours for light and dark pages, refused with a 400 naming the field when malformed or when
// the colour would make buttons and links unreadable (below 4.5:1, with the nearest colour that passes); applied to
// the space's sign-in, device, logout and error pages and the vault's connect pages, which allow data: images. The
// connect pages speak German by Accept-Language or by the link's ui_locales, kept to the provider's callback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accentContrast, contrast, nearestPassing } from '../../src/registry/branding.js';
import { Browser, isPage } from '../oauth/authorization-code-helpers.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

// A 1×1 PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0a7"/></svg>').toString('base64')}`;

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer('pglite');
  await s.admin('POST', '/spaces', { slug: 'acme', display_name: 'Acme Corp' });
});
afterAll(async () => s?.close());

const patch = async (body: unknown) => {
  const res = await fetch(`${s.url}/admin/api/v1/spaces/acme`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${s.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; message: string; field?: string; settings: Record<string, unknown> } };
};

describe('the contrast rule', () => {
  it('measures WCAG contrast and finds the nearest passing colour of the same hue', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(accentContrast('#2457c5', 'light')).toBeGreaterThan(4.5);
    const darker = nearestPassing('#ffcc00', 'light');
    expect(accentContrast(darker, 'light')).toBeGreaterThanOrEqual(4.5);
    const lighter = nearestPassing('#1a237e', 'dark');
    expect(accentContrast(lighter, 'dark')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('branding settings (admin API)', () => {
  it('has none by default, stores a logo and colours (lower-cased), and null resets one', async () => {
    expect((await s.admin('GET', '/spaces/acme')).settings).toMatchObject({ brand_logo_uri: null, brand_accent_light: null, brand_accent_dark: null });
    const set = await patch({ settings: { brand_logo_uri: PNG, brand_accent_light: '#0B5CAD', brand_accent_dark: '#7cc4ff' } });
    expect(set.status).toBe(200);
    expect(set.body.settings).toMatchObject({ brand_logo_uri: PNG, brand_accent_light: '#0b5cad', brand_accent_dark: '#7cc4ff' });
    const url = await patch({ settings: { brand_logo_uri: 'https://cdn.example.com/acme.svg' } });
    expect(url.body.settings.brand_logo_uri).toBe('https://cdn.example.com/acme.svg');
    expect((await patch({ settings: { brand_logo_uri: SVG } })).status).toBe(200);
    const log = await s.admin('GET', '/audit-log?action=space.update&limit=1');
    expect(Object.keys(log.items[0].changes)).toEqual(['settings.brand_logo_uri']);
    const reset = await patch({ settings: { brand_accent_dark: null } });
    expect(reset.body.settings.brand_accent_dark).toBeNull();
    expect(reset.body.settings.brand_accent_light).toBe('#0b5cad');
  });

  it('refuses a colour below 4.5:1 (not adjusted), naming the field, the ratio and the nearest colour that passes', async () => {
    const before = (await s.admin('GET', '/spaces/acme')).settings;
    const light = await patch({ settings: { brand_accent_light: '#ffcc00' } });
    expect(light.status).toBe(400);
    expect(light.body.field).toBe('settings.brand_accent_light');
    expect(light.body.message).toMatch(
      /^settings\.brand_accent_light #ffcc00 is refused, not adjusted: its contrast with white .* is 1\.\d\d:1, below the 4\.5:1/,
    );
    const suggested = /nearest colour that passes is (#[0-9a-f]{6})/.exec(light.body.message)![1]!;
    expect(suggested).toBe(nearestPassing('#ffcc00', 'light'));
    // The suggestion is accepted as it is.
    expect((await patch({ settings: { brand_accent_light: suggested } })).status).toBe(200);
    await patch({ settings: { brand_accent_light: before.brand_accent_light } });

    const dark = await patch({ settings: { brand_accent_dark: '#1a237e' } });
    expect(dark.status).toBe(400);
    expect(dark.body.field).toBe('settings.brand_accent_dark');
    expect(dark.body.message).toMatch(/contrast with the dark page card and the dark button text is 1\.\d\d:1/);
    expect((await s.admin('GET', '/spaces/acme')).settings).toEqual(before);
  });

  it.each([
    [{ brand_accent_light: 'blue' }, 'settings.brand_accent_light', /#rrggbb/],
    [{ brand_accent_light: '#12345' }, 'settings.brand_accent_light', /#rrggbb/],
    [{ brand_accent_dark: 42 }, 'settings.brand_accent_dark', /#rrggbb/],
    [{ brand_logo_uri: 'http://cdn.example.com/a.png' }, 'settings.brand_logo_uri', /must use https/],
    [{ brand_logo_uri: 'javascript:alert(1)' }, 'settings.brand_logo_uri', /must use https/],
    [{ brand_logo_uri: 'not a url' }, 'settings.brand_logo_uri', /https URL or a data: URL/],
    [{ brand_logo_uri: 'data:text/html;base64,PHNjcmlwdD4=' }, 'settings.brand_logo_uri', /PNG, JPEG, GIF, WebP or SVG/],
    [{ brand_logo_uri: 'data:image/png;base64,R0lGODlhAQABAAAAACw=' }, 'settings.brand_logo_uri', /says image\/png but its bytes are not such an image/],
    [
      { brand_logo_uri: `data:image/png;base64,${Buffer.concat([Buffer.from(PNG.split(',')[1]!, 'base64'), Buffer.alloc(40 * 1024)]).toString('base64')}` },
      'settings.brand_logo_uri',
      /is 41 KiB; an uploaded logo may be at most 32 KiB/,
    ],
  ])('refuses %j with 400 naming %s', async (settings, field, message) => {
    const r = await patch({ settings });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_request', field });
    expect(r.body.message).toMatch(message);
  });
});

describe('the branded pages', () => {
  beforeAll(async () => {
    await patch({ settings: { brand_logo_uri: PNG, brand_accent_light: '#0b5cad', brand_accent_dark: '#7cc4ff' } });
  });

  it('puts the logo and name in the header and the accents in the style of the sign-in pages; CSP allows the data: logo', async () => {
    const issuer = `${s.url}/spaces/acme`;
    for (const url of [`${issuer}/device`, `${issuer}/logout`, `${issuer}/authorize?client_id=nobody`]) {
      const res = await fetch(url, { headers: { accept: 'text/html' } });
      const html = await res.text();
      expect(html, url).toContain(`<header class="brand"><img src="${PNG}" alt="" referrerpolicy="no-referrer"><span>Acme Corp</span></header>`);
      expect(html, url).toContain(':root{--accent:#0b5cad}@media (prefers-color-scheme:dark){:root{--accent:#7cc4ff}}');
      expect(res.headers.get('content-security-policy'), url).toContain('img-src https: http: data:');
    }
    // Another space keeps Keyward's look.
    const plain = await (await fetch(`${s.issuer}/device`)).text();
    expect(plain).toContain('<header class="brand"><span>Default</span></header>');
    expect(plain).not.toContain('--accent:#0b5cad');
  });

  it('shows the connect pages under the brand, in German by Accept-Language or by the link’s ui_locales (kept to the callback)', async () => {
    const issuer = `${s.url}/spaces/acme`;
    const german = await new Browser(s.url, { 'accept-language': 'de-DE,de;q=0.9' }).go(`${issuer}/connections/connect/no-such-link`);
    if (!isPage(german)) throw new Error('no page');
    expect(german.status).toBe(410);
    expect(german.html).toContain('<html lang="de">');
    expect(german.html).toContain('<h1>Verbindung nicht hergestellt</h1>');
    expect(german.html).toContain('Dieser Verbindungslink wurde bereits verwendet oder ist abgelaufen.');
    expect(german.html).toContain('<span>Acme Corp</span>');
    expect(german.html).toContain('--accent:#0b5cad');

    const english = await new Browser(s.url, { 'accept-language': 'en' }).go(`${issuer}/connections/connect/no-such-link`);
    expect(isPage(english) && english.html).toContain('<h1>Connection not made</h1>');

    // ui_locales on the link wins over the browser's language, and the callback (where the provider's redirect brings
    // no language) still speaks it.
    const b = new Browser(s.url, { 'accept-language': 'en-US' });
    const asked = await b.go(`${issuer}/connections/connect/no-such-link?ui_locales=de`);
    expect(isPage(asked) && asked.html).toContain('lang="de"');
    const { id } = await s.admin('POST', '/spaces/acme/provider-clients', {
      provider: 'custom',
      name: 'Local IdP',
      client_id: 'local-app',
      client_secret: 'local-secret',
      authorization_url: 'https://idp.example/authorize',
      token_url: 'https://idp.example/token',
    });
    const conn = await s.admin('POST', '/spaces/acme/connections', { name: 'Mine', kind: 'oauth2_authorization_code', provider_client: id });
    const link = await s.admin('POST', `/spaces/acme/connections/${conn.id}/connect`);
    const opened = await b.go(`${link.connect_url}?ui_locales=de`);
    expect('location' in opened && opened.location).toMatch(/^https:\/\/idp\.example\/authorize\?/);
    const callback = await b.go(`${issuer}/connections/callback?state=forged`);
    if (!isPage(callback)) throw new Error('no page');
    expect(callback.status).toBe(403);
    expect(callback.html).toContain('<html lang="de">');
    expect(callback.html).toContain('Diese Zustimmung wurde in einem anderen Browser begonnen');
  });
});
