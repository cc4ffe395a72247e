// The clients pages in a real browser against a real server (issue 12): register a client through the form and read
// its secret once (and use it at the token endpoint), the API's errors on the field, a keyboard-only registration,
// edit, rotate with a grace period, deactivate (its tokens stop working), delete with the token count, scopes
// (associate, create-and-associate, disassociate), live warnings, and axe-core in light and dark on every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness, type WatchedPage } from './harness.js';
import { focusedName, tabTo } from './steps.js';

// React Aria's checkboxes and radios are visually hidden inputs inside their labels, hence check({ force: true }).
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

/** The text of the elements whose ids are listed (what aria-describedby points to). */
const textOf = (page: Page, ids: string) =>
  page.evaluate(`${JSON.stringify(ids)}.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')`) as Promise<string>;

describe.runIf(runBrowserTests)('console: clients (chromium)', () => {
  let h: ConsoleHarness;
  let resourceServer: { client_id: string; client_secret: string };
  beforeAll(async () => {
    h = await startConsole();
    // A resource server that introspects the tokens of the clients under test.
    resourceServer = await h.server.admin('POST', '/spaces/default/clients', { name: 'resource-server', grant_types: ['client_credentials'] });
  }, 60_000);
  afterAll(async () => h?.close());

  const token = (id: string, secret: string, scope?: string) =>
    fetch(`${h.server.issuer}/token`, {
      method: 'POST',
      headers: { ...FORM, ...basic(id, secret) },
      body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }).toString(),
    });
  const introspect = async (t: string) =>
    (await (
      await fetch(`${h.server.issuer}/introspect`, {
        method: 'POST',
        headers: { ...FORM, ...basic(resourceServer.client_id, resourceServer.client_secret) },
        body: new URLSearchParams({ token: t }).toString(),
      })
    ).json()) as { active: boolean };

  async function openClient(w: WatchedPage, clientId: string) {
    await w.page.goto(`${h.server.url}/console/spaces/default/clients/${clientId}`);
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
  }

  it('registers a client through the form, shows its ID and secret once, and the secret works at the token endpoint', async () => {
    await h.server.admin('POST', '/spaces/default/scopes', { name: 'portal:read', description: 'Read the portal' });
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/clients');
    await w.page.getByRole('heading', { name: 'Clients' }).waitFor();
    await w.page.getByRole('link', { name: 'Register a client' }).click();
    await w.page.getByRole('heading', { name: 'Register a client' }).waitFor();
    // Defaults are shown as values: the space's 8 hours and 30 days, unlimited refreshes.
    await w.page.getByText('Space default: 8 hours').waitFor();
    await w.page.getByText('Space default: 30 days').waitFor();
    expect(await w.page.getByRole('radio', { name: 'Unlimited' }).isChecked()).toBe(true);
    await expectAccessible(w.page, 'the empty create form');

    await w.page.getByLabel('Name', { exact: true }).fill('Intrexx Portal');
    await w.page.getByLabel('Display name').fill('Intrexx Portal (production)');
    await w.page.getByLabel('Description').fill('Seed 000: the portal reads DRACOON files');
    await w.page.getByRole('checkbox', { name: 'Client credentials' }).check({ force: true });
    await w.page.getByLabel('Redirect URIs', { exact: true }).fill('https://portal.example.com/oauth/callback\nhttps://portal.example.com/oauth/callback2');
    await w.page.getByLabel('Scopes (space-separated)').fill('portal:read');
    await w.page.getByLabel('Contact e-mail addresses').fill('ops@example.com');
    // The summary follows the form as it is typed.
    await w.page.getByText('People are sent back to 2 registered address(es).').waitFor();
    await expectAccessible(w.page, 'the filled create form');
    await screenshot(w.page, 'client-create-form');

    await w.page.getByRole('button', { name: 'Register client' }).click();
    const dialog = w.page.getByRole('alertdialog', { name: 'Client registered: copy its secret now' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This is the only time the secret is shown');
    // Focus is on the way out, which says what the person confirms.
    expect(await focusedName(w.page)).toBe('I have copied it, close');
    const clientId = (await dialog.locator('.copy-field', { hasText: 'Client ID' }).locator('code').textContent())!;
    const secret = (await dialog.locator('.copy-field', { hasText: 'Client secret' }).locator('code').textContent())!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    await dialog.getByRole('button', { name: 'Copy Client secret' }).click();
    expect(await w.page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await expectAccessible(w.page, 'the secret dialog');
    await screenshot(w.page, 'client-secret-dialog');
    // A required dialog: Escape does not close it.
    await w.page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'I have copied it, close' }).click();

    await w.page.getByRole('heading', { name: 'Intrexx Portal (production)' }).waitFor();
    expect(w.page.url()).toContain(`/clients/${clientId}`);
    // The secret works, for the scope associated at creation.
    const res = await token(clientId, secret, 'portal:read');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scope: string }).scope).toBe('portal:read');
    // Shown once: not on the client's page, not in the address, nowhere in storage.
    expect(await w.page.content()).not.toContain(secret);
    const stored = (await w.page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href')) as string;
    expect(stored).not.toContain(secret);
    const saved = await h.server.admin('GET', `/spaces/default/clients/${clientId}`);
    expect(saved).toMatchObject({ name: 'Intrexx Portal', client_name: 'Intrexx Portal (production)', access_token_ttl: 'default', refresh_limit: null });
    expect(saved.grant_types).toEqual(['authorization_code', 'refresh_token', 'client_credentials']);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 90_000);

  it('validates as you type and shows the API’s 400 on the field it names, keeping what was typed', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/clients/new');
    await w.page.getByRole('heading', { name: 'Register a client' }).waitFor();
    const name = w.page.getByLabel('Name', { exact: true });
    await name.fill('x');
    await name.fill('');
    await w.page.getByText('Name is required').waitFor();
    await name.fill('Plain http app');
    await w.page.getByLabel('Redirect URIs', { exact: true }).fill('not a url');
    await w.page.getByText('Line 1 is not a full address').waitFor();
    // Well-formed, but the API refuses plain http off the loopback: its message lands under the field.
    await w.page.getByLabel('Redirect URIs', { exact: true }).fill('http://app.example.com/callback');
    await w.page.getByText('Redirect over plain http http://app.example.com/callback').waitFor();
    w.expectStatus(400, '/spaces/default/clients');
    await w.page.getByRole('button', { name: 'Register client' }).click();
    const field = w.page.getByLabel('Redirect URIs', { exact: true });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    const message = await textOf(w.page, described);
    expect(message).toMatch(/must use https/);
    expect(await field.inputValue()).toBe('http://app.example.com/callback');
    expect(await name.inputValue()).toBe('Plain http app');
    await expectAccessible(w.page, 'the create form with an API error');
    await screenshot(w.page, 'client-create-api-error');
    // A name the space has already (names are not case-sensitive): the 409 lands on the name.
    await h.server.admin('POST', '/spaces/default/clients', { name: 'Taken name', grant_types: ['client_credentials'] });
    await w.page.getByLabel('Redirect URIs', { exact: true }).fill('https://app.example.com/callback');
    await name.fill('TAKEN NAME');
    w.expectStatus(409, '/spaces/default/clients');
    await w.page.getByRole('button', { name: 'Register client' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(w.page, (await name.getAttribute('aria-describedby')) ?? '')).toContain('already exists');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('registers a client with the keyboard alone (Tab, Space, Enter and typing)', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/clients');
    await w.page.getByRole('heading', { name: 'Clients' }).waitFor();
    await tabTo(w.page, 'Register a client');
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('heading', { name: 'Register a client' }).waitFor();
    await tabTo(w.page, 'Name');
    await w.page.keyboard.type('Keyboard Machine');
    await tabTo(w.page, 'Authorization code');
    await w.page.keyboard.press('Space'); // off: a machine client needs no redirect
    await tabTo(w.page, 'Refresh token');
    await w.page.keyboard.press('Space');
    await tabTo(w.page, 'Client credentials');
    await w.page.keyboard.press('Space');
    await tabTo(w.page, 'Register client');
    await w.page.keyboard.press('Enter');
    const dialog = w.page.getByRole('alertdialog', { name: 'Client registered: copy its secret now' });
    await dialog.waitFor();
    const clientId = (await dialog.locator('.copy-field', { hasText: 'Client ID' }).locator('code').textContent())!;
    const secret = (await dialog.locator('.copy-field', { hasText: 'Client secret' }).locator('code').textContent())!;
    // The focus starts on the close button; Enter closes and opens the client's page.
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('heading', { name: 'Keyboard Machine' }).waitFor();
    expect((await token(clientId, secret)).status).toBe(200);
    expect((await h.server.admin('GET', `/spaces/default/clients/${clientId}`)).grant_types).toEqual(['client_credentials']);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 90_000);

  it('edits a client with live warnings, rotates its secret with a grace period (still said after a reload), and keeps both secrets working meanwhile', async () => {
    const c = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'Reports',
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      redirect_uris: ['https://reports.example.com/cb'],
    });
    const w = await h.open();
    await signIn(w, h.server.url, `/spaces/default/clients/${c.client_id}`);
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    // The endpoints come from discovery.
    const endpoints = w.page.getByRole('region', { name: 'Endpoints' });
    await endpoints.getByText(`${h.server.issuer}/token`).first().waitFor();
    expect(await endpoints.textContent()).toContain(`${h.server.issuer}/authorize`);
    expect(await endpoints.textContent()).toContain(`${h.server.issuer}/.well-known/openid-configuration`);
    expect(await endpoints.textContent()).toContain('grant_type=refresh_token');
    await expectAccessible(w.page, 'the client page');
    await screenshot(w.page, 'client-page');

    const warnings = w.page.getByRole('region', { name: 'Risky settings' });
    expect(await warnings.textContent()).not.toContain('Access tokens never expire');
    await w.page.getByLabel('Display name').fill('Monthly reports');
    await w.page.getByRole('radiogroup', { name: 'Access token expires after' }).getByRole('radio', { name: 'Never expires' }).check({ force: true });
    await warnings.getByText('Access tokens never expire').waitFor();
    await w.page.getByRole('radiogroup', { name: 'Refresh count' }).getByRole('radio', { name: 'Limited', exact: true }).check({ force: true });
    await w.page.getByLabel('Refreshes allowed per sign-in').fill('5');
    await expect.poll(() => warnings.textContent()).not.toContain('Unlimited refreshes');
    await w.page.getByRole('button', { name: 'Save changes' }).click();
    await w.page.getByText('Changes saved.').waitFor();
    expect(await h.server.admin('GET', `/spaces/default/clients/${c.client_id}`)).toMatchObject({
      client_name: 'Monthly reports',
      access_token_ttl: null,
      refresh_limit: 5,
    });

    await w.page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = w.page.getByRole('dialog', { name: 'Rotate the client secret' });
    await rotate.waitFor();
    await rotate.getByRole('radio', { name: '1 day' }).check({ force: true });
    await expectAccessible(w.page, 'the rotate dialog');
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const shown = w.page.getByRole('alertdialog', { name: 'New client secret: copy it now' });
    await shown.waitFor();
    expect(await shown.textContent()).toContain('The previous secret works until');
    const fresh = (await shown.locator('.copy-field', { hasText: 'Client secret' }).locator('code').textContent())!;
    await shown.getByRole('button', { name: 'I have copied it, close' }).click();
    await w.page.getByText('The previous secret keeps working until').waitFor();
    // The client itself says so (previous_secret_expires_at), so a reload still shows when the old secret stops.
    const until = (await h.server.admin('GET', `/spaces/default/clients/${c.client_id}`)).previous_secret_expires_at as string;
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(86_000_000);
    await w.page.reload();
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await w.page.getByText('The previous secret keeps working until').waitFor();
    expect((await token(c.client_id, fresh)).status).toBe(200);
    expect((await token(c.client_id, c.client_secret)).status).toBe(200);

    await w.page.getByRole('button', { name: 'Generate webhook secret' }).click();
    const hook = w.page.getByRole('dialog', { name: 'Webhook signing secret' });
    await expectAccessible(w.page, 'the webhook secret dialog');
    await hook.getByRole('button', { name: 'Generate secret' }).click();
    const hookShown = w.page.getByRole('alertdialog', { name: 'Webhook secret: copy it now' });
    await hookShown.waitFor();
    expect(await hookShown.locator('code').first().textContent()).toMatch(/^whsec_/);
    await hookShown.getByRole('button', { name: 'I have copied it, close' }).click();
    await w.page.getByText('A webhook secret is set.').waitFor();
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 90_000);

  it('saves only over the version it read: a change made meanwhile is reported, what was typed stays until reload', async () => {
    const c = await h.server.admin('POST', '/spaces/default/clients', { name: 'Shared', grant_types: ['client_credentials'] });
    const w = await h.open();
    await signIn(w, h.server.url, `/spaces/default/clients/${c.client_id}`);
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await w.page.getByLabel('Display name').fill('Shared (mine)');
    await h.server.admin('PATCH', `/spaces/default/clients/${c.client_id}`, { description: 'changed by a colleague' });
    w.expectStatus(412, `/clients/${c.client_id}`);
    await w.page.getByRole('button', { name: 'Save changes' }).click();
    await w.page.getByText('Someone changed this client since you opened it').waitFor();
    expect(await w.page.getByLabel('Display name').inputValue()).toBe('Shared (mine)');
    expect((await h.server.admin('GET', `/spaces/default/clients/${c.client_id}`)).client_name).toBe('Shared');
    await w.page.getByRole('button', { name: 'Reload the client' }).click();
    await expect.poll(() => w.page.getByLabel('Description').inputValue()).toBe('changed by a colleague');
    expect(await w.page.getByLabel('Display name').inputValue()).toBe('Shared');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('deactivates after a confirmation that says all tokens become invalid; the token is then refused; reactivates', async () => {
    // Opaque, so its token is stored and token management lists it (a JWT is not stored).
    const c = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'Nightly sync',
      grant_types: ['client_credentials'],
      access_token_format: 'opaque',
    });
    const issued = ((await (await token(c.client_id, c.client_secret)).json()) as { access_token: string }).access_token;
    expect((await introspect(issued)).active).toBe(true);
    const w = await h.open();
    await signIn(w, h.server.url, `/spaces/default/clients/${c.client_id}`);
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await w.page.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = w.page.getByRole('alertdialog', { name: 'Deactivate Nightly sync?' });
    expect(await confirm.textContent()).toContain('All access tokens and refresh tokens of this client become invalid');
    await expectAccessible(w.page, 'the deactivate dialog');
    await confirm.getByRole('button', { name: 'Deactivate client' }).click();
    await w.page.getByText('Deactivated', { exact: true }).waitFor();
    expect((await introspect(issued)).active).toBe(false);
    expect((await token(c.client_id, c.client_secret)).status).toBe(401);
    // Token management shows the token as no longer valid (it is not expired: the client's deactivation ended it).
    await w.page.goto(`${h.server.url}/console/spaces/default/tokens?client_id=${c.client_id}`);
    const listed = w.page.getByRole('row').filter({ hasText: 'Nightly sync' });
    await listed.getByText('No longer valid').waitFor();
    await screenshot(w.page, 'tokens-after-deactivation');
    await w.page.goto(`${h.server.url}/console/spaces/default/clients/${c.client_id}`);
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();

    await w.page.getByRole('button', { name: 'Reactivate' }).click();
    const again = w.page.getByRole('alertdialog', { name: 'Reactivate Nightly sync?' });
    expect(await again.textContent()).toContain('stay invalid');
    await again.getByRole('button', { name: 'Reactivate client' }).click();
    await w.page.getByText('Active', { exact: true }).waitFor();
    expect((await introspect(issued)).active).toBe(false);
    expect((await token(c.client_id, c.client_secret)).status).toBe(200);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('deletes after typing the name, saying how many tokens go with it', async () => {
    const c = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'Old importer',
      grant_types: ['client_credentials'],
      access_token_format: 'opaque',
    });
    const issued: string[] = [];
    for (let i = 0; i < 3; i++) issued.push(((await (await token(c.client_id, c.client_secret)).json()) as { access_token: string }).access_token);
    const w = await h.open();
    await signIn(w, h.server.url, `/spaces/default/clients/${c.client_id}`);
    await w.page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await w.page.getByRole('button', { name: 'Delete client' }).click();
    const confirm = w.page.getByRole('alertdialog', { name: 'Delete Old importer?' });
    await confirm.getByText('Its 3 live tokens are deleted with it').waitFor();
    const button = confirm.getByRole('button', { name: 'Delete client and tokens' });
    expect(await button.isDisabled()).toBe(true);
    await confirm.getByLabel('Type the client’s name, Old importer, to confirm').fill('Old importe');
    expect(await button.isDisabled()).toBe(true);
    await confirm.getByLabel('Type the client’s name, Old importer, to confirm').fill('Old importer');
    await expectAccessible(w.page, 'the delete dialog');
    await screenshot(w.page, 'client-delete-dialog');
    await button.click();
    await w.page.getByRole('heading', { name: 'Clients' }).waitFor();
    for (const t of issued) expect((await introspect(t)).active).toBe(false);
    await expect(h.server.admin('GET', `/spaces/default/clients/${c.client_id}`)).rejects.toThrow(/404/);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('associates existing scopes through a searchable picker, creates and associates one, and disassociates', async () => {
    for (const name of ['files:read', 'files:write', 'mail:send']) await h.server.admin('POST', '/spaces/default/scopes', { name });
    const c = await h.server.admin('POST', '/spaces/default/clients', { name: 'Scoped', grant_types: ['client_credentials'] });
    const w = await h.open();
    await signIn(w, h.server.url, `/spaces/default/clients/${c.client_id}`);
    const scopes = w.page.getByRole('region', { name: 'Scopes of this client' });
    await scopes.getByText('No scope is associated with this client yet.').waitFor();

    await scopes.getByRole('button', { name: 'Associate existing scopes' }).click();
    const picker = w.page.getByRole('dialog', { name: 'Associate existing scopes' });
    await picker.getByLabel('Find a scope').fill('files');
    await picker.getByRole('checkbox', { name: 'files:write' }).waitFor();
    expect(await picker.getByRole('checkbox', { name: 'mail:send' }).count()).toBe(0);
    await picker.getByRole('checkbox', { name: 'files:read' }).check({ force: true });
    await picker.getByRole('checkbox', { name: 'files:write' }).check({ force: true });
    await expectAccessible(w.page, 'the scope picker');
    await picker.getByRole('button', { name: 'Associate 2 scope(s)' }).click();
    await scopes.getByText('Associated: files:read, files:write.').waitFor();

    await scopes.getByRole('button', { name: 'Create and associate a new scope' }).click();
    const create = w.page.getByRole('dialog', { name: 'Create a scope and associate it' });
    // A name the API refuses (a space in it): its message on the field, nothing associated.
    w.expectStatus(400, `/clients/${c.client_id}/scopes`);
    await create.getByLabel('Scope name').fill('reports read');
    await create.getByRole('button', { name: 'Create and associate' }).click();
    await expect.poll(() => create.getByLabel('Scope name').getAttribute('aria-invalid')).toBe('true');
    await create.getByLabel('Scope name').fill('reports:read');
    await create.getByLabel('Description').fill('Read your monthly reports');
    await expectAccessible(w.page, 'the new scope dialog');
    await create.getByRole('button', { name: 'Create and associate' }).click();
    await scopes.getByText('Associated: reports:read.').waitFor();

    await scopes.getByRole('button', { name: 'Disassociate files:write' }).click();
    await scopes.getByText('Scope files:write disassociated.').waitFor();
    const names = (await h.server.admin('GET', `/spaces/default/clients/${c.client_id}/scopes`)).items.map((s: { name: string }) => s.name);
    expect(names).toEqual(['files:read', 'reports:read']);
    // The scope itself stays in the space.
    expect((await h.server.admin('GET', '/spaces/default/scopes/files:write')).name).toBe('files:write');
    expect((await token(c.client_id, c.client_secret, 'reports:read')).status).toBe(200);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('warns live about a public client with tokens that never expire and a loopback redirect', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/clients/new');
    const warnings = w.page.getByRole('region', { name: 'Risky settings' });
    await warnings.waitFor();
    expect(await warnings.textContent()).not.toContain('Public client');
    await w.page.getByLabel('Name', { exact: true }).fill('Desktop app');
    await w.page.getByRole('radio', { name: /^Public/ }).check({ force: true });
    await w.page.getByRole('radiogroup', { name: 'Access token expires after' }).getByRole('radio', { name: 'Never expires' }).check({ force: true });
    await w.page.getByRole('radiogroup', { name: 'Refresh token expires after' }).getByRole('radio', { name: 'Never expires' }).check({ force: true });
    await w.page.getByLabel('Redirect URIs', { exact: true }).fill('http://127.0.0.1:8765/callback');
    for (const text of [
      'Public client',
      'Access tokens never expire',
      'Refresh tokens never expire',
      'Unlimited refreshes',
      'Loopback redirect http://127.0.0.1:8765/callback',
    ]) {
      await warnings.getByText(text).waitFor();
    }
    // Public clients cannot take grants that need a secret.
    expect(await w.page.getByRole('checkbox', { name: 'Client credentials' }).isDisabled()).toBe(true);
    await screenshot(w.page, 'client-create-warnings');
    await w.page.getByRole('button', { name: 'Register client' }).click();
    const dialog = w.page.getByRole('alertdialog', { name: 'Client registered: copy its secret now' });
    expect(await dialog.textContent()).toContain('This client has no secret');
    await dialog.getByRole('button', { name: 'I have copied it, close' }).click();
    await w.page.getByRole('heading', { name: 'Desktop app' }).waitFor();
    // The saved settings give the same warnings on the client's page.
    await w.page.getByRole('region', { name: 'Risky settings' }).getByText('Refresh tokens never expire').waitFor();
    expect(await w.page.getByRole('button', { name: 'Rotate secret' }).count()).toBe(0);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('filters the list by grant type and status on the server', async () => {
    const w = await h.open();
    await signIn(w, h.server.url, '/spaces/default/clients');
    const table = w.page.getByRole('grid', { name: 'Clients of this space' });
    await table.getByText('Nightly sync').waitFor();
    await w.page.getByRole('button', { name: /Grant type/ }).click();
    await w.page.getByRole('option', { name: 'Password (resource owner)' }).click();
    await table.getByText('No client matches').waitFor();
    await w.page.getByRole('button', { name: /Grant type/ }).click();
    await w.page.getByRole('option', { name: 'Client credentials' }).click();
    await table.getByText('Keyboard Machine').waitFor();
    expect(await table.getByText('Desktop app').count()).toBe(0);
    await w.page.getByLabel('Search by name').fill('keyboard');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('offers a viewer no change: no register button, no actions, a read-only form', async () => {
    const c = await h.server.admin('POST', '/spaces/default/clients', { name: 'Look only', grant_types: ['client_credentials'] });
    await h.server.admin('POST', '/admins', { email: 'viewer@example.com', password: 'viewer-password-1234', roles: [{ space: 'default', role: 'viewer' }] });
    const w = await h.open();
    w.expectStatus(401, '/console/session');
    await w.page.goto(`${h.server.url}/console/spaces/default/clients`);
    await w.page.getByLabel('E-mail').fill('viewer@example.com');
    await w.page.getByLabel('Password').fill('viewer-password-1234');
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('grid', { name: 'Clients of this space' }).getByText('Look only').waitFor();
    expect(await w.page.getByRole('link', { name: 'Register a client' }).count()).toBe(0);
    await openClient(w, c.client_id);
    await w.page.getByText('Your role may look at this client but not change it.').waitFor();
    for (const name of ['Rotate secret', 'Deactivate', 'Delete client', 'Save changes', 'Associate existing scopes']) {
      expect(await w.page.getByRole('button', { name, exact: true }).count()).toBe(0);
    }
    expect(await w.page.getByLabel('Display name').isDisabled()).toBe(true);
    await expectAccessible(w.page, 'the client page for a viewer');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('passes axe-core in light and dark on the list, the create form, the client page and each dialog', async () => {
    const c = await h.server.admin('POST', '/spaces/default/clients', {
      name: 'Axe check',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://axe.example.com/cb'],
      refresh_token_ttl: null,
    });
    for (const colorScheme of ['light', 'dark'] as const) {
      const w = await h.open({ colorScheme });
      await signIn(w, h.server.url, '/spaces/default/clients');
      await w.page.getByRole('grid', { name: 'Clients of this space' }).getByText('Axe check').waitFor();
      await expectAccessible(w.page, `the clients list (${colorScheme})`);
      await screenshot(w.page, `clients-list-${colorScheme}`);
      await w.page.goto(`${h.server.url}/console/spaces/default/clients/new`);
      await w.page.getByRole('heading', { name: 'Register a client' }).waitFor();
      await w.page.getByText('Space default: 8 hours').waitFor();
      await expectAccessible(w.page, `the create form (${colorScheme})`);
      await screenshot(w.page, `client-create-${colorScheme}`);

      await openClient(w, c.client_id);
      await w.page.getByRole('region', { name: 'Endpoints' }).getByText('Token endpoint', { exact: true }).waitFor();
      await expectAccessible(w.page, `the client page (${colorScheme})`);
      await screenshot(w.page, `client-page-${colorScheme}`);
      const dialogs: [string, string][] = [
        ['Rotate secret', 'Rotate the client secret'],
        ['Generate webhook secret', 'Webhook signing secret'],
        ['Deactivate', 'Deactivate Axe check?'],
        ['Delete client', 'Delete Axe check?'],
        ['Associate existing scopes', 'Associate existing scopes'],
        ['Create and associate a new scope', 'Create a scope and associate it'],
      ];
      for (const [button, title] of dialogs) {
        await w.page.getByRole('button', { name: button, exact: true }).click();
        const d = w.page.getByRole('dialog', { name: title }).or(w.page.getByRole('alertdialog', { name: title }));
        await d.waitFor();
        await w.page.waitForTimeout(250); // the overlay's entry
        await expectAccessible(w.page, `the dialog "${title}" (${colorScheme})`);
        if (colorScheme === 'dark' && button === 'Delete client') await screenshot(w.page, 'client-delete-dialog-dark');
        await d.getByRole('button', { name: 'Cancel' }).click();
        await d.waitFor({ state: 'detached' });
      }
      // The secret dialog, in this scheme too.
      await w.page.getByRole('button', { name: 'Rotate secret' }).click();
      await w.page.getByRole('dialog', { name: 'Rotate the client secret' }).getByRole('button', { name: 'Rotate secret' }).click();
      const shown = w.page.getByRole('alertdialog', { name: 'New client secret: copy it now' });
      await shown.waitFor();
      await expectAccessible(w.page, `the secret dialog (${colorScheme})`);
      await screenshot(w.page, `client-secret-dialog-${colorScheme}`);
      await shown.getByRole('button', { name: 'I have copied it, close' }).click();
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 120_000);
});
