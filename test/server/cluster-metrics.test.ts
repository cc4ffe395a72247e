// Metrics with KEYWARD_WORKERS=2: the primary answers for both workers, on KEYWARD_METRICS_PORT itself and, for
// /metrics on the main port, through whichever worker took the request (it asks the primary over IPC). Counters are
// summed over the workers, and process metrics are not counted twice: the primary serves no request and adds none
// of its own (process_max_fds, the same in every process, reads exactly twice one process's limit).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import { scrape, valueOf } from '../helpers/metrics.js';
import { childrenOf, requireBuild, run, type Proc } from './process.js';

beforeAll(requireBuild);

const ADMIN = 'boot_' + 'm7'.repeat(20);
const TOKEN = 'metrics-token-8d2b6f0a4c1e';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A request on a connection of its own (no keep-alive): either worker may take it. */
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

const maxOpenFiles = (pid: number) => Number(/^Max open files\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))![1]);

describe.skipIf(!PG_URL)('metrics with KEYWARD_WORKERS=2 on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let p: Proc;
  let url: string;
  let metricsUrl: string;

  beforeAll(async () => {
    db = await createPgDatabase();
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    p = run(['serve'], {
      KEYWARD_HOST: '127.0.0.1',
      KEYWARD_PORT: '0',
      KEYWARD_WORKERS: '2',
      KEYWARD_DATABASE_URL: db.url,
      KEYWARD_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'root@example.com',
      KEYWARD_BOOTSTRAP_ADMIN_TOKEN: ADMIN,
      KEYWARD_METRICS_PORT: String(metricsPort),
      KEYWARD_METRICS_TOKEN: TOKEN,
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

  it('sums both workers on the metrics port and on the main port, and counts no process twice', async () => {
    expect(p.out()).toContain(`"metrics":"${metricsUrl}"`);
    expect(p.out()).not.toContain(TOKEN);
    const admin = (path: string, body: unknown) =>
      fresh(`${url}/admin/api/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await admin('/spaces/default/scopes', { name: 'api', description: 'API', default: true })).status).toBe(201);
    const created = await admin('/spaces/default/clients', { name: 'cluster-metrics', grant_types: ['client_credentials'], scope: 'api' });
    const c = JSON.parse(created.body) as { client_id: string; client_secret: string };

    // Twenty token requests on fresh connections, spread over the two workers by the kernel.
    const N = 20;
    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        fresh(`${url}/spaces/default/token`, {
          method: 'POST',
          headers: {
            authorization: 'Basic ' + Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64'),
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
        }),
      ),
    );
    for (const a of answers) expect(a.status, a.body).toBe(200);

    const workers = childrenOf(p.child.pid!);
    expect(workers).toHaveLength(2);
    const twoProcesses = workers.reduce((sum, pid) => sum + maxOpenFiles(pid), 0);

    expect((await fresh(metricsUrl)).status).toBe(401);
    const fromPrimary = await scrape(metricsUrl, TOKEN);
    // Several scrapes on the main port: whichever worker takes one answers for both.
    const fromWorkers = await Promise.all([1, 2, 3, 4].map(() => scrape(`${url}/metrics`, TOKEN)));
    for (const m of [fromPrimary, ...fromWorkers]) {
      expect(valueOf(m, 'keyward_tokens_issued_total', { grant_type: 'client_credentials', format: 'jwt' })).toBe(N);
      expect(valueOf(m, 'keyward_http_request_duration_seconds', { route: '/spaces/:space/token', status_code: '200' })).toBe(N);
      expect(valueOf(m, 'process_max_fds')).toBe(twoProcesses);
      // The connections gauge reads the shared database: the largest answer of the workers, not their sum.
      expect(valueOf(m, 'keyward_connections', { status: 'pending' })).toBe(0);
      // Each worker's pool holds at least one connection by now; pools are summed.
      expect(valueOf(m, 'keyward_db_pool_connections')).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);
});
