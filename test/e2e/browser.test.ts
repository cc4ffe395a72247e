// One full authorization code + PKCE flow in a real browser (Debian's chromium through playwright-core):
// openid-client builds the URL, the browser signs in and clicks Allow, the code arrives at a loopback callback
// server, and openid-client exchanges it and verifies the ID token.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as client from 'openid-client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../oauth/authorization-code-helpers.js';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { launchChromium, runBrowserTests } from './chromium.js';

describe.runIf(runBrowserTests)('browser flow (chromium)', () => {
  let s: TestServer;
  let browser: Browser;
  let callback: Server;
  let callbackUrl: string;
  let received: Promise<string>;

  beforeAll(async () => {
    // Under CI a missing chromium fails here (launchChromium) instead of skipping.
    s = await startTestServer('pglite');
    let resolve!: (url: string) => void;
    received = new Promise((r) => (resolve = r));
    callback = createServer((req, res) => {
      resolve(`${callbackUrl.replace(/\/cb$/, '')}${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Done</title><p>You can close this window.</p>');
    });
    await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
    callbackUrl = `http://127.0.0.1:${(callback.address() as { port: number }).port}/cb`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (callback ? callback.close(r) : r(undefined)));
    await s?.close();
  });

  it('signs in, allows, and openid-client gets verified tokens', async () => {
    await s.admin('POST', '/spaces/default/scopes', { name: 'photos:read', description: 'See your photos' });
    const c = await s.admin('POST', '/spaces/default/clients', {
      name: 'gallery',
      client_name: 'Gallery',
      client_type: 'public',
      grant_types: ['authorization_code'],
      redirect_uris: ['http://127.0.0.1/cb'],
      scope: 'photos:read',
    });
    await createUser(s, 'carol', 'a browser-typed password');
    const config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.None(), { execute: [client.allowInsecureRequests] });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl,
      scope: 'openid photos:read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });

    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(url.href);
    await page.getByLabel('Username').fill('carol');
    await page.locator('input[autocomplete="current-password"]').fill('a browser-typed password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Allow access to Gallery?');
    const shot = path.join(mkdtempSync(path.join(tmpdir(), 'keyward-consent-')), 'consent.png');
    await page.screenshot({ path: shot, fullPage: true });
    process.stderr.write(`consent page screenshot: ${shot}\n`);
    await page.getByRole('button', { name: 'Allow', exact: true }).click();

    const landed = await received;
    await page.close();
    const tokens = await client.authorizationCodeGrant(config, new URL(landed), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    expect(tokens.claims()).toMatchObject({ iss: s.issuer, aud: c.client_id, nonce });
    expect(tokens.scope).toBe('openid photos:read');
  }, 60_000);
});
