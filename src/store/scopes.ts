// The scopes of a space: one row per name (unique within the space).
import { and, asc, count, eq, ilike, inArray } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectRows, type RowLock } from './locks.js';
import { after, containing, toPage, type Page, type PageRequest } from './paging.js';
import { clients, clientScopes, scopes } from './schema.js';

export type ScopeRow = typeof scopes.$inferSelect;
export type NewScopeRow = typeof scopes.$inferInsert;

/** A page of the space's scopes, oldest first; `name`: those whose name contains it (case-insensitive). */
export async function listScopes(db: Executor, spaceId: string, req: PageRequest & { name?: string }): Promise<Page<ScopeRow>> {
  const rows = await db
    .select()
    .from(scopes)
    .where(and(eq(scopes.spaceId, spaceId), after(scopes.createdAt, scopes.id, req.cursor), req.name ? ilike(scopes.name, containing(req.name)) : undefined))
    .orderBy(asc(scopes.createdAt), asc(scopes.id))
    .limit(req.limit + 1);
  return toPage(rows, req.limit);
}

/** The scope by name; with `lock`, locked until the end of the transaction `db` runs in. */
export async function findScope(db: Executor, spaceId: string, name: string, lock?: RowLock): Promise<ScopeRow | undefined> {
  const where = and(eq(scopes.spaceId, spaceId), eq(scopes.name, name));
  const [row] = await selectRows(db, scopes, where, lock);
  return row;
}

/** How many clients have the scope, and the first `limit` of them by name (what deleting it takes from). */
export async function clientsWithScope(
  db: Executor,
  scopeId: string,
  limit: number,
): Promise<{ total: number; clients: { clientId: string; name: string }[] }> {
  const [n] = await db.select({ n: count() }).from(clientScopes).where(eq(clientScopes.scopeId, scopeId));
  const rows = await db
    .select({ clientId: clients.clientId, name: clients.name })
    .from(clientScopes)
    .innerJoin(clients, eq(clients.id, clientScopes.clientPk))
    .where(eq(clientScopes.scopeId, scopeId))
    .orderBy(asc(clients.name), asc(clients.clientId))
    .limit(limit);
  return { total: n?.n ?? 0, clients: rows };
}

/** Those of `names` that exist in the space (any order). */
export async function scopesNamed(db: Executor, spaceId: string, names: readonly string[]): Promise<Pick<ScopeRow, 'id' | 'name'>[]> {
  if (names.length === 0) return [];
  return db
    .select({ id: scopes.id, name: scopes.name })
    .from(scopes)
    .where(and(eq(scopes.spaceId, spaceId), inArray(scopes.name, [...names])));
}

/** Inserts a scope; a name the space has already fails with a unique violation. */
export async function insertScope(db: Executor, row: NewScopeRow): Promise<ScopeRow> {
  const [inserted] = await db.insert(scopes).values(row).returning();
  return inserted!;
}

/** Inserts those of `rows` whose name the space has not got; returns the ones inserted. */
export async function insertMissingScopes(db: Executor, rows: NewScopeRow[]): Promise<ScopeRow[]> {
  return db.insert(scopes).values(rows).onConflictDoNothing().returning();
}

export async function updateScope(db: Executor, id: string, set: Partial<Pick<ScopeRow, 'description' | 'isDefault' | 'updatedAt'>>): Promise<ScopeRow> {
  const [row] = await db.update(scopes).set(set).where(eq(scopes.id, id)).returning();
  return row!;
}

/** Deletes the scope; foreign keys remove it from every client's list. */
export async function deleteScope(db: Executor, id: string): Promise<void> {
  await db.delete(scopes).where(eq(scopes.id, id));
}
