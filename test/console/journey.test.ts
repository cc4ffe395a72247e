// Issue 12's "Done when", as one person's path through one browser against a `keyward serve` process started the
// way `npm start` starts it (embedded store, fresh data directory): the first owner is created on the page the
// start-up banner links to, signs in, registers a confidential client with the keyboard and copies its secret once,
// creates a scope and associates it through the client's picker, gets a token with that secret (oauth4webapi),
// sees it live in token management, deactivates the client and sees the token "No longer valid" there (and
// introspection refuses it); then registers a provider client at a real oidc-provider in two steps, subscribes a
// webhook whose secret, copied once, is the one a standardwebhooks receiver verifies the connection's events with,
// and connects through the provider's consent in a new tab. No console error and no unexpected 4xx/5xx on the way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcPeer, type OidcPeer } from '../helpers/providers/oidc-peer.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { requireBuild, run, type Proc } from '../server/process.js';
import { runBrowserTests, screenshot, startBrowser, submitSignIn, type ConsoleBrowser, type WatchedPage } from './harness.js';
import { clipboard, consentAtOidcPeer, dialog, focusedName, onlyThisMachine, tabTo } from './steps.js';

const OWNER = { email: 'first.owner@example.com', password: 'a long first password' };
const HOOK = '/hooks/journey';
const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe.runIf(runBrowserTests)('console journey: a fresh `keyward serve`, from the setup link to a webhook of a connection (chromium)', () => {
  let dataDir: string;
  let server: Proc;
  let consoleUrl: string;
  let setupUrl: string;
  let chromium: ConsoleBrowser;
  let w: WatchedPage;
  let peer: OidcPeer | undefined;
  const rx = new WebhookReceiver();

  beforeAll(async () => {
    requireBuild();
    dataDir = mkdtempSync(path.join(tmpdir(), 'kw-journey-'));
    // `npm start` is `node dist/cli.js serve`; port 0 lets the system pick a free port, which the banner then names.
    // Webhooks may reach the loopback receiver (development setting), and are looked for often.
    server = run(['serve'], {
      KEYWARD_DATA_DIR: dataDir,
      KEYWARD_HOST: '127.0.0.1',
      KEYWARD_PORT: '0',
      KEYWARD_LOG_FORMAT: 'pretty',
      KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true',
      KEYWARD_WEBHOOK_POLL_MS: '100',
    });
    [, consoleUrl] = (await server.waitFor(/Admin console: +(http:\/\/\S+?)\/console\//)) as [string, string];
    [, setupUrl] = (await server.waitFor(/First start: create the first admin at (http:\/\/\S+)/)) as [string, string];
    await rx.start();
    chromium = await startBrowser(consoleUrl);
    w = await chromium.open();
    await onlyThisMachine(w.context);
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await peer?.close();
    await rx.stop();
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exit;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in, registers a client, copies its secret once, scopes it, deactivates it, connects a provider and receives its events', async () => {
    const { page } = w;
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    const issuer = new URL(`${consoleUrl}/spaces/default`);

    // 1. The setup link from the banner: the first owner, whose admin API token is shown once; then the console.
    await page.goto(setupUrl);
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByLabel('Password (at least 12 characters)').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { name: 'Keyward is ready' }).waitFor();
    await page.getByRole('button', { name: 'Copy' }).click();
    const [, adminToken] = /export KEYWARD_ADMIN_TOKEN=(\S+)/.exec(await clipboard(page))!;
    /** The admin API with that token: a GET, or a POST of `body`. */
    const admin = async (path: string, body?: object) => {
      const res = await fetch(`${consoleUrl}/admin/api/v1${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(res.ok, `${path}: HTTP ${res.status}`).toBe(true);
      return (await res.json()) as Record<string, any>;
    };
    await screenshot(page, 'journey-1-setup-done');
    w.expectStatus(401, '/console/session'); // how the console learns it must ask for a sign-in
    await page.getByRole('link', { name: 'admin console' }).click();
    await submitSignIn(page, OWNER.email, OWNER.password);

    // 2. A confidential client for client_credentials with opaque tokens (token management lists stored tokens),
    // registered with the keyboard alone.
    await nav('Clients').click();
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await tabTo(page, 'Register a client');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Register a client' }).waitFor();
    await tabTo(page, 'Name');
    await page.keyboard.type('Billing Robot');
    for (const grant of ['Authorization code', 'Refresh token', 'Client credentials']) {
      await tabTo(page, grant);
      await page.keyboard.press('Space');
    }
    // The format is a radio group: Tab reaches its chosen radio, an arrow key picks the next one.
    await tabTo(page, /^JWT: signed/);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toMatch(/^Opaque/);
    await tabTo(page, 'Register client');
    await page.keyboard.press('Enter');
    const shown = dialog(page, 'Client registered: copy its secret now');
    await shown.waitFor();
    const clientId = (await shown.locator('.copy-field', { hasText: 'Client ID' }).locator('code').textContent())!;
    await shown.getByRole('button', { name: 'Copy Client secret' }).click();
    const secret = await clipboard(page);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    await screenshot(page, 'journey-2-secret-once');
    await shown.getByRole('button', { name: 'I have copied it, close' }).click();
    await page.getByRole('heading', { name: 'Billing Robot' }).waitFor();
    // Shown once: not on the client's page, not after a reload.
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);

    // 3. A scope of the space, then associated with the client through its picker, with the mouse.
    await nav('Scopes').click();
    await page.getByRole('button', { name: 'Create a scope' }).click();
    const scopeForm = dialog(page, 'Create a scope');
    await scopeForm.getByLabel('Name', { exact: true }).fill('invoices:write');
    await scopeForm.getByLabel('Description').fill('Write your invoices');
    await scopeForm.getByRole('button', { name: 'Create' }).click();
    await page.getByText('Scope invoices:write created.').waitFor();
    await nav('Clients').click();
    await page.getByRole('grid', { name: 'Clients of this space' }).getByText('Billing Robot').click();
    const scopes = page.getByRole('region', { name: 'Scopes of this client' });
    await scopes.getByRole('button', { name: 'Associate existing scopes' }).click();
    const picker = dialog(page, 'Associate existing scopes');
    await picker.getByText('invoices:write', { exact: true }).click();
    await picker.getByRole('button', { name: 'Associate 1 scope(s)' }).click();
    await scopes.getByText('Associated: invoices:write.').waitFor();

    // 4. The copied secret at the token endpoint, through a relying-party library.
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }));
    const robot: oauth.Client = { client_id: clientId };
    const askToken = async () =>
      oauth.processClientCredentialsResponse(
        as,
        robot,
        await oauth.clientCredentialsGrantRequest(as, robot, oauth.ClientSecretBasic(secret), new URLSearchParams({ scope: 'invoices:write' }), insecure),
      );
    const issued = await askToken();
    expect(issued.scope).toBe('invoices:write');
    // A resource server checks tokens by introspection; the owner's admin API token from the setup page registers it.
    const rs = (await admin('/spaces/default/clients', { name: 'Invoice API', grant_types: ['client_credentials'] })) as {
      client_id: string;
      client_secret: string;
    };
    const introspect = async () =>
      oauth.processIntrospectionResponse(
        as,
        { client_id: rs.client_id },
        await oauth.introspectionRequest(as, { client_id: rs.client_id }, oauth.ClientSecretBasic(rs.client_secret), issued.access_token, insecure),
      );
    expect(await introspect()).toMatchObject({ active: true, client_id: clientId, scope: 'invoices:write' });

    // Token management, for this client: the token is live.
    await nav('Tokens').click();
    await page.getByRole('heading', { name: 'Token management' }).waitFor();
    await page.getByRole('button', { name: /Show those of/ }).click();
    await page.getByRole('option', { name: 'One client', exact: true }).click();
    await page.getByRole('combobox', { name: 'Client' }).fill('Billing');
    await page.getByRole('option', { name: `Billing Robot (${clientId})` }).click();
    const tokenRow = page.getByRole('row').filter({ hasText: 'invoices:write' });
    await tokenRow.getByText('in 8 hours').waitFor();
    await screenshot(page, 'journey-3-token-live');

    // Deactivated through its confirmation, which says what happens to the tokens.
    await nav('Clients').click();
    await page.getByRole('grid', { name: 'Clients of this space' }).getByText('Billing Robot').click();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const confirm = dialog(page, 'Deactivate Billing Robot?');
    expect(await confirm.textContent()).toContain('All access tokens and refresh tokens of this client become invalid');
    await confirm.getByRole('button', { name: 'Deactivate client' }).click();
    await page.getByText('Deactivated', { exact: true }).waitFor();
    // Back (past the clients list) to token management, still for this client. No reload: the list the console
    // read before the deactivation must not be what it shows now.
    await page.goBack();
    await page.goBack();
    await tokenRow.getByText('No longer valid').waitFor();
    await screenshot(page, 'journey-4-token-no-longer-valid');
    expect(await introspect()).toMatchObject({ active: false });
    await expect(askToken()).rejects.toMatchObject({ status: 401 });

    // 5. The vault. First the webhook, so that the connection's events reach it: the secret, shown once, is copied
    // into the receiver, which verifies every message with it (standardwebhooks).
    await nav('Webhooks').click();
    await page.getByRole('button', { name: 'Subscribe a URL' }).click();
    const subscribe = dialog(page, 'Subscribe a URL to events');
    await subscribe.getByLabel('URL', { exact: true }).fill(rx.url(HOOK));
    await subscribe.getByLabel('Filter event types', { exact: true }).fill('connection.');
    for (const type of ['connection.created', 'connection.connected']) await subscribe.getByText(type, { exact: true }).click();
    await subscribe.getByText('2 chosen').waitFor();
    await subscribe.getByRole('button', { name: 'Subscribe' }).click();
    const hookSecret = dialog(page, 'Signing secret of the new subscription');
    await hookSecret.getByRole('button', { name: 'Copy Signing secret' }).click();
    rx.on(HOOK, { secrets: [await clipboard(page)] });
    await hookSecret.getByRole('button', { name: 'I have stored the secret' }).click();
    await page
      .getByRole('row', { name: new RegExp(rx.url(HOOK)) })
      .getByText('Active')
      .waitFor();

    // A provider client in two steps: the redirect URI copied from the console is what the provider registers;
    // the client ID and secret it issues go back into the console.
    await nav('Connections').click();
    await page.getByRole('tab', { name: 'Provider clients' }).click();
    await page.getByRole('button', { name: 'Register a provider client' }).click();
    const providerForm = dialog(page, 'Register a provider client');
    await providerForm.getByLabel('Search the catalog', { exact: true }).fill('custom oauth');
    await providerForm.getByRole('listbox', { name: 'Provider' }).getByRole('option').click();
    await providerForm.getByLabel('Name', { exact: true }).fill('Ledger provider');
    await providerForm.getByRole('button', { name: 'Continue' }).click();
    await providerForm.getByRole('button', { name: 'Copy Redirect URI' }).click();
    const redirectUri = await clipboard(page);
    expect(redirectUri).toBe(`${consoleUrl}/spaces/default/connections/callback`);
    peer = await startOidcPeer({ redirectUris: [redirectUri], accessTokenTtlSeconds: 3600, alwaysIssueRefreshToken: true });
    await providerForm.getByLabel('Client ID', { exact: true }).fill(peer.codeClient.client_id);
    await providerForm.getByLabel('Client secret', { exact: true }).fill(peer.codeClient.client_secret!);
    await providerForm.getByLabel('Scopes', { exact: true }).fill('openid offline_access');
    await providerForm.getByLabel('Authorization URL', { exact: true }).fill(peer.authorizationUrl);
    await providerForm.getByLabel('Token URL', { exact: true }).fill(peer.tokenUrl);
    await providerForm.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Provider client “Ledger provider” is registered.').waitFor();

    // A connection, made through the provider's sign-in and consent in the tab the console opens.
    await page.getByRole('button', { name: 'Next: a connection through “Ledger provider”' }).click();
    const newConnection = dialog(page, 'New connection');
    await newConnection.getByLabel('Name', { exact: true }).fill('Ledger main');
    await newConnection.getByRole('button', { name: 'Create and connect' }).click();
    const connect = dialog(page, 'Connect “Ledger main”');
    const go = connect.getByRole('link', { name: 'Continue to Ledger provider (opens in a new tab)' });
    const [tab] = await Promise.all([w.context.waitForEvent('page'), go.click()]);
    await consentAtOidcPeer(tab, peer.issuer);
    await tab.close();
    await connect.getByText('“Ledger main” is connected: its tokens are stored and renewed.').waitFor();
    await connect.getByRole('button', { name: 'Close' }).click();
    await page
      .getByRole('row', { name: /Ledger main/ })
      .getByText('Connected', { exact: true })
      .waitFor();
    await screenshot(page, 'journey-5-connected');

    // The receiver got the connection's events, signed with the secret the console showed once.
    const got = await rx.waitFor(HOOK, 2, 15_000, (r) => r.verified !== undefined);
    const connection = (await admin('/spaces/default/connections')).items[0] as { id: string; status: string };
    expect(connection.status).toBe('connected');
    const byType = Object.fromEntries(got.map((r) => [r.verified!.type, r.verified!.data]));
    expect(Object.keys(byType).sort()).toEqual(['connection.connected', 'connection.created']);
    expect(byType['connection.created']).toMatchObject({ object: 'connection', id: connection.id, changes: { name: 'Ledger main' } });
    expect(byType['connection.connected']).toMatchObject({ object: 'connection', id: connection.id, changes: { status: { to: 'connected' } } });
    expect(w.problems).toEqual([]);
  }, 120_000);
});
