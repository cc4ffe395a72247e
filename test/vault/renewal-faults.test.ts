// Faults in the middle of refreshes of rotating refresh tokens: a node killed (kill -9) while its refreshes wait for
// the provider's answers, PostgreSQL restarted while answers arrive, and an answer lost on the way after the
// provider rotated. What must hold: nothing a node answered as done is lost, every connection works afterwards (or,
// where the provider makes that impossible, says clearly that it needs a new consent), and the vault's refresh
// counts agree with the provider's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, claimLease, finishLease } from '../../src/store/connection-renewal.js';
import { canMakeCluster, startPgCluster, type PgCluster } from '../helpers/pg-cluster.js';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import {
  connectionStates,
  connectionsClient,
  connectionToken,
  eachLimited,
  makeDue,
  newMasterKey,
  openFleetDb,
  progress,
  seedConnections,
  seedNotDue,
  sleep,
  startKeyward,
  until,
  worksAtProvider,
  type FleetDb,
  type KeywardProcess,
  type SeededConnection,
} from '../helpers/vault-fleet.js';

// Provider answers take this long after the refresh is done (rotated) at the provider: refreshes are in flight.
const DELAY_MS = 1_500;
// The lease lasts twice the provider timeout plus 5 s (src/vault/index.ts): short enough to wait out a dead node's leases.
const NODE_ENV = {
  KEYWARD_VAULT_PROVIDER_TIMEOUT_MS: '4000',
  KEYWARD_VAULT_SCHEDULER_INTERVAL_MS: '200',
  KEYWARD_VAULT_REFRESH_MARGIN_SECONDS: '5',
};

const STORE_RETRY = 'vault: store unavailable while writing a renewal result; retrying';

/** Waits until no lease is held and nothing is due: every renewal started has been written. */
async function settled(db: FleetDb, ms: number): Promise<void> {
  await until('every renewal written', async () => [...(await connectionStates(db)).values()].every((s) => !s.leased && !s.due), ms, 250);
}

/** Every connection connected, with a token (from `node`) that the provider's API accepts. */
async function expectAllWork(db: FleetDb, provider: QuirkProvider, node: string, bearer: string, seeded: SeededConnection[]): Promise<void> {
  const states = await connectionStates(db);
  expect(
    seeded.filter((c) => states.get(c.id)?.status !== 'connected').map((c) => `${c.id}: ${states.get(c.id)?.status} ${states.get(c.id)?.last_error}`),
  ).toEqual([]);
  const failures: string[] = [];
  await eachLimited(seeded, 8, async (c) => {
    const answer = await connectionToken(node, bearer, c.id);
    if (answer.status !== 200) return void failures.push(`${c.id}: ${answer.status} ${answer.body}`);
    if (!(await worksAtProvider(provider, answer.accessToken!))) failures.push(`${c.id}: token refused by the provider`);
  });
  expect(failures).toEqual([]);
}

