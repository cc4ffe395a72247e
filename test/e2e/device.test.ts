// The device verification page in a real browser (Debian's chromium through playwright-core): openid-client is
// the device and polls while a person enters the code, signs in and allows. The page is one of the sign-in pages:
// same layout and styles as the login page, which the test compares in the browser.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../oauth/authorization-code-helpers.js';
import { startTestServer, type TestServer } from '../oauth/server.js';
import { computedLooks, launchChromium, runBrowserTests } from './chromium.js';

const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';

/** What makes a page look the way it does: the card, the heading, the primary and secondary buttons, the inputs. */
const looks = (page: Page) =>
  computedLooks(page, {
    main: ['main', 'box-shadow', 'max-width', 'border-radius', 'background-color'],
    space: ['header.brand', 'color', 'font-size'],
    h1: ['h1', 'font-size', 'color'],
    button: ['button', 'background-color', 'color', 'border-radius'],
    secondary: ['button.secondary', 'background-color', 'color'],
    input: ['input[type=text]', 'border-top-color', 'border-radius', 'padding-top'],
  });

describe.runIf(runBrowserTests)('device verification page (chromium)', () => {
  let s: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    s = await startTestServer('pglite');
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('a person enters the code, signs in and allows on pages that look like the login page; the device gets tokens', async () => {
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'Read your files' });
    const tv = await s.admin('POST', '/spaces/default/clients', {
      name: 'Living Room TV',
      client_type: 'public',
      grant_types: [DEVICE, 'authorization_code'],
      redirect_uris: ['http://127.0.0.1/cb'],
      scope: 'files:read',
    });
    await createUser(s, 'dana', 'a password typed on a phone');
    const config = await client.discovery(new URL(s.issuer), tv.client_id, undefined, client.None(), { execute: [client.allowInsecureRequests] });

    // The login page of the same space, for comparison.
    const login = await browser.newPage();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'http://127.0.0.1/cb',
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    await login.goto(url.href);
    await login.getByRole('button', { name: 'Sign in' }).waitFor();
    const loginLooks = await looks(login);
    await login.close();

    const auth = await client.initiateDeviceAuthorization(config, { scope: 'openid files:read' });
    const polling = client.pollDeviceAuthorizationGrant(config, auth);
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const shots = mkdtempSync(path.join(tmpdir(), 'keyward-device-'));
    await page.goto(auth.verification_uri_complete!);
    expect(await page.locator('#user_code').inputValue()).toBe(auth.user_code);
    const codeLooks = await looks(page);
    for (const part of ['main', 'space', 'h1', 'button', 'input'] as const) expect(codeLooks[part], part).toEqual(loginLooks[part]);
    await page.screenshot({ path: path.join(shots, 'code.png'), fullPage: true });
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('button', { name: 'Allow' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connect a device');
    expect(await page.locator('li').allTextContents()).toEqual(['Confirm who you are (your user id)', 'Read your files']);
    const confirmLooks = await looks(page);
    expect(confirmLooks.button).toEqual(loginLooks.button);
    // Deny is the secondary button, as on the consent page.
    expect(confirmLooks.secondary).toEqual(['rgb(255, 255, 255)', loginLooks.button[0]]);
    await page.screenshot({ path: path.join(shots, 'confirm.png'), fullPage: true });
    await page.locator('#username').fill('dana');
    await page.locator('#password').fill('a password typed on a phone');
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.getByRole('heading', { name: 'Device connected' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'done.png'), fullPage: true });
    process.stderr.write(`device page screenshots: ${shots}\n`);
    await page.close();

    const tokens = await polling;
    expect(tokens.scope).toBe('files:read openid');
    expect(tokens.claims()).toMatchObject({ iss: s.issuer, aud: tv.client_id });
  }, 60_000);
});
