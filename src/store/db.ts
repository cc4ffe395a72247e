// Opens the store: PGlite in the data directory (embedded default) or PostgreSQL. Both speak the same SQL and
// run the same migrations, so everything above this file sees one `Db` type.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import { NoticeListener, type BackoffOptions, type NoticeWatcher, type StoreLog } from './listener.js';
import { lockDataDir } from './lock.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The transaction `db.transaction()` hands its callback. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/**
 * Where a statement runs: the store itself or a transaction a caller has open. A function that takes an Executor
 * writes as part of its caller's transaction when given one, so a change and what goes with it (the audit entry,
 * the rotated token) commit or roll back together.
 */
export type Executor = Db | Transaction;

export interface Store {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Throws when the store cannot answer a trivial query. */
  ping(): Promise<void>;
  /** Applies pending migrations; safe to call twice and from several processes at once. */
  migrate(): Promise<void>;
  /**
   * Other nodes' change notices (PostgreSQL LISTEN/NOTIFY). The embedded store has one process only, so there
   * it never calls back and notify does nothing. A lost listening connection is made again (with backoff): the
   * watcher hears of the loss at once (notices stop arriving) and of the resumption (those sent meanwhile are lost).
   */
  listen(channel: string, onMessage: (payload: string) => void, watcher?: NoticeWatcher): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  /**
   * A hot statement by name, with $1… parameters: prepared once per connection on PostgreSQL, so neither side
   * parses it again (measured for the token group commit: 2.3 → 1.4 ms and half the CPU per batch of 20 rows,
   * drizzle's query building included). PGlite runs it as given.
   */
  run(name: string, text: string, params: unknown[]): Promise<void>;
  /**
   * Runs `work` unless another process holds `name` right now (PostgreSQL: a session advisory lock tried on a
   * connection of its own); true if it ran. For scheduled jobs every node has: one does each round, not all.
   * The embedded store has one process, so there it always runs.
   */
  exclusive(name: string, work: () => Promise<void>): Promise<boolean>;
  /** The PostgreSQL pool's connections (for the metrics); null for the embedded store, which has no pool. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Arbitrary constant shared by every Keyward process: serializes concurrent migrators on one database.
const MIGRATION_LOCK_KEY = 7_358_001;

export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite only: start from a dumped data directory (tests load a migrated template this way). */
  loadDataDir?: Blob | File;
  /** PGlite only: keep the database in memory instead of the data directory. */
  inMemory?: boolean;
  poolSize?: number;
  /** Connection losses, reconnections, a stale lock taken over. */
  log?: StoreLog;
  /** PostgreSQL: how the listening connection retries (tests shorten it). */
  listenBackoff?: BackoffOptions;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts);
}

/**
 * PGlite runs PostgreSQL inside a WebAssembly heap of this process, and PostgreSQL's shared memory is part of that
 * heap. initdb's default shared_buffers (128 MB) alone made about 150 MB of the idle server's resident memory (the
 * buffer pool fills while it opens: an idle restart measured 400 MB, 230-250 MB with 16 MB of buffers, 200-235 MB
 * with 4 MB). The embedded store's tables are a few MB, and a page not in the buffers is one read of the operating
 * system's file cache away. PGlite serves one connection (single-user mode): the shared state sized for 100 (lock
 * table, process slots, I/O handles) is another 4 MB. PGlite's own start parameters (single-user mode, no parallel
 * workers) come first: startParams replaces them.
 */
export const PGLITE_SETTINGS = { shared_buffers: '8MB', max_connections: '8' };
const startParams = (defaults: readonly string[]) => [...defaults, ...Object.entries(PGLITE_SETTINGS).flatMap(([k, v]) => ['-c', `${k}=${v}`])];

/**
 * Creates a new embedded database (initdb) and migrates it in a short-lived process of its own. In this process, that
 * would leave 100-150 MB resident for good: PGlite runs initdb in a second WebAssembly instance and copies its result
 * through a 200 MB in-memory archive, the C heap does not give that back to the system once freed, and the
 * migrations' DDL grows PostgreSQL's caches (measured idle after a first start: 850 MB before, ~390 MB with small
 * buffers but in-process; this way it is a restart's). Plain CommonJS, evaluated: runs from src under the test runner
 * and from dist alike.
 */
