// Refresh tokens (stored as SHA-256) and their rotation. rotate() does everything a refresh writes in ONE
// transaction: count the refresh on the grant, mark the presented token used and store its successor. A failure
// anywhere rolls all of it back, so the presented token stays usable and the client's retry is not taken for reuse
// (which would revoke the whole family).
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { grants, refreshTokens } from './schema.js';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;

export interface RotateRequest {
  /** SHA-256 of the presented refresh token. */
  hash: string;
  grantId: string;
  /** The client's refresh_limit: refreshes allowed in the grant's life; null = unlimited. */
  limit: number | null;
  /**
   * A token already used less than this many seconds ago is rotated again instead of being reuse (the client raced
   * itself or lost the answer). 0 = every second use is reuse.
   */
  graceSeconds: number;
  /** The grant's scope after this refresh's re-check (scopes the client lost are dropped for good). */
  grantScope: string[];
  /** The successor to store, or null when the client is no longer given refresh tokens. */
  next: { hash: string; expiresAt: Date | null } | null;
}

export type RotateOutcome =
  /** `issued`: the successor was stored (false at the refresh limit: this was the last allowed refresh). */
  | { status: 'rotated'; refreshCount: number; issued: boolean; withinGrace: boolean }
  /** Used before, outside the grace period: the caller treats it as theft. Nothing was written. */
  | { status: 'reused' }
  | { status: 'limit' }
  | { status: 'revoked' }
  | { status: 'unknown' };

export class RefreshTokenStore {
  constructor(private readonly db: Executor) {}

  /** The token and its grant (the family), by hash. */
  async find(hash: string): Promise<{ token: RefreshTokenRow; grant: GrantRow } | undefined> {
    const [row] = await this.db
      .select({ token: refreshTokens, grant: grants })
      .from(refreshTokens)
      .innerJoin(grants, eq(grants.id, refreshTokens.grantId))
      .where(eq(refreshTokens.tokenHash, hash));
    return row;
  }

  /** The first refresh token of a grant (`db` may be the transaction that creates the grant). */
  async insert(db: Executor, row: { hash: string; grantId: string; expiresAt: Date | null }): Promise<void> {
    await db.insert(refreshTokens).values({ tokenHash: row.hash, grantId: row.grantId, expiresAt: row.expiresAt });
  }

  async rotate(r: RotateRequest): Promise<RotateOutcome> {
    return this.db.transaction(async (tx) => {
      // The row lock makes concurrent rotations of one token take turns: the second sees the first one's used_at.
      const [token] = await tx
        .select({ usedAt: refreshTokens.usedAt, grantId: refreshTokens.grantId })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, r.hash))
        .for('update');
      if (!token || token.grantId !== r.grantId) return { status: 'unknown' } as const;
      // used_at keeps the FIRST use: presenting the token again inside the window does not stretch the window.
      const withinGrace = !!token.usedAt && Date.now() - token.usedAt.getTime() < r.graceSeconds * 1000;
      if (token.usedAt && !withinGrace) return { status: 'reused' } as const;

      // The count goes up only while below the limit, in one statement, so concurrent refreshes cannot pass it.
      const [counted] = await tx
        .update(grants)
        .set({ refreshCount: sql`${grants.refreshCount} + 1`, scope: r.grantScope })
        .where(and(eq(grants.id, r.grantId), isNull(grants.revokedAt), r.limit !== null ? lt(grants.refreshCount, r.limit) : undefined))
        .returning({ n: grants.refreshCount });
      if (!counted) {
        const [g] = await tx.select({ revokedAt: grants.revokedAt }).from(grants).where(eq(grants.id, r.grantId));
        return { status: !g || g.revokedAt ? 'revoked' : 'limit' } as const;
      }
      if (!token.usedAt) await tx.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.tokenHash, r.hash));
      // At the limit this refresh is the last one: a successor could never be used, so none is issued.
      const issued = r.next !== null && (r.limit === null || counted.n < r.limit);
      if (issued) await tx.insert(refreshTokens).values({ tokenHash: r.next!.hash, grantId: r.grantId, expiresAt: r.next!.expiresAt });
      return { status: 'rotated', refreshCount: counted.n, issued, withinGrace } as const;
    });
  }
}
