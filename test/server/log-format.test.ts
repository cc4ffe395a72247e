// The real server's stdout in both log formats: without a terminal every line is JSON (the start-up lines too, their
// URLs as fields, for a log collector), with KEYWARD_LOG_FORMAT=pretty lines for people; in both, one line per
// request and no secret.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, run, type Proc } from './process.js';

beforeAll(requireBuild);

const PASSWORD = 'correct horse battery staple';

/** A first start's hour: setup page, admin API, a token. Returns how many requests it sent and the secrets seen. */
async function firstHour(url: string, setupUrl: string): Promise<{ requests: number; secrets: string[] }> {
  let requests = 0;
  const send = (p: string, init?: RequestInit) => (requests++, fetch(url + p, init));
  const setup = new URL(setupUrl);
  const code = setup.searchParams.get('code')!;
  expect((await send('/healthz')).status).toBe(200);
  expect((await send(setup.pathname + setup.search)).status).toBe(200);
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const page = await send('/setup', { method: 'POST', headers: form, body: new URLSearchParams({ code, email: 'o@example.com', password: PASSWORD }) });
  const token = /<span id="token">([^<]+)<\/span>/.exec(await page.text())![1]!;
  const created = await send('/admin/api/v1/spaces/default/clients', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'logged', grant_types: ['client_credentials'] }),
  });
  const client = (await created.json()) as { client_id: string; client_secret: string };
  const issued = await send('/spaces/default/token', {
    method: 'POST',
    headers: { ...form, authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  const { access_token } = (await issued.json()) as { access_token: string };
  expect((await send('/nowhere?token=x')).status).toBe(404);
  const secrets = [code, PASSWORD, token, client.client_secret, access_token];
  for (const s of secrets) expect(s).toBeTruthy();
  return { requests, secrets };
}

async function serve(env: Record<string, string>): Promise<Proc> {
  const p = run(['serve'], { KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0', KEYWARD_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kw-logs-')), ...env });
  // A first start (initdb, migrations) on a loaded machine can take minutes.
  await p.waitFor(/listening on http/, 150_000);
  return p;
}

async function stop(p: Proc): Promise<string[]> {
  p.child.kill('SIGTERM');
  expect(await p.exit, p.out()).toBe(0);
  return p.stdout().split('\n').filter(Boolean);
}

const parsesToObject = (line: string): boolean => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};

describe('log format', () => {
  it('writes only JSON lines without a terminal: the start-up lines with their URLs as fields, one line per request', { timeout: 300_000 }, async () => {
    const p = await serve({});
    let requests: number;
    let secrets: string[];
    let lines: string[];
    try {
      const banner = p
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, string>)
        .find((l) => l.msg?.startsWith('Keyward is listening on '))!;
      expect(banner).toMatchObject({
        level: 30,
        store: 'embedded',
        workers: 1,
        adminApi: expect.stringMatching(/\/admin\/api\/v1$/),
        console: expect.stringMatching(/\/console\/$/),
      });
      expect(banner.issuer).toMatch(/^http:\/\/localhost:\d+\/spaces\/default$/);
      ({ requests, secrets } = await firstHour(banner.url!, banner.setupUrl!));
    } finally {
      lines = await stop(p);
    }
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((l) => l.msg)).toContain('shutting down: finishing in-flight requests');
    expect(parsed.find((l) => String(l.msg).startsWith('Created a new master key'))).toHaveProperty('masterKeyFile');
    // Exactly one line per request: method, path without the query, status, time, request id.
    const requestLines = parsed.filter((l) => 'reqId' in l);
    expect(requestLines.map((l) => [l.method, l.path, l.statusCode, l.msg])).toEqual([
      ['GET', '/healthz', 200, 'request completed'],
      ['GET', '/setup', 200, 'request completed'],
      ['POST', '/setup', 201, 'request completed'],
      ['POST', '/admin/api/v1/spaces/default/clients', 201, 'request completed'],
      ['POST', '/spaces/default/token', 200, 'request completed'],
      ['GET', '/nowhere', 404, 'request completed'],
    ]);
    expect(requestLines).toHaveLength(requests);
    expect(new Set(requestLines.map((l) => l.reqId)).size).toBe(requests);
    for (const l of requestLines) expect(l.responseTime).toEqual(expect.any(Number));
    // The setup code is in the start-up line (that is how the first admin finds the page) and nowhere else.
    const [code, ...others] = secrets;
    expect(lines.filter((l) => l.includes(code!))).toHaveLength(1);
    for (const s of others) expect(lines.join('\n')).not.toContain(s);
  });

  it(
    'writes lines for people with KEYWARD_LOG_FORMAT=pretty: the start-up lines as they read, one line per request, no JSON',
    { timeout: 300_000 },
    async () => {
      const p = await serve({ KEYWARD_LOG_FORMAT: 'pretty' });
      let requests: number;
      let secrets: string[];
      let lines: string[];
      try {
        const [, url] = /INFO: Keyward is listening on (http:\/\/\S+) \(store: embedded/.exec(p.stdout())!;
        expect(p.stdout()).toMatch(/\n {2}CLI: +export KEYWARD_URL=http:\/\/localhost:\d+\n/);
        const [, setupUrl] = /\n {2}First start: create the first admin at (http:\/\/\S+) {2}\(one-time link\)\n/.exec(p.stdout())!;
        ({ requests, secrets } = await firstHour(url!, setupUrl!));
      } finally {
        lines = await stop(p);
      }
      for (const line of lines) expect(parsesToObject(line), line).toBe(false);
      expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] INFO: Created a new master key in /);
      const requestLines = lines.filter((l) => / INFO: (GET|POST) \S+ \d{3} [\d.]+ ms \(req-\d+\)$/.test(l));
      expect(requestLines).toHaveLength(requests);
      expect(requestLines[1]).toMatch(/ INFO: GET \/setup 200 [\d.]+ ms \(req-2\)$/);
      expect(requestLines[5]).toMatch(/ INFO: GET \/nowhere 404 /);
      const [code, ...others] = secrets;
      expect(lines.filter((l) => l.includes(code!))).toHaveLength(1);
      for (const s of others) expect(lines.join('\n')).not.toContain(s);
    },
  );
});
