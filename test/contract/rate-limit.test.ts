// Limiter contract: MemoryLimiter and RedisLimiter count failures in fixed windows the same way. Redis runs when
// KEYWARD_TEST_REDIS_URL is set (always under CI).
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { createLimiter, MemoryLimiter, RedisLimiter, type Limiter } from '../../src/store/counters.js';
import { closedPort, deleteKeys, REDIS_URL, redisNotice, testPrefix } from '../helpers/redis.js';

redisNotice();
const silent = { error: () => {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HAS_REDIS_SERVER = spawnSync('redis-server', ['--version']).status === 0;
const KINDS = REDIS_URL ? (['memory', 'redis'] as const) : (['memory'] as const);

describe.each(KINDS)('Limiter contract (%s)', (kind) => {
  let limiter: Limiter;
  const prefix = testPrefix();
  beforeAll(async () => {
    if (kind === 'memory') limiter = new MemoryLimiter();
    else {
      const r = new RedisLimiter(REDIS_URL!, silent, prefix);
      await r.connect();
      limiter = r;
    }
  });
  afterAll(async () => {
    await limiter?.close();
    if (kind === 'redis') await deleteKeys(prefix);
  });

  it('opens a window on the first failure and counts within it', async () => {
    expect(await limiter.peek('a')).toEqual({ count: 0, resetMs: 0 });
    const first = await limiter.add('a', 10_000);
    expect(first.count).toBe(1);
    expect(first.resetMs).toBeGreaterThan(9_000);
    expect(first.resetMs).toBeLessThanOrEqual(10_000);
    await sleep(20);
    const third = (await limiter.add('a', 10_000), await limiter.add('a', 10_000));
    expect(third.count).toBe(3);
    // A fixed window: later failures do not push its end back.
    expect(third.resetMs).toBeLessThan(first.resetMs);
    const peeked = await limiter.peek('a');
    expect(peeked.count).toBe(3);
    expect(peeked.resetMs).toBeGreaterThan(0);
    expect((await limiter.peek('b')).count).toBe(0);
  });

  it('resets a key', async () => {
    await limiter.add('r', 10_000);
    await limiter.reset('r');
    expect(await limiter.peek('r')).toEqual({ count: 0, resetMs: 0 });
    expect((await limiter.add('r', 10_000)).count).toBe(1);
  });

  it('forgets a window once it ends', async () => {
    await limiter.add('e', 150);
    await limiter.add('e', 150);
    expect((await limiter.peek('e')).count).toBe(2);
    await sleep(300);
    expect(await limiter.peek('e')).toEqual({ count: 0, resetMs: 0 });
    expect((await limiter.add('e', 150)).count).toBe(1);
  });

  it('counts 50 concurrent failures exactly', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.add('c', 10_000)));
    expect(results.map((w) => w.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await limiter.peek('c')).count).toBe(50);
  });
});

describe('MemoryLimiter', () => {
  it('stays bounded: expired windows go first, then the oldest', async () => {
    const m = new MemoryLimiter();
    for (let i = 0; i < MemoryLimiter.MAX_ENTRIES; i++) await m.add(`old${i}`, 1);
    await sleep(5);
    await m.add('fresh', 10_000);
    expect(m.size).toBe(1);
    for (let i = 0; i < MemoryLimiter.MAX_ENTRIES + 10; i++) await m.add(`live${i}`, 60_000);
    expect(m.size).toBeLessThanOrEqual(MemoryLimiter.MAX_ENTRIES);
    expect((await m.peek(`live${MemoryLimiter.MAX_ENTRIES + 9}`)).count).toBe(1);
  });
});

