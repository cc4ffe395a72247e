// Two nodes over one store, each with its own Redis connection: failures counted on one lock the username on the
// other. Runs when KEYWARD_TEST_REDIS_URL is set (always under CI).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { RedisLimiter } from '../../src/store/counters.js';
import { createServices } from '../../src/services.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { deleteKeys, REDIS_URL, redisNotice, testPrefix } from '../helpers/redis.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

redisNotice();

describe.runIf(REDIS_URL)('sign-in limits shared through Redis', () => {
  const prefix = testPrefix();
  let ts: TestStore;
  const nodes: FastifyInstance[] = [];
  const limiters: RedisLimiter[] = [];
  let pw: { client_id: string; client_secret: string };

  beforeAll(async () => {
    ts = await openTestStore('pglite');
    const key = masterKeyFrom(randomBytes(32));
    const config = loadConfig({ KEYWARD_PUBLIC_URL: 'http://localhost:8080', KEYWARD_LOG_LEVEL: 'silent', KEYWARD_REDIS_URL: REDIS_URL });
    for (let i = 0; i < 2; i++) {
      const limiter = new RedisLimiter(REDIS_URL!, { error: () => {} }, prefix);
      await limiter.connect();
      limiters.push(limiter);
      const services = createServices(ts.store, key, limiter);
      if (i === 0) await services.spaces.ensureDefault();
      nodes.push(await buildApp({ config, services, logger: false }));
    }
    const first = await createServices(ts.store, key).admins.createFirstOwner(
      { email: 'owner@example.com', withToken: true, tokenName: 't' },
      { type: 'system' },
    );
    const admin = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await nodes[0]!.inject({ method, url: `/admin/api/v1${url}`, headers: { authorization: `Bearer ${first!.token!.token}` }, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    // Settings first: both nodes read the space (and its settings) on their first OAuth request.
    await admin('PATCH', '/spaces/default', { settings: { login_failure_limit: 3 } });
    pw = await admin('POST', '/spaces/default/clients', { name: 'pw', grant_types: ['password'] });
    await admin('POST', '/spaces/default/users', { username: 'robot', password: 'robot-password-1', kind: 'service' });
  });
  afterAll(async () => {
    for (const app of nodes) await app.close();
    for (const l of limiters) await l.close();
    await ts?.close();
    await deleteKeys(prefix);
  });

  const grant = (node: number, password: string) =>
    nodes[node]!.inject({
      method: 'POST',
      url: '/spaces/default/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${pw.client_id}:${pw.client_secret}`).toString('base64')}`,
      },
      payload: new URLSearchParams({ grant_type: 'password', username: 'robot', password }).toString(),
    });

  it('counts failures across nodes', async () => {
    expect((await grant(0, 'wrong')).statusCode).toBe(400);
    expect((await grant(1, 'wrong')).statusCode).toBe(400);
    expect((await grant(0, 'wrong')).statusCode).toBe(429);
    const locked = await grant(1, 'robot-password-1');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toMatch(/^\d+$/);
  });
});
