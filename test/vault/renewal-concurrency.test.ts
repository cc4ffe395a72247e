// Three Keyward processes on one PostgreSQL database keep 1,000 connections to a rotating provider (strict reuse
// detection: a rotated-away refresh token used once is an incident) fresh for a minute, while registered clients ask
// all three nodes for connection tokens in parallel, some forcing a refresh. Every node runs the scheduler; the
// renewal lease is all that keeps two nodes (or a node and an on-demand request) from refreshing one connection at
// once. Afterwards every connection works, the provider saw no reuse, no request got a 5xx, and each connection's
// refresh_count equals the refreshes its token family had at the provider (no refresh done and not recorded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuirkProvider, type QuirkProvider } from '../helpers/providers/quirk-provider.js';
import { createPgDatabase, PG_URL } from '../helpers/store.js';
import {
  connectionStates,
  connectionsClient,
  connectionToken,
  eachLimited,
  newMasterKey,
  openFleetDb,
  progress,
  seedConnections,
  startKeyward,
  worksAtProvider,
  type FleetDb,
  type KeywardProcess,
  type SeededConnection,
} from '../helpers/vault-fleet.js';

const CONNECTIONS = 1_000;
const RUN_MS = 60_000;
/** Requests in flight at any moment, spread over the three nodes. */
const PARALLEL = 24;
const FORCE_SHARE = 0.05;
const ACCESS_TTL_SECONDS = 20;

describe.skipIf(!PG_URL)('three nodes keep 1,000 rotating connections fresh', () => {
  let pgdb: Awaited<ReturnType<typeof createPgDatabase>>;
  let db: FleetDb;
  let provider: QuirkProvider;
  let nodes: KeywardProcess[] = [];
  let seeded: SeededConnection[];

  beforeAll(async () => {
    pgdb = await createPgDatabase();
    const key = newMasterKey();
    db = await openFleetDb(pgdb.url, key);
    provider = await startQuirkProvider({ refresh: { rotates: true }, accessTokenTtlSeconds: ACCESS_TTL_SECONDS });
    const start = Date.now();
    progress('seeding');
    // First scheduled renewals spread over the minute (renewal_rate 60), so the scheduler works all along.
    seeded = await seedConnections(db, provider, CONNECTIONS, { renewalSeconds: 60, firstRenewalAt: (i) => start + 5_000 + ((i * 7919) % 60_000) });
    const env = {
      KEYWARD_VAULT_REFRESH_MARGIN_SECONDS: '5',
      KEYWARD_VAULT_SCHEDULER_INTERVAL_MS: '200',
      KEYWARD_VAULT_PROVIDER_TIMEOUT_MS: '10000',
    };
    progress(`seeded in ${Date.now() - start} ms; starting nodes`);
    nodes = await Promise.all([0, 1, 2].map(() => startKeyward(pgdb.url, key, env)));
    progress('nodes started');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await provider?.close();
    await db?.close();
    await pgdb?.drop();
  }, 60_000);

  it('serves every request, never reuses a rotated refresh token, and records every refresh', async () => {
    const bearers = await Promise.all(nodes.map((n, i) => connectionsClient(db, nodes[(i + 1) % nodes.length]!.base).then((t) => ({ node: n, t }))));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let served = 0;
    let checkedAtProvider = 0;
    const refreshesBefore = provider.stats.refreshes;
    const started = Date.now();
    const ticker = setInterval(
      () => progress(`${served} served, ${provider.stats.refreshes - refreshesBefore} refreshes, statuses ${JSON.stringify(Object.fromEntries(statuses))}`),
      5_000,
    );

    // Each worker: a random connection at a random node, as a random client, now and then forcing a refresh.
    await Promise.all(
      Array.from({ length: PARALLEL }, async (_, w) => {
        for (let n = 0; Date.now() - started < RUN_MS; n++) {
          const conn = seeded[Math.floor(Math.random() * seeded.length)]!;
          const node = nodes[(w + n) % nodes.length]!;
          const bearer = bearers[Math.floor(Math.random() * bearers.length)]!.t;
          const answer = await connectionToken(node.base, bearer, conn.id, Math.random() < FORCE_SHARE);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status !== 200) {
            if (failures.length < 10) failures.push(`${answer.status} ${answer.body}`);
            continue;
          }
          served++;
          // A token answered must be good at the provider right then (checked for a share, to keep the pace).
          if (n % 10 === 0) {
            checkedAtProvider++;
            if (!(await worksAtProvider(provider, answer.accessToken!))) failures.push(`answered token refused by the provider (${conn.id})`);
          }
        }
      }),
    );
    clearInterval(ticker);
    const duration = (Date.now() - started) / 1000;
    progress('load done; final checks');
    const refreshes = provider.stats.refreshes - refreshesBefore;

    // At the end every connection gives a working token, from any node.
    const finalFailures: string[] = [];
    await eachLimited(seeded, 32, async (conn, i) => {
      const answer = await connectionToken(nodes[i % nodes.length]!.base, bearers[i % bearers.length]!.t, conn.id);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status !== 200) return void finalFailures.push(`${conn.id}: ${answer.status} ${answer.body}`);
      if (!(await worksAtProvider(provider, answer.accessToken!))) finalFailures.push(`${conn.id}: token refused by the provider`);
    });

    progress('final checks done; stopping nodes');
    // A graceful stop finishes and writes the renewals in flight: then the books can be compared.
    await Promise.all(nodes.map((n) => n.stop()));
    progress('nodes stopped');
    const states = await connectionStates(db);
    const notConnected = seeded.filter((c) => states.get(c.id)?.status !== 'connected');
    const mismatched = seeded.filter((c) => states.get(c.id)!.refresh_count !== provider.refreshCount(c.family));
    const recorded = seeded.reduce((sum, c) => sum + states.get(c.id)!.refresh_count, 0);

    console.log(
      `renewal concurrency: ${CONNECTIONS} connections, 3 nodes, ${duration.toFixed(1)} s of load: ${refreshes} refreshes ` +
        `(${(refreshes / duration).toFixed(0)}/s) and ${served} token requests served (${(served / duration).toFixed(0)}/s), ` +
        `${checkedAtProvider} answers checked at the provider; ${provider.stats.refreshes} refreshes in all (${recorded} recorded); ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect(finalFailures).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(provider.stats.reuse).toBe(0);
    expect(provider.stats.invalidGrant).toBe(0);
    expect(notConnected.map((c) => `${c.id}: ${states.get(c.id)?.status} ${states.get(c.id)?.last_error}`)).toEqual([]);
    expect(mismatched.map((c) => `${c.id}: ${states.get(c.id)!.refresh_count} recorded, ${provider.refreshCount(c.family)} at the provider`)).toEqual([]);
    expect(refreshes).toBeGreaterThan(CONNECTIONS);
    // Every refresh the provider made for these families is recorded in the vault.
    expect(recorded).toBe(provider.stats.refreshes);
  }, 180_000);
});
