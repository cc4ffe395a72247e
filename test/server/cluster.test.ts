// `keyward serve` with KEYWARD_WORKERS: a primary and worker processes sharing one port (node:cluster) on one
// PostgreSQL database. Each worker accepts from the shared socket (SCHED_NONE), so requests on fresh connections are
// spread over the workers: a change made through one must be seen by all (NOTIFY), one key must sign for all.
import http from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import { RESTART_LIMIT } from '../../src/cluster.js';
import { childrenOf, requireBuild, run, runToEnd, type Proc } from './process.js';

beforeAll(requireBuild);

const base = { KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0' };

/** A request on a connection of its own (no keep-alive): any worker may take it. */
function fresh(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('KEYWARD_WORKERS: configuration', () => {
  it('refuses several processes on the embedded store (exit 2, naming the key)', async () => {
    const r = await runToEnd(['serve'], { ...base, KEYWARD_WORKERS: '2', KEYWARD_DATA_DIR: '/tmp/kw-never-created' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('KEYWARD_WORKERS must be 1 with the embedded store');
  });

  it('refuses a value that is neither auto nor a number', async () => {
    const r = await runToEnd(['serve'], { ...base, KEYWARD_WORKERS: 'many' });
    expect(r.code).toBe(2);
    expect(r.out).toContain('KEYWARD_WORKERS must be auto or an integer from 1 to 64, got "many"');
  });
});

describe.skipIf(!PG_URL)('KEYWARD_WORKERS=3 on PostgreSQL', () => {
  const token = 'boot_' + 'c3'.repeat(20);
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let p: Proc;
  let url: string;
  const admin = (method: string, path: string, body?: unknown) =>
    fresh(`${url}/admin/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    db = await createPgDatabase();
    p = run(['serve'], {
      ...base,
      KEYWARD_WORKERS: '3',
      KEYWARD_DATABASE_URL: db.url,
      KEYWARD_MASTER_KEY: Buffer.alloc(32, 9).toString('base64'),
      KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
      KEYWARD_BOOTSTRAP_ADMIN_TOKEN: token,
    });
    [, url] = (await p.waitFor(/listening on (http:\/\/\S+)/, 30_000)) as [string, string];
  }, 40_000);

  afterAll(async () => {
    if (p && p.child.exitCode === null) {
      p.child.kill('SIGKILL');
      for (const pid of childrenOf(p.child.pid!)) process.kill(pid, 'SIGKILL');
    }
    await db?.drop();
  });

  it('starts three workers under one primary and prints the banner and the bootstrap line once', () => {
    expect(childrenOf(p.child.pid!)).toHaveLength(3);
    expect(p.out().match(/listening on/g)).toHaveLength(1);
    expect(p.out()).toContain('3 processes');
    expect(p.out().match(/Created the first admin/g)).toHaveLength(1);
  });

  it('issues tokens from every worker with one signing key, and a deactivation reaches every worker', async () => {
    const scope = await admin('POST', '/spaces/default/scopes', { name: 'api', description: 'API', default: true });
    expect(scope.status).toBe(201);
    const created = await admin('POST', '/spaces/default/clients', { name: 'cluster-app', grant_types: ['client_credentials'], scope: 'api' });
    expect(created.status).toBe(201);
    const client = JSON.parse(created.body) as { client_id: string; client_secret: string };
    const tokenRequest = () =>
      fresh(`${url}/spaces/default/token`, {
        method: 'POST',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64'),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });

    // Nine fresh connections, spread over the three workers, all at once (the keys are made on first use).
    const answers = await Promise.all(Array.from({ length: 9 }, tokenRequest));
    for (const a of answers) expect(a.status, a.body).toBe(200);
    // One key per algorithm, however many workers raced to make it: the space's (ES256) and the RS256 key every
    // space has for ID tokens.
    const jwks = JSON.parse((await fresh(`${url}/spaces/default/jwks`)).body) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    const accessKey = jwks.keys.find((k) => k.alg === 'ES256')!;
    const keySet = createLocalJWKSet(jwks as never);
    for (const a of answers) {
      const { protectedHeader } = await jwtVerify((JSON.parse(a.body) as { access_token: string }).access_token, keySet);
      expect(protectedHeader.kid).toBe(accessKey.kid);
    }

    // Every worker has the client cached now; deactivating it through one must refuse it at all of them.
    expect((await admin('PATCH', `/spaces/default/clients/${client.client_id}`, { active: false })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300)); // NOTIFY is asynchronous
    const after = await Promise.all(Array.from({ length: 9 }, tokenRequest));
    for (const a of after) {
      expect(a.status, a.body).toBe(401);
      expect(JSON.parse(a.body)).toMatchObject({ error: 'invalid_client' });
    }
  });

  it('replaces a worker that dies, and keeps serving', async () => {
    const [victim] = childrenOf(p.child.pid!);
    process.kill(victim!, 'SIGKILL');
    await p.waitFor(/a worker exited; starting a replacement/);
    const deadline = Date.now() + 15_000;
    while (childrenOf(p.child.pid!).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(childrenOf(p.child.pid!)).toHaveLength(3);
    expect(childrenOf(p.child.pid!)).not.toContain(victim);
    await p.waitFor(/(Server listening at[^\n]*\n[^]*){4}/); // the three first workers and the replacement
    for (let i = 0; i < 6; i++) expect((await fresh(`${url}/healthz`)).status).toBe(200);
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = childrenOf(p.child.pid!);
    p.child.kill('SIGTERM');
    expect(await p.exit, p.out()).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe.skipIf(!PG_URL)('KEYWARD_WORKERS: a crash loop', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let p: Proc | undefined;
  beforeAll(async () => {
    db = await createPgDatabase();
  });
  afterAll(async () => {
    if (p && p.child.exitCode === null) {
      for (const pid of childrenOf(p.child.pid!)) process.kill(pid, 'SIGKILL');
      p.child.kill('SIGKILL');
    }
    await db?.drop();
  });

  it(`replaces dying workers ${RESTART_LIMIT} times a minute, then stops everything with exit 1`, async () => {
    p = run(['serve'], { ...base, KEYWARD_WORKERS: '2', KEYWARD_DATABASE_URL: db.url, KEYWARD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') });
    await p.waitFor(/listening on/, 30_000);
    const listening = (n: number) => new RegExp(`(Server listening at[^\\n]*\\n[^]*){${n}}`);
    for (let i = 1; i <= RESTART_LIMIT; i++) {
      process.kill(childrenOf(p.child.pid!)[0]!, 'SIGKILL');
      await p.waitFor(listening(2 + i), 20_000); // the replacement is up
    }
    const workers = childrenOf(p.child.pid!);
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, 'SIGKILL');
    expect(await p.exit, p.out()).toBe(1);
    expect(p.out()).toContain(`workers keep exiting (${RESTART_LIMIT + 1} in 60 s); stopping`);
    expect(p.out().match(/a worker exited; starting a replacement/g)).toHaveLength(RESTART_LIMIT);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 180_000);
});
