// Connections: credentials held for a space at another service, through one of its provider clients (seed 003's
// access token). The rows carry sealed credentials and the renewal state; the renewal lease is in
// connection-renewal.ts. Names are unique per space, compared case-insensitively.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { arrayLiteral } from './access-tokens.js';
import type { Executor } from './db.js';
import { isUuid } from './ids.js';
import { selectRows, type RowLock } from './locks.js';
import { after, toPage, type Page, type PageRequest } from './paging.js';
import { connections, providerClients } from './schema.js';
import type { ProviderClientRow } from './provider-clients.js';

export type ConnectionRow = typeof connections.$inferSelect;
export type NewConnectionRow = typeof connections.$inferInsert;

export interface ConnectionFilter {
  status?: string[];
  /** Only connections bound to this registered client (primary key). */
  boundClientPk?: string;
  providerClientId?: string;
}

/** A page of the space's connections, oldest first. */
export async function listConnections(db: Executor, spaceId: string, q: PageRequest & ConnectionFilter): Promise<Page<ConnectionRow>> {
  const rows = await db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.spaceId, spaceId),
        after(connections.createdAt, connections.id, q.cursor),
        q.status?.length ? inArray(connections.status, q.status) : undefined,
        q.boundClientPk ? eq(connections.boundClientPk, q.boundClientPk) : undefined,
        q.providerClientId ? eq(connections.providerClientId, q.providerClientId) : undefined,
      ),
    )
    .orderBy(asc(connections.createdAt), asc(connections.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}

/** The connection by id within the space; with `lock`, locked until the end of the transaction. */
export async function findConnection(db: Executor, spaceId: string, id: string, lock?: RowLock): Promise<ConnectionRow | undefined> {
  const [row] = await selectRows(db, connections, and(eq(connections.spaceId, spaceId), eq(connections.id, id)), lock);
  return row;
}

function prepareWithClient(db: Executor) {
  // One statement of constant text for 1 or 500 ids: the token path groups the reads of one event-loop turn.
  return db
    .select({ connection: connections, providerClient: providerClients })
    .from(connections)
    .innerJoin(providerClients, eq(providerClients.id, connections.providerClientId))
    .where(sql`${connections.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('keyward_connections_with_client');
}

export interface ConnectionWithClient {
  connection: ConnectionRow;
  providerClient: ProviderClientRow;
}

// The token path's statement, built once per executor: every connection token read runs it, and building a join
// of two whole tables in drizzle costs more CPU than PostgreSQL's answer (bench vault-read). Keyed by executor so
// a transaction's statements still run on that transaction (PGlite has one connection).
const withClientLookups = new WeakMap<Executor, ReturnType<typeof prepareWithClient>>();

/** The connections among `ids` (uuids, any space) with their provider clients, by connection id. */
export async function findConnectionsWithClient(db: Executor, ids: readonly string[]): Promise<Map<string, ConnectionWithClient>> {
  let lookup = withClientLookups.get(db);
  if (!lookup) withClientLookups.set(db, (lookup = prepareWithClient(db)));
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Map();
  const rows = await lookup.execute({ ids: arrayLiteral(valid) });
  return new Map(rows.map((r) => [r.connection.id, r]));
}

/** The space's connection `id` (any text) with its provider client. */
export async function findConnectionWithClient(db: Executor, spaceId: string, id: string): Promise<ConnectionWithClient | undefined> {
  const found = (await findConnectionsWithClient(db, [id])).get(id);
  return found?.connection.spaceId === spaceId ? found : undefined;
}

/** Inserts the connection; a name the space has already (any case) fails with a unique violation. */
export async function insertConnection(db: Executor, row: NewConnectionRow): Promise<ConnectionRow> {
  const [inserted] = await db.insert(connections).values(row).returning();
  return inserted!;
}

/** Changes the connection's columns; a name clash fails with a unique violation. */
export async function updateConnection(db: Executor, id: string, set: Partial<NewConnectionRow>): Promise<ConnectionRow> {
  const [row] = await db.update(connections).set(set).where(eq(connections.id, id)).returning();
  return row!;
}

export async function deleteConnection(db: Executor, id: string): Promise<void> {
  await db.delete(connections).where(eq(connections.id, id));
}

/** Connections of every space by status, in one grouped query (the metrics read it at each scrape). */
export async function countConnectionsByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db.select({ status: connections.status, n: count() }).from(connections).groupBy(connections.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