async function createApart(dir: string, params: string[]): Promise<void> {
  const require = createRequire(import.meta.url);
  const code = `const [dir, startParams, folder, pglite, drizzle, migrator] = process.argv.slice(1);
(async () => {
  const client = await require(pglite).PGlite.create(dir, { startParams: JSON.parse(startParams) });
  await require(migrator).migrate(require(drizzle).drizzle({ client }), { migrationsFolder: folder });
  await client.close();
})().catch((err) => { console.error(err); process.exit(1); });`;
  const modules = ['@electric-sql/pglite', 'drizzle-orm/pglite', 'drizzle-orm/pglite/migrator'].map((m) => require.resolve(m));
  try {
    await promisify(execFile)(process.execPath, ['-e', code, dir, JSON.stringify(params), MIGRATIONS_DIR, ...modules], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Error(`could not create the embedded database in ${dir}${stderr ? `: ${stderr.split('\n').slice(0, 3).join(' ')}` : ''}`, { cause: err });
  }
}

async function openPglite(opts: StoreOptions): Promise<Store & { pglite: PGlite }> {
  // PostgreSQL's WebAssembly runs on V8's baseline compiler (Liftoff) only. Its optimizing compiler recompiled the
  // functions start-up made hot on four threads at once, and glibc keeps what those compilations freed: 20-65 MB
  // resident for good, the whole spread of the idle server's memory (arenas measured 45-66 MB vs 9-12 MB this way).
  // The price: queries ~25% more CPU once a process is warm; a short-lived one (a test file) is faster, having
  // nothing to recompile. Set before PGlite compiles its module; no other WebAssembly runs in Keyward.
  setFlagsFromString('--liftoff-only');
  // Loaded here, not at the top: PostgreSQL mode does not pay for PGlite's code (~15 MB resident with drizzle's part).
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const params = startParams(PGlite.defaultStartParams);
  let dir: string | undefined;
  if (!opts.inMemory) {
    if (!opts.dataDir) throw new Error('openStore: dataDir is required for the embedded store');
    dir = path.join(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  // Before anything touches the files: a second process on them would corrupt them (see lock.ts).
  const unlock = opts.dataDir && !opts.inMemory ? lockDataDir(opts.dataDir, opts.log) : () => {};
  let pglite: PGlite;
  try {
    if (dir && !opts.loadDataDir && !existsSync(path.join(dir, 'PG_VERSION'))) await createApart(dir, params);
    pglite = await PGlite.create(dir, { startParams: params, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    ping: async () => void (await pglite.query('select 1')),
    // PGlite is single-process: only this process can have the directory open, so no lock is needed.
    migrate: async () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    listen: async () => {},
    notify: async () => {},
    run: async (_name, text, params) => void (await pglite.query(text, params)),
    exclusive: async (_name, work) => {
      await work();
      return true;
    },
    poolStats: () => null,
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

// A query waits this long for a connection, new (an unreachable host drops packets rather than refusing) or from a
// pool that stays busy: then it fails, and the request answers 503, instead of hanging until the client gives up.
const CONNECT_TIMEOUT_MS = 5_000;

async function openPostgres(url: string, opts: StoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // An idle client losing its connection must not crash the process; the next query reports the problem.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closed = false;
  const listener = new NoticeListener(url, opts.log, opts.listenBackoff);
  return {
    db,
    kind: 'postgres',
    ping: async () => void (await db.execute(sql`select 1`)),
    migrate: async () => {
      // A session-level advisory lock on one dedicated connection, held for the whole migration.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    listen: (channel, onMessage, watcher) => listener.listen(channel, onMessage, watcher),
    notify: async (channel, payload) => void (await pool.query('select pg_notify($1, $2)', [channel, payload])),
    run: async (name, text, values) => void (await pool.query({ name, text, values })),
    exclusive: async (name, work) => {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [name]);
        if (!rows[0]?.ok) return false;
        try {
          await work();
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
        return true;
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}
