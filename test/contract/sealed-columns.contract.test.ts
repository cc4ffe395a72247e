// Store contract: master key rotation on both stores. Values sealed under an old key in every sealed column of the
// schema are re-sealed in small batches until none is left; afterwards each opens under the new key alone to what
// it held, and nothing else in any row changed. A value a concurrent writer replaced between the rotation's read
// and its write is skipped and left as written, then re-sealed by the next batch; a run stopped half-way resumes.
// The vault's rows are inserted with test-only SQL (their services come later); clients and signing keys are made
// by their real services while the old key is the current one.
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '../../src/crypto/keyring.js';
import { keyIdOf, masterKeyFrom, seal, type MasterKey } from '../../src/crypto/seal.js';
import { listAudit, SYSTEM } from '../../src/events/audit.js';
import type { SpaceRow } from '../../src/registry/spaces.js';
import { createServices, type Services } from '../../src/services.js';
import * as schema from '../../src/store/schema.js';
import { clients, connectAttempts, connections, providerClients, signingKeys, webhookDeliveries, webhookSubscriptions } from '../../src/store/schema.js';
import { replaceSealed, SEALED_COLUMNS, sealedAad, sealedNotUnder } from '../../src/store/sealed-columns.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';

pgNotice();
const web = { redirect_uris: ['https://app.example.com/cb'] };
const TABLES = [clients, signingKeys, providerClients, connections, connectAttempts, webhookSubscriptions, webhookDeliveries];
type Row = Record<string, unknown> & { id: string };

