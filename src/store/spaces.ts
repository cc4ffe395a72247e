// Spaces: one row each, found by slug (unique). Deleting one cascades to everything that belongs to it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectForUpdate, selectRows, type RowLock } from './locks.js';
import { after, toPage, type Page, type PageRequest } from './paging.js';
import { spaces } from './schema.js';

export type SpaceRow = typeof spaces.$inferSelect;
export type NewSpaceRow = typeof spaces.$inferInsert;
type SpaceChange = Partial<Pick<SpaceRow, 'displayName' | 'accessTokenTtl' | 'refreshTokenTtl' | 'settings' | 'updatedAt'>>;

/** A page of spaces, oldest first; with `onlySlugs`, only those. */
export async function listSpaces(db: Executor, req: PageRequest, onlySlugs?: readonly string[]): Promise<Page<SpaceRow>> {
  const rows = await db
    .select()
    .from(spaces)
    .where(and(after(spaces.createdAt, spaces.id, req.cursor), onlySlugs ? inArray(spaces.slug, [...onlySlugs]) : undefined))
    .orderBy(asc(spaces.createdAt), asc(spaces.id))
    .limit(req.limit + 1);
  return toPage(rows, req.limit);
}

/** The space by slug; with `lock`, locked until the end of the transaction `db` runs in. */
export async function findSpace(db: Executor, slug: string, lock?: RowLock): Promise<SpaceRow | undefined> {
  const [row] = await selectRows(db, spaces, eq(spaces.slug, slug), lock);
  return row;
}

/** The space by id, locked (FOR UPDATE) until the end of the transaction `db` runs in. */
export async function lockSpaceById(db: Executor, id: string): Promise<SpaceRow | undefined> {
  const [row] = await selectForUpdate(db, spaces, eq(spaces.id, id), 'update');
  return row;
}

/** Every space's id and settings (few rows: a start-up step walks them). */
export async function allSpaceSettings(db: Executor): Promise<Pick<SpaceRow, 'id' | 'settings'>[]> {
  return db.select({ id: spaces.id, settings: spaces.settings }).from(spaces);
}

/** Inserts the space; undefined when its slug is taken. */
export async function insertSpace(db: Executor, row: NewSpaceRow): Promise<SpaceRow | undefined> {
  const [inserted] = await db.insert(spaces).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateSpace(db: Executor, id: string, set: SpaceChange): Promise<SpaceRow> {
  const [row] = await db.update(spaces).set(set).where(eq(spaces.id, id)).returning();
  return row!;
}

export async function deleteSpace(db: Executor, id: string): Promise<void> {
  await db.delete(spaces).where(eq(spaces.id, id));
}
