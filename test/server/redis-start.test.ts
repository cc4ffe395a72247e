// `keyward serve` with KEYWARD_REDIS_URL: an unreachable Redis stops the start (exit 1, a clear message); a
// reachable one is used and the server closes its connection on SIGTERM.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../helpers/data-dir.js';
import { closedPort, REDIS_URL, redisNotice } from '../helpers/redis.js';
import { requireBuild, run, runToEnd } from './process.js';

redisNotice();
const tmp = () => mkdtempSync(path.join(tmpdir(), 'kw-redis-'));
const base = { KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0' };

beforeAll(requireBuild);

describe('keyward serve with KEYWARD_REDIS_URL', () => {
  it('refuses to start when Redis does not answer', async () => {
    const started = Date.now();
    const r = await runToEnd(['serve'], { ...base, KEYWARD_DATA_DIR: tmp(), KEYWARD_REDIS_URL: `redis://:pw-not-shown@127.0.0.1:${await closedPort()}` });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/keyward: Redis at 127\.0\.0\.1:\d+ \(KEYWARD_REDIS_URL\) did not answer PING/);
    expect(r.out).not.toContain('pw-not-shown');
    expect(r.out).not.toContain('listening on');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('exits 2 on a URL that is not redis:// or rediss://', async () => {
    const r = await runToEnd(['serve'], { ...base, KEYWARD_DATA_DIR: tmp(), KEYWARD_REDIS_URL: 'http://127.0.0.1:6379' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/KEYWARD_REDIS_URL must use redis: or rediss:/);
  });

  it.runIf(REDIS_URL)('starts with a reachable Redis and stops cleanly', async () => {
    const p = run(['serve'], { ...base, KEYWARD_DATA_DIR: await migratedDataDir('kw-redis-'), KEYWARD_REDIS_URL: REDIS_URL! });
    try {
      await p.waitFor(/listening on/);
    } finally {
      p.child.kill('SIGTERM');
    }
    expect(await p.exit, p.out()).toBe(0);
  });
});
