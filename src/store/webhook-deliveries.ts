// Webhook deliveries: one row per event and target, created with the event (store/events.ts). A node sends a
// delivery only under its lease, taken with FOR UPDATE SKIP LOCKED, so exactly one node makes a given attempt; a
// node that dies mid-send leaves a lease that runs out, and the attempt is made again (at least once, never lost).
// An attempt's outcome is written only by the lease's owner.
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from './paging.js';
import { auditLog, clients, webhookDeliveries, webhookSubscriptions, type DeliveryAttempt } from './schema.js';
import { previousSecretLive } from './webhooks.js';

export type { DeliveryAttempt };

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** A claimed delivery with what sending it needs: the event, the target's URL and its sealed secrets with their AAD source. */
export interface SendableDelivery {
  delivery: DeliveryRow;
  event: typeof auditLog.$inferSelect;
  url: string | null;
  /** Sealed secrets, current first, with the id their AAD is formed from. */
  secrets: { sealed: string; kind: 'subscription' | 'client'; aadId: string }[];
}

// Attempts kept per delivery (the schedule makes about ten; manual retries add more).
const ATTEMPTS_KEPT = 50;

const leaseFree = () => or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, sql`now()`));
const leaseEnd = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/**
 * Takes the leases of up to `limit` pending deliveries whose attempt is due, oldest due first, skipping rows other
 * nodes are taking (SKIP LOCKED) and those of subscriptions switched off (they wait, kept, until switched on).
 */
export async function claimDueDeliveries(db: Executor, owner: string, leaseMs: number, limit: number): Promise<SendableDelivery[]> {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .leftJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        sql`${webhookDeliveries.nextAttemptAt} <= now()`,
        leaseFree(),
        or(isNull(webhookDeliveries.subscriptionId), eq(webhookSubscriptions.active, true)),
      ),
    )
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit)
    .for('update', { of: webhookDeliveries, skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ leaseOwner: owner, leaseUntil: leaseEnd(leaseMs) })
    .where(inArray(webhookDeliveries.id, due))
    .returning({ id: webhookDeliveries.id });
  return loadSendable(
    db,
    claimed.map((c) => c.id),
  );
}

/** Takes the lease of one delivery of the subscription, whatever its status (a manual retry); undefined if busy or absent. */
export async function claimDelivery(db: Executor, subscriptionId: string, id: string, owner: string, leaseMs: number): Promise<SendableDelivery | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ leaseOwner: owner, leaseUntil: leaseEnd(leaseMs) })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId), leaseFree()))
    .returning({ id: webhookDeliveries.id });
  return row ? (await loadSendable(db, [row.id]))[0] : undefined;
}

async function loadSendable(db: Executor, ids: string[]): Promise<SendableDelivery[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      delivery: webhookDeliveries,
      event: auditLog,
      subscription: webhookSubscriptions,
      client: { url: clients.webhookUrl, sealed: clients.webhookSecretSealed },
    })
    .from(webhookDeliveries)
    .innerJoin(auditLog, eq(auditLog.id, webhookDeliveries.eventId))
    .leftJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .leftJoin(clients, eq(clients.id, webhookDeliveries.clientPk))
    .where(inArray(webhookDeliveries.id, ids));
  return rows.map(({ delivery, event, subscription: s, client }) => {
    if (s) {
      return {
        delivery,
        event,
        url: s.url,
        secrets: [s.secretSealed, ...(previousSecretLive(s) ? [s.previousSecretSealed!] : [])].map((sealed) => ({
          sealed,
          kind: 'subscription' as const,
          aadId: s.id,
        })),
      };
    }
    // A client target: its live URL and secret while it exists, the copies taken with the event once it is gone.
    const sealed = client?.sealed ?? delivery.secretSealed;
    return {
      delivery,
      event,
      url: client?.url ?? delivery.url,
      secrets: sealed && delivery.clientPk ? [{ sealed, kind: 'client' as const, aadId: delivery.clientPk }] : [],
    };
  });
}

/** An attempt's outcome: `status` and `nextAttemptAt` as the schedule decided, or unchanged (a manual retry that failed). */
export interface AttemptOutcome {
  id: string;
  owner: string;
  attempt: DeliveryAttempt;
  status?: 'pending' | 'succeeded' | 'failed';
  nextAttemptAt?: Date | null;
}

/** Writes an attempt and gives the lease back, only if `owner` still holds it; the row written, or undefined. */
export async function finishAttempt(db: Executor, o: AttemptOutcome): Promise<DeliveryRow | undefined> {
  const attempts = sql`(case when jsonb_array_length(${webhookDeliveries.attempts}) >= ${ATTEMPTS_KEPT}
    then ${webhookDeliveries.attempts} - 0 else ${webhookDeliveries.attempts} end) || ${JSON.stringify([o.attempt])}::jsonb`;
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      attempts,
      attemptCount: sql`${webhookDeliveries.attemptCount} + 1`,
      ...(o.status ? { status: o.status } : {}),
      ...(o.nextAttemptAt !== undefined ? { nextAttemptAt: o.nextAttemptAt } : {}),
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookDeliveries.id, o.id), eq(webhookDeliveries.leaseOwner, o.owner)))
    .returning();
  return row;
}

/** Gives back every lease `owner` holds (a clean shutdown): other nodes need not wait for them to run out. */
export async function releaseDeliveryLeases(db: Executor, owner: string): Promise<void> {
  await db.update(webhookDeliveries).set({ leaseOwner: null, leaseUntil: null }).where(eq(webhookDeliveries.leaseOwner, owner));
}

/** Whether a delivery to the subscription succeeded after `since` (a subscription that still works is not switched off). */
export async function succeededSince(db: Executor, subscriptionId: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        eq(webhookDeliveries.status, 'succeeded'),
        sql`${webhookDeliveries.updatedAt} > ${since.toISOString()}::timestamptz`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type DeliveryWithType = DeliveryRow & { eventType: string };

/** The subscription's deliveries, newest first; `status`: only those. */
export async function listDeliveries(db: Executor, subscriptionId: string, q: PageRequest & { status?: string }): Promise<Page<DeliveryWithType>> {
  const c = q.cursor ? decodeCursor(q.cursor) : undefined;
  const conds: (SQL | undefined)[] = [eq(webhookDeliveries.subscriptionId, subscriptionId)];
  if (q.status) conds.push(eq(webhookDeliveries.status, q.status));
  if (c) conds.push(or(lt(webhookDeliveries.createdAt, c.at), and(eq(webhookDeliveries.createdAt, c.at), lt(webhookDeliveries.id, c.id))));
  const rows = await db
    .select({ d: webhookDeliveries, eventType: auditLog.type })
    .from(webhookDeliveries)
    .innerJoin(auditLog, eq(auditLog.id, webhookDeliveries.eventId))
    .where(and(...conds))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map((r) => ({ ...r.d, eventType: r.eventType }));
  const last = page[page.length - 1];
  return { items: page, next_cursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

export async function findDelivery(db: Executor, subscriptionId: string, id: string): Promise<DeliveryWithType | undefined> {
  const [row] = await db
    .select({ d: webhookDeliveries, eventType: auditLog.type })
    .from(webhookDeliveries)
    .innerJoin(auditLog, eq(auditLog.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.id, id)));
  return row ? { ...row.d, eventType: row.eventType } : undefined;
}

/** Pending deliveries (the queue's depth, for metrics). */
export async function pendingDeliveries(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.status, 'pending'));
  return row?.n ?? 0;
}
