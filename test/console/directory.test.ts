// The directory pages in a real browser against a real server: scopes (create, edit, delete; a duplicate name is
// refused on the name field), users (create, filter, new password, disable cuts sign-in, enable, delete), token
// management (a client_credentials token listed with its grant and scopes, revoked one by one and all at once, as
// introspection confirms) and consents (from a real authorization code flow, listed and revoked). axe-core in
// light and dark on every page and dialog; screenshots saved.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents } from '../../src/store/schema.js';
import { Browser, signIn as oauthSignIn } from '../oauth/authorization-code-helpers.js';
import type { Page } from 'playwright-core';
import { expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness, type WatchedPage } from './harness.js';
import { arrowToOption } from './steps.js';

const CB = 'https://app.example.com/cb';

describe.runIf(runBrowserTests)('console directory pages: scopes, users, tokens, consents (chromium)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
  }, 60_000);
  afterAll(async () => h?.close());

  /** A request to the space's token or introspection endpoint with the client's secret. */
  async function oauthPost(path: string, c: { client_id: string; client_secret: string }, form: Record<string, string>) {
    const res = await fetch(`${h.server.issuer}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(c.client_id)}:${encodeURIComponent(c.client_secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }
  const active = async (c: { client_id: string; client_secret: string }, token: string) =>
    (await oauthPost('/introspect', c, { token })).body.active as boolean;

  async function pick(w: WatchedPage, select: string, option: string, within: Pick<Page, 'getByRole'> = w.page) {
    await within.getByRole('button', { name: new RegExp(`(^| )${select}( |$)`) }).click();
    await w.page.getByRole('option', { name: option, exact: true }).click();
  }
  /** From a focused table row, ArrowRight across its cells until the button named `label` has the focus. */
  async function arrowTo(w: WatchedPage, label: string) {
    for (let i = 0; i < 12; i++) {
      await w.page.keyboard.press('ArrowRight');
      if ((await w.page.evaluate('document.activeElement?.getAttribute("aria-label")')) === label) return;
    }
    throw new Error(`${label}: not reached with the arrow keys`);
  }
  const rowWith = (w: WatchedPage, text: string) => w.page.getByRole('row').filter({ hasText: text });
  const dialog = (w: WatchedPage) => w.page.getByRole('dialog');
  const alertDialog = (w: WatchedPage) => w.page.getByRole('alertdialog');

  it('scopes: creates one (rules checked as you type), refuses a duplicate name on the field, edits and deletes it', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/scopes');
    await w.page.getByRole('heading', { name: 'Scopes' }).waitFor();
    await expectAccessible(w.page, 'the scopes page');

    await w.page.getByRole('button', { name: 'Create a scope' }).click();
    const d = dialog(w);
    await d.getByRole('heading', { name: 'Create a scope' }).waitFor();
    const name = d.getByLabel('Name', { exact: true });
    await name.fill('files read');
    // Refused as typed, before any request: a scope-token has no space.
    await d.getByText('A scope name has 1 to 100 characters').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(w.page, 'the scope dialog with an error');
    await name.fill('files:read');
    await d.getByLabel('Description').fill('Read your files');
    await d.getByText('Default scope').click();
    await screenshot(w.page, 'scopes-create-light');
    await d.getByRole('button', { name: 'Create' }).click();
    await w.page.getByText('Scope files:read created.').waitFor();
    await rowWith(w, 'Read your files').waitFor();
    expect(await h.server.admin('GET', '/spaces/default/scopes/files:read')).toMatchObject({ description: 'Read your files', default: true });

    // The same name again: the API's 409 lands on the name field, and what was typed stays.
    await w.page.getByRole('button', { name: 'Create a scope' }).click();
    await d.getByLabel('Name', { exact: true }).fill('files:read');
    await d.getByLabel('Description').fill('Another description');
    w.expectStatus(409, '/scopes');
    await d.getByRole('button', { name: 'Create' }).click();
    await d.getByText('scope "files:read" already exists').waitFor();
    expect(await d.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await d.getByLabel('Description').inputValue()).toBe('Another description');
    await expectAccessible(w.page, 'the scope dialog with the API error');
    await d.getByRole('button', { name: 'Cancel' }).click();

    await w.page.getByRole('button', { name: 'Edit scope files:read' }).click();
    expect(await d.getByLabel('Name', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await d.getByLabel('Description').fill('Read the files in your drive');
    await d.getByRole('button', { name: 'Save' }).click();
    await rowWith(w, 'Read the files in your drive').waitFor();
    await screenshot(w.page, 'scopes-light');

    // The confirmation names the clients that have the scope.
    const holder = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'dir-files-app',
      redirect_uris: ['https://app.example.com/cb'],
      scope: 'files:read',
    });
    await w.page.getByRole('button', { name: 'Delete scope files:read' }).click();
    await alertDialog(w).getByText('1 client has this scope and loses it:').waitFor();
    expect(await alertDialog(w).getByRole('listitem').textContent()).toBe(`dir-files-app ${holder.client_id}`);
    await expectAccessible(w.page, 'the delete scope confirmation');
    await screenshot(w.page, 'scopes-delete-light');
    await alertDialog(w).getByRole('button', { name: 'Delete scope' }).click();
    await w.page.getByText('Scope files:read deleted.').waitFor();
    await expect.poll(() => rowWith(w, 'Read the files').count()).toBe(0);
    await expect(h.server.admin('GET', '/spaces/default/scopes/files:read')).rejects.toThrow(/404/);
    expect((await h.server.admin('GET', `/spaces/default/clients/${holder.client_id}`)).scope).not.toContain('files:read');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('users: creates personal and service users, refuses a taken username on the field, filters, sets a password, disables (sign-in refused), enables, deletes', async () => {
    // Opaque tokens are stored, so token management lists them.
    const app = await h.server.admin('POST', '/spaces/default/clients', { name: 'dir-password-app', grant_types: ['password'], access_token_format: 'opaque' });
    const login = (username: string, password: string) => oauthPost('/token', app, { grant_type: 'password', username, password });
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/users');
    await w.page.getByRole('heading', { name: 'Users' }).waitFor();
    await expectAccessible(w.page, 'the users page');

    const d = dialog(w);
    await w.page.getByRole('button', { name: 'Create a user' }).click();
    await d.getByLabel('Username').fill('ada');
    await d.getByLabel('E-mail', { exact: true }).fill('ada@example.com');
    await d.getByLabel('Full name').fill('Ada Lovelace');
    await d.getByLabel('Password').fill('short');
    await d.getByText('Password needs at least 8 characters').waitFor();
    await expectAccessible(w.page, 'the create user dialog with an error');
    await screenshot(w.page, 'users-create-light');
    await d.getByLabel('Password').fill('analytical-engine');
    await d.getByRole('button', { name: 'Create' }).click();
    await w.page.getByText('User ada created.').waitFor();

    // A service user: only a username and a password; the same username again is refused on its field.
    await w.page.getByRole('button', { name: 'Create a user' }).click();
    // An e-mail refused as typed, then the kind that takes none: it no longer stands in the way.
    await d.getByLabel('E-mail', { exact: true }).fill('not-an-address');
    await d.getByText('E-mail must be an address').waitFor();
    await pick(w, 'Kind', 'Service', d);
    expect(await d.getByLabel('E-mail', { exact: true }).count()).toBe(0);
    await d.getByLabel('Username').fill('ADA');
    await d.getByLabel('Password').fill('batch-job-password');
    w.expectStatus(409, '/users');
    await d.getByRole('button', { name: 'Create' }).click();
    await d.getByText('a user named "ADA" already exists').waitFor();
    expect(await d.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    await d.getByLabel('Username').fill('nightly-batch');
    await d.getByRole('button', { name: 'Create' }).click();
    await w.page.getByText('User nightly-batch created.').waitFor();
    expect((await login('nightly-batch', 'batch-job-password')).status).toBe(200);

    await pick(w, 'Kind', 'Service');
    await expect.poll(() => rowWith(w, 'ada@example.com').count()).toBe(0);
    await rowWith(w, 'nightly-batch').waitFor();
    await pick(w, 'Kind', 'All');
    await w.page.getByLabel('Search by username, e-mail or name').fill('lovelace');
    await expect.poll(() => rowWith(w, 'nightly-batch').count()).toBe(0);
    await rowWith(w, 'ada@example.com').waitFor();
    await w.page.getByLabel('Search by username, e-mail or name').fill('');
    await screenshot(w.page, 'users-light');

    // A new password, generated in the browser and shown until the dialog closes.
    await w.page.getByRole('button', { name: 'Set a new password for nightly-batch' }).click();
    await d.getByRole('button', { name: 'Generate a strong password' }).click();
    const generated = await d.getByLabel('New password', { exact: true }).inputValue();
    expect(generated).toMatch(/^[A-Za-z0-9]{20}$/);
    await d.getByText('Copy this password now').waitFor();
    await expectAccessible(w.page, 'the new password dialog');
    await screenshot(w.page, 'users-password-light');
    await d.getByRole('button', { name: 'Set password' }).click();
    await w.page.getByText('New password set for nightly-batch.').waitFor();
    expect((await login('nightly-batch', 'batch-job-password')).status).toBe(400);
    expect((await login('nightly-batch', generated)).status).toBe(200);

    // Token management lists the user's two live tokens, and the console keeps that list for a while: disabling the
    // user must not leave it showing them live.
    await w.page.goto(`${h.server.url}/console/spaces/default/tokens?user_id=nightly-batch`);
    const tokens = w.page.getByRole('row').filter({ hasText: 'Password' });
    await tokens.nth(1).waitFor();
    expect(await tokens.count()).toBe(2);
    expect(await tokens.getByText('No longer valid').count()).toBe(0);
    await w.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await w.page.getByRole('button', { name: 'Disable nightly-batch' }).click();
    await alertDialog(w).getByText('can no longer sign in').waitFor();
    await expectAccessible(w.page, 'the disable user confirmation');
    await alertDialog(w).getByRole('button', { name: 'Disable' }).click();
    await w.page.getByText('nightly-batch is disabled').waitFor();
    // Back in token management, without a reload: both are no longer valid.
    await w.page.goBack();
    await tokens.getByText('No longer valid').nth(1).waitFor();
    await w.page.goForward();
    await rowWith(w, 'nightly-batch').getByText('Disabled').waitFor();
    expect(await login('nightly-batch', generated)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await pick(w, 'Status', 'Disabled');
    await expect.poll(() => rowWith(w, 'ada@example.com').count()).toBe(0);
    await w.page.getByRole('button', { name: 'Enable nightly-batch' }).click();
    await w.page.getByText('nightly-batch is enabled.').waitFor();
    expect((await login('nightly-batch', generated)).status).toBe(200);
    await pick(w, 'Status', 'All');

    await w.page.getByRole('button', { name: 'Delete nightly-batch' }).click();
    await alertDialog(w).getByRole('button', { name: 'Delete user' }).click();
    await w.page.getByText('User nightly-batch deleted.').waitFor();
    await expect(h.server.admin('GET', '/spaces/default/users/nightly-batch')).rejects.toThrow(/404/);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('token management: a client_credentials token is listed with its grant and scopes, revoked (introspection: inactive), then all of the client', async () => {
    await h.server.admin('POST', '/spaces/default/scopes', { name: 'reports:read' });
    const app = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'dir-reporting',
      grant_types: ['client_credentials'],
      scope: 'reports:read',
      access_token_format: 'opaque',
      access_token_ttl: null,
    });
    const issue = async () => (await oauthPost('/token', app, { grant_type: 'client_credentials', scope: 'reports:read' })).body.access_token as string;
    const first = await issue();
    expect(await active(app, first)).toBe(true);

    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/tokens');
    await w.page.getByRole('heading', { name: 'Token management' }).waitFor();
    await pick(w, 'Show those of', 'One client');
    await w.page.getByText('Pick a client or a user to see their tokens.').waitFor();
    await w.page.getByRole('combobox', { name: 'Client' }).fill('dir-rep');
    await w.page.getByRole('option', { name: `dir-reporting (${app.client_id})` }).click();
    const row = rowWith(w, 'reports:read');
    await row.waitFor();
    // The choice is in the address (a link to "the tokens of this client" opens it so).
    expect(new URL(w.page.url()).searchParams.get('client_id')).toBe(app.client_id);
    expect(await row.textContent()).toContain('Client credentials');
    expect(await row.textContent()).toContain('Lifetime');
    expect(await row.textContent()).toContain('No refresh token');
    // Only metadata: the token's value appears nowhere on the page.
    expect(await w.page.content()).not.toContain(first);
    await expectAccessible(w.page, 'the token management page');
    await screenshot(w.page, 'tokens-light');

    await row.getByRole('button', { name: /^Revoke the Client credentials access token/ }).click();
    await alertDialog(w).getByText('This Client credentials access token of dir-reporting stops working at once.').waitFor();
    await expectAccessible(w.page, 'the revoke token confirmation');
    await alertDialog(w).getByRole('button', { name: 'Revoke' }).click();
    await w.page.getByText('Token revoked.').waitFor();
    expect(await active(app, first)).toBe(false);
    await w.page.getByText('No live token here.').waitFor();

    const [second, third] = [await issue(), await issue()];
    // A reload keeps the client picked (it is in the address).
    await w.page.reload();
    await expect.poll(() => rowWith(w, 'reports:read').count()).toBe(2);
    await w.page.getByRole('button', { name: `Revoke all tokens of dir-reporting (${app.client_id})` }).click();
    await alertDialog(w).getByText('This revokes 0 grants (with their refresh and access tokens) and 2 stored access tokens.').waitFor();
    await expectAccessible(w.page, 'the revoke all confirmation');
    await screenshot(w.page, 'tokens-revoke-all-light');
    await alertDialog(w).getByRole('button', { name: 'Revoke all' }).click();
    await w.page.getByText('Revoked 0 grants and 2 stored access tokens of dir-reporting').waitFor();
    expect(await active(app, second)).toBe(false);
    expect(await active(app, third)).toBe(false);
    await w.page.getByText('No live token here.').waitFor();
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('consents: one given through a real authorization code flow is listed for its user, and revoked; its grant shows in token management', async () => {
    await h.server.admin('POST', '/spaces/default/scopes', { name: 'photos:read', description: 'See your photos' });
    const web = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'dir-photos',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [CB],
      scope: 'photos:read',
      refresh_limit: 5,
    });
    await h.server.admin('POST', '/spaces/default/users', { username: 'grace', password: 'compiler-1952', email: 'grace@example.com' });
    const config = await client.discovery(new URL(h.server.issuer), web.client_id, undefined, client.ClientSecretBasic(web.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'openid photos:read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const location = await oauthSignIn(new Browser(h.server.url), url.href, { username: 'grace', password: 'compiler-1952' });
    expect(typeof location).toBe('string');
    const tokens = await client.authorizationCodeGrant(config, new URL(location as string), { pkceCodeVerifier: verifier, expectedState: state });
    await client.refreshTokenGrant(config, tokens.refresh_token!);

    const w = await h.open();
    // Opened at the address that names the user: the picker shows them, the list is theirs.
    await signIn(w, h.server.url, '/spaces/default/tokens?user_id=grace');
    await w.page.getByRole('heading', { name: 'Token management' }).waitFor();
    await expect.poll(() => w.page.getByRole('combobox', { name: 'User' }).inputValue()).toBe('grace (grace@example.com)');
    const grant = rowWith(w, 'photos:read');
    await grant.waitFor();
    expect(await grant.textContent()).toContain('Authorization code');
    expect(await grant.textContent()).toContain('1 of 5');
    await screenshot(w.page, 'tokens-user-light');

    await w.page.getByRole('link', { name: 'Consents' }).click();
    await w.page.getByRole('heading', { name: 'Consents' }).waitFor();
    // With the keyboard alone: the choice, the search, the pick.
    await w.page.getByRole('button', { name: /Show those of/ }).focus();
    await w.page.keyboard.press('Enter');
    // The list focuses its chosen option once open; the arrows start from there.
    await w.page.locator('[role="option"][data-focused="true"]').waitFor();
    await arrowToOption(w.page, 'One user');
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.press('Tab');
    await w.page.keyboard.type('gra');
    await arrowToOption(w.page, 'grace (grace@example.com)');
    await w.page.keyboard.press('Enter');
    const consent = rowWith(w, web.client_id);
    await consent.waitFor();
    expect(await consent.textContent()).toContain('photos:read');
    await expectAccessible(w.page, 'the consents page');
    await screenshot(w.page, 'consents-light');
    // As a keyboard user reaches a row's button: onto the row, then the arrow keys across its cells.
    await consent.focus();
    await arrowTo(w, 'Revoke the consent of grace to dir-photos');
    await w.page.keyboard.press('Enter');
    await alertDialog(w).getByText('grace will be asked again').waitFor();
    await expectAccessible(w.page, 'the revoke consent confirmation');
    await alertDialog(w).getByRole('button', { name: 'Revoke' }).focus();
    await w.page.keyboard.press('Enter');
    await w.page.getByText('Consent of grace to dir-photos revoked.').waitFor();
    await w.page.getByText('No consent here.').waitFor();
    expect((await h.server.admin('GET', `/spaces/default/consents?user_id=grace`)).items).toEqual([]);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('offers a viewer the lists only: no create, edit, password, disable, delete or revoke', async () => {
    const email = 'dir-viewer@example.com';
    const password = 'viewer-password-1234';
    await h.server.admin('POST', '/admins', { email, password, roles: [{ space: 'default', role: 'viewer' }] });
    const w = await h.open();
    w.expectStatus(401, '/console/session');
    await w.page.goto(`${h.server.url}/console/spaces/default/scopes`);
    await w.page.getByLabel('E-mail').fill(email);
    await w.page.getByLabel('Password').fill(password);
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('heading', { name: 'Scopes' }).waitFor();
    await rowWith(w, 'photos:read').waitFor();
    expect(await w.page.getByRole('button', { name: /Create|Edit|Delete/ }).count()).toBe(0);
    await w.page.getByRole('link', { name: 'Users' }).click();
    await rowWith(w, 'grace').waitFor();
    expect(await w.page.getByRole('button', { name: /Create|password|Disable|Enable|Delete/ }).count()).toBe(0);
    await w.page.getByRole('link', { name: 'Tokens' }).click();
    await rowWith(w, 'photos:read').waitFor();
    expect(await w.page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await pick(w, 'Show those of', 'One user');
    await w.page.getByRole('combobox', { name: 'User' }).fill('grace');
    await w.page.getByRole('option', { name: 'grace (grace@example.com)' }).click();
    await rowWith(w, 'photos:read').waitFor();
    expect(await w.page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await w.page.getByRole('link', { name: 'Consents' }).click();
    await w.page.getByRole('heading', { name: 'Consents' }).waitFor();
    expect(await w.page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('passes axe-core in dark mode on every page and dialog', async () => {
    const w = await h.open({ colorScheme: 'dark' });
    await signIn(w, h.server.url, '/spaces/default/scopes');
    await w.page.getByRole('heading', { name: 'Scopes' }).waitFor();
    await expectAccessible(w.page, 'the scopes page (dark)');
    await screenshot(w.page, 'scopes-dark');
    await w.page.getByRole('button', { name: 'Create a scope' }).click();
    await dialog(w).getByLabel('Name', { exact: true }).fill('bad name');
    await dialog(w).getByText('A scope name has').waitFor();
    await expectAccessible(w.page, 'the scope dialog (dark)');
    await screenshot(w.page, 'scopes-create-dark');
    await dialog(w).getByRole('button', { name: 'Cancel' }).click();
    await w.page.getByRole('button', { name: 'Delete scope reports:read' }).click();
    await alertDialog(w).getByText('1 client has this scope and loses it:').waitFor();
    await expectAccessible(w.page, 'the delete scope confirmation (dark)');
    await alertDialog(w).getByRole('button', { name: 'Cancel' }).click();

    await w.page.getByRole('link', { name: 'Users' }).click();
    await w.page.getByRole('heading', { name: 'Users' }).waitFor();
    await rowWith(w, 'grace').waitFor();
    await expectAccessible(w.page, 'the users page (dark)');
    await screenshot(w.page, 'users-dark');
    await w.page.getByRole('button', { name: 'Create a user' }).click();
    await dialog(w).getByLabel('Password').fill('short');
    await dialog(w).getByText('Password needs at least 8 characters').waitFor();
    await expectAccessible(w.page, 'the create user dialog (dark)');
    await dialog(w).getByRole('button', { name: 'Cancel' }).click();
    await w.page.getByRole('button', { name: 'Set a new password for grace' }).click();
    await dialog(w).getByRole('button', { name: 'Generate a strong password' }).click();
    await expectAccessible(w.page, 'the new password dialog (dark)');
    await screenshot(w.page, 'users-password-dark');
    await dialog(w).getByRole('button', { name: 'Cancel' }).click();
    await w.page.getByRole('button', { name: 'Disable grace' }).click();
    await expectAccessible(w.page, 'the disable user confirmation (dark)');
    await alertDialog(w).getByRole('button', { name: 'Cancel' }).click();

    await w.page.getByRole('link', { name: 'Tokens' }).click();
    await w.page.getByRole('heading', { name: 'Token management' }).waitFor();
    await rowWith(w, 'photos:read').waitFor();
    await expectAccessible(w.page, 'the token management page (dark)');
    await screenshot(w.page, 'tokens-dark');
    await rowWith(w, 'photos:read')
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await expectAccessible(w.page, 'the revoke token confirmation (dark)');
    await alertDialog(w).getByRole('button', { name: 'Cancel' }).click();
    await pick(w, 'Show those of', 'One user');
    await w.page.getByRole('combobox', { name: 'User' }).fill('grace');
    await w.page.getByRole('option', { name: 'grace (grace@example.com)' }).click();
    await w.page.getByRole('button', { name: 'Revoke all tokens of grace (grace@example.com)' }).click();
    await alertDialog(w).getByText('This revokes 1 grant (with their refresh and access tokens) and 0 stored access tokens.').waitFor();
    await expectAccessible(w.page, 'the revoke all confirmation (dark)');
    await screenshot(w.page, 'tokens-revoke-all-dark');
    await alertDialog(w).getByRole('button', { name: 'Cancel' }).click();

    // A consent again (the flow above gave one, since revoked), written where the consent page writes it.
    const space = await h.server.services.spaces.get('default');
    const grace = await h.server.services.users.row(space, 'grace');
    const photos = await h.server.services.clients.row(space, (await h.server.admin('GET', '/spaces/default/clients?name=dir-photos')).items[0].client_id);
    await h.server.services.store.db.insert(consents).values({ spaceId: space.id, userId: grace.id, clientPk: photos.id, scope: ['openid', 'photos:read'] });
    await w.page.getByRole('link', { name: 'Consents' }).click();
    await w.page.getByRole('heading', { name: 'Consents' }).waitFor();
    await rowWith(w, 'photos:read').waitFor();
    await expectAccessible(w.page, 'the consents page (dark)');
    await screenshot(w.page, 'consents-dark');
    await rowWith(w, 'photos:read')
      .getByRole('button', { name: /^Revoke the consent of grace/ })
      .click();
    await expectAccessible(w.page, 'the revoke consent confirmation (dark)');
    await alertDialog(w).getByRole('button', { name: 'Cancel' }).click();
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);
});
