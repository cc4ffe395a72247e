// Provider clients: the OAuth clients a space holds at other services (seed 001's "OAuth 2.0 client"). A client
// that connections use cannot be deleted (the foreign key restricts), so none is left without a way to renew.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectRows, type RowLock } from './locks.js';
import { after, toPage, type Page, type PageRequest } from './paging.js';
import { connections, providerClients } from './schema.js';

export type ProviderClientRow = typeof providerClients.$inferSelect;
export type NewProviderClientRow = typeof providerClients.$inferInsert;

/** A page of the space's provider clients, oldest first; `provider`: only those of that catalog entry. */
export async function listProviderClients(db: Executor, spaceId: string, q: PageRequest & { provider?: string }): Promise<Page<ProviderClientRow>> {
  const rows = await db
    .select()
    .from(providerClients)
    .where(
      and(
        eq(providerClients.spaceId, spaceId),
        after(providerClients.createdAt, providerClients.id, q.cursor),
        q.provider ? eq(providerClients.provider, q.provider) : undefined,
      ),
    )
    .orderBy(asc(providerClients.createdAt), asc(providerClients.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}

/** The provider client by id within the space; with `lock`, locked until the end of the transaction. */
export async function findProviderClient(db: Executor, spaceId: string, id: string, lock?: RowLock): Promise<ProviderClientRow | undefined> {
  const [row] = await selectRows(db, providerClients, and(eq(providerClients.spaceId, spaceId), eq(providerClients.id, id)), lock);
  return row;
}

/** Provider clients by id, whatever their space (the renewal path reads them for rows it has claimed). */
export async function providerClientsById(db: Executor, ids: string[]): Promise<ProviderClientRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(providerClients)
    .where(inArray(providerClients.id, [...new Set(ids)]));
}

export async function insertProviderClient(db: Executor, row: NewProviderClientRow): Promise<ProviderClientRow> {
  const [inserted] = await db.insert(providerClients).values(row).returning();
  return inserted!;
}

export async function updateProviderClient(db: Executor, id: string, set: Partial<NewProviderClientRow>): Promise<ProviderClientRow> {
  const [row] = await db.update(providerClients).set(set).where(eq(providerClients.id, id)).returning();
  return row!;
}

/** How many connections use the provider client (a deletion is refused while any do). */
export async function connectionsUsing(db: Executor, id: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(connections).where(eq(connections.providerClientId, id));
  return row?.n ?? 0;
}

export async function deleteProviderClient(db: Executor, id: string): Promise<void> {
  await db.delete(providerClients).where(eq(providerClients.id, id));
}