describe.each(STORE_KINDS)('master key rotation over every sealed column (%s)', (kind) => {
  const oldKey = masterKeyFrom(randomBytes(32));
  const newKey = masterKeyFrom(randomBytes(32));
  const ring = new Keyring(newKey, [oldKey]);
  let ts: TestStore;
  let s: Services;
  let space: SpaceRow;
  /** Every row of the tables with sealed columns, as seeded. */
  let before: Map<string, Row[]>;
  /** `table.column:id` → the plaintext the sealed value must open to. */
  const expected = new Map<string, string>();
  /** Values sealed under the new key from the start: never touched. */
  const alreadyCurrent = new Map<string, string>();
  let seededOld = 0;

  const db = () => ts.store.db;
  const where = (table: string, column: string, id: string) => `${table}.${column}:${id}`;

  async function rowsOf(): Promise<Map<string, Row[]>> {
    const out = new Map<string, Row[]>();
    for (const t of TABLES) {
      const rows = (await db().select().from(t)) as Row[];
      out.set(
        getTableName(t),
        rows.sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
    return out;
  }

  /** The property of the column a sealed column's AAD is formed from (id, kid, client_pk). */
  const aadProperty = (c: (typeof SEALED_COLUMNS)[number]) => Object.entries(getTableColumns(c.drizzleTable)).find(([, col]) => col === c.aadSource)![0];

  /** Every sealed value in the listed columns, with its AAD, read straight from the rows. */
  async function sealedValues() {
    const rows = await rowsOf();
    return SEALED_COLUMNS.flatMap((c) =>
      rows
        .get(c.table)!
        .filter((r) => r[c.property] != null)
        .map((r) => ({ key: where(c.table, c.column, r.id), sealed: r[c.property] as string, aad: c.aad(String(r[aadProperty(c)])) })),
    );
  }

  beforeAll(async () => {
    ts = await openTestStore(kind);
    // First the old key is the current one: the real services seal with it.
    const old = createServices(ts.store, oldKey);
    await old.spaces.ensureDefault();
    space = await old.spaces.get('default');
    for (const name of ['One', 'Two', 'Three']) {
      const c = await old.clients.create(space, { name, ...web }, SYSTEM);
      await old.clients.createWebhookSecret(space, c.client_id, SYSTEM);
    }
    await old.clients.create(space, { name: 'No webhook', ...web }, SYSTEM);
    // Webhook subscriptions (one rotated: its previous secret is sealed too), and a delivery to a client's own
    // webhook, which holds a copy of the client's sealed secret.
    old.webhooks.attach({ allowPrivate: true }, undefined);
    const hook = await old.webhooks.subscriptions.create(space, { url: 'http://127.0.0.1:9/a', events: ['client.created'] }, SYSTEM);
    await old.webhooks.subscriptions.create(space, { url: 'http://127.0.0.1:9/b', events: ['*'] }, SYSTEM);
    await old.webhooks.subscriptions.rotateSecret(space, hook.id, 3600, SYSTEM);
    const one = (await old.clients.list(space, { limit: 10 })).items.find((c) => c.name === 'One')!;
    await old.clients.update(space, one.client_id, { webhook_url: 'https://one.example.com/hook', active: false }, SYSTEM);
    await old.keys.signer(space.id, 'ES256'); // ES256 and RS256 keys, private keys sealed
    await old.keys.signer(space.id, 'RS256');

    // The vault's rows, sealed as its code will seal them (the AAD builders of store/sealed-columns.ts).
    const pcs = [randomUUID(), randomUUID()];
    await db()
      .insert(providerClients)
      .values([
        {
          id: pcs[0],
          spaceId: space.id,
          provider: 'github',
          name: 'GitHub',
          clientId: 'gh',
          clientSecretSealed: seal(oldKey, 'gh secret', sealedAad.providerClient(pcs[0]!, 'client_secret')),
          privateKeySealed: seal(oldKey, '-----BEGIN PRIVATE KEY-----', sealedAad.providerClient(pcs[0]!, 'private_key')),
        },
        {
          id: pcs[1],
          spaceId: space.id,
          provider: 'custom',
          name: 'Custom',
          clientSecretSealed: seal(oldKey, 'custom secret', sealedAad.providerClient(pcs[1]!, 'client_secret')),
        },
      ]);
    const conns = [randomUUID(), randomUUID(), randomUUID()];
    const c = (id: string, col: 'credentials' | 'access_token' | 'refresh_token', key: MasterKey = oldKey) =>
      seal(key, `${col} of ${id}`, sealedAad.connection(id, col));
    await db()
      .insert(connections)
      .values([
        {
          id: conns[0],
          spaceId: space.id,
          name: 'Full',
          kind: 'oauth2_authorization_code',
          providerClientId: pcs[0]!,
          credentialsSealed: c(conns[0]!, 'credentials'),
          accessTokenSealed: c(conns[0]!, 'access_token'),
          refreshTokenSealed: c(conns[0]!, 'refresh_token'),
          status: 'connected',
          metadata: { instance_url: 'https://x.example' },
        },
        { id: conns[1], spaceId: space.id, name: 'Pending', kind: 'oauth2_authorization_code', providerClientId: pcs[1]! },
        // Sealed under the new key already (a node restarted with it wrote this): not counted, never rewritten.
        { id: conns[2], spaceId: space.id, name: 'Fresh', kind: 'api_key', providerClientId: pcs[1]!, credentialsSealed: c(conns[2]!, 'credentials', newKey) },
      ]);
    const attempts = [randomUUID(), randomUUID(), randomUUID()];
    const expiresAt = new Date(Date.now() + 600_000);
    await db()
      .insert(connectAttempts)
      .values([
        {
          id: attempts[0],
          connectionId: conns[0]!,
          linkHash: 'l0',
          stateHash: 's0',
          verifierSealed: seal(oldKey, 'v0', sealedAad.connectAttempt(attempts[0]!)),
          expiresAt,
        },
        {
          id: attempts[1],
          connectionId: conns[1]!,
          linkHash: 'l1',
          stateHash: 's1',
          verifierSealed: seal(oldKey, 'v1', sealedAad.connectAttempt(attempts[1]!)),
          expiresAt,
        },
        { id: attempts[2], connectionId: conns[1]!, linkHash: 'l2', expiresAt },
      ]);

    // Then every node runs with the new key and the old one among the previous keys.
    s = createServices(ts.store, ring);
    const fresh = await s.clients.create(space, { name: 'Fresh', ...web }, SYSTEM);
    await s.clients.createWebhookSecret(space, fresh.client_id, SYSTEM);

    before = await rowsOf();
    for (const v of await sealedValues()) {
      expected.set(v.key, ring.open(v.sealed, v.aad));
      if (keyIdOf(v.sealed) === newKey.id) alreadyCurrent.set(v.key, v.sealed);
      else seededOld++;
    }
    // Every listed column holds at least one value under the old key.
    for (const col of SEALED_COLUMNS) {
      const old = (await sealedValues()).filter((v) => v.key.startsWith(`${col.table}.${col.column}:`) && !alreadyCurrent.has(v.key));
      expect(old.length, `${col.table}.${col.column}`).toBeGreaterThan(0);
    }
  });
  afterAll(async () => ts?.close());

  it('lists every *_sealed column of the schema', () => {
    const inSchema = (Object.values(schema) as unknown[])
      .filter((t): t is PgTable => is(t, PgTable))
      .flatMap((t) =>
        Object.values(getTableColumns(t))
          .filter((col) => col.name.endsWith('_sealed'))
          .map((col) => `${getTableName(t)}.${col.name}`),
      );
    expect(SEALED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort()).toEqual(inSchema.sort());
  });

  it('counts the values not under the current key (nulls and current ones not)', async () => {
    expect(seededOld).toBe(3 + 2 + 3 + 3 + 2 + 3 + 1); // client webhooks, signing keys, provider clients, connection, attempts, subscriptions, a delivery
    expect(await s.masterKeyRotation.remaining()).toBe(seededOld);
    expect(await s.masterKeyRotation.status()).toEqual({ current_key_id: newKey.id, previous_key_ids: [oldKey.id], remaining: seededOld });
  });

  it('never overwrites a value changed between the read and the write; the next batch re-seals it', async () => {
    const [value] = (await sealedNotUnder(db(), ring.currentId, 100)).filter((v) => v.table === 'connections' && v.column === 'refresh_token_sealed');
    expect(value).toBeDefined();
    // A renewal on a node not yet restarted stores a new refresh token under the old key meanwhile.
    const renewed = seal(oldKey, 'the renewed refresh token', value!.aad);
    await db().update(connections).set({ refreshTokenSealed: renewed }).where(eq(connections.id, value!.id));
    expected.set(where(value!.table, value!.column, value!.id), 'the renewed refresh token');

    expect(await replaceSealed(db(), value!, ring.seal(ring.open(value!.sealed, value!.aad), value!.aad))).toBe(false);
    const [row] = await db().select().from(connections).where(eq(connections.id, value!.id));
    expect(row!.refreshTokenSealed).toBe(renewed);
    expect(await s.masterKeyRotation.remaining()).toBe(seededOld); // still one to do: the renewed value
  });

  it('re-seals in small batches; a run stopped half-way resumes in a new process and does each value once', async () => {
    const first = [await s.masterKeyRotation.resealBatch(3, SYSTEM), await s.masterKeyRotation.resealBatch(3, SYSTEM)];
    expect(first).toEqual([
      { resealed: 3, skipped: 0, remaining: seededOld - 3 },
      { resealed: 3, skipped: 0, remaining: seededOld - 6 },
    ]);
    const doneEarly = (await sealedValues()).filter((v) => keyIdOf(v.sealed) === newKey.id && !alreadyCurrent.has(v.key));
    expect(doneEarly).toHaveLength(6);

    // Interrupted here. Another run, in another process (new services over the same store), knows nothing of the first.
    const again = createServices(ts.store, new Keyring(newKey, [oldKey])).masterKeyRotation;
    let remaining = seededOld - 6;
    let resealed = 6;
    while (remaining > 0) {
      const r = await again.resealBatch(4, SYSTEM);
      expect(r.skipped).toBe(0);
      expect(r.resealed).toBe(Math.min(4, remaining));
      expect(r.remaining).toBe(remaining - r.resealed);
      resealed += r.resealed;
      remaining = r.remaining;
    }
    expect(resealed).toBe(seededOld);
    expect(await again.resealBatch(4, SYSTEM)).toEqual({ resealed: 0, skipped: 0, remaining: 0 });
    // What the first run re-sealed was not done again.
    const now = new Map((await sealedValues()).map((v) => [v.key, v.sealed]));
    for (const v of doneEarly) expect(now.get(v.key)).toBe(v.sealed);
  });

  it('every value opens under the new key alone, to what it held; nothing else changed', async () => {
    const onlyNew = new Keyring(newKey);
    const values = await sealedValues();
    expect(values.map((v) => v.key).sort()).toEqual([...expected.keys()].sort());
    for (const v of values) {
      expect(keyIdOf(v.sealed), v.key).toBe(newKey.id);
      expect(onlyNew.open(v.sealed, v.aad), v.key).toBe(expected.get(v.key));
      if (alreadyCurrent.has(v.key)) expect(v.sealed, v.key).toBe(alreadyCurrent.get(v.key));
    }
    const sealedProps = new Map<string, string[]>();
    for (const c of SEALED_COLUMNS) sealedProps.set(c.table, [...(sealedProps.get(c.table) ?? []), c.property]);
    const strip = (table: string, rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !sealedProps.get(table)!.includes(k))));
    const after = await rowsOf();
    for (const [table, rows] of before) expect(strip(table, after.get(table)!), table).toEqual(strip(table, rows));

    // The real services with the new key only: signing keys open (a token can be signed).
    const newOnly = createServices(ts.store, newKey);
    await expect(newOnly.keys.signer(space.id, 'ES256')).resolves.toMatchObject({ alg: 'ES256' });
    await expect(newOnly.keys.signer(space.id, 'RS256')).resolves.toMatchObject({ alg: 'RS256' });
  });

  it('writes one audit entry per batch that re-sealed something, without any secret', async () => {
    const { items } = await listAudit(db(), { limit: 100 });
    const mine = items.filter((e) => e.action === 'vault.master_key_reseal');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0]).toMatchObject({ target: { type: 'master_key', id: newKey.id }, space: null });
    const text = JSON.stringify(mine);
    for (const plaintext of expected.values()) expect(text).not.toContain(plaintext);
  });

  it.runIf(kind === 'postgres')('a writer holding the row when the batch writes wins; the batch skips it and the next re-seals it', async () => {
    const value = (await sealedValues()).find((v) => v.key.startsWith('connections.access_token_sealed:'))!;
    const id = value.key.split(':').pop()!;
    // A node still on the old key writes (committed), so there is one value to do.
    await db()
      .update(connections)
      .set({ accessTokenSealed: seal(oldKey, 'token A', value.aad) })
      .where(eq(connections.id, id));
    expect(await s.masterKeyRotation.remaining()).toBe(1);

    // Another writer takes the row and replaces the value, and holds the row until it commits.
    const writer = new pg.Client({ connectionString: ts.databaseUrl });
    await writer.connect();
    try {
      await writer.query('begin');
      await writer.query('update connections set access_token_sealed = $1 where id = $2', [seal(oldKey, 'token B', value.aad), id]);
      const batch = s.masterKeyRotation.resealBatch(10, SYSTEM);
      // The batch read token A and now waits for the row: commit token B then.
      await waitFor(async () => {
        // Statistics are a snapshot per transaction: clear it to see the other session now.
        await writer.query('select pg_stat_clear_snapshot()');
        const { rows } = await writer.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'update "connections"%'`,
        );
        return rows[0].n > 0;
      });
      await writer.query('commit');
      expect(await batch).toEqual({ resealed: 0, skipped: 1, remaining: 1 });
    } finally {
      await writer.end();
    }
    const [row] = await db().select().from(connections).where(eq(connections.id, id));
    expect(ring.open(row!.accessTokenSealed!, value.aad)).toBe('token B');
    expect(await s.masterKeyRotation.resealBatch(10, SYSTEM)).toEqual({ resealed: 1, skipped: 0, remaining: 0 });
    const [after] = await db().select().from(connections).where(eq(connections.id, id));
    expect(keyIdOf(after!.accessTokenSealed!)).toBe(newKey.id);
    expect(new Keyring(newKey).open(after!.accessTokenSealed!, value.aad)).toBe('token B');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
