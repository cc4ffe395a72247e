// Authorization codes (stored as SHA-256), single use. consume() marks a code used and starts its grant in ONE
// transaction: a concurrent exchange of the same code waits for the row lock, then finds it used, and its own grant
// is rolled back; it learns the winner's grant id so that the replay can revoke it (RFC 6749 §4.1.2).
import { and, eq, isNull, TransactionRollbackError } from 'drizzle-orm';
import type { Db, Executor } from './db.js';
import { authorizationCodes, users } from './schema.js';

export type AuthorizationCodeRow = typeof authorizationCodes.$inferSelect;
export type NewAuthorizationCode = Omit<typeof authorizationCodes.$inferInsert, 'consumedAt' | 'grantId' | 'createdAt'>;
type UserRow = typeof users.$inferSelect;

export type ConsumeOutcome<T> = { status: 'consumed'; value: T } | { status: 'used'; grantId: string | null };

export class AuthorizationCodeStore {
  constructor(private readonly db: Db) {}

  async insert(row: NewAuthorizationCode): Promise<void> {
    await this.db.insert(authorizationCodes).values(row);
  }

  /** The code issued in `spaceId`, with its user (one statement: the exchange needs both). */
  async find(hash: string, spaceId: string): Promise<{ code: AuthorizationCodeRow; user: UserRow } | undefined> {
    const [row] = await this.db
      .select({ code: authorizationCodes, user: users })
      .from(authorizationCodes)
      .innerJoin(users, eq(users.id, authorizationCodes.userId))
      .where(and(eq(authorizationCodes.codeHash, hash), eq(authorizationCodes.spaceId, spaceId)));
    return row;
  }

  /** The grant a used code started (for revoking it on replay). */
  async grantOf(hash: string): Promise<string | null> {
    const [row] = await this.db.select({ grantId: authorizationCodes.grantId }).from(authorizationCodes).where(eq(authorizationCodes.codeHash, hash));
    return row?.grantId ?? null;
  }

  /**
   * Runs `start` (it creates the grant in `tx`) and marks the code used with that grant, all in one transaction,
   * unless the code was used already: then nothing `start` wrote stays, and the outcome names the first exchange's
   * grant. The grant is written before the code is marked so that the mark and the grant id are one statement.
   */
  async consume<T extends { grantId: string }>(hash: string, start: (tx: Executor) => Promise<T>): Promise<ConsumeOutcome<T>> {
    try {
      const value = await this.db.transaction(async (tx) => {
        const started = await start(tx);
        const [used] = await tx
          .update(authorizationCodes)
          .set({ consumedAt: new Date(), grantId: started.grantId })
          .where(and(eq(authorizationCodes.codeHash, hash), isNull(authorizationCodes.consumedAt)))
          .returning({ codeHash: authorizationCodes.codeHash });
        if (!used) tx.rollback();
        return started;
      });
      return { status: 'consumed', value };
    } catch (err) {
      if (!(err instanceof TransactionRollbackError)) throw err;
      return { status: 'used', grantId: await this.grantOf(hash) };
    }
  }
}
