// The connections and webhooks pages in a real browser, the issue's "Done when" path for the vault: a webhook is
// subscribed (its secret shown once, copied and given to a real receiver that verifies every message with the
// standardwebhooks library), a provider client is registered in two steps (the redirect URI copied from the console
// is what the provider, oidc-provider 9 started here, registers; its client ID and secret go back into the console),
// a connection is made through the provider's own sign-in and consent pages in a new tab, refreshed now, its
// settings edited, and its events arrive at the receiver and show in the delivery log, where one is replayed.
// Errors: a webhook URL the API refuses is shown on the field; deleting a provider client in use shows the API's 409.
// axe-core finds nothing on any tab or dialog, light and dark, and the screenshots are saved for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcPeer, type OidcPeer } from '../helpers/providers/oidc-peer.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness, type WatchedPage } from './harness.js';
import { clipboard, consentAtOidcPeer, dialog, onlyThisMachine } from './steps.js';

const HOOK = '/hooks/console';

describe.runIf(runBrowserTests)('console: connections and webhooks (chromium)', () => {
  let h: ConsoleHarness;
  let w: WatchedPage;
  let peer: OidcPeer | undefined;
  const rx = new WebhookReceiver();
  let secret = '';

  beforeAll(async () => {
    h = await startConsole('pglite', { KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true', KEYWARD_WEBHOOK_POLL_MS: '50' });
    await rx.start();
    await h.server.services.webhooks.dispatcher.start();
    w = await h.open();
    await onlyThisMachine(w.context);
    await signIn(w, h.server.url, '/spaces/default/webhooks');
  }, 60_000);

  afterAll(async () => {
    await h?.server.services.webhooks.dispatcher.stop();
    await rx.stop();
    await peer?.close();
    await h?.close();
  });

  it('subscribes a webhook with the keyboard: a URL the API refuses is shown on its field, the secret is shown once', async () => {
    const { page } = w;
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByRole('button', { name: 'Subscribe a URL' }).focus();
    await page.keyboard.press('Enter');
    const form = dialog(page, 'Subscribe a URL to events');
    await form.waitFor();

    // Nothing chosen yet: the form says so on the event types, before asking the API.
    await page.getByLabel('URL', { exact: true }).focus();
    await page.keyboard.type('not a url');
    await page.keyboard.press('Enter');
    await form.getByText('Enter a URL that starts with https:// (or http://)').waitFor();
    await form.getByText('Choose at least one event type, or all events').waitFor();

    // The connection's events, chosen with the keyboard after narrowing the list.
    await page.getByLabel('Filter event types', { exact: true }).focus();
    await page.keyboard.type('connection.');
    for (const type of ['connection.created', 'connection.connected', 'connection.deleted']) {
      await page.getByRole('checkbox', { name: type }).focus();
      await page.keyboard.press('Space');
    }
    expect(await form.getByText('3 chosen').count()).toBe(1);
    await page.getByLabel('Description', { exact: true }).focus();
    await page.keyboard.type('Vault alerts');

    // A URL of the right form that the API refuses: its message lands on the field, what was typed stays.
    await page.getByLabel('URL', { exact: true }).fill('');
    await page.getByLabel('URL', { exact: true }).focus();
    await page.keyboard.type('https://user:pw@hooks.example.com/keyward');
    w.expectStatus(400, '/webhooks');
    await page.keyboard.press('Enter');
    await form.getByText('url must not hold a user name or password').waitFor();
    expect(await page.getByLabel('URL', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Description', { exact: true }).inputValue()).toBe('Vault alerts');
    await expectAccessible(page, 'the subscribe dialog with errors (light)');
    await screenshot(page, 'webhooks-subscribe-errors-light');

    await page.getByLabel('URL', { exact: true }).fill('');
    await page.getByLabel('URL', { exact: true }).focus();
    await page.keyboard.type(rx.url(HOOK));
    await page.keyboard.press('Enter');

    // The secret, once: a warning, a copy button, and no way out but the button.
    const shown = dialog(page, 'Signing secret of the new subscription');
    await shown.waitFor();
    expect(await shown.getByText('This is the only time the signing secret is shown').count()).toBe(1);
    await shown.getByRole('button', { name: 'Copy Signing secret' }).click();
    secret = await clipboard(page);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await shown.locator('code.copy-value').textContent()).toBe(secret);
    rx.on(HOOK, { secrets: [secret] });
    await expectAccessible(page, 'the secret dialog (light)');
    await screenshot(page, 'webhooks-secret-light');
    await page.keyboard.press('Escape');
    expect(await shown.isVisible()).toBe(true);
    await shown.getByRole('button', { name: 'I have stored the secret' }).click();
    await shown.waitFor({ state: 'hidden' });

    await page
      .getByRole('status')
      .getByText(`${rx.url(HOOK)} is subscribed.`)
      .waitFor();
    const row = page.getByRole('row', { name: new RegExp(rx.url(HOOK)) });
    expect(await row.getByText('connection.connected, connection.created, connection.deleted').count()).toBe(1);
    expect(await row.getByText('Active').count()).toBe(1);
    // Nothing of the secret is kept where the page could show it again.
    expect(await page.content()).not.toContain(secret);
    const subs = await h.server.admin('GET', '/spaces/default/webhooks');
    expect(subs.items).toHaveLength(1);
    expect(subs.items[0]).toMatchObject({ url: rx.url(HOOK), description: 'Vault alerts', active: true });
    expect(w.problems).toEqual([]);
  }, 90_000);

  it('registers a provider client in two steps: the redirect URI copied into the provider, its client ID and secret back', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await page.getByRole('tab', { name: 'Provider clients' }).click();
    await page.getByRole('button', { name: 'Register a provider client' }).click();
    const form = dialog(page, 'Register a provider client');
    await form.waitFor();

    // The catalog as a searchable picker, with the keyboard: type to narrow, Tab into the list, Space to pick.
    const search = page.getByLabel('Search the catalog', { exact: true });
    await search.focus();
    await page.keyboard.type('exact');
    const options = form.getByRole('listbox', { name: 'Provider' }).getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(['EOExact OnlineOAuth 2.0 with consent']);
    await search.fill('');
    await page.keyboard.type('custom oauth');
    await expect.poll(() => options.count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Custom OAuth 2.0');
    await expectAccessible(page, 'the provider picker (light)');
    await screenshot(page, 'provider-picker-light');
    await page.getByLabel('Name', { exact: true }).fill('Peer provider');
    await form.getByRole('button', { name: 'Continue' }).click();

    // Step 2: the redirect URI first, to copy into the provider's app registration.
    await form.getByRole('heading', { name: 'Register Keyward at Peer provider' }).waitFor();
    await form.getByRole('button', { name: 'Copy Redirect URI' }).click();
    const redirectUri = await clipboard(page);
    expect(redirectUri).toBe(`${h.server.url}/spaces/default/connections/callback`);
    // The provider registers what Keyward's console gave; then it issues the client ID and secret.
    peer = await startOidcPeer({ redirectUris: [redirectUri], accessTokenTtlSeconds: 3600, alwaysIssueRefreshToken: true });
    await expectAccessible(page, 'the provider client form, step 2 (light)');
    await screenshot(page, 'provider-client-step2-light');

    await page.getByLabel('Client ID', { exact: true }).fill(peer.codeClient.client_id);
    await page.getByLabel('Client secret', { exact: true }).fill(peer.codeClient.client_secret!);
    await page.getByLabel('Scopes', { exact: true }).fill('openid offline_access');
    await page.getByLabel('Authorization URL', { exact: true }).fill(peer.authorizationUrl);
    await page.getByLabel('Token URL', { exact: true }).fill(peer.tokenUrl);
    await page.getByLabel('API base URL', { exact: true }).fill(peer.apiBaseUrl);
    // A refresh token lifetime the provider does not report, in the unit a person thinks in.
    const refreshLifetime = page.getByRole('group', { name: 'Refresh token lifetime' });
    await refreshLifetime.getByLabel('Lifetime', { exact: true }).fill('30');
    await refreshLifetime.getByRole('button', { name: /Unit/ }).click();
    await page.getByRole('option', { name: 'days' }).click();
    await refreshLifetime.getByText('That is 30 days.').waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('Provider client “Peer provider” is registered.').waitFor();

    const row = page.getByRole('row', { name: /Peer provider/ });
    expect(await row.getByText(peer.codeClient.client_id).count()).toBe(1);
    expect(await row.getByText('Secret stored').count()).toBe(1);
    expect(await row.getByText('Refresh: 30 days').count()).toBe(1);
    const stored = (await h.server.admin('GET', '/spaces/default/provider-clients')).items[0];
    expect(stored).toMatchObject({
      provider: 'custom',
      name: 'Peer provider',
      client_id: peer.codeClient.client_id,
      has_client_secret: true,
      scope: 'openid offline_access',
      authorization_url: peer.authorizationUrl,
      token_url: peer.tokenUrl,
      refresh_token_expires_in: 30 * 86400,
      access_token_expires_in: null,
      expires_in_unit: 's',
    });
    expect(w.problems).toEqual([]);
  }, 90_000);

  it("connects through the provider's consent in a new tab, sees it connected, refreshes it now, and edits its settings", async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Next: a connection through “Peer provider”' }).click();
    const form = dialog(page, 'New connection');
    await form.waitFor();
    expect(await form.getByRole('button', { name: /Provider client/ }).textContent()).toContain('Peer provider (Custom OAuth 2.0)');
    await page.getByLabel('Name', { exact: true }).fill('Peer main');
    await expectAccessible(page, 'the new connection dialog (light)');
    await screenshot(page, 'connection-new-light');
    await form.getByRole('button', { name: 'Create and connect' }).click();

    const connect = dialog(page, 'Connect “Peer main”');
    await connect.waitFor();
    const go = connect.getByRole('link', { name: 'Continue to Peer provider (opens in a new tab)' });
    await go.waitFor();
    await expectAccessible(page, 'the connect dialog (light)');
    await screenshot(page, 'connection-connect-light');

    // The provider's own pages, in the tab the link opened: its sign-in, then its consent, then Keyward's callback.
    const [tab] = await Promise.all([w.context.waitForEvent('page'), go.click()]);
    await consentAtOidcPeer(tab, peer!.issuer);
    await tab.close();

    // The console noticed by itself.
    await connect.getByText('“Peer main” is connected: its tokens are stored and renewed.').waitFor();
    await connect.getByRole('button', { name: 'Close' }).click();
    const row = page.getByRole('row', { name: /Peer main/ });
    await row.getByText('Connected', { exact: true }).waitFor();
    expect(await row.getByText('0 so far').count()).toBe(1);
    expect(await row.getByText('renewed every 1 hour').count()).toBe(1);
    expect(await row.locator('time').first().textContent()).toMatch(/^in (59|60) minutes|^in 1 hour/);

    await row.getByRole('button', { name: 'Refresh now Peer main' }).click();
    await page.getByText(/“Peer main” is renewed; the new token expires in/).waitFor();
    await row.getByText('1 so far').waitFor();
    await expectAccessible(page, 'the connections tab with a connection (light)');
    await screenshot(page, 'connections-light');

    // Disabled, it offers neither refresh nor reconnect; enabled again, it is connected as before.
    await row.getByRole('button', { name: 'Disable Peer main' }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /Refresh now|Reconnect/ }).count()).toBe(0);
    await row.getByRole('button', { name: 'Enable Peer main' }).click();
    await page.getByText('“Peer main” is enabled again: Connected.').waitFor();
    await row.getByText('Connected', { exact: true }).waitFor();

    // Its settings change in the same form, filled in; the kind stays, and so do its tokens: still connected.
    await row.getByRole('button', { name: 'Edit Peer main' }).click();
    const edit = dialog(page, 'Edit connection “Peer main”');
    expect(await edit.getByLabel('Name', { exact: true }).inputValue()).toBe('Peer main');
    expect(await edit.getByRole('button', { name: /How it gets its credentials/ }).isDisabled()).toBe(true);
    await edit.getByLabel('Description', { exact: true }).fill('Main account at the peer');
    await edit.getByLabel('Environment', { exact: true }).fill('Production');
    await edit.getByRole('button', { name: /Renewal rate/ }).click();
    await page.getByRole('option', { name: 'Every half an hour' }).click();
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('“Peer main” is saved.').waitFor();
    await row.getByText('renewed every 30 minutes').waitFor();
    expect(await row.textContent()).toContain('Production');
    expect(await row.getByText('Connected', { exact: true }).count()).toBe(1);

    const conns = (await h.server.admin('GET', '/spaces/default/connections')).items;
    expect(conns).toHaveLength(1);
    expect(conns[0]).toMatchObject({
      name: 'Peer main',
      description: 'Main account at the peer',
      environment: 'Production',
      renewal_rate: '30m',
      status: 'connected',
      refresh_count: 1,
      last_error: null,
      expiry_known: true,
    });
    // The new rate moved the renewal already scheduled.
    expect(Date.parse(conns[0].next_refresh_at) - Date.parse(conns[0].last_refresh_at)).toBe(1800_000);
    expect(peer!.stats.success).toMatchObject({ authorization_code: 1, refresh_token: 1 });
    expect(w.problems).toEqual([]);
  }, 90_000);

  it("delivers the connection's events, signed, shows them in the delivery log, and replays one", async () => {
    const { page } = w;
    const got = await rx.waitFor(HOOK, 2, 15_000, (r) => r.verified !== undefined);
    expect(got.map((r) => r.verified!.type).sort()).toEqual(['connection.connected', 'connection.created']);
    const connected = got.find((r) => r.verified!.type === 'connection.connected')!;

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: `Deliveries to ${rx.url(HOOK)}`, exact: true }).click();
    const row = page.getByRole('row', { name: /connection\.connected/ });
    await row.getByText('Delivered').waitFor();
    expect(await row.getByRole('gridcell').nth(2).textContent()).toBe('200');
    expect(
      await page
        .getByRole('row', { name: /connection\.created/ })
        .getByText('Delivered')
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'the deliveries tab (light)');
    await screenshot(page, 'webhook-deliveries-light');

    await row.getByRole('button', { name: 'Replay connection.connected' }).click();
    await page.getByText('connection.connected sent again: the receiver answered 200.').waitFor();
    const again = await rx.waitFor(HOOK, 3);
    // The same message again, with its webhook-id (receivers drop duplicates by it), verified with the copied secret.
    expect(again[2]!.id).toBe(connected.id);
    expect(again[2]!.verified?.type).toBe('connection.connected');

    await row.getByRole('button', { name: 'Attempts of connection.connected' }).click();
    const attempts = dialog(page, 'Attempts of connection.connected');
    await attempts.getByText('replayed by an admin').waitFor();
    expect(await attempts.getByRole('listitem').count()).toBe(2);
    expect(await attempts.locator('code.copy-value').textContent()).toBe(connected.id);
    await expectAccessible(page, 'the attempts dialog (light)');
    await screenshot(page, 'webhook-attempts-light');
    await attempts.getByRole('button', { name: 'Close' }).click();
    expect(w.problems).toEqual([]);
  }, 60_000);

  it("refuses to delete a provider client that a connection uses, with the API's message", async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
    await page.getByRole('tab', { name: 'Provider clients' }).click();
    await page.getByRole('button', { name: 'Delete Peer provider' }).click();
    const confirm = dialog(page, 'Delete provider client “Peer provider”?');
    await confirm.waitFor();
    w.expectStatus(409, '/provider-clients/');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('alert').getByText('provider client "Peer provider" is used by 1 connection; delete them first').waitFor();
    await expectAccessible(page, 'the refused delete (light)');
    await screenshot(page, 'provider-client-delete-refused-light');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await h.server.admin('GET', '/spaces/default/provider-clients')).items).toHaveLength(1);
    expect(w.problems).toEqual([]);
  }, 60_000);

  it('passes axe-core on every tab and dialog of both pages, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const v = await h.open({ colorScheme });
      const { page } = v;
      await signIn(v, h.server.url, '/spaces/default/connections');
      const check = async (where: string, shot: string) => {
        await expectAccessible(page, `${where} (${colorScheme})`);
        await screenshot(page, `${shot}-${colorScheme}`);
      };
      const open = async (button: string, title: string | RegExp) => {
        await page.getByRole('button', { name: button }).first().click();
        const d = dialog(page, title);
        await d.waitFor();
        return d;
      };

      await page.getByRole('row', { name: /Peer main/ }).waitFor();
      await check('the connections tab', 'connections');
      let d = await open('New connection', 'New connection');
      await check('the new connection dialog', 'connection-new');
      await d.getByRole('button', { name: 'Cancel' }).click();
      d = await open('Reconnect Peer main', 'Reconnect “Peer main”');
      await d.getByRole('link', { name: /Continue to/ }).waitFor();
      await check('the reconnect dialog', 'connection-reconnect');
      await d.getByRole('button', { name: 'Close; connect later' }).click();
      d = await open('Edit Peer main', 'Edit connection “Peer main”');
      await check('the edit connection dialog', 'connection-edit');
      await d.getByRole('button', { name: 'Cancel' }).click();
      d = await open('Delete Peer main', 'Delete connection “Peer main”?');
      await check('the delete connection dialog', 'connection-delete');
      await d.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('tab', { name: 'Provider clients' }).click();
      await page.getByRole('row', { name: /Peer provider/ }).waitFor();
      await check('the provider clients tab', 'provider-clients');
      d = await open('Register a provider client', 'Register a provider client');
      await check('the provider client dialog, step 1', 'provider-client-step1');
      await d.getByRole('button', { name: 'Cancel' }).click();
      d = await open('Edit Peer provider', 'Edit provider client “Peer provider”');
      await check('the provider client edit dialog', 'provider-client-edit');
      // The dialog scrolls: its lower half (endpoints, token lifetimes) in a picture of its own.
      await page.locator('.modal').evaluate('(el) => { el.scrollTop = el.scrollHeight; }');
      await screenshot(page, `provider-client-edit-lower-${colorScheme}`);
      await d.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('row', { name: new RegExp(rx.url(HOOK)) }).waitFor();
      await check('the subscriptions tab', 'webhooks');
      d = await open('Subscribe a URL', 'Subscribe a URL to events');
      await check('the subscribe dialog', 'webhook-subscribe');
      await d.getByRole('button', { name: 'Cancel' }).click();
      d = await open(`Rotate secret of ${rx.url(HOOK)}`, 'Rotate the signing secret');
      await check('the rotate dialog', 'webhook-rotate');
      await d.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('tab', { name: 'Deliveries' }).click();
      await page.getByRole('row', { name: /connection\.connected/ }).waitFor();
      await check('the deliveries tab', 'webhook-deliveries');
      d = await open('Attempts of connection.connected', 'Attempts of connection.connected');
      await check('the attempts dialog', 'webhook-attempts');
      await d.getByRole('button', { name: 'Close' }).click();
      expect(v.problems).toEqual([]);
      await v.context.close();
    }
  }, 120_000);

  it('offers a viewer only what a viewer may do: the lists, no changes, no connect links, no webhooks', async () => {
    await h.server.admin('POST', '/admins', { email: 'viewer@example.com', password: 'viewer-password-1234', roles: [{ space: 'default', role: 'viewer' }] });
    const v = await h.open();
    const { page } = v;
    v.expectStatus(401, '/console/session');
    await page.goto(`${h.server.url}/console/spaces/default/connections`);
    await page.getByLabel('E-mail', { exact: true }).fill('viewer@example.com');
    await page.getByLabel('Password', { exact: true }).fill('viewer-password-1234');
    await page.keyboard.press('Enter');
    const row = page.getByRole('row', { name: /Peer main/ });
    await row.getByText('Connected', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'New connection' }).count()).toBe(0);
    expect(await row.getByRole('button').count()).toBe(0);
    await page.getByRole('tab', { name: 'Provider clients' }).click();
    await page.getByRole('row', { name: /Peer provider/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Register a provider client' }).count()).toBe(0);
    expect(
      await page
        .getByRole('row', { name: /Peer provider/ })
        .getByRole('button')
        .count(),
    ).toBe(0);
    // Webhooks carry every event of the space: not in a viewer's navigation, and the page says why.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await page.goto(`${h.server.url}/console/spaces/default/webhooks`);
    await page.getByText('Webhooks carry every event of the space, so they need the admin role in this space.').waitFor();
    await expectAccessible(page, 'the webhooks page for a viewer (light)');
    expect(v.problems).toEqual([]);
    await v.context.close();
  }, 60_000);

  it('rotates the signing secret: the new one is shown once and signs the next message, beside the old one', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: `Rotate secret of ${rx.url(HOOK)}` }).click();
    const rotate = dialog(page, 'Rotate the signing secret');
    await rotate.getByRole('button', { name: 'Rotate' }).click();
    const shown = dialog(page, 'New signing secret');
    await shown.getByText(/The previous secret goes on signing until/).waitFor();
    await shown.getByRole('button', { name: 'Copy Signing secret' }).click();
    const next = await clipboard(page);
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    await expectAccessible(page, 'the new secret dialog (light)');
    await shown.getByRole('button', { name: 'I have stored the secret' }).click();
    rx.on(HOOK, { secrets: [secret, next] });

    await page.getByRole('tab', { name: 'Deliveries' }).click();
    await page.getByRole('button', { name: 'Replay connection.created' }).click();
    await page.getByText('connection.created sent again: the receiver answered 200.').waitFor();
    const all = await rx.waitFor(HOOK, 4);
    expect(all[3]!.verifiedBy).toEqual([0, 1]);
    expect(w.problems).toEqual([]);
  }, 60_000);
});
