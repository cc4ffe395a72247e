// Initial access tokens of dynamic client registration (RFC 7591 §3), kept as SHA-256, with a use count that goes
// down atomically as clients register.
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { after, toPage, type Page, type PageRequest } from './paging.js';
import { initialAccessTokens as t } from './schema.js';

export type InitialAccessTokenRow = typeof t.$inferSelect;
export type NewInitialAccessTokenRow = typeof t.$inferInsert;

/** A page of the space's tokens, oldest first (revoked and used up ones too). */
export async function listInitialAccessTokens(db: Executor, spaceId: string, req: PageRequest): Promise<Page<InitialAccessTokenRow>> {
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.spaceId, spaceId), after(t.createdAt, t.id, req.cursor)))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(req.limit + 1);
  return toPage(rows, req.limit);
}

export async function insertInitialAccessToken(db: Executor, row: NewInitialAccessTokenRow): Promise<InitialAccessTokenRow> {
  const [inserted] = await db.insert(t).values(row).returning();
  return inserted!;
}

/** Revokes the space's token; false when there is no such token not yet revoked. */
export async function revokeInitialAccessToken(db: Executor, spaceId: string, id: string): Promise<boolean> {
  const [row] = await db
    .update(t)
    .set({ revokedAt: new Date() })
    .where(and(eq(t.id, id), eq(t.spaceId, spaceId), isNull(t.revokedAt)))
    .returning({ id: t.id });
  return !!row;
}

/**
 * Spends one use of the token with this hash, in one statement (concurrent registrations cannot overspend it); its
 * id, or undefined when unknown, of another space, revoked, expired or used up.
 */
export async function consumeInitialAccessToken(db: Executor, spaceId: string, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .update(t)
    .set({ usesLeft: sql`case when ${t.usesLeft} is null then null else ${t.usesLeft} - 1 end` })
    .where(
      and(
        eq(t.tokenHash, tokenHash),
        eq(t.spaceId, spaceId),
        isNull(t.revokedAt),
        or(isNull(t.expiresAt), gt(t.expiresAt, new Date())),
        or(isNull(t.usesLeft), gt(t.usesLeft, 0)),
      ),
    )
    .returning({ id: t.id });
  return row?.id;
}
