// Workers dying under load (SIGTERM: a rolling restart; SIGKILL: a crash or the OOM killer) while clients keep
// opening connections: every request gets an answer or a prompt connection error, never silence until the client
// gives up. (With node:cluster's round-robin hand-off, a connection the primary accepted and passed to a worker that
// died before taking it stayed open in the primary, unanswered.)
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import { childrenOf, requireBuild, run, type Proc } from './process.js';

beforeAll(requireBuild);

// A hung connection waits forever; 8 s leaves room for a loaded CI machine while a replacement worker starts.
const HANG_MS = 8_000;
type Outcome = 'answered' | 'refused' | 'hung';

/** One request on a fresh connection: answered (any status), refused (a connection error), or hung (no news in HANG_MS). */
function probe(url: string): Promise<{ outcome: Outcome; detail: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ outcome: 'answered', detail: String(res.statusCode) }));
      res.on('error', (err) => resolve({ outcome: 'refused', detail: (err as NodeJS.ErrnoException).code ?? err.message }));
    });
    req.setTimeout(HANG_MS, () => {
      resolve({ outcome: 'hung', detail: 'no answer' });
      req.destroy();
    });
    req.on('error', (err) => resolve({ outcome: 'refused', detail: (err as NodeJS.ErrnoException).code ?? err.message }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!PG_URL)('KEYWARD_WORKERS: workers dying under load', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let p: Proc;
  let url: string;

  beforeAll(async () => {
    db = await createPgDatabase();
    p = run(['serve'], {
      KEYWARD_HOST: '127.0.0.1',
      KEYWARD_PORT: '0',
      KEYWARD_WORKERS: '3',
      KEYWARD_DATABASE_URL: db.url,
      KEYWARD_MASTER_KEY: Buffer.alloc(32, 5).toString('base64'),
    });
    [, url] = (await p.waitFor(/listening on (http:\/\/\S+)/, 30_000)) as [string, string];
  }, 40_000);

  afterAll(async () => {
    if (p && p.child.exitCode === null) {
      for (const pid of childrenOf(p.child.pid!)) process.kill(pid, 'SIGKILL');
      p.child.kill('SIGKILL');
    }
    await db?.drop();
  });

  it('answers or refuses every request promptly while workers are killed (SIGTERM and SIGKILL)', async () => {
    const outcomes: { outcome: Outcome; detail: string; at: number }[] = [];
    let running = true;
    const loops = Array.from({ length: 24 }, async () => {
      while (running) {
        const at = Date.now();
        outcomes.push({ ...(await probe(`${url}/healthz`)), at });
      }
    });
    const kills: string[] = [];
    // Four deaths: the primary replaces up to five a minute (RESTART_LIMIT).
    let listening = 3;
    for (const signal of ['SIGKILL', 'SIGTERM', 'SIGKILL', 'SIGTERM'] as const) {
      await sleep(700);
      const workers = childrenOf(p.child.pid!);
      const victim = workers[Math.floor(Math.random() * workers.length)]!;
      process.kill(victim, signal);
      kills.push(`${signal} ${victim}`);
      // Wait for the replacement to listen, so that every kill meets a full cluster under load.
      await p.waitFor(new RegExp(`(Server listening at[^\\n]*\\n[^]*){${++listening}}`), 30_000);
      await sleep(300);
    }
    running = false;
    await Promise.all(loops);
    const count = (o: Outcome) => outcomes.filter((x) => x.outcome === o).length;
    const summary = `${outcomes.length} requests: ${count('answered')} answered, ${count('refused')} refused (${[...new Set(outcomes.filter((x) => x.outcome === 'refused').map((x) => x.detail))].join(', ')}), ${count('hung')} hung; kills: ${kills.join(', ')}`;
    process.stderr.write(summary + '\n');
    expect(count('hung'), `${summary}\n${p.out().slice(-3000)}`).toBe(0);
    expect(count('answered')).toBeGreaterThan(outcomes.length * 0.9);
    // The cluster is whole and serving.
    expect(p.child.exitCode).toBe(null);
    expect((await probe(`${url}/healthz`)).outcome).toBe('answered');
  }, 120_000);
});
