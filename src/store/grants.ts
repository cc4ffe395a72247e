// Grants: what a code exchange, a password or device grant started; refresh tokens chain on one and its access
// tokens die with it. Revoking a grant revokes its stored access tokens in the same statement sequence, and a cut-off
// (tokens_valid_after) ends every token of a client issued until then, stored or not.
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectForUpdate } from './locks.js';
import { accessTokens, clients, grants } from './schema.js';

export type NewGrant = Omit<typeof grants.$inferInsert, 'id' | 'refreshCount' | 'createdAt' | 'revokedAt'>;

/** Whose grants and access tokens "revoke all" ends: one client's or one user's. */
export type Holder = { clientPk: string } | { userId: string };

export class GrantStore {
  constructor(private readonly db: Executor) {}

  /** Starts a grant (`db` may be the caller's transaction); returns its id. */
  async create(db: Executor, row: NewGrant): Promise<string> {
    const [created] = await db.insert(grants).values(row).returning({ id: grants.id });
    return created!.id;
  }

  /** False when the grant is gone or revoked: its tokens are not active. */
  async isLive(grantId: string): Promise<boolean> {
    const [g] = await this.db.select({ revokedAt: grants.revokedAt }).from(grants).where(eq(grants.id, grantId));
    return !!g && !g.revokedAt;
  }

  /**
   * Revokes the grant and its access tokens. The tokens are revoked even when the grant already was: a token stored
   * while the grant was being revoked (the group commit) is caught by a second revocation.
   */
  async revoke(db: Executor, grantId: string, at = new Date()): Promise<void> {
    await this.revokeGrantRow(db, eq(grants.id, grantId), at);
    await this.revokeTokensOf(db, grantId, at);
  }

  /** Revokes a live grant of the space and its access tokens (token management); its client's row id, or undefined when there is none. */
  async revokeInSpace(db: Executor, spaceId: string, grantId: string, at: Date): Promise<string | undefined> {
    const clientPk = await this.revokeGrantRow(db, and(eq(grants.id, grantId), eq(grants.spaceId, spaceId)), at);
    if (clientPk) await this.revokeTokensOf(db, grantId, at);
    return clientPk;
  }

  /** The revoked grant's client row id; undefined when no live grant matched. */
  private async revokeGrantRow(db: Executor, which: SQL | undefined, at: Date): Promise<string | undefined> {
    const [done] = await db
      .update(grants)
      .set({ revokedAt: at })
      .where(and(which, isNull(grants.revokedAt)))
      .returning({ clientPk: grants.clientPk });
    return done?.clientPk;
  }

  private async revokeTokensOf(db: Executor, grantId: string, at: Date): Promise<void> {
    await db
      .update(accessTokens)
      .set({ revokedAt: at })
      .where(and(eq(accessTokens.grantId, grantId), isNull(accessTokens.revokedAt)));
  }

  /** Revokes every live grant and stored access token of a client or user in the space; how many of each. */
  async revokeAll(tx: Executor, spaceId: string, holder: Holder, at: Date): Promise<{ grants: number; accessTokens: number }> {
    const live = (t: typeof grants | typeof accessTokens) =>
      and(eq(t.spaceId, spaceId), isNull(t.revokedAt), 'clientPk' in holder ? eq(t.clientPk, holder.clientPk) : eq(t.userId, holder.userId));
    const gs = await tx.update(grants).set({ revokedAt: at }).where(live(grants)).returning({ id: grants.id });
    const ats = await tx.update(accessTokens).set({ revokedAt: at }).where(live(accessTokens)).returning({ id: accessTokens.id });
    return { grants: gs.length, accessTokens: ats.length };
  }

  /**
   * Invalidates every token of the client issued until `at` (its tokens_valid_after), in the transaction `tx`. The
   * row is locked first (a concurrent change of the client waits, then sees the new cut-off), and the cut-off never
   * moves back: a deactivation committed while this waited may have set a later one, which is answered.
   */
  async cutOffClient(tx: Executor, clientPk: string, at: Date): Promise<Date> {
    const [row] = await selectForUpdate(tx, clients, eq(clients.id, clientPk));
    if (row?.tokensValidAfter && row.tokensValidAfter > at) return row.tokensValidAfter;
    await tx.update(clients).set({ tokensValidAfter: at }).where(eq(clients.id, clientPk));
    return at;
  }
}
