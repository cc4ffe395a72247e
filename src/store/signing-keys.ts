// Signing keys of a space (private keys sealed by the caller) and the few space fields their lifecycle reads and
// writes under the space's key lock: the signing settings and the longest lifetime of a token signed now.
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { clients, signingKeys, spaces } from './schema.js';

export type KeyRow = typeof signingKeys.$inferSelect;
export type NewKeyRow = Pick<KeyRow, 'spaceId' | 'kid' | 'alg' | 'publicJwk' | 'privateSealed' | 'activeAt'>;
/** What key rotation needs of a space. */
export type SpaceSigning = Pick<typeof spaces.$inferSelect, 'id' | 'slug' | 'settings' | 'accessTokenTtl'>;

const live = (spaceId: string, at: Date) => and(eq(signingKeys.spaceId, spaceId), sql`(${signingKeys.retiredAt} is null or ${signingKeys.retiredAt} > ${at})`);
const signingColumns = { id: spaces.id, slug: spaces.slug, settings: spaces.settings, accessTokenTtl: spaces.accessTokenTtl };

export class SigningKeyStore {
  constructor(private readonly db: Executor) {}

  /** The space's keys, oldest first (by the moment they sign, then creation). */
  list(spaceId: string): Promise<KeyRow[]> {
    return this.db.select().from(signingKeys).where(eq(signingKeys.spaceId, spaceId)).orderBy(asc(signingKeys.activeAt), asc(signingKeys.createdAt));
  }

  /** Runs `work` in a transaction holding the space's key lock: one creator or rotator per space across nodes. */
  locked<T>(spaceId: string, work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'keys:' + spaceId}))`);
      return work(tx);
    });
  }

  /** The algorithms of the space's keys not retired at `at` (signing or about to), one entry per key. */
  async liveAlgs(tx: Executor, spaceId: string, at: Date): Promise<string[]> {
    const rows = await tx.select({ alg: signingKeys.alg }).from(signingKeys).where(live(spaceId, at));
    return rows.map((r) => r.alg);
  }

  async insert(tx: Executor, row: NewKeyRow): Promise<KeyRow> {
    const [created] = await tx.insert(signingKeys).values(row).returning();
    return created!;
  }

  /** Keys not retired by `at` stop signing at `at` and leave the JWKS at `expiresAt` (null: never). */
  async retireAt(tx: Executor, spaceId: string, at: Date, expiresAt: Date | null): Promise<void> {
    await tx.update(signingKeys).set({ retiredAt: at, expiresAt }).where(live(spaceId, at));
  }

  /** Deletes keys past their expiry; how many. */
  async deleteExpired(now: Date): Promise<number> {
    const removed = await this.db.delete(signingKeys).where(lt(signingKeys.expiresAt, now)).returning({ kid: signingKeys.kid });
    return removed.length;
  }

  async space(db: Executor, spaceId: string): Promise<SpaceSigning | undefined> {
    const [row] = await db.select(signingColumns).from(spaces).where(eq(spaces.id, spaceId));
    return row;
  }

  /** Every space (the scheduled rotation walks them). */
  spaces(): Promise<SpaceSigning[]> {
    return this.db.select(signingColumns).from(spaces);
  }

  async setSpaceSettings(tx: Executor, spaceId: string, settings: Record<string, unknown>): Promise<void> {
    await tx.update(spaces).set({ settings, updatedAt: new Date() }).where(eq(spaces.id, spaceId));
  }

  /** Over the space's JWT clients: whether some client's tokens never expire, and the longest access token lifetime. */
  async jwtClientLifetimes(tx: Executor, spaceId: string): Promise<{ never: boolean; max: number | null }> {
    const [row] = await tx
      .select({ never: sql<number>`count(*) filter (where ${clients.accessTokenTtl} = 0)::int`, max: sql<number | null>`max(${clients.accessTokenTtl})` })
      .from(clients)
      .where(and(eq(clients.spaceId, spaceId), eq(clients.accessTokenFormat, 'jwt')));
    return { never: (row?.never ?? 0) > 0, max: row?.max ?? null };
  }
}
