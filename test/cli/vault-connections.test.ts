// `keyward provider-clients` and `keyward connections` against a real server: secrets in through stdin and never
// out (but from `token`), one JSON document with --json, the redirect URI in the human output, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, startCliServer, type CliServer } from './helpers.js';

const SECRET = 'cli-pc-secret-5e7a9c1b3d';
const API_KEY = 'cli-api-key-8f6d4b2a0c';

let s: CliServer;
let custom: string;
beforeAll(async () => {
  assertBuilt();
  s = await startCliServer();
  const r = await s.cli([
    'provider-clients',
    'create',
    '--provider',
    'custom',
    '--name',
    'Local IdP',
    '--authorization-url',
    'https://idp.example/authorize',
    '--token-url',
    'https://idp.example/token',
    '--json',
  ]);
  expect(r.code, r.stderr).toBe(0);
  custom = JSON.parse(r.stdout).id;
});
afterAll(async () => s?.close());

/** Runs with --json and parses stdout (exactly one document), with `input` on stdin. */
async function json(args: string[], input = ''): Promise<any> {
  const r = await s.cli([...args, '--json'], {}, input);
  expect(r.code, `keyward ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout);
}

describe('keyward provider-clients', () => {
  it('create reads the secret from stdin; --json prints one document without it', async () => {
    const pc = await json(
      [
        'provider-clients',
        'create',
        '--provider',
        'exact-online',
        '--name',
        'Exact NL',
        '--client-id',
        'exact-app',
        '--client-secret-stdin',
        '--access-token-expires-in',
        '3599999',
        '--refresh-token-expires-in',
        '7775999999',
        '--unit',
        'ms',
        '--config',
        'ext=nl',
      ],
      `${SECRET}\n`,
    );
    expect(pc).toMatchObject({
      provider: 'exact-online',
      name: 'Exact NL',
      client_id: 'exact-app',
      has_client_secret: true,
      access_token_expires_in: 3599999,
      refresh_token_expires_in: 7775999999,
      expires_in_unit: 'ms',
      config: { ext: 'nl' },
    });
    expect(JSON.stringify(pc)).not.toContain(SECRET);
    const shown = await s.cli(['provider-clients', 'show', pc.id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain(SECRET);
    expect(shown.stdout).toMatch(/^has_client_secret:\s+true$/m);
  });

  it('create prints the redirect URI to register at the provider; update completes the client ID later', async () => {
    const r = await s.cli(['provider-clients', 'create', '--provider', 'github', '--name', 'GitHub App']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Register this redirect URI in your app at the provider: https?:\/\/\S+\/spaces\/default\/connections\/callback/);
    const id = /^id:\s+(\S+)$/m.exec(r.stdout)![1]!;
    const updated = await json(['provider-clients', 'update', id, '--client-id', 'Iv1.later', '--client-secret-stdin'], SECRET);
    expect(updated).toMatchObject({ client_id: 'Iv1.later', has_client_secret: true });
    const nothing = await s.cli(['provider-clients', 'update', id]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/nothing to update/);
  });

  it('list --json prints { items }, filtered by provider', async () => {
    const all = await json(['provider-clients', 'list']);
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const exact = await json(['provider-clients', 'list', '--provider', 'exact-online']);
    expect(exact.items.map((p: { name: string }) => p.name)).toEqual(['Exact NL']);
    const text = await s.cli(['provider-clients', 'list']);
    expect(text.stdout).toMatch(/^ID\s+PROVIDER\s+NAME/m);
    expect(text.stdout).not.toContain(SECRET);
  });

  it('errors name the field; a bad --config is refused before any request', async () => {
    const bad = await s.cli(['provider-clients', 'create', '--provider', 'exact-online', '--name', 'Bad', '--config', 'ext=xx']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^keyward: .*\(field: config\)/);
    const local = await s.cli(['provider-clients', 'create', '--provider', 'custom', '--name', 'x', '--config', 'novalue']);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/key=value/);
    const missing = await s.cli(['provider-clients', 'create', '--name', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--provider/);
  });

  it('delete needs --yes, and is refused while a connection uses the client', async () => {
    const pc = await json(['provider-clients', 'create', '--provider', 'custom', '--name', 'Doomed', '--token-url', 'https://idp.example/t']);
    const conn = await json(
      ['connections', 'create', '--name', 'Holder', '--kind', 'api_key', '--provider-client', pc.id, '--credentials-stdin'],
      '{"api_key":"k"}',
    );
    const unconfirmed = await s.cli(['provider-clients', 'delete', pc.id]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toMatch(/without --yes/);
    const refused = await s.cli(['provider-clients', 'delete', pc.id, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/used by 1 connection/);
    expect(await json(['connections', 'delete', conn.id, '--yes'])).toEqual({ deleted: conn.id });
    expect(await json(['provider-clients', 'delete', pc.id, '--yes'])).toEqual({ deleted: pc.id });
  });
});

describe('keyward connections', () => {
  it('create reads credentials from stdin; no answer but token shows them; token prints only its fields', async () => {
    const conn = await json(
      [
        'connections',
        'create',
        '--name',
        'Key Conn',
        '--kind',
        'api_key',
        '--provider-client',
        custom,
        '--environment',
        'sandbox',
        '--renewal-rate',
        '30m',
        '--credentials-stdin',
      ],
      JSON.stringify({ api_key: API_KEY }),
    );
    expect(conn).toMatchObject({ name: 'Key Conn', kind: 'api_key', status: 'connected', environment: 'sandbox', renewal_rate: '30m', has_credentials: true });
    expect(JSON.stringify(conn)).not.toContain(API_KEY);

    const shown = await s.cli(['connections', 'show', conn.id]);
    expect(shown.stdout).toMatch(/^status:\s+connected$/m);
    expect(shown.stdout).not.toContain(API_KEY);
    const listed = await s.cli(['connections', 'list', '--json']);
    expect(listed.stdout).not.toContain(API_KEY);

    expect(await json(['connections', 'token', conn.id])).toEqual({ access_token: API_KEY, token_type: 'api_key', expires_at: null, metadata: {} });
    const text = await s.cli(['connections', 'token', conn.id, '--force-refresh']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^access_token:\\s+${API_KEY}$`, 'm'));
    expect(text.stdout).toMatch(/^token_type:\s+api_key$/m);
  });

  it('an authorization-code connection: connect prints a one-time link; refresh and list --status', async () => {
    const conn = await json(['connections', 'create', '--name', 'Person Conn', '--kind', 'oauth2_authorization_code', '--provider-client', custom]);
    expect(conn.status).toBe('pending');
    const link = await json(['connections', 'connect', conn.id]);
    expect(link.connect_url).toMatch(/\/spaces\/default\/connections\/connect\/\S+$/);
    expect(link.expires_at).toEqual(expect.any(String));
    const text = await s.cli(['connections', 'connect', conn.id]);
    expect(text.stdout).toMatch(/Open this link in a browser/);

    const pending = await json(['connections', 'list', '--status', 'pending']);
    expect(pending.items.map((c: { name: string }) => c.name)).toEqual(['Person Conn']);
    const several = await json(['connections', 'list', '--status', 'pending,connected', '--provider-client', custom]);
    expect(several.items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Person Conn', 'Key Conn']));
    const bad = await s.cli(['connections', 'list', '--status', 'asleep']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\(field: status\)/);

    const noToken = await s.cli(['connections', 'token', conn.id]);
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/not been connected yet/);
  });

  it('update changes what it is given; --disable stops the token, --enable brings it back', async () => {
    const conn = await json(
      ['connections', 'create', '--name', 'Basic Conn', '--kind', 'basic', '--provider-client', custom, '--credentials-stdin'],
      '{"username":"svc","password":"pw-1"}',
    );
    const updated = await json(['connections', 'update', conn.id, '--description', 'nightly export', '--renewal-rate', '7200', '--disable']);
    expect(updated).toMatchObject({ description: 'nightly export', renewal_rate: 7200, status: 'disabled' });
    const refused = await s.cli(['connections', 'token', conn.id]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/disabled/);
    expect((await json(['connections', 'update', conn.id, '--enable'])).status).toBe('connected');
    expect((await json(['connections', 'refresh', conn.id])).status).toBe('connected');
  });

  it('refuses bad input with the field, and bad credentials JSON without echoing it', async () => {
    const bad = await s.cli(
      ['connections', 'create', '--name', 'Bad!', '--kind', 'api_key', '--provider-client', custom, '--credentials-stdin'],
      {},
      '{"api_key":"k"}',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\(field: name\)/);
    const notJson = await s.cli(
      ['connections', 'create', '--name', 'Broken', '--kind', 'api_key', '--provider-client', custom, '--credentials-stdin'],
      {},
      'secret-not-json',
    );
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/must be a JSON object/);
    expect(notJson.stderr).not.toContain('secret-not-json');
    const kind = await s.cli(['connections', 'create', '--name', 'Kindless', '--kind', 'saml', '--provider-client', custom]);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toMatch(/--kind/);
    const missing = await s.cli(['connections', 'show', '00000000-0000-4000-8000-000000000000']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found/);
  });
});
