// The renewal lease of a connection. A process that refreshes a connection first takes its lease (one UPDATE that
// succeeds only when no other lease is live) and bumps its generation; it then calls the provider with no
// transaction open, and writes the result only if it still holds that lease and generation (a fence). So:
// - at most one refresh per connection runs at a time, across processes and nodes;
// - no database connection is held while a provider answers (a slow provider does not drain the pool);
// - a process that died mid-refresh leaves a lease that simply runs out, and the next taker re-reads the row;
// - a late writer whose lease was taken over writes nothing, so it can never overwrite a newer refresh token.
import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, inArray, is, isNotNull, isNull, lt, or, SQL, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { connections } from './schema.js';
import type { ConnectionRow, NewConnectionRow } from './connections.js';

/** Statuses the scheduler renews. */
export const RENEWABLE_STATUSES = ['connected', 'error'];

const leaseFree = () => or(isNull(connections.leaseUntil), lt(connections.leaseUntil, sql`now()`));
const abandoned = () => and(isNotNull(connections.leaseOwner), lt(connections.leaseUntil, sql`now()`));
const leaseEnd = (ms: number) => sql`now() + ${ms} * interval '1 millisecond'`;

/**
 * Takes the connection's lease for `owner` unless another is live; the row as it is now, or undefined. `abandoned`:
 * the lease taken had run out unfinished (see claimDue), so the last renewal's answer may be lost.
 */
export async function claimLease(
  db: Executor,
  spaceId: string,
  id: string,
  owner: string,
  leaseMs: number,
): Promise<(ConnectionRow & { abandoned: boolean }) | undefined> {
  const [row] = await db
    .update(connections)
    .set({ leaseOwner: owner, leaseUntil: leaseEnd(leaseMs), generation: sql`${connections.generation} + 1` })
    .where(and(eq(connections.spaceId, spaceId), eq(connections.id, id), leaseFree()))
    // A subquery of RETURNING reads the row as it was before this statement: the owner whose lease ran out.
    .returning({
      ...getTableColumns(connections),
      abandoned: sql<boolean>`(select p.lease_owner is not null from connections p where p.id = "connections"."id")`,
    });
  return row;
}

/**
 * Takes the leases of up to `limit` connections whose scheduled renewal is due, oldest due first. Rows another
 * process is claiming at this moment are skipped (SKIP LOCKED), so several nodes share the queue without waiting
 * for each other and without taking the same row twice.
 *
 * A lease that ran out with its owner still named was never finished: its process died (or lost the store) in the
 * middle of a renewal, after which the provider may have rotated the refresh token and the answer is gone. Such a
 * row is due at once, whatever its schedule said: where the provider still accepts the previous refresh token for a
 * while (Xero: 30 minutes) the next refresh recovers it, but only if it comes within that while.
 */
export async function claimDue(db: Executor, owner: string, leaseMs: number, limit: number): Promise<ConnectionRow[]> {
  const due = db
    .select({ id: connections.id })
    .from(connections)
    .where(and(or(sql`${connections.nextRefreshAt} <= now()`, abandoned()), inArray(connections.status, RENEWABLE_STATUSES), leaseFree()))
    .orderBy(connections.nextRefreshAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(connections)
    .set({ leaseOwner: owner, leaseUntil: leaseEnd(leaseMs), generation: sql`${connections.generation} + 1` })
    .where(inArray(connections.id, due))
    .returning();
}

/**
 * Writes a refresh's outcome and gives the lease back, if `owner` still holds the lease it took at `generation`.
 * Undefined when it does not (the lease ran out and another process took it): then nothing is written.
 */
export async function finishLease(
  db: Executor,
  id: string,
  owner: string,
  generation: number,
  set: Partial<NewConnectionRow>,
): Promise<ConnectionRow | undefined> {
  const full: Record<string, unknown> = { ...set, leaseOwner: null, leaseUntil: null, updatedAt: new Date() };
  const columns = Object.keys(full).filter((k) => full[k] !== undefined);
  if (columns.some((k) => is(full[k], SQL))) {
    const [row] = await db
      .update(connections)
      .set(full)
      .where(finishFence(id, owner, generation))
      .returning();
    return row;
  }
  // Every renewal ends here: the statement for this shape of outcome is built once and reused (drizzle building an
  // UPDATE … RETURNING of the whole row cost more CPU than the rest of a renewal; bench vault-refresh).
  const [row] = await finishStatement(db, columns, full).execute({ ...full, fenceId: id, fenceOwner: owner, fenceGeneration: generation });
  return row;
}

const finishFence = (id: unknown, owner: unknown, generation: unknown) =>
  and(eq(connections.id, id as string), eq(connections.leaseOwner, owner as string), eq(connections.generation, generation as number));

function prepareFinish(db: Executor, columns: string[], full: Record<string, unknown>, name: string) {
  // Nulls are written as constants (a placeholder's value goes through the column's encoder, which a null breaks),
  // so which columns are null is part of the statement's shape.
  const set = Object.fromEntries(columns.map((k) => [k, full[k] === null ? null : sql.placeholder(k)]));
  return db
    .update(connections)
    .set(set)
    .where(finishFence(sql.placeholder('fenceId'), sql.placeholder('fenceOwner'), sql.placeholder('fenceGeneration')))
    .returning()
    .prepare(name);
}

// Per executor (a transaction's statements run on it) and per outcome shape: a handful of shapes in all.
const finishStatements = new WeakMap<Executor, Map<string, ReturnType<typeof prepareFinish>>>();

function finishStatement(db: Executor, columns: string[], full: Record<string, unknown>) {
  const shape = columns
    .map((k) => (full[k] === null ? `${k}=null` : k))
    .sort()
    .join(',');
  let byShape = finishStatements.get(db);
  if (!byShape) finishStatements.set(db, (byShape = new Map()));
  let statement = byShape.get(shape);
  if (!statement) {
    const name = `keyward_finish_lease_${createHash('sha256').update(shape).digest('hex').slice(0, 16)}`;
    byShape.set(shape, (statement = prepareFinish(db, columns, full, name)));
  }
  return statement;
}

/** Gives back every lease `owner` holds (a clean shutdown), so other nodes need not wait for them to run out. */
export async function releaseLeases(db: Executor, owner: string): Promise<void> {
  await db.update(connections).set({ leaseOwner: null, leaseUntil: null }).where(eq(connections.leaseOwner, owner));
}

/**
 * Replaces the connection's credentials outside a lease (a new consent): bumps the generation and clears any lease,
 * so a renewal still in flight with the old refresh token cannot write its result over the new one.
 */
export async function replaceCredentials(db: Executor, id: string, set: Partial<NewConnectionRow>): Promise<ConnectionRow> {
  const [row] = await db
    .update(connections)
    .set({ ...set, leaseOwner: null, leaseUntil: null, generation: sql`${connections.generation} + 1`, updatedAt: new Date() })
    .where(eq(connections.id, id))
    .returning();
  return row!;
}
