// Users of a space: one row each, unique by lower-cased username within the space. Deleting one cascades to its
// grants, tokens, codes, consents and sessions.
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectForUpdate, selectRows, type RowLock } from './locks.js';
import { after, containing, toPage, type Page, type PageRequest } from './paging.js';
import { users } from './schema.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export interface UserFilter extends PageRequest {
  /** Part of the username, e-mail or name (case-insensitive). */
  q?: string;
  kind?: string;
  disabled?: boolean;
}

/** A page of the space's users, oldest first. */
export async function listUsers(db: Executor, spaceId: string, f: UserFilter): Promise<Page<UserRow>> {
  const like = f.q ? containing(f.q) : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.spaceId, spaceId),
        after(users.createdAt, users.id, f.cursor),
        like ? or(ilike(users.username, like), ilike(users.email, like), ilike(users.name, like)) : undefined,
        f.kind ? eq(users.kind, f.kind) : undefined,
        f.disabled !== undefined ? eq(users.disabled, f.disabled) : undefined,
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(f.limit + 1);
  return toPage(rows, f.limit);
}

/**
 * The space's user with this id (when given) or this lower-cased username. With `lock`, locked until the end of
 * the transaction `db` runs in.
 */
export async function findUser(db: Executor, spaceId: string, ref: { id?: string; usernameKey: string }, lock?: RowLock): Promise<UserRow | undefined> {
  const byName = eq(users.usernameKey, ref.usernameKey);
  const where = and(eq(users.spaceId, spaceId), ref.id ? or(eq(users.id, ref.id), byName) : byName);
  const [row] = await selectRows(db, users, where, lock);
  return row;
}

/** Inserts the user; a username the space has already fails with a unique violation. */
export async function insertUser(db: Executor, row: NewUserRow): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted!;
}

export async function updateUser(db: Executor, id: string, set: Partial<NewUserRow>): Promise<UserRow> {
  const [row] = await db.update(users).set(set).where(eq(users.id, id)).returning();
  return row!;
}

export async function deleteUser(db: Executor, id: string): Promise<void> {
  await db.delete(users).where(eq(users.id, id));
}

/**
 * Moves the user's token cut-off to `at`, never back: the row is locked first, and a later cut-off already set (a
 * disable committed meanwhile) stays. Returns the cut-off in force. Run it in a transaction.
 */
export async function cutOffUserTokens(tx: Executor, id: string, at: Date): Promise<Date> {
  const [row] = await selectForUpdate(tx, users, eq(users.id, id));
  if (row?.tokensValidAfter && row.tokensValidAfter > at) return row.tokensValidAfter;
  await tx.update(users).set({ tokensValidAfter: at, updatedAt: at }).where(eq(users.id, id));
  return at;
}
