// Webhook deliveries under faults, with `keyward serve` processes (the built CLI, as deployed) on one PostgreSQL
// database and a real receiver that verifies every message with the standardwebhooks library:
// - the scenario: a client deactivated and a connection losing its refresh token while the receiver is down
//   for a minute and a node is killed; each event arrives once, signed;
// - a node killed (kill -9) while its messages are on the wire: another node sends them again, same webhook-id;
// - two nodes sending from one outbox: every event once, no attempt made twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import { newMasterKey, openFleetDb, seedConnections, startKeyward, until, type FleetDb, type KeywardProcess } from '../helpers/vault-fleet.js';
import { scrape, valueOf } from '../helpers/metrics.js';
import { WebhookReceiver } from '../helpers/webhook-receiver.js';

const METRICS_TOKEN = 'metrics-token-for-the-fault-tests';
// Retries every 2 s; a receiver may take 2 s to answer, so a dead node's lease (twice that plus 5 s) runs out in 9 s.
const NODE_ENV = {
  KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true',
  KEYWARD_WEBHOOK_RETRY_SCHEDULE: Array(60).fill('2').join(','),
  KEYWARD_WEBHOOK_TIMEOUT_MS: '2000',
  KEYWARD_WEBHOOK_POLL_MS: '200',
  KEYWARD_VAULT_SCHEDULER_INTERVAL_MS: '200',
  KEYWARD_METRICS_TOKEN: METRICS_TOKEN,
};

