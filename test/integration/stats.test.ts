// GET /spaces/{space}/stats, the console dashboard's figures, after a known workload on a real server: tokens issued
// by grant type (JWT and opaque), sign-ins and a wrong password, a connection whose renewal fails at the provider,
// a webhook whose receiver answers 500 until the delivery gives up; and the totals of live tokens and connections.
// Another space's workload does not show.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

pgNotice();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) => ({ authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') });

interface Stats {
  hour_starts: string[];
  tokens_issued: Record<string, number[]>;
  logins: Record<string, number[]>;
  login_failures: Record<string, number[]>;
  renewal_failures: Record<string, number[]>;
  webhook_failures: Record<string, number[]>;
  active_tokens: Record<string, number>;
  connections: Record<string, number>;
}

/** A provider's token endpoint that answers a token once, then 500 (its renewals fail). */
async function flakyTokenEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (++n > 1) res.statusCode = 500;
      res.end(JSON.stringify(n > 1 ? { error: 'server_error' } : { access_token: 'provider-token', token_type: 'Bearer', expires_in: 3600 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/token`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The sum of each series (the workload happens within a minute or two: at most across one hour's turn). */
const sums = (series: Record<string, number[]>) => Object.fromEntries(Object.entries(series).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0)]));

describe.each(STORE_KINDS)('GET /spaces/{space}/stats after a known workload (%s)', (kind) => {
  let s: TestServer;
  let provider: Awaited<ReturnType<typeof flakyTokenEndpoint>>;
  const rx = new WebhookReceiver();
  beforeAll(async () => {
    s = await startTestServer(kind, { KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true', KEYWARD_WEBHOOK_RETRY_SCHEDULE: '0.1', KEYWARD_WEBHOOK_POLL_MS: '50' });
    provider = await flakyTokenEndpoint();
    await rx.start();
  });
  afterAll(async () => {
    await s?.services.webhooks.dispatcher.stop();
    await rx.stop();
    await provider?.close();
    await s?.close();
  });

  const token = (space: string, auth: Record<string, string>, body: Record<string, string>) =>
    fetch(`${s.url}/spaces/${space}/token`, { method: 'POST', headers: { ...FORM, ...auth }, body: new URLSearchParams(body).toString() });

  it('answers zeros for a quiet space, one count per hour of the window', async () => {
    await s.admin('POST', '/spaces', { slug: 'quiet', display_name: 'Quiet' });
    const stats = (await s.admin('GET', '/spaces/quiet/stats?hours=6')) as Stats;
    expect(stats.hour_starts).toHaveLength(6);
    const [first, last] = [Date.parse(stats.hour_starts[0]!), Date.parse(stats.hour_starts[5]!)];
    expect(last - first).toBe(5 * 3_600_000);
    expect(last % 3_600_000).toBe(0);
    expect(Date.now() - last).toBeLessThan(3_600_000);
    expect(stats).toMatchObject({
      tokens_issued: {},
      logins: {},
      login_failures: {},
      renewal_failures: {},
      webhook_failures: {},
      active_tokens: {},
      connections: {},
    });
  });

  it('reports the tokens, sign-ins, renewal and webhook failures of the workload, and the totals now', async () => {
    await s.admin('POST', '/spaces', { slug: 'busy', display_name: 'Busy' });
    await s.admin('POST', '/spaces/busy/scopes', { name: 'api', description: 'API', default: true });
    // 3 JWT and 2 opaque client_credentials tokens: only the opaque ones are stored, so 2 are live tokens.
    const jwt = await s.admin('POST', '/spaces/busy/clients', { name: 'jwt', grant_types: ['client_credentials'], scope: 'api' });
    const opaque = await s.admin('POST', '/spaces/busy/clients', {
      name: 'opaque',
      grant_types: ['client_credentials'],
      scope: 'api',
      access_token_format: 'opaque',
    });
    for (const [c, n] of [
      [jwt, 3],
      [opaque, 2],
    ] as const) {
      for (let i = 0; i < n; i++) expect((await token('busy', basic(c.client_id, c.client_secret), { grant_type: 'client_credentials' })).status).toBe(200);
    }
    // The password grant: a wrong password, then the right one (a JWT of a grant: stored), then a refresh.
    await s.admin('POST', '/spaces/busy/users', { username: 'robot', password: 'robot-password-1', kind: 'service' });
    const pw = await s.admin('POST', '/spaces/busy/clients', { name: 'pw', grant_types: ['password', 'refresh_token'], scope: 'api' });
    const pwAuth = basic(pw.client_id, pw.client_secret);
    expect((await token('busy', pwAuth, { grant_type: 'password', username: 'robot', password: 'not-the-password' })).status).toBe(400);
    const ok = await token('busy', pwAuth, { grant_type: 'password', username: 'robot', password: 'robot-password-1' });
    expect(ok.status).toBe(200);
    const { refresh_token } = (await ok.json()) as { refresh_token: string };
    expect((await token('busy', pwAuth, { grant_type: 'refresh_token', refresh_token })).status).toBe(200);

    // A connection that connects, then fails to renew at the provider (500).
    const pc = await s.admin('POST', '/spaces/busy/provider-clients', {
      provider: 'custom',
      name: 'Flaky IdP',
      client_id: 'local-app',
      client_secret: 'local-secret',
      authorization_url: 'https://idp.example/authorize',
      token_url: provider.url,
    });
    const cc = await s.admin('POST', '/spaces/busy/connections', { name: 'cc', kind: 'oauth2_client_credentials', provider_client: pc.id });
    expect(cc.status).toBe('connected');
    await fetch(`${s.url}/admin/api/v1/spaces/busy/connections/${cc.id}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${s.ownerToken}` } });
    await s.admin('POST', '/spaces/busy/connections', { name: 'later', kind: 'oauth2_authorization_code', provider_client: pc.id });

    // A webhook whose receiver answers 500: the first attempt is retried once, then the delivery gives up.
    const sub = await s.admin('POST', '/spaces/busy/webhooks', { url: rx.url('/down'), events: ['client.deactivated'] });
    rx.on('/down', { secrets: [sub.secret], statuses: [], then: 500 });
    await s.services.webhooks.dispatcher.start();
    await s.admin('PATCH', `/spaces/busy/clients/${jwt.client_id}`, { active: false });
    await expect
      .poll(async () => (await s.admin('GET', `/spaces/busy/webhooks/${sub.id}/deliveries`)).items[0]?.status, { timeout: 10_000, interval: 50 })
      .toBe('failed');

    // The same workload's sign-in in another space does not count here.
    await s.admin('POST', '/spaces/quiet/users', { username: 'robot', password: 'robot-password-1', kind: 'service' });

    const stats = (await s.admin('GET', '/spaces/busy/stats')) as Stats;
    expect(stats.hour_starts).toHaveLength(24);
    expect(sums(stats.tokens_issued)).toEqual({ client_credentials: 5, password: 1, refresh_token: 1 });
    expect(sums(stats.logins)).toEqual({ password_grant: 1 });
    expect(sums(stats.login_failures)).toEqual({ invalid_credentials: 1 });
    expect(sums(stats.renewal_failures)).toEqual({ refresh_failed: 1 });
    expect(sums(stats.webhook_failures)).toEqual({ retrying: 1, failed: 1 });
    // The live tokens: the 2 opaque ones (the JWT client's are not stored and it is deactivated anyway), the
    // password grant's first token and its refresh's.
    expect(stats.active_tokens).toEqual({ client_credentials: 2, password: 1, refresh_token: 1 });
    expect(stats.connections).toEqual({ error: 1, pending: 1 });
    // Everything happened in the last hour or the one before (a test running across the hour's turn).
    for (const series of [stats.tokens_issued, stats.logins, stats.login_failures, stats.renewal_failures, stats.webhook_failures]) {
      for (const counts of Object.values(series)) expect(counts.slice(0, 22).every((n) => n === 0)).toBe(true);
    }

    // Revoking the opaque client's tokens takes them out of the live count at once.
    await s.admin('POST', '/spaces/busy/tokens/revoke', { client_id: opaque.client_id });
    expect(((await s.admin('GET', '/spaces/busy/stats?hours=1')) as Stats).active_tokens).toEqual({ password: 1, refresh_token: 1 });
  });

  it('refuses a window outside 1–720 hours on the field', async () => {
    for (const hours of ['0', '721', 'x']) {
      const res = await fetch(`${s.url}/admin/api/v1/spaces/default/stats?hours=${hours}`, { headers: { authorization: `Bearer ${s.ownerToken}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { field?: string }).field).toBe('hours');
    }
  });
});
