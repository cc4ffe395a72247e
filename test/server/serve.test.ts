// `keyward serve` and `keyward migrate` as real processes: start-up messages, bootstrap, configuration errors,
// graceful shutdown, concurrent migrations.
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../helpers/data-dir.js';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import { requireBuild, run, runToEnd } from './process.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'kw-serve-'));
// Real starts of a process (a first one runs initdb and every migration) on a loaded 2-core machine take far more
// than the usual 30 s: 20 s for two starts was seen in CI.
const STARTS = { timeout: 120_000 };
const base = { KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0' };

beforeAll(requireBuild);

describe('keyward serve', () => {
  it('prints the URLs and a one-time setup link on a first start without bootstrap variables', STARTS, async () => {
    const dir = tmp();
    // The lines as people read them (the JSON form: log-format.test.ts).
    const p = run(['serve'], { ...base, KEYWARD_DATA_DIR: dir, KEYWARD_LOG_FORMAT: 'pretty' });
    try {
      const [, url] = await p.waitFor(/listening on (http:\/\/\S+)/);
      expect(p.out()).toMatch(/Created a new master key in .*master\.key/);
      // The CLI's address, ready to paste.
      expect(p.out()).toMatch(/CLI: +export KEYWARD_URL=http:\/\/localhost:\d+\n/);
      const [, setup] = await p.waitFor(/(http:\/\/\S+\/setup\?code=\S+)/);
      const port = new URL(url!).port;
      const page = await fetch(setup!.replace(/localhost:\d+/, `127.0.0.1:${port}`));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('autocomplete="username"');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    } finally {
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
    }
  });

  it('creates the bootstrap owner once, whose token works, and never logs the token', STARTS, async () => {
    const dir = await migratedDataDir('kw-serve-');
    const token = 'boot_' + 'a1'.repeat(20);
    const env = {
      ...base,
      KEYWARD_DATA_DIR: dir,
      KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
      KEYWARD_BOOTSTRAP_ADMIN_TOKEN: token,
      KEYWARD_LOG_LEVEL: 'trace',
    };
    for (const round of [1, 2]) {
      const p = run(['serve'], env);
      const [, url] = await p.waitFor(/listening on (http:\/\/\S+)/);
      const res = await fetch(`${url}/admin/api/v1/admins`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: { email: string; roles: unknown[] }[] };
      expect(items).toEqual([expect.objectContaining({ email: 'root@example.com', roles: [{ space: '*', role: 'owner' }] })]);
      expect(p.out().includes('Created the first admin')).toBe(round === 1);
      expect(p.out()).not.toContain('setup?code=');
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
      expect(p.out()).not.toContain(token);
    }
  });

  it('finishes an in-flight request on SIGTERM, then exits 0', STARTS, async () => {
    const token = 'boot_' + 'b2'.repeat(20);
    const p = run(['serve'], {
      ...base,
      KEYWARD_DATA_DIR: await migratedDataDir('kw-serve-'),
      KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'r@example.com',
      KEYWARD_BOOTSTRAP_ADMIN_TOKEN: token,
    });
    const [, url] = await p.waitFor(/listening on (http:\/\/\S+)/);
    const { port } = new URL(url!);
    const body = JSON.stringify({ slug: 'inflight', display_name: 'In flight' });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/admin/api/v1/spaces',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      // Half the body now, the signal, then the rest: the request is in flight when SIGTERM arrives.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        p.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toMatchObject({ slug: 'inflight' });
    expect(await p.exit).toBe(0);
    expect(p.out()).toMatch(/shutting down/);
  });

  it.each([
    [{ KEYWARD_PORT: 'x' }, /KEYWARD_PORT must be an integer/],
    [{ KEYWARD_DATABASE_URL: 'postgres://127.0.0.1/none' }, /KEYWARD_MASTER_KEY is required/],
    [{ KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'a@b.c', KEYWARD_BOOTSTRAP_ADMIN_PASSWORD: 'short' }, /KEYWARD_BOOTSTRAP_ADMIN_PASSWORD must be at least 12/],
    [{ KEYWARD_LOG_FORMAT: 'text' }, /KEYWARD_LOG_FORMAT must be pretty or json, got "text"/],
  ])('exits 2 on bad configuration %o with a message naming the key', async (env, message) => {
    const r = await runToEnd(['serve'], { KEYWARD_DATA_DIR: tmp(), ...env });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('answers --help for serve with the configuration keys', async () => {
    const r = await runToEnd(['serve', '--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain('KEYWARD_DATABASE_URL');
  });
});

describe('keyward migrate', () => {
  it('is safe to run twice on the embedded store', STARTS, async () => {
    const dir = tmp();
    for (let i = 0; i < 2; i++) {
      const r = await runToEnd(['migrate'], { KEYWARD_DATA_DIR: dir });
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('Migrations are up to date.');
    }
  });

  it.skipIf(!PG_URL)('runs from two processes at once on one PostgreSQL database (advisory lock)', async () => {
    const db = await createPgDatabase();
    try {
      const env = { KEYWARD_DATABASE_URL: db.url, KEYWARD_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') };
      const results = await Promise.all([runToEnd(['migrate'], env), runToEnd(['migrate'], env), runToEnd(['migrate'], env)]);
      for (const r of results) expect(r.code, r.out).toBe(0);
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const applied = await c.query('select count(*)::int as n from drizzle.__drizzle_migrations');
      const tables = await c.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
      await c.end();
      expect(applied.rows[0].n).toBeGreaterThanOrEqual(1);
      expect(tables.rows[0].n).toBeGreaterThanOrEqual(8);
      const again = await runToEnd(['migrate'], env);
      expect(again.code).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