describe.skipIf(!PG_URL)('webhook deliveries across nodes and faults', () => {
  let pgdb: Awaited<ReturnType<typeof createPgDatabase>>;
  let db: FleetDb;
  let key: string;
  let provider: QuirkProvider;
  const rx = new WebhookReceiver();
  const nodes: KeywardProcess[] = [];
  const space = () => db.space;

  const start = async () => {
    const node = await startKeyward(pgdb.url, key, NODE_ENV);
    nodes.push(node);
    return node;
  };
  const subscribe = async (path: string, events: string[]) => {
    const sub = await db.services.webhooks.subscriptions.create(space(), { url: rx.url(path), events }, SYSTEM);
    rx.on(path, { secrets: [sub.secret] });
    return sub;
  };
  const deliveries = (subscription: string) =>
    db.sql<{ status: string; attempts: number; id: string }>(
      `select status, jsonb_array_length(attempts) as attempts, id from webhook_deliveries where subscription_id = '${subscription}'`,
    );

  beforeAll(async () => {
    pgdb = await createPgDatabase();
    key = newMasterKey();
    db = await openFleetDb(pgdb.url, key);
    db.services.webhooks.attach({ allowPrivate: true }, undefined);
    provider = await startQuirkProvider({ refresh: { rotates: true }, accessTokenTtlSeconds: 600 });
    await rx.start();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.kill()));
    await rx.stop();
    await provider?.close();
    await db?.close();
    await pgdb?.drop();
  }, 60_000);

  it('delivers a deactivation and a lost refresh token once each, after the receiver was down a minute and a node was killed', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const sub = await subscribe('/ops', ['client.deactivated', 'connection.needs_reauth']);
    const client = await db.services.clients.create(space(), { name: 'To deactivate', grant_types: ['client_credentials'] }, SYSTEM);
    const [conn] = await seedConnections(db, provider, 1, { renewalSeconds: 3600, firstRenewalAt: () => Date.now() + 3_600_000 });

    await rx.stop();
    const downAt = Date.now();
    await db.services.clients.update(space(), client.client_id, { active: false }, SYSTEM);
    // The provider forgets every grant: the next renewal is refused, and the connection needs a new consent.
    provider.revokeAll();
    await db.sql(`update connections set next_refresh_at = now() where id = '${conn!.id}'`);
    await until(
      'the connection needs a new consent',
      async () => (await db.sql<{ status: string }>(`select status from connections where id = '${conn!.id}'`)).rows[0]?.status === 'needs_reauth',
      30_000,
      100,
    );
    // Attempts fail against the closed port; one node dies without a word.
    await until('failed attempts', async () => (await deliveries(sub.id)).rows.every((d) => d.attempts >= 2), 30_000, 200);
    await a.kill();
    await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (Date.now() - downAt))));
    await rx.restart();

    const got = await rx.waitFor('/ops', 2, 30_000);
    await new Promise((r) => setTimeout(r, 2_500)); // a double, if any, would come now
    const all = rx.at('/ops');
    expect(all.map((m) => m.verified?.type).sort()).toEqual(['client.deactivated', 'connection.needs_reauth']);
    expect(all.every((m) => m.verified !== undefined)).toBe(true);
    expect(got.find((m) => m.verified?.type === 'client.deactivated')!.verified!.data).toMatchObject({ id: client.client_id, space: 'default' });
    expect(got.find((m) => m.verified?.type === 'connection.needs_reauth')!.verified!.data).toMatchObject({
      id: conn!.id,
      changes: { status: { from: 'connected', to: 'needs_reauth' } },
    });
    const rows = (await deliveries(sub.id)).rows;
    expect(rows.map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
    // Retried all that minute: many failed attempts, then the one that succeeded.
    expect(rows.every((d) => d.attempts >= 10)).toBe(true);
    // /metrics shows the same: the events counted from the outbox, and the survivor's two successful attempts.
    const m = await scrape(`${b.base}/metrics`, METRICS_TOKEN);
    expect(valueOf(m, 'keyward_events', { type: 'client.deactivated' })).toBe(1);
    expect(valueOf(m, 'keyward_events', { type: 'connection.needs_reauth' })).toBe(1);
    expect(valueOf(m, 'keyward_webhook_deliveries_total', { outcome: 'succeeded' })).toBe(2);
    expect(valueOf(m, 'keyward_webhook_deliveries_total', { outcome: 'retrying' })).toBeGreaterThanOrEqual(10);
    expect(valueOf(m, 'keyward_webhook_queue_depth')).toBe(0);
    expect(valueOf(m, 'keyward_connections', { status: 'needs_reauth' })).toBe(1);
    await b.stop();
  }, 180_000);

  it('sends again, with the same webhook-id, what a node killed (kill -9) had on the wire', async () => {
    // Committed while no node runs: they wait in the outbox, and the first node up takes all five at once.
    const sub = await subscribe('/slow', ['client.updated']);
    rx.on('/slow', { secrets: [(await db.services.webhooks.subscriptions.rotateSecret(space(), sub.id, 0, SYSTEM)).secret], delayMs: 1_500 });
    const client = await db.services.clients.create(space(), { name: 'Slowly told', grant_types: ['client_credentials'] }, SYSTEM);
    for (let i = 0; i < 5; i++) await db.services.clients.update(space(), client.client_id, { description: `change ${i}` }, SYSTEM);
    const a = await start();
    await rx.waitFor('/slow', 5, 20_000);
    await a.kill(); // the answers are on their way to a dead process: its attempts are never written
    expect((await deliveries(sub.id)).rows.every((d) => d.status === 'pending' && d.attempts === 0)).toBe(true);
    const b = await start();
    await until('all delivered', async () => (await deliveries(sub.id)).rows.every((d) => d.status === 'succeeded'), 60_000, 200);
    const got = rx.at('/slow');
    const ids = new Set(got.map((m) => m.id));
    expect(ids.size).toBe(5);
    expect(got).toHaveLength(10); // each twice: once to the dead node, once from the live one
    expect(got.every((m) => m.verified?.type === 'client.updated')).toBe(true);
    await b.stop();
  }, 120_000);

  it('two nodes send from one outbox: each of 200 events once, no attempt made twice', async () => {
    await Promise.all([start(), start()]);
    const sub = await subscribe('/many', ['scope.created']);
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 25; i++) await db.services.scopes.create(space(), { name: `many:${w}:${i}` }, SYSTEM);
      }),
    );
    await rx.waitFor('/many', 200, 60_000);
    await until('every attempt written', async () => (await deliveries(sub.id)).rows.every((d) => d.status === 'succeeded'), 30_000, 200);
    await new Promise((r) => setTimeout(r, 1_000));
    const got = rx.at('/many');
    expect(got).toHaveLength(200);
    expect(new Set(got.map((m) => m.id)).size).toBe(200);
    expect(new Set(got.map((m) => (m.verified?.data as { id: string }).id)).size).toBe(200);
    expect((await deliveries(sub.id)).rows.every((d) => d.attempts === 1)).toBe(true);
  }, 120_000);
});
