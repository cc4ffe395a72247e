// Admin accounts (unique by lower-cased e-mail), their roles (one per space, or one global: space_id NULL) and their
// API tokens (kept as SHA-256). Deleting an admin cascades to roles and tokens.
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectRows, type RowLock } from './locks.js';
import { adminRoles, admins, adminTokens, spaces } from './schema.js';

export type AdminRow = typeof admins.$inferSelect;
export type AdminTokenRow = typeof adminTokens.$inferSelect;
export type NewAdminTokenRow = typeof adminTokens.$inferInsert;
/** A role of an admin; `space` is the space's slug, null for a global role. */
export interface AdminRoleRow {
  adminId: string;
  space: string | null;
  role: string;
}

export async function countAdmins(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(admins);
  return row?.n ?? 0;
}

/** Every admin, oldest first. */
export async function listAdmins(db: Executor): Promise<AdminRow[]> {
  return db.select().from(admins).orderBy(asc(admins.createdAt), asc(admins.id));
}

/** The admin by id; with `lock`, locked until the end of the transaction `db` runs in. */
export async function findAdmin(db: Executor, id: string, lock?: RowLock): Promise<AdminRow | undefined> {
  const [row] = await selectRows(db, admins, eq(admins.id, id), lock);
  return row;
}

/** The admin by lower-cased e-mail; with `lock`, locked until the end of the transaction `db` runs in. */
export async function findAdminByEmail(db: Executor, emailKey: string, lock?: RowLock): Promise<AdminRow | undefined> {
  const [row] = await selectRows(db, admins, eq(admins.emailKey, emailKey), lock);
  return row;
}

/** Inserts the admin; an e-mail already taken fails with a unique violation. */
export async function insertAdmin(db: Executor, row: { email: string; emailKey: string; passwordHash: string | null }): Promise<AdminRow> {
  const [inserted] = await db.insert(admins).values(row).returning();
  return inserted!;
}

export async function updateAdmin(db: Executor, id: string, set: Partial<Pick<AdminRow, 'passwordHash' | 'disabled' | 'updatedAt'>>): Promise<void> {
  await db.update(admins).set(set).where(eq(admins.id, id));
}

export async function deleteAdmin(db: Executor, id: string): Promise<void> {
  await db.delete(admins).where(eq(admins.id, id));
}

/**
 * Whether the store has an admin at all, asked under a transaction-long advisory lock: two first-owner setups
 * running at once (two nodes starting, two setup forms posted) take turns, so the second sees the first's owner.
 */
export async function hasAdminsLocked(tx: Executor): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(7358002)`);
  const [existing] = await tx.select({ id: admins.id }).from(admins).limit(1);
  return !!existing;
}

/** The roles of these admins, with their space's slug. */
export async function rolesOf(db: Executor, adminIds: string[]): Promise<AdminRoleRow[]> {
  if (adminIds.length === 0) return [];
  return db
    .select({ adminId: adminRoles.adminId, space: spaces.slug, role: adminRoles.role })
    .from(adminRoles)
    .leftJoin(spaces, eq(spaces.id, adminRoles.spaceId))
    .where(inArray(adminRoles.adminId, adminIds));
}

export async function insertRole(db: Executor, adminId: string, spaceId: string | null, role: string): Promise<void> {
  await db.insert(adminRoles).values({ adminId, spaceId, role });
}

/** Removes the admin's role in the space (spaceId null: the global role); the role removed, if there was one. */
export async function deleteRole(db: Executor, adminId: string, spaceId: string | null): Promise<string | undefined> {
  const [deleted] = await db
    .delete(adminRoles)
    .where(and(eq(adminRoles.adminId, adminId), spaceId ? eq(adminRoles.spaceId, spaceId) : isNull(adminRoles.spaceId)))
    .returning({ role: adminRoles.role });
  return deleted?.role;
}

/** The admin's API tokens, oldest first (revoked and expired ones too). */
export async function listAdminTokens(db: Executor, adminId: string): Promise<AdminTokenRow[]> {
  return db.select().from(adminTokens).where(eq(adminTokens.adminId, adminId)).orderBy(asc(adminTokens.createdAt));
}

export async function insertAdminToken(db: Executor, row: NewAdminTokenRow): Promise<AdminTokenRow> {
  const [inserted] = await db.insert(adminTokens).values(row).returning();
  return inserted!;
}

/** Revokes the admin's token; the token, or undefined when there is no such token not yet revoked. */
export async function revokeAdminToken(db: Executor, adminId: string, tokenId: string): Promise<AdminTokenRow | undefined> {
  const [row] = await db
    .update(adminTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(adminTokens.id, tokenId), eq(adminTokens.adminId, adminId), isNull(adminTokens.revokedAt)))
    .returning();
  return row;
}

/** The token with this hash if it works at `now` (not revoked, not expired, its admin enabled), with its admin. */
export async function findUsableAdminToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ tokenId: adminTokens.id, lastUsedAt: adminTokens.lastUsedAt, expiresAt: adminTokens.expiresAt, adminId: admins.id, email: admins.email })
    .from(adminTokens)
    .innerJoin(admins, eq(admins.id, adminTokens.adminId))
    .where(
      and(
        eq(adminTokens.tokenHash, tokenHash),
        isNull(adminTokens.revokedAt),
        or(isNull(adminTokens.expiresAt), gt(adminTokens.expiresAt, now)),
        eq(admins.disabled, false),
      ),
    );
  return row;
}

export async function touchAdminToken(db: Executor, tokenId: string, at: Date): Promise<void> {
  await db.update(adminTokens).set({ lastUsedAt: at }).where(eq(adminTokens.id, tokenId));
}
