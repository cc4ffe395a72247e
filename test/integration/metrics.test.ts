// GET /metrics after a known workload on a real server, read with a third-party Prometheus text parser: tokens by
// grant and format, requests by route pattern and status, sign-ins and their failures, refresh-token reuse, vault
// renewals and connections by status, the database pool; and no label value that names a client, user or token.
// Counters are per process (several servers of this file share them), so each count is the difference between a
// scrape before and one after the workload.
import { createServer, type Server } from 'node:http';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { labelValues, scrape, valueOf, type Scrape } from '../helpers/metrics.js';
import { Browser, createUser, formOf, isPage, signIn } from '../oauth/authorization-code-helpers.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

pgNotice();
const TOKEN = 'metrics-token-5b1f0e7c9a3d';
const CB = 'https://metrics.example.com/cb';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => ({ authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') });

/** A provider's token endpoint for client-credentials connections: a new token each call. */
async function providerTokenEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: `provider-token-${++n}`, token_type: 'Bearer', expires_in: 3600 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/token`, close: () => new Promise((r) => server.close(() => r())) };
}

describe.each(STORE_KINDS)('GET /metrics after a known workload (%s)', (kind) => {
  let s: TestServer;
  let provider: Awaited<ReturnType<typeof providerTokenEndpoint>>;
  beforeAll(async () => {
    s = await startTestServer(kind, { KEYWARD_METRICS_TOKEN: TOKEN });
    provider = await providerTokenEndpoint();
  });
  afterAll(async () => {
    await s?.close();
    await provider?.close();
  });

  const token = (auth: Record<string, string>, body: Record<string, string>) =>
    fetch(`${s.issuer}/token`, { method: 'POST', headers: { ...FORM, ...auth }, body: new URLSearchParams(body).toString() });

  it('counts exactly what the workload did, with bounded labels only', async () => {
    const before = await scrape(`${s.url}/metrics`, TOKEN);
    const secrets: string[] = []; // client ids, user ids, usernames, tokens: none may appear in a label

    // 5 JWT and 3 opaque client_credentials tokens, and one refused client.
    await s.admin('POST', '/spaces/default/scopes', { name: 'api', description: 'API', default: true });
    const jwt = await s.admin('POST', '/spaces/default/clients', { name: 'm-jwt', grant_types: ['client_credentials'], scope: 'api' });
    const opaque = await s.admin('POST', '/spaces/default/clients', {
      name: 'm-opaque',
      grant_types: ['client_credentials'],
      scope: 'api',
      access_token_format: 'opaque',
    });
    secrets.push(jwt.client_id, opaque.client_id);
    for (const [c, n] of [
      [jwt, 5],
      [opaque, 3],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const res = await token(basic(c.client_id, c.client_secret), { grant_type: 'client_credentials' });
        expect(res.status).toBe(200);
        secrets.push(((await res.json()) as { access_token: string }).access_token);
      }
    }
    expect((await token(basic(jwt.client_id, 'wrong-secret'), { grant_type: 'client_credentials' })).status).toBe(401);

    // The password grant (one wrong password, one right), a refresh, then the first refresh token again: reuse.
    await s.admin('POST', '/spaces/default/users', { username: 'robot', password: 'robot-password-1', kind: 'service' });
    const pw = await s.admin('POST', '/spaces/default/clients', { name: 'm-pw', grant_types: ['password', 'refresh_token'], scope: 'api' });
    secrets.push(pw.client_id, 'robot');
    const pwAuth = basic(pw.client_id, pw.client_secret);
    expect((await token(pwAuth, { grant_type: 'password', username: 'robot', password: 'not-the-password' })).status).toBe(400);
    const first = (await (await token(pwAuth, { grant_type: 'password', username: 'robot', password: 'robot-password-1' })).json()) as {
      refresh_token: string;
    };
    expect((await token(pwAuth, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).status).toBe(200);
    const reuse = await token(pwAuth, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reuse.status).toBe(400);
    secrets.push(first.refresh_token);

    // The login page: a wrong password, then the right one, then the code for tokens.
    const carol = { username: 'carol-metrics', password: 'carol has a long password' };
    secrets.push(carol.username, await createUser(s, carol.username, carol.password));
    const web = await s.admin('POST', '/spaces/default/clients', { name: 'm-web', grant_types: ['authorization_code'], redirect_uris: [CB], scope: 'api' });
    secrets.push(web.client_id);
    const config = await client.discovery(new URL(s.issuer), web.client_id, undefined, client.ClientSecretBasic(web.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const verifier = client.randomPKCECodeVerifier();
    const authUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: CB,
      scope: 'api',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'st',
    }).href;
    const b = new Browser(s.url);
    const loginPage = await b.go(authUrl);
    if (!isPage(loginPage)) throw new Error(`expected the login page, went to ${loginPage.location}`);
    const f = formOf(loginPage.html);
    const wrong = await b.go(f.action, { ...f.fields, username: carol.username, password: 'a wrong password' });
    expect(isPage(wrong) && wrong.status).toBe(401);
    const back = await signIn(b, authUrl, carol);
    await client.authorizationCodeGrant(config, new URL(back as string), { pkceCodeVerifier: verifier, expectedState: 'st' });

    // The vault: a client-credentials connection (connected at once, then refreshed) and one waiting for consent.
    const pc = await s.admin('POST', '/spaces/default/provider-clients', {
      provider: 'custom',
      name: 'Local IdP',
      client_id: 'local-app',
      client_secret: 'local-secret',
      authorization_url: 'https://idp.example/authorize',
      token_url: provider.url,
    });
    const cc = await s.admin('POST', '/spaces/default/connections', { name: 'cc', kind: 'oauth2_client_credentials', provider_client: pc.id });
    expect(cc.status).toBe('connected');
    await s.admin('POST', `/spaces/default/connections/${cc.id}/refresh`);
    const pending = await s.admin('POST', '/spaces/default/connections', { name: 'later', kind: 'oauth2_authorization_code', provider_client: pc.id });
    expect(pending.status).toBe('pending');
    secrets.push(pc.id, cc.id, pending.id);

    // An unknown path: one "unmatched" series, whatever the path says.
    expect((await fetch(`${s.url}/no/such/${jwt.client_id}`)).status).toBe(404);

    const after = await scrape(`${s.url}/metrics`, TOKEN);
    const delta = (name: string, labels: Record<string, string> = {}) => valueOf(after, name, labels) - valueOf(before, name, labels);

    expect(delta('keyward_tokens_issued_total', { grant_type: 'client_credentials', format: 'jwt' })).toBe(5);
    expect(delta('keyward_tokens_issued_total', { grant_type: 'client_credentials', format: 'opaque' })).toBe(3);
    expect(delta('keyward_tokens_issued_total', { grant_type: 'password', format: 'jwt' })).toBe(1);
    expect(delta('keyward_tokens_issued_total', { grant_type: 'refresh_token', format: 'jwt' })).toBe(1);
    expect(delta('keyward_tokens_issued_total', { grant_type: 'authorization_code', format: 'jwt' })).toBe(1);

    const tokenRoute = { method: 'POST', route: '/spaces/:space/token' };
    // 8 client_credentials + the password grant + the refresh + the code exchange.
    expect(delta('keyward_http_request_duration_seconds', { ...tokenRoute, status_code: '200' })).toBe(11);
    expect(delta('keyward_http_request_duration_seconds', { ...tokenRoute, status_code: '401' })).toBe(1);
    expect(delta('keyward_http_request_duration_seconds', { ...tokenRoute, status_code: '400' })).toBe(2);
    expect(delta('keyward_http_request_duration_seconds', { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(delta('keyward_http_request_duration_seconds', { method: 'POST', route: '/admin/api/v1/spaces/:space/clients', status_code: '201' })).toBe(4);
    expect(after.keyward_http_request_duration_seconds!.type).toBe('histogram'); // the parser checks +Inf == count

    expect(delta('keyward_refresh_token_reuse_total')).toBe(1);
    expect(delta('keyward_logins_total', { via: 'login_page' })).toBe(1);
    expect(delta('keyward_login_failures_total', { via: 'login_page', reason: 'invalid_credentials' })).toBe(1);
    expect(delta('keyward_logins_total', { via: 'password_grant' })).toBe(1);
    expect(delta('keyward_login_failures_total', { via: 'password_grant', reason: 'invalid_credentials' })).toBe(1);

    expect(delta('keyward_vault_refreshes_total', { outcome: 'connected' })).toBe(1);
    expect(delta('keyward_vault_refreshes_total', { outcome: 'refreshed' })).toBe(1);
    // A gauge read from this server's own store at scrape time: absolute values.
    expect(valueOf(after, 'keyward_connections', { status: 'connected' })).toBe(1);
    expect(valueOf(after, 'keyward_connections', { status: 'pending' })).toBe(1);
    expect(valueOf(after, 'keyward_connections', { status: 'needs_reauth' })).toBe(0);
    // Events are counted from the outbox: the 4 clients and the scope this workload made, as the audit log has them.
    expect(delta('keyward_events', { type: 'client.created' })).toBe(4);
    expect(delta('keyward_events', { type: 'scope.created' })).toBe(1);
    expect(delta('keyward_events', { type: 'connection.connected' })).toBe(1);

    // The pool exists only on PostgreSQL; default process metrics (event-loop lag among them) always.
    expect(after.keyward_db_pool_connections!.data.length > 0).toBe(kind === 'postgres');
    if (kind === 'postgres') expect(valueOf(after, 'keyward_db_pool_connections')).toBeGreaterThan(0);
    expect(after.nodejs_eventloop_lag_seconds?.type).toBe('gauge');
    expect(after.process_cpu_user_seconds_total?.type).toBe('counter');

    assertBoundedLabels(after, secrets);
  });
});

/** No label value names a client, user, connection or token, and every route label is a pattern. */
function assertBoundedLabels(s: Scrape, secrets: string[]) {
  const values = labelValues(s);
  for (const secret of secrets)
    expect(
      values.filter((v) => v.includes(secret)),
      secret,
    ).toEqual([]);
  const routes = new Set(s.keyward_http_request_duration_seconds!.data.map((d) => d.labels.route!));
  for (const route of routes) expect(route === 'unmatched' || (route.startsWith('/') && !route.includes('default')), route).toBe(true);
}
