// Stores for tests. PGlite: a migrated template is built once per worker and loaded into a fresh in-memory
// instance per test file (~0.5 s instead of ~2.5 s for initdb). PostgreSQL: a database with a random name on
// KEYWARD_TEST_DATABASE_URL, dropped afterwards, so runs never see each other's data.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MIGRATIONS_DIR, openStore, type Store } from '../../src/store/db.js';

export type StoreKind = 'pglite' | 'postgres';

export const PG_URL = process.env.KEYWARD_TEST_DATABASE_URL;
const CI = !!process.env.CI && process.env.CI !== 'false';

if (CI && !PG_URL) {
  throw new Error('KEYWARD_TEST_DATABASE_URL must be set under CI: the PostgreSQL tests are required there');
}

/** The kinds of store this run covers: PGlite always, PostgreSQL when KEYWARD_TEST_DATABASE_URL is set. */
export const STORE_KINDS: StoreKind[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

let noticePrinted = false;
export function pgNotice(): void {
  if (!PG_URL && !noticePrinted) {
    noticePrinted = true;
    process.stderr.write('NOTICE: KEYWARD_TEST_DATABASE_URL is not set: PostgreSQL tests are skipped (PGlite only).\n');
  }
}

/** A key of the migrations (and the PGlite version) a migrated embedded database was made from. */
export function migrationsKey(): string {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) hash.update(f).update(readFileSync(full));
  }
  hash.update(readFileSync(fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url))));
  return hash.digest('hex').slice(0, 16);
}

// vitest isolates test files, so an in-memory cache would rebuild the template for every file: keep it on disk,
// keyed by the migrations it was made from (a changed migration makes a new one).
function templateFile(): string {
  return path.join(tmpdir(), `keyward-pglite-template-${migrationsKey()}.tar`);
}

let template: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templateFile();
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const store = await openStore({ inMemory: true });
    await store.migrate();
    const blob = await (store as Store & { pglite: { dumpDataDir(c?: string): Promise<Blob> } }).pglite.dumpDataDir('none');
    await store.close();
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, file); // atomic: a concurrent worker sees the whole file or none
    return blob;
  })();
  return template;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestStore {
  store: Store;
  kind: StoreKind;
  /** Set for PostgreSQL: the URL of this test's own database. */
  databaseUrl?: string;
  close(): Promise<void>;
}

/** A new PostgreSQL database (not migrated) and a function that drops it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('KEYWARD_TEST_DATABASE_URL is not set');
  const name = `keyward_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(PG_URL, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await openStore({ inMemory: true, loadDataDir: await pgliteTemplate() });
    return { store, kind, close: () => store.close() };
  }
  const db = await createPgDatabase();
  const store = await openStore({ databaseUrl: db.url, poolSize: 4 });
  await store.migrate();
  return {
    store,
    kind,
    databaseUrl: db.url,
    close: async () => {
      await store.close();
      await db.drop();
    },
  };
}
