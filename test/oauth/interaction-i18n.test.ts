// The sign-in and consent pages in the person's language (English and German): chosen by their own switch (kept in
// a cookie for the rest of the flow), else the application's ui_locales, else the browser's Accept-Language, else
// English; the page says its language (<html lang>), and the switch is a labelled list of links.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickLocale } from '../../src/oauth/interaction/i18n.js';
import { Browser, createUser, formOf, isPage, type Page } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

const CB = 'https://app.example.com/cb';
const bob = { username: 'bob', password: 'correct horse battery staple' };
let s: TestServer;
let config: client.Configuration;

beforeAll(async () => {
  s = await startTestServer('pglite');
  await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read your files' });
  const c = await s.admin('POST', '/spaces/default/clients', {
    name: 'web',
    client_name: 'Photo Web',
    grant_types: ['authorization_code'],
    redirect_uris: [CB],
    scope: 'files:read',
  });
  await createUser(s, bob.username, bob.password);
  config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
    execute: [client.allowInsecureRequests],
  });
});
afterAll(async () => s?.close());

async function loginPage(b: Browser, extra: Record<string, string> = {}): Promise<Page> {
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CB,
    scope: 'openid offline_access files:read',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    prompt: 'consent',
    ...extra,
  });
  const r = await b.go(url.toString());
  if (!isPage(r)) throw new Error(`no page: ${r.location}`);
  return r;
}

const langOf = (p: Page) => /<html lang="([^"]+)">/.exec(p.html)?.[1];

describe('the language of the sign-in pages', () => {
  it('speaks English by default, German for a German browser, and what ui_locales asks before either', async () => {
    const english = await loginPage(new Browser(s.url));
    expect(langOf(english)).toBe('en');
    expect(english.html).toContain('<h1>Sign in</h1>');
    expect(english.html).toContain('<label for="password">Password</label>');

    const german = await loginPage(new Browser(s.url, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.8' }));
    expect(langOf(german)).toBe('de');
    expect(german.html).toContain('<h1>Anmelden</h1>');
    expect(german.html).toContain('Melden Sie sich an, um mit <strong>Photo Web</strong> fortzufahren.');
    expect(german.html).toContain('<label for="username">Benutzername</label>');

    const asked = await loginPage(new Browser(s.url, { 'accept-language': 'en-US' }), { ui_locales: 'fr-CA de' });
    expect(langOf(asked)).toBe('de');
    const unknown = await loginPage(new Browser(s.url, { 'accept-language': 'fr' }), { ui_locales: 'ja' });
    expect(langOf(unknown)).toBe('en');
    expect(((await (await fetch(`${s.issuer}/.well-known/openid-configuration`)).json()) as { ui_locales_supported: string[] }).ui_locales_supported).toEqual([
      'en',
      'de',
    ]);
  });

  it("keeps the person's switch for the rest of the flow: errors, consent and all", async () => {
    const b = new Browser(s.url, { 'accept-language': 'en' });
    const first = await loginPage(b);
    const nav = /<nav class="lang" aria-label="Language">(.*?)<\/nav>/.exec(first.html)?.[1];
    expect(nav).toMatch(/<a href="[^"]*\?lang=en" hreflang="en" lang="en" aria-current="true">English<\/a>/);
    const deLink = /<a href="([^"]*\?lang=de)"/.exec(nav!)![1]!.replace(/&#38;/g, '&');
    const switched = await b.go(new URL(deLink, s.url).toString());
    if (!isPage(switched)) throw new Error('no page');
    expect(langOf(switched)).toBe('de');
    expect(switched.html).toContain('aria-label="Sprache"');

    const login = formOf(switched.html);
    const wrong = await b.go(login.action, { ...login.fields, username: bob.username, password: 'wrong password, really' });
    if (!isPage(wrong)) throw new Error('no page');
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('<p class="error" role="alert">Benutzername oder Passwort ist nicht korrekt.</p>');

    const again = formOf(wrong.html);
    const consent = await b.go(again.action, { ...again.fields, username: bob.username, password: bob.password });
    if (!isPage(consent)) throw new Error('no page');
    expect(langOf(consent)).toBe('de');
    expect(consent.html).toContain('<h1>Zugriff für Photo Web erlauben?</h1>');
    expect(consent.html).toContain('<strong>Photo Web</strong> möchte auf Ihr Konto <strong>bob</strong> zugreifen.');
    // The protocol's scopes in German; the admin's own description as written.
    expect(consent.html).toContain('<li>Bestätigen, wer Sie sind (Ihre Benutzerkennung)</li>');
    expect(consent.html).toContain('<li>Read your files</li>');
    expect(consent.html).toMatch(/value="allow">Erlauben<\/button>.*value="deny" class="secondary">Ablehnen<\/button>/);
  });
});

