// Sign-in sessions of browsers (the authorization server's own, not the clients'), by the SHA-256 of the random id
// in the session cookie.
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from './db.js';
import { browserSessions, consents, users } from './schema.js';

export type BrowserSessionRow = typeof browserSessions.$inferSelect;
type UserRow = typeof users.$inferSelect;

export class BrowserSessionStore {
  constructor(private readonly db: Db) {}

  /**
   * The unexpired session with its user; with `consentOf` (a client's pk), also the scopes the user has consented to
   * for that client (null when none), in the same statement: the authorization endpoint and the interaction pages
   * need both, one round trip instead of two.
   */
  async find(
    idHash: string,
    spaceId: string,
    consentOf?: string,
  ): Promise<{ session: BrowserSessionRow; user: UserRow; consented: string[] | null } | undefined> {
    const where = and(eq(browserSessions.idHash, idHash), eq(browserSessions.spaceId, spaceId), gt(browserSessions.expiresAt, new Date()));
    if (consentOf === undefined) {
      const [row] = await this.db
        .select({ session: browserSessions, user: users })
        .from(browserSessions)
        .innerJoin(users, eq(users.id, browserSessions.userId))
        .where(where);
      return row && { ...row, consented: null };
    }
    const [row] = await this.db
      .select({ session: browserSessions, user: users, consented: consents.scope })
      .from(browserSessions)
      .innerJoin(users, eq(users.id, browserSessions.userId))
      .leftJoin(consents, and(eq(consents.userId, browserSessions.userId), eq(consents.clientPk, consentOf)))
      .where(where);
    return row;
  }

  async insert(row: Omit<typeof browserSessions.$inferInsert, 'createdAt'>): Promise<void> {
    await this.db.insert(browserSessions).values(row);
  }

  async delete(idHash: string, spaceId: string): Promise<void> {
    await this.db.delete(browserSessions).where(and(eq(browserSessions.idHash, idHash), eq(browserSessions.spaceId, spaceId)));
  }
}
