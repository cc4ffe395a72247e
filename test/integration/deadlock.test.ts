// A transaction that PostgreSQL aborts as a deadlock victim answers 409 "send it again" and writes nothing: it is
// not the request's fault, and a 500 would say it was a bug. The deadlock is made on purpose, not hoped for: a
// second connection holds the scope row the request needs next and then asks for the client row the request holds.
// PostgreSQL-only (PGlite runs one transaction at a time and cannot deadlock).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PG_URL } from '../helpers/store.js';
import { API } from './support.js';

describe.runIf(PG_URL)('admin API: a deadlock victim answers 409 and writes nothing (postgres)', () => {
  let t: TestApp;
  let base: string;
  let other: pg.Client;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}${API}`;
    other = new pg.Client({ connectionString: t.testStore.databaseUrl });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${t.ownerToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('scope association colliding with a transaction that locks the same rows in the other order', async () => {
    expect((await call('POST', '/spaces/default/scopes', { name: 'orders.read' })).status).toBe(201);
    const created = await call('POST', '/spaces/default/clients', { name: 'Deadlocked', grant_types: ['client_credentials'] });
    expect(created.status).toBe(201);
    const { client_id } = (await created.json()) as { client_id: string };

    await other.query('begin');
    await other.query("set local deadlock_timeout = '5s'"); // so that PostgreSQL picks the request as the victim
    await other.query("select 1 from scopes where name = 'orders.read' for update");
    // The request locks the client row, then waits for the scope row (the association's foreign key check).
    const pending = call('POST', `/spaces/default/clients/${client_id}/scopes`, { scopes: ['orders.read'] });
    for (let i = 0; i < 100; i++) {
      const { rows } = await other.query<{ n: number }>('select count(*)::int as n from pg_locks where not granted');
      if (rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // Now this side asks for the client row: a cycle. The request's own deadlock check (1 s) fires first.
    const closing = other.query('select 1 from clients where client_id = $1 for update', [client_id]);
    const res = await pending;
    await closing;
    await other.query('rollback');

    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ error: 'conflict', message: expect.stringContaining('send it again') });
    // Nothing was written; the same request then succeeds.
    expect(await (await call('GET', `/spaces/default/clients/${client_id}/scopes`)).json()).toMatchObject({ items: [] });
    const again = await call('POST', `/spaces/default/clients/${client_id}/scopes`, { scopes: ['orders.read'] });
    expect(again.status).toBe(200);
  });
});