describe('the language of the logout and error pages', () => {
  it('asks and confirms the sign-out in the language of ui_locales, and keeps it through the form', async () => {
    const b = new Browser(s.url, { 'accept-language': 'en' });
    const ask = await b.go(`${s.issuer}/logout?ui_locales=de`);
    if (!isPage(ask)) throw new Error('no page');
    expect(langOf(ask)).toBe('de');
    expect(ask.html).toContain('<h1>Abmelden</h1>');
    expect(ask.html).toContain('<p>Möchten Sie sich abmelden?</p>');
    const form = formOf(ask.html);
    expect(form.fields.ui_locales).toBe('de');
    const done = await b.go(form.action, form.fields);
    if (!isPage(done)) throw new Error('no page');
    expect(done.html).toContain('<h1>Abgemeldet</h1>');
  });

  it("frames the protocol's (English) error in the person's language, and says which part is English", async () => {
    const res = await fetch(`${s.issuer}/authorize?client_id=nobody&response_type=code`, { headers: { 'accept-language': 'de' } });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Anfrage ungültig</h1>');
    expect(html).toMatch(/<p lang="en">[^<]+<\/p><p>Kehren Sie zur Anwendung zurück und versuchen Sie es erneut\.<\/p>/);
  });
});

describe('the language of the device page', () => {
  it('asks for the code, and says a wrong one is wrong, in German for a German browser', async () => {
    const b = new Browser(s.url, { 'accept-language': 'de-CH, de;q=0.9' });
    const ask = await b.go(`${s.issuer}/device`);
    if (!isPage(ask)) throw new Error('no page');
    expect(langOf(ask)).toBe('de');
    expect(ask.html).toContain('<h1>Gerät verbinden</h1>');
    expect(ask.html).toContain('<p>Geben Sie den Code ein, den Ihr Gerät anzeigt.</p>');
    const form = formOf(ask.html);
    const wrong = await b.go(form.action, { ...form.fields, user_code: 'BCDF-GHJK' });
    if (!isPage(wrong)) throw new Error('no page');
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('Dieser Code ist ungültig oder abgelaufen.');
    expect(wrong.html).toContain('<button type="submit">Weiter</button>');
  });
});

describe('pickLocale', () => {
  it('orders the switch, ui_locales, Accept-Language (by q) and English', () => {
    expect(pickLocale({})).toBe('en');
    expect(pickLocale({ acceptLanguage: 'fr;q=1, de;q=0.5, en;q=0.4' })).toBe('de');
    expect(pickLocale({ acceptLanguage: 'de;q=0, en' })).toBe('en');
    expect(pickLocale({ acceptLanguage: 'en;q=0.2, de-AT;q=0.8' })).toBe('de');
    expect(pickLocale({ uiLocales: 'en', acceptLanguage: 'de' })).toBe('en');
    expect(pickLocale({ chosen: 'de', uiLocales: 'en' })).toBe('de');
    expect(pickLocale({ chosen: 'xx', uiLocales: 'de' })).toBe('de');
    expect(pickLocale({ acceptLanguage: 'garbage;;;,,q=' })).toBe('en');
  });
});
