// Clients of a space, their secrets (SHA-256, several while a rotation's grace period runs) and the scopes each
// may ask for (client_scopes). Deleting a client cascades to its secrets, scope links, tokens, codes and consents.
import { and, arrayContains, asc, eq, ilike, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectRows, type RowLock } from './locks.js';
import { after, containing, toPage, type Page, type PageRequest } from './paging.js';
import { clients, clientScopes, clientSecrets, scopes } from './schema.js';
import type { ScopeRow } from './scopes.js';

export type ClientRow = typeof clients.$inferSelect;
export type NewClientRow = typeof clients.$inferInsert;

/**
 * A page of the space's clients, oldest first; `name`: whose name contains it (case-insensitive); `grantType`: whose
 * grant types include it.
 */
export async function listClients(
  db: Executor,
  spaceId: string,
  q: PageRequest & { name?: string; active?: boolean; grantType?: string },
): Promise<Page<ClientRow>> {
  const rows = await db
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.spaceId, spaceId),
        after(clients.createdAt, clients.id, q.cursor),
        q.name ? ilike(clients.name, containing(q.name)) : undefined,
        q.active !== undefined ? eq(clients.active, q.active) : undefined,
        q.grantType ? arrayContains(clients.grantTypes, [q.grantType]) : undefined,
      ),
    )
    .orderBy(asc(clients.createdAt), asc(clients.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}

/** The client by client_id within the space; with `lock`, locked until the end of the transaction `db` runs in. */
export async function findClient(db: Executor, spaceId: string, clientId: string, lock?: RowLock): Promise<ClientRow | undefined> {
  const where = and(eq(clients.spaceId, spaceId), eq(clients.clientId, clientId));
  const [row] = await selectRows(db, clients, where, lock);
  return row;
}

/** Inserts the client; a name and version the space has already fails with a unique violation. */
export async function insertClient(db: Executor, row: NewClientRow): Promise<ClientRow> {
  const [inserted] = await db.insert(clients).values(row).returning();
  return inserted!;
}

/** Changes the client's columns (by primary key); a clash of name and version fails with a unique violation. */
export async function updateClient(db: Executor, pk: string, set: Partial<NewClientRow>): Promise<ClientRow> {
  const [row] = await db.update(clients).set(set).where(eq(clients.id, pk)).returning();
  return row!;
}

export async function deleteClient(db: Executor, pk: string): Promise<void> {
  await db.delete(clients).where(eq(clients.id, pk));
}

/** The scope names of each client (by primary key), each list in code-point order. */
export async function scopeNamesOf(db: Executor, clientPks: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (clientPks.length === 0) return out;
  const rows = await db
    .select({ clientPk: clientScopes.clientPk, name: scopes.name })
    .from(clientScopes)
    .innerJoin(scopes, eq(scopes.id, clientScopes.scopeId))
    .where(inArray(clientScopes.clientPk, clientPks))
    .orderBy(asc(scopes.name));
  for (const r of rows) out.set(r.clientPk, [...(out.get(r.clientPk) ?? []), r.name]);
  // Code-point order, whatever the database's collation: the same order parseScope gives.
  for (const list of out.values()) list.sort();
  return out;
}

/** The client's scopes, by name. */
export async function scopesOfClient(db: Executor, clientPk: string): Promise<ScopeRow[]> {
  const rows = await db
    .select({ s: scopes })
    .from(clientScopes)
    .innerJoin(scopes, eq(scopes.id, clientScopes.scopeId))
    .where(eq(clientScopes.clientPk, clientPk))
    .orderBy(asc(scopes.name));
  return rows.map((r) => r.s);
}

/** Replaces the client's scope links with `scopeIds`. */
export async function setClientScopes(db: Executor, clientPk: string, scopeIds: string[]): Promise<void> {
  await db.delete(clientScopes).where(eq(clientScopes.clientPk, clientPk));
  if (scopeIds.length) await db.insert(clientScopes).values(scopeIds.map((scopeId) => ({ clientPk, scopeId })));
}

/** Removes one scope link; false when the client did not have it. */
export async function removeClientScope(db: Executor, clientPk: string, scopeId: string): Promise<boolean> {
  const deleted = await db
    .delete(clientScopes)
    .where(and(eq(clientScopes.clientPk, clientPk), eq(clientScopes.scopeId, scopeId)))
    .returning();
  return deleted.length > 0;
}

export async function addClientSecret(db: Executor, clientPk: string, secretHash: string): Promise<void> {
  await db.insert(clientSecrets).values({ clientPk, secretHash });
}

export async function deleteClientSecrets(db: Executor, clientPk: string): Promise<void> {
  await db.delete(clientSecrets).where(eq(clientSecrets.clientPk, clientPk));
}

/**
 * Lets the client's secrets expire at `until` at the latest (those already expiring keep the earlier deadline) and
 * deletes those expired by `now`: what a rotation does before it adds the new secret.
 */
export async function expireClientSecrets(db: Executor, clientPk: string, until: Date, now: Date): Promise<void> {
  await db
    .update(clientSecrets)
    .set({ expiresAt: sql`least(coalesce(${clientSecrets.expiresAt}, ${until}), ${until})` })
    .where(eq(clientSecrets.clientPk, clientPk));
  await db.delete(clientSecrets).where(and(eq(clientSecrets.clientPk, clientPk), sql`${clientSecrets.expiresAt} <= ${now}`));
}

/**
 * For each client (by primary key) that keeps a secret a rotation replaced: the latest end of such a secret's grace
 * period, also when it has passed (a replaced secret stays stored until the next rotation removes it).
 */
export async function replacedSecretDeadlines(db: Executor, clientPks: string[]): Promise<Map<string, Date>> {
  if (clientPks.length === 0) return new Map();
  const rows = await db
    .select({ clientPk: clientSecrets.clientPk, until: max(clientSecrets.expiresAt) })
    .from(clientSecrets)
    .where(and(inArray(clientSecrets.clientPk, clientPks), isNotNull(clientSecrets.expiresAt)))
    .groupBy(clientSecrets.clientPk);
  return new Map(rows.filter((r) => r.until !== null).map((r) => [r.clientPk, r.until!]));
}

/** The client_id of each client (by primary key). */
export async function clientIdsByPk(db: Executor, pks: string[]): Promise<Map<string, string>> {
  if (pks.length === 0) return new Map();
  const rows = await db
    .select({ pk: clients.id, clientId: clients.clientId })
    .from(clients)
    .where(inArray(clients.id, [...new Set(pks)]));
  return new Map(rows.map((r) => [r.pk, r.clientId]));
}
