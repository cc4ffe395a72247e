// What token management lists: a space's live grants and stored access tokens outside a grant (newest first, each
// with its client and user names), what tells a grant's expiry, and consents. Pages are keyset pages on
// (created_at, id as text in code-point order), so a cursor names the last row seen and the two lists merge.
import { and, count, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';
import { accessTokens, clients, consents, grants, refreshTokens, users } from './schema.js';

export interface ListFilter {
  clientPk?: string;
  userId?: string;
  /** Only rows before this one (the cursor). */
  before?: { at: Date; id: string };
  limit: number;
}

export type ConsentRow = typeof consents.$inferSelect;

const before = (f: ListFilter, at: PgColumn, id: SQL): SQL | undefined =>
  f.before ? sql`(${at}, ${id}) < (${f.before.at.toISOString()}::timestamptz, ${f.before.id})` : undefined;
/** The filter's client and user, on a table that has both columns. */
const holder = (f: Pick<ListFilter, 'clientPk' | 'userId'>, t: typeof grants | typeof accessTokens | typeof consents) =>
  and(f.clientPk ? eq(t.clientPk, f.clientPk) : undefined, f.userId ? eq(t.userId, f.userId) : undefined);
/** Grants the listing shows: not revoked (expired ones too, marked inactive). */
const liveGrants = (spaceId: string, f: Pick<ListFilter, 'clientPk' | 'userId'>) =>
  and(eq(grants.spaceId, spaceId), isNull(grants.revokedAt), holder(f, grants));
/** Access tokens stored outside a grant, neither revoked nor expired. */
const liveLoneTokens = (spaceId: string, f: Pick<ListFilter, 'clientPk' | 'userId'>, now: Date) =>
  and(
    eq(accessTokens.spaceId, spaceId),
    isNull(accessTokens.grantId),
    isNull(accessTokens.revokedAt),
    or(isNull(accessTokens.expiresAt), gt(accessTokens.expiresAt, now)),
    holder(f, accessTokens),
  );
/**
 * What ends a token before its expiry without revoking it row by row: the client deactivated, or a cut-off of its
 * client or user ("revoke all", deactivation, disabling), before which every token is invalid.
 */
const cutOffs = {
  clientDeactivatedAt: clients.deactivatedAt,
  clientTokensValidAfter: clients.tokensValidAfter,
  userDisabled: users.disabled,
  userTokensValidAfter: users.tokensValidAfter,
};
const grantKey = sql`${grants.id}::text collate "C"`;
const tokenKey = sql`${accessTokens.id} collate "C"`;
const consentKey = sql`${consents.id}::text collate "C"`;

export class TokenListing {
  constructor(private readonly db: Executor) {}

  /** Up to limit + 1 live grants (the extra one says whether there is a next page). */
  grants(spaceId: string, f: ListFilter) {
    return this.db
      .select({ g: grants, clientId: clients.clientId, clientName: clients.name, refreshLimit: clients.refreshLimit, username: users.username, ...cutOffs })
      .from(grants)
      .innerJoin(clients, eq(clients.id, grants.clientPk))
      .leftJoin(users, eq(users.id, grants.userId))
      .where(and(liveGrants(spaceId, f), before(f, grants.createdAt, grantKey)))
      .orderBy(desc(grants.createdAt), desc(grantKey))
      .limit(f.limit + 1);
  }

  /** Up to limit + 1 live, unexpired access tokens stored outside a grant. */
  accessTokens(spaceId: string, f: ListFilter, now: Date) {
    return this.db
      .select({ t: accessTokens, clientId: clients.clientId, clientName: clients.name, username: users.username, ...cutOffs })
      .from(accessTokens)
      .innerJoin(clients, eq(clients.id, accessTokens.clientPk))
      .leftJoin(users, eq(users.id, accessTokens.userId))
      .where(and(liveLoneTokens(spaceId, f, now), before(f, accessTokens.createdAt, tokenKey)))
      .orderBy(desc(accessTokens.createdAt), desc(tokenKey))
      .limit(f.limit + 1);
  }

  /** How many entries the listing has for the filter: grants and lone access tokens (what deleting a client deletes). */
  async count(spaceId: string, f: Pick<ListFilter, 'clientPk' | 'userId'>, now: Date): Promise<{ grants: number; accessTokens: number }> {
    const [g] = await this.db.select({ n: count() }).from(grants).where(liveGrants(spaceId, f));
    const [t] = await this.db
      .select({ n: count() })
      .from(accessTokens)
      .where(liveLoneTokens(spaceId, f, now));
    return { grants: g?.n ?? 0, accessTokens: t?.n ?? 0 };
  }

  /** The expiries of the grants' unused refresh tokens and of their access tokens. */
  async expiries(
    grantIds: string[],
  ): Promise<{ refresh: { grantId: string; expiresAt: Date | null }[]; access: { grantId: string | null; expiresAt: Date | null }[] }> {
    if (!grantIds.length) return { refresh: [], access: [] };
    const refresh = await this.db
      .select({ grantId: refreshTokens.grantId, expiresAt: refreshTokens.expiresAt })
      .from(refreshTokens)
      .where(and(inArray(refreshTokens.grantId, grantIds), isNull(refreshTokens.usedAt)));
    const access = await this.db
      .select({ grantId: accessTokens.grantId, expiresAt: accessTokens.expiresAt })
      .from(accessTokens)
      .where(inArray(accessTokens.grantId, grantIds));
    return { refresh, access };
  }

  /** Up to limit + 1 consents, with the client's id and the user's name. */
  consents(spaceId: string, f: ListFilter) {
    return this.db
      .select({ c: consents, clientId: clients.clientId, clientName: clients.name, username: users.username })
      .from(consents)
      .innerJoin(clients, eq(clients.id, consents.clientPk))
      .innerJoin(users, eq(users.id, consents.userId))
      .where(and(eq(consents.spaceId, spaceId), holder(f, consents), before(f, consents.createdAt, consentKey)))
      .orderBy(desc(consents.createdAt), desc(consentKey))
      .limit(f.limit + 1);
  }

  /** Deletes a consent of the space; the deleted row, or undefined when there was none. */
  async deleteConsent(tx: Executor, spaceId: string, id: string): Promise<ConsentRow | undefined> {
    const [done] = await tx
      .delete(consents)
      .where(and(eq(consents.id, id), eq(consents.spaceId, spaceId)))
      .returning();
    return done;
  }
}
