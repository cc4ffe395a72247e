// Redis for the rate-limit tests: KEYWARD_TEST_REDIS_URL when set (required under CI, like PostgreSQL), skipped
// with a one-line notice otherwise. Each run uses its own key prefix and deletes its keys afterwards.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.KEYWARD_TEST_REDIS_URL;
const CI = !!process.env.CI && process.env.CI !== 'false';

if (CI && !REDIS_URL) {
  throw new Error('KEYWARD_TEST_REDIS_URL must be set under CI: the Redis tests are required there');
}

let noticePrinted = false;
export function redisNotice(): void {
  if (!REDIS_URL && !noticePrinted) {
    noticePrinted = true;
    process.stderr.write('NOTICE: KEYWARD_TEST_REDIS_URL is not set: Redis rate-limit tests are skipped (memory only).\n');
  }
}

export const testPrefix = (): string => `keyward:rl:test-${randomBytes(6).toString('hex')}:`;

/** Deletes every key under prefix. */
export async function deleteKeys(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL!);
  try {
    const keys: string[] = [];
    for await (const batch of r.scanStream({ match: `${prefix}*`, count: 500 })) keys.push(...(batch as string[]));
    if (keys.length) await r.del(...keys);
  } finally {
    r.disconnect();
  }
}

/** A TCP port nothing listens on (bound and released at once). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
