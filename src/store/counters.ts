// Failure counters in fixed windows, for the brute-force limits on sign-in (src/oauth/login-guard.ts). One node
// counts in memory; several nodes share the counts through Redis when KEYWARD_REDIS_URL is set.
//
// Decision: at runtime a Redis error fails OPEN (the count reads as 0, the attempt is allowed, an error is logged
// at most once a minute). A Redis outage must not lock every user out; the passwords are still checked with
// Argon2id, which bounds guessing speed meanwhile. At start-up an unreachable Redis stops the server instead
// (createLimiter), so a wrong URL is noticed at once rather than silently running without limits.
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.js';

export interface Window {
  /** Failures counted in the current window (0 when none is open). */
  count: number;
  /** Milliseconds until the current window ends (0 when none is open). */
  resetMs: number;
}

export interface Limiter {
  peek(key: string): Promise<Window>;
  /** Counts one failure; the first one opens a window of windowMs. */
  add(key: string, windowMs: number): Promise<Window>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface LimiterLogger {
  error(obj: object, msg: string): void;
}

const NONE: Window = { count: 0, resetMs: 0 };

/** Per-process counters. Bounded: past MAX_ENTRIES expired windows are dropped, then the oldest live ones. */
export class MemoryLimiter implements Limiter {
  static readonly MAX_ENTRIES = 50_000;
  private readonly windows = new Map<string, { count: number; until: number }>();

  get size(): number {
    return this.windows.size;
  }

  private live(key: string, now: number) {
    const w = this.windows.get(key);
    if (w && w.until <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  async peek(key: string): Promise<Window> {
    const now = Date.now();
    const w = this.live(key, now);
    return w ? { count: w.count, resetMs: w.until - now } : NONE;
  }

  async add(key: string, windowMs: number): Promise<Window> {
    const now = Date.now();
    const w = this.live(key, now);
    if (w) {
      w.count++;
      return { count: w.count, resetMs: w.until - now };
    }
    if (this.windows.size >= MemoryLimiter.MAX_ENTRIES) this.shrink(now);
    this.windows.set(key, { count: 1, until: now + windowMs });
    return { count: 1, resetMs: windowMs };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  // Down to 90% so the O(n) sweep runs once per 5,000 new keys at worst, not on every add.
  private shrink(now: number): void {
    for (const [key, w] of this.windows) if (w.until <= now) this.windows.delete(key);
    const target = Math.floor(MemoryLimiter.MAX_ENTRIES * 0.9);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= target) break;
      this.windows.delete(key); // Map order is insertion order: the oldest windows go first
    }
  }
}

export const REDIS_PREFIX = 'keyward:rl:';

// INCR and PEXPIRE in one script, so concurrent nodes never lose a count or leave a key without expiry.
const ADD_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local t = redis.call('PTTL', KEYS[1])
if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end
return {n, t}`;
const PEEK_SCRIPT = `local n = redis.call('GET', KEYS[1])
if not n then return {0, 0} end
return {tonumber(n), redis.call('PTTL', KEYS[1])}`;

type ScriptedRedis = Redis & {
  rlAdd(key: string, windowMs: number): Promise<[number, number]>;
  rlPeek(key: string): Promise<[number, number]>;
};

/** Counters shared by every node through Redis. Errors fail open (see the top of this file). */
export class RedisLimiter implements Limiter {
  private readonly redis: ScriptedRedis;
  private lastReport = 0;
  /** While connect() runs, failures are its to report (it throws the first cause), not the log's. */
  private connecting: { cause?: Error } | undefined;

  constructor(
    url: string,
    private readonly logger: LimiterLogger,
    private readonly prefix = REDIS_PREFIX,
  ) {
    // Fail fast during an outage: no queue of commands waiting for a reconnect, a short timeout, one retry at most.
    // Reconnection keeps going in the background, so the limits return with Redis.
    // Loaded only when Redis is configured: ioredis and its dependencies are ~10 MB resident in every process.
    const { Redis: RedisClient } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
    const redis = new RedisClient(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      commandTimeout: 500,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    redis.defineCommand('rlAdd', { numberOfKeys: 1, lua: ADD_SCRIPT });
    redis.defineCommand('rlPeek', { numberOfKeys: 1, lua: PEEK_SCRIPT });
    redis.on('error', (err: Error) => this.report(err));
    this.redis = redis as ScriptedRedis;
  }

  /** Connects and checks that Redis answers PING within timeoutMs; throws otherwise. */
  async connect(timeoutMs = 3000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const attempt: { cause?: Error } = {};
    this.connecting = attempt;
    try {
      await Promise.race([this.redis.connect().then(() => this.redis.ping()), timeout]);
    } catch (err) {
      throw attempt.cause ?? err; // "connect ECONNREFUSED …" says more than ioredis's "Connection is closed."
    } finally {
      clearTimeout(timer);
      this.connecting = undefined;
    }
  }

  async peek(key: string): Promise<Window> {
    try {
      const [count, ttl] = await this.redis.rlPeek(this.prefix + key);
      return { count, resetMs: Math.max(ttl, 0) };
    } catch (err) {
      this.report(err as Error);
      return NONE;
    }
  }

  async add(key: string, windowMs: number): Promise<Window> {
    try {
      const [count, ttl] = await this.redis.rlAdd(this.prefix + key, Math.max(1, Math.ceil(windowMs)));
      return { count, resetMs: Math.max(ttl, 0) };
    } catch (err) {
      this.report(err as Error);
      return NONE;
    }
  }

  async reset(key: string): Promise<void> {
    try {
      await this.redis.del(this.prefix + key);
    } catch (err) {
      this.report(err as Error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect(); // also stops reconnecting; nothing is left to flush
  }

  // Only the message: keys (hashed usernames, addresses) stay out of the log, and once a minute is enough.
  private report(err: Error): void {
    if (this.connecting) {
      this.connecting.cause ??= err;
      return;
    }
    const now = Date.now();
    if (now - this.lastReport < 60_000) return;
    this.lastReport = now;
    this.logger.error({ error: err.message }, 'rate limit store (Redis) unavailable: sign-in limits are not enforced until it answers');
  }
}

/** Redis when KEYWARD_REDIS_URL is set (and answers PING within 3 s, else this throws), memory otherwise. */
export async function createLimiter(config: Pick<Config, 'redisUrl'>, logger: LimiterLogger): Promise<Limiter> {
  if (!config.redisUrl) return new MemoryLimiter();
  const limiter = new RedisLimiter(config.redisUrl, logger);
  try {
    await limiter.connect(3000);
  } catch (err) {
    await limiter.close();
    const u = new URL(config.redisUrl);
    throw new Error(
      `Redis at ${u.hostname}:${u.port || 6379} (KEYWARD_REDIS_URL) did not answer PING: ${(err as Error).message.replace(/\.$/, '')}. Start Redis or unset KEYWARD_REDIS_URL.`,
      { cause: err },
    );
  }
  return limiter;
}
