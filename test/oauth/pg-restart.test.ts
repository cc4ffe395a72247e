// Two Keyward nodes on a PostgreSQL cluster of this test's own, which the test restarts, stops and breaks:
// change notices must survive (the listening connection comes back, listens again, and the caches forget what they
// held, since notices were missed meanwhile), and an outage must answer 503 temporarily_unavailable with
// Retry-After (not 500), then recover without restarting Keyward.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type TestNode } from '../helpers/node.js';
import { canMakeCluster, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';

const key = randomBytes(32);

type Node = TestNode;

/** The caches were reset (on the loss, and again on the resumption) and notices arrive again. */
const listensAgain = (n: Node, resetsBefore: number) => n.services.bus.resets > resetsBefore && n.services.bus.live;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
}

describe.skipIf(!canMakeCluster())('change notices and outages on a PostgreSQL that restarts', () => {
  let cluster: PgCluster;
  let a: Node;
  let b: Node;
  let auth: Record<string, string>;

  const tokenRequest = (n: Node, c: { client_id: string; client_secret: string }) =>
    fetch(`${n.base}/spaces/default/token`, {
      method: 'POST',
      headers: {
        authorization: 'Basic ' + Buffer.from(`${c.client_id}:${c.client_secret}`).toString('base64'),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
  const newClient = async (extra: Record<string, unknown> = {}) => {
    const res = await fetch(`${a.base}/admin/api/v1/spaces/default/clients`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: `c-${randomBytes(4).toString('hex')}`, grant_types: ['client_credentials'], ...extra }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { client_id: string; client_secret: string };
  };
  /** Deactivates through A; B (or another node) must refuse within a second. */
  const deactivateAndExpectRefusalOnB = async (c: { client_id: string; client_secret: string }, b_: Node = b) => {
    const b = b_;
    // B serves the client and holds it in its cache.
    await until('B issues a token', async () => (await tokenRequest(b, c)).status === 200);
    const res = await fetch(`${a.base}/admin/api/v1/spaces/default/clients/${c.client_id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 1_000) {
      status = (await tokenRequest(b, c)).status;
      if (status === 401) break;
      await sleep(25);
    }
    expect(status, 'node B still issues tokens to the client deactivated through node A').toBe(401);
  };

  beforeAll(async () => {
    cluster = await startPgCluster();
    a = await startNode(cluster.url, key);
    b = await startNode(cluster.url, key);
    const first = await a.services.admins.createFirstOwner({ email: 'o@example.com', withToken: true, tokenName: 't' }, { type: 'system' });
    auth = { authorization: `Bearer ${first!.token!.token}`, 'content-type': 'application/json' };
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cluster?.destroy();
  }, 30_000);

  it('refuses a deactivated client on the other node within a second, before and after PostgreSQL restarts', async () => {
    await deactivateAndExpectRefusalOnB(await newClient());

    const c = await newClient();
    await until('B issues a token', async () => (await tokenRequest(b, c)).status === 200);
    const resetsBefore = b.services.bus.resets;
    await cluster.restart();
    // B's listening connection comes back by itself (within its backoff), listens again and clears its caches.
    await until('B listens again', () => listensAgain(b, resetsBefore), 5_000).catch(() => {});
    await deactivateAndExpectRefusalOnB(c);
    expect(b.lines).toContain('change notices: the listening connection was lost; reconnecting');
    expect(b.lines).toContain('change notices: listening again; caches cleared (notices may have been missed)');
  }, 60_000);

  it('recovers a listening connection terminated by the server (pg_terminate_backend)', async () => {
    const c = await newClient();
    await until('B issues a token', async () => (await tokenRequest(b, c)).status === 200);
    const resetsBefore = b.services.bus.resets;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const { rows } = await admin.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'keyward change notices'`,
    );
    await admin.end();
    expect(rows[0]!.n).toBe(2); // A's and B's
    await until('B listens again', () => listensAgain(b, resetsBefore));
    await deactivateAndExpectRefusalOnB(c);
  }, 30_000);

  it('trusts no cached client while its listening connection is down, even before it reconnects', async () => {
    // C reconnects only after 20–40 s: until then no notice can reach it, so it must read clients from the store.
    const c3 = await startNode(cluster.url, key, { listenBackoff: { initialMs: 40_000, maxMs: 40_000 } });
    try {
      const c = await newClient();
      await until('C issues a token', async () => (await tokenRequest(c3, c)).status === 200);
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'keyward change notices'`);
      await admin.end();
      await until('C notices the loss', () => !c3.services.bus.live, 5_000);
      await deactivateAndExpectRefusalOnB(c, c3);
      expect(c3.lines).not.toContain('change notices: listening again; caches cleared (notices may have been missed)');
    } finally {
      await c3.close();
    }
  }, 30_000);

  it('answers 503 temporarily_unavailable with Retry-After while PostgreSQL is down, and recovers when it is back', async () => {
    const c = await newClient(); // never seen by B: B must ask the store
    // Known to B (cached), but its opaque tokens must be written and read: the store is needed all the same.
    const opaque = await newClient({ access_token_format: 'opaque' });
    const issued = await tokenRequest(b, opaque);
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };
    const resetsBefore = b.services.bus.resets;
    await cluster.stop();
    try {
      const write = await tokenRequest(b, opaque);
      expect(write.status).toBe(503);
      expect(await write.json()).toMatchObject({ error: 'temporarily_unavailable' });
      const introspection = await fetch(`${b.base}/spaces/default/introspect`, {
        method: 'POST',
        headers: {
          authorization: 'Basic ' + Buffer.from(`${opaque.client_id}:${opaque.client_secret}`).toString('base64'),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `token=${access_token}`,
      });
      expect(introspection.status).toBe(503);
      expect(introspection.headers.get('retry-after')).toMatch(/^\d+$/);

      const token = await tokenRequest(b, c);
      expect(token.status).toBe(503);
      expect(token.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(token.headers.get('cache-control')).toBe('no-store');
      expect(await token.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });

      const list = await fetch(`${b.base}/admin/api/v1/spaces/default/clients`, { headers: auth });
      expect(list.status).toBe(503);
      expect(list.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await list.json()).toEqual({ error: 'temporarily_unavailable', message: expect.stringContaining('unavailable') });

      // A request whose admin token must be checked against the store: also 503, not 401 or 500.
      const other = await fetch(`${a.base}/admin/api/v1/spaces/default/clients`, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } });
      expect(other.status).toBe(503);
      expect((await fetch(`${a.base}/readyz`)).status).toBe(503);
    } finally {
      await cluster.start();
    }
    await until('B serves the client again', async () => (await tokenRequest(b, c)).status === 200);
    expect((await fetch(`${b.base}/admin/api/v1/spaces/default/clients`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${a.base}/readyz`)).status).toBe(200);
    // And notices flow again after the outage.
    await until('B listens again', () => listensAgain(b, resetsBefore));
    await deactivateAndExpectRefusalOnB(c);
  }, 60_000);
});