describe.runIf(REDIS_URL)('RedisLimiter', () => {
  const prefix = testPrefix();
  afterAll(async () => deleteKeys(prefix));

  it('shares counts between nodes, under keyward:rl: keys that expire', async () => {
    const [a, b] = [new RedisLimiter(REDIS_URL!, silent, prefix), new RedisLimiter(REDIS_URL!, silent, prefix)];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await Promise.all([a.add('shared', 60_000), b.add('shared', 60_000), a.add('shared', 60_000)]);
      expect((await b.peek('shared')).count).toBe(3);
      await b.reset('shared');
      expect((await a.peek('shared')).count).toBe(0);
      await a.add('ttl', 60_000);
      const raw = new Redis(REDIS_URL!);
      expect(prefix.startsWith('keyward:rl:')).toBe(true);
      expect(await raw.get(`${prefix}ttl`)).toBe('1');
      expect(await raw.pttl(`${prefix}ttl`)).toBeGreaterThan(59_000);
      raw.disconnect();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('fails open when Redis is down: counts read 0, nothing throws, one log line without the key', async () => {
    const lines: unknown[] = [];
    const down = new RedisLimiter(`redis://127.0.0.1:${await closedPort()}`, { error: (obj, msg) => lines.push([obj, msg]) });
    try {
      const started = Date.now();
      expect(await down.add('user-secret-name', 60_000)).toEqual({ count: 0, resetMs: 0 });
      expect(await down.add('user-secret-name', 60_000)).toEqual({ count: 0, resetMs: 0 });
      expect(await down.peek('user-secret-name')).toEqual({ count: 0, resetMs: 0 });
      await down.reset('user-secret-name');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(lines).toHaveLength(1);
      expect(JSON.stringify(lines)).not.toContain('user-secret-name');
    } finally {
      await down.close();
    }
  });
});

// A Redis of its own, killed and restarted: the shared one must stay up for the other tests.
describe.runIf(REDIS_URL && HAS_REDIS_SERVER)('RedisLimiter during an outage', () => {
  it('fails open while Redis is gone and counts again once it is back', async () => {
    const port = await closedPort();
    const start = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    let server = start();
    const lines: unknown[] = [];
    const limiter = new RedisLimiter(`redis://127.0.0.1:${port}`, { error: (obj, msg) => lines.push([obj, msg]) });
    try {
      for (let i = 0; ; i++) {
        try {
          await limiter.connect(500);
          break;
        } catch (err) {
          if (i > 20) throw err;
          await sleep(100);
        }
      }
      expect((await limiter.add('k', 60_000)).count).toBe(1);
      expect((await limiter.add('k', 60_000)).count).toBe(2);
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      const started = Date.now();
      expect(await limiter.add('k', 60_000)).toEqual({ count: 0, resetMs: 0 });
      expect(await limiter.peek('k')).toEqual({ count: 0, resetMs: 0 });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(lines).toHaveLength(1);
      server = start();
      let back = 0;
      for (let i = 0; i < 50 && back === 0; i++) {
        await sleep(100);
        back = (await limiter.add('k', 60_000)).count;
      }
      expect(back).toBe(1); // a fresh Redis without persistence: counting starts over
      expect(lines).toHaveLength(1); // still one line: at most one a minute
    } finally {
      await limiter.close();
      server.kill('SIGKILL');
    }
  });
});

describe('createLimiter and KEYWARD_REDIS_URL', () => {
  it('validates the URL', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ KEYWARD_REDIS_URL: 'rediss://user:pw@cache.example:6380/2' }).redisUrl).toBe('rediss://user:pw@cache.example:6380/2');
    for (const bad of ['http://cache.example', 'cache.example:6379']) {
      expect(() => loadConfig({ KEYWARD_REDIS_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ KEYWARD_REDIS_URL: bad })).toThrow(/KEYWARD_REDIS_URL/);
    }
  });

  it('uses memory without a URL', async () => {
    expect(await createLimiter({ redisUrl: undefined }, silent)).toBeInstanceOf(MemoryLimiter);
  });

  it('refuses to start within ~3 s when Redis does not answer', async () => {
    const started = Date.now();
    await expect(createLimiter({ redisUrl: `redis://127.0.0.1:${await closedPort()}` }, silent)).rejects.toThrow(/did not answer PING/);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it.runIf(REDIS_URL)('connects to Redis when it answers', async () => {
    const l = await createLimiter({ redisUrl: REDIS_URL }, silent);
    try {
      expect(l).toBeInstanceOf(RedisLimiter);
    } finally {
      await l.close();
    }
  });
});
