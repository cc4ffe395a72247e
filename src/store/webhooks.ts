// Webhook subscriptions of a space: where its events are sent, which types, and the sealed signing secrets.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from './db.js';
import { selectRows, type RowLock } from './locks.js';
import { after, toPage, type Page, type PageRequest } from './paging.js';
import { spaces, webhookSubscriptions } from './schema.js';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type NewSubscriptionRow = typeof webhookSubscriptions.$inferInsert;

/** A page of the space's subscriptions, oldest first. */
/** Whether a rotation's previous secret still signs (its grace period has not run out). */
export const previousSecretLive = (row: Pick<SubscriptionRow, 'previousSecretSealed' | 'previousSecretExpiresAt'>, now = Date.now()): boolean =>
  row.previousSecretSealed !== null && row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt.getTime() > now;

export async function listSubscriptions(db: Executor, spaceId: string, q: PageRequest): Promise<Page<SubscriptionRow>> {
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.spaceId, spaceId), after(webhookSubscriptions.createdAt, webhookSubscriptions.id, q.cursor)))
    .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit);
}

/** The subscription by id within the space; with `lock`, locked until the end of the transaction. */
export async function findSubscription(db: Executor, spaceId: string, id: string, lock?: RowLock): Promise<SubscriptionRow | undefined> {
  const [row] = await selectRows(db, webhookSubscriptions, and(eq(webhookSubscriptions.spaceId, spaceId), eq(webhookSubscriptions.id, id)), lock);
  return row;
}

export async function insertSubscription(db: Executor, row: NewSubscriptionRow): Promise<SubscriptionRow> {
  const [inserted] = await db.insert(webhookSubscriptions).values(row).returning();
  return inserted!;
}

export async function updateSubscription(db: Executor, id: string, set: Partial<NewSubscriptionRow>): Promise<SubscriptionRow> {
  const [row] = await db.update(webhookSubscriptions).set(set).where(eq(webhookSubscriptions.id, id)).returning();
  return row!;
}

export async function deleteSubscription(db: Executor, id: string): Promise<void> {
  await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
}

/** The subscription by id with its space's slug, locked for a change (the dispatcher switches off a dead one). */
export async function findSubscriptionWithSpace(db: Executor, id: string): Promise<(SubscriptionRow & { spaceSlug: string }) | undefined> {
  const [row] = await db
    .select({ s: webhookSubscriptions, slug: spaces.slug })
    .from(webhookSubscriptions)
    .innerJoin(spaces, eq(spaces.id, webhookSubscriptions.spaceId))
    .where(eq(webhookSubscriptions.id, id))
    .for('no key update', { of: webhookSubscriptions });
  return row ? { ...row.s, spaceSlug: row.slug } : undefined;
}