describe.skipIf(!PG_URL)('a node killed (kill -9) in the middle of refreshes', () => {
  let pgdb: Awaited<ReturnType<typeof createPgDatabase>>;
  let db: FleetDb;
  let provider: QuirkProvider;
  let a: KeywardProcess;
  let b: KeywardProcess;

  beforeAll(async () => {
    pgdb = await createPgDatabase();
    const key = newMasterKey();
    db = await openFleetDb(pgdb.url, key);
    // An answer lost with a killed process can be recovered only where the provider lets the previous refresh token
    // work for a while (Xero: 30 minutes): with strict reuse detection the connection would need a new consent. So
    // this provider has Xero's grace, and counts each use of it (`graceReuse`) to tell lost answers apart.
    provider = await startQuirkProvider({ refresh: { rotates: true, reuseGraceSeconds: 1800 }, accessTokenTtlSeconds: 600, delayMs: DELAY_MS });
    // B looks for due renewals less often: A claims the first batch, so the kill surely hits refreshes in flight.
    [a, b] = await Promise.all([
      startKeyward(pgdb.url, key, NODE_ENV),
      startKeyward(pgdb.url, key, { ...NODE_ENV, KEYWARD_VAULT_SCHEDULER_INTERVAL_MS: '2000' }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await a?.kill();
    await b?.stop();
    await provider?.close();
    await db?.close();
    await pgdb?.drop();
  }, 60_000);

  it('loses nothing a node answered, and recovers the refreshes the dead node left behind', async () => {
    const seededAt = seedNotDue();
    const seeded = await seedConnections(db, provider, 300, { renewalSeconds: 3600, firstRenewalAt: () => seededAt });
    const bearer = await connectionsClient(db, b.base);
    // Clients force refreshes on both nodes and keep every access token they are answered (before the kill).
    const answered: { conn: string; token: string }[] = [];
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 12 }, async (_, w) => {
        for (let n = 0; !stop; n++) {
          const conn = seeded[Math.floor(Math.random() * seeded.length)]!;
          const answer = await connectionToken((w + n) % 2 ? a.base : b.base, bearer, conn.id, true).catch(() => undefined);
          if (!stop && answer?.status === 200) answered.push({ conn: conn.id, token: answer.accessToken! });
        }
      }),
    );
    await until('answers to clients', () => answered.length >= 30, 60_000, 50);
    // The scheduled renewals of all 300 become due (but for those the clients' forced refreshes renewed meanwhile):
    // both nodes claim batches and wait on the provider's answers.
    const before = provider.stats.refreshes;
    expect(await makeDue(db, seededAt)).toBeGreaterThan(seeded.length / 2);
    await until('scheduled refreshes in flight', () => provider.stats.refreshes - before >= 50, 60_000, 20);
    const kept = answered.length;
    await a.kill();
    stop = true;
    const killedAt = Date.now();
    progress(`killed A after ${provider.stats.refreshes - before} refreshes; ${kept} answers kept`);
    await load;

    // B takes over once A's leases run out (twice the provider timeout plus 5 s).
    await settled(db, 90_000);
    progress(`settled ${Date.now() - killedAt} ms after the kill; graceReuse ${provider.stats.graceReuse}`);
    await expectAllWork(db, provider, b.base, bearer, seeded);

    // Nothing a node answered as done was lost: every token a client got still works, and none came from a refresh
    // that had to be made again (its refresh token lost).
    const answeredTokens = answered.slice(0, kept);
    expect(answeredTokens.length).toBeGreaterThanOrEqual(30);
    const lost = answeredTokens.filter((t) => provider.answerRepeated(t.token));
    expect(lost.map((t) => t.conn)).toEqual([]);
    const refused: string[] = [];
    await eachLimited(answeredTokens, 8, async (t) => void (!(await worksAtProvider(provider, t.token)) && refused.push(t.conn)));
    expect(refused).toEqual([]);

    // The refreshes whose answers died with A were made again inside the grace; no other refresh went unrecorded.
    await b.stop();
    const states = await connectionStates(db);
    expect(provider.stats.reuse).toBe(0);
    // The kill hit refreshes in flight (how many depends on timing: 6 to 54 seen), and each was made again.
    expect(provider.stats.graceReuse).toBeGreaterThanOrEqual(1);
    const mismatched = seeded.filter((c) => states.get(c.id)!.refresh_count !== provider.refreshCount(c.family) - provider.graceReuseCount(c.family));
    expect(mismatched.map((c) => `${c.id}: ${states.get(c.id)!.refresh_count} recorded, ${provider.refreshCount(c.family)} at the provider`)).toEqual([]);
    expect(seeded.every((c) => provider.graceReuseCount(c.family) <= 1)).toBe(true);
    console.log(
      `kill -9: ${provider.stats.refreshes} refreshes, ${provider.stats.graceReuse} lost with the killed node and made again, ` +
        `${kept} answers checked; recovered ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
    );
  }, 180_000);
});

describe.skipIf(!canMakeCluster())('PostgreSQL restarted while refresh answers arrive', () => {
  let cluster: PgCluster;
  let db: FleetDb;
  let provider: QuirkProvider;
  let node: KeywardProcess;

  beforeAll(async () => {
    cluster = await startPgCluster();
    const key = newMasterKey();
    db = await openFleetDb(cluster.url, key);
    // Strict reuse detection: a refresh whose answer the node dropped would show as reuse on the next renewal.
    provider = await startQuirkProvider({ refresh: { rotates: true }, accessTokenTtlSeconds: 600, delayMs: DELAY_MS });
    node = await startKeyward(cluster.url, key, NODE_ENV);
  }, 120_000);

  afterAll(async () => {
    await node?.stop();
    await provider?.close();
    await db?.close();
    await cluster?.destroy();
  }, 60_000);

  it('keeps the answers while the database is down and writes them once it is back', async () => {
    const seededAt = seedNotDue();
    const seeded = await seedConnections(db, provider, 200, { renewalSeconds: 3600, firstRenewalAt: () => seededAt });
    const bearer = await connectionsClient(db, node.base);
    const before = provider.stats.refreshes;
    expect(await makeDue(db, seededAt)).toBe(seeded.length);
    await until('scheduled refreshes in flight', () => provider.stats.refreshes - before >= 20, 60_000, 20);
    // Stopped while answers are on their way: they arrive with the database down. It stays down until every refresh
    // done at the provider has been answered and the node has found it cannot write a result.
    await cluster.stop('fast');
    const rotatedWhileDown = provider.stats.refreshes - before;
    await until('every answer in flight sent', () => provider.answersDelayed === 0, 30_000, 50);
    await until('a result waiting for the database', () => node.proc.out().includes(STORE_RETRY), 30_000, 50);
    await cluster.start();
    progress(`database back; ${rotatedWhileDown} refreshes were in flight at the stop`);

    await settled(db, 90_000);
    await expectAllWork(db, provider, node.base, bearer, seeded);
    expect(node.proc.out()).toContain(STORE_RETRY);
    await node.stop();
    const states = await connectionStates(db);
    expect(provider.stats.reuse).toBe(0);
    const mismatched = seeded.filter((c) => states.get(c.id)!.refresh_count !== provider.refreshCount(c.family));
    expect(mismatched.map((c) => `${c.id}: ${states.get(c.id)!.refresh_count} recorded, ${provider.refreshCount(c.family)} at the provider`)).toEqual([]);
    console.log(`PostgreSQL restart: ${provider.stats.refreshes - before} refreshes, ${rotatedWhileDown} in flight at the stop, all written`);
  }, 180_000);
});

describe.skipIf(!PG_URL)('a lease run out unfinished', () => {
  let pgdb: Awaited<ReturnType<typeof createPgDatabase>>;
  let db: FleetDb;

  beforeAll(async () => {
    pgdb = await createPgDatabase();
    db = await openFleetDb(pgdb.url, newMasterKey());
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await pgdb?.drop();
  });

  it('is due for renewal at once and is told apart from a lease given back', async () => {
    const provider = await startQuirkProvider({ refresh: { rotates: true } });
    try {
      // Two rows: the claim's look at the row as it was must pick this row out of the table.
      const [conn] = await seedConnections(db, provider, 2, { renewalSeconds: 3600, firstRenewalAt: () => Date.now() + 3_600_000 });
      const id = conn!.id;
      const first = await claimLease(db.store.db, db.space.id, id, 'dead-node', 1);
      expect(first?.abandoned).toBe(false);
      await sleep(20);
      // The dead node's lease ran out: the scheduler takes the row although its renewal is an hour away.
      const due = await claimDue(db.store.db, 'live-node', 60_000, 10);
      expect(due.map((r) => r.id)).toEqual([id]);
      await finishLease(db.store.db, id, 'live-node', due[0]!.generation, {});
      expect(await claimDue(db.store.db, 'live-node', 60_000, 10)).toEqual([]);
      // An on-demand claim of a lease that ran out says so; one of a lease given back does not.
      await claimLease(db.store.db, db.space.id, id, 'dead-node', 1);
      await sleep(20);
      const taken = await claimLease(db.store.db, db.space.id, id, 'live-node', 60_000);
      expect(taken?.abandoned).toBe(true);
      await finishLease(db.store.db, id, 'live-node', taken!.generation, {});
      expect((await claimLease(db.store.db, db.space.id, id, 'live-node', 60_000))?.abandoned).toBe(false);
    } finally {
      await provider.close();
    }
  });
});

describe.skipIf(!PG_URL)('an answer lost after the provider rotated', () => {
  let pgdb: Awaited<ReturnType<typeof createPgDatabase>>;
  let db: FleetDb;

  beforeAll(async () => {
    pgdb = await createPgDatabase();
    db = await openFleetDb(pgdb.url, newMasterKey());
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await pgdb?.drop();
  });

  const refreshNow = async (id: string) => db.services.vault.refreshNow(db.space, id);

  it('ends in needs_reauth with a clear last_error at a strict provider', async () => {
    const provider = await startQuirkProvider({ refresh: { rotates: true } });
    try {
      const [conn] = await seedConnections(db, provider, 1, { renewalSeconds: 3600, firstRenewalAt: () => Date.now() + 3_600_000 });
      provider.failNext({ drop: true });
      const failed = await refreshNow(conn!.id);
      // The answer never came: Keyward cannot know the provider rotated, so it is a transient failure for now.
      expect(failed).toMatchObject({ status: 'error', refresh_count: 0 });
      expect(failed.last_error).toMatch(/could not be reached or failed/);
      const after = await refreshNow(conn!.id);
      expect(after).toMatchObject({ status: 'needs_reauth', refresh_count: 0 });
      expect(after.last_error).toMatch(/no longer accepts the connection's grant .*invalid_grant.*reused.*Reconnect/);
      expect(provider.stats.reuse).toBe(1);
      await expect(db.services.vault.tokens.token(db.space.id, conn!.id, { type: 'admin' })).rejects.toThrow(/connected again/);
    } finally {
      await provider.close();
    }
  });

  it('recovers on the next renewal where the provider allows the previous refresh token for a while', async () => {
    const provider = await startQuirkProvider({ refresh: { rotates: true, reuseGraceSeconds: 1800 } });
    try {
      const [conn] = await seedConnections(db, provider, 1, { renewalSeconds: 3600, firstRenewalAt: () => Date.now() + 3_600_000 });
      provider.failNext({ drop: true });
      const failed = await refreshNow(conn!.id);
      expect(failed.status, JSON.stringify({ failed, stats: provider.stats })).toBe('error');
      const after = await refreshNow(conn!.id);
      expect(after).toMatchObject({ status: 'connected', last_error: null, refresh_count: 1 });
      expect(provider.stats).toMatchObject({ reuse: 0, graceReuse: 1 });
      expect(provider.refreshCount(conn!.family)).toBe(2);
      const token = await db.services.vault.tokens.token(db.space.id, conn!.id, { type: 'admin' });
      expect(await worksAtProvider(provider, token.access_token)).toBe(true);
    } finally {
      await provider.close();
    }
  });
});
