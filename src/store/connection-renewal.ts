// The renewal lease of a connection. A process that refreshes a connection first takes its lease (one UPDATE that
// succeeds only when no other lease is live) and bumps its generation; it then calls the provider with no
// transaction open, and writes the result only if it still holds that lease and generation (a fence). So:
// - at most one refresh per connection runs at a time, across processes and nodes;
// - no database connection is held while a provider answers (a slow provider does not drain the pool);
// - a process that died mid-refresh leaves a lease that simply runs out, and the next taker re-reads the row;
// - a late writer whose lease was taken over writes nothing, so it can never overwrite a newer refresh token.
import { and, eq, getTableColumns, inArray, isNotNull, isNull, lt, or, SQL, sql } from 'drizzle-orm';
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

/** A refresh's outcome to write, fenced by the lease its process took (`owner` at `generation`). */
export interface LeaseFinish {
  id: string;
  owner: string;
  generation: number;
  /** Plain values only (no SQL): they travel as JSON. */
  set: Partial<NewConnectionRow>;
}

// Columns a finish never writes from its outcome: the row's identity and the lease's own bookkeeping.
const NOT_AN_OUTCOME = new Set(['id', 'spaceId', 'createdAt', 'leaseOwner', 'leaseUntil', 'updatedAt', 'generation', 'status']);

function prepareFinish(db: Executor) {
  const set: Record<string, SQL> = {};
  for (const [key, column] of Object.entries(getTableColumns(connections))) {
    if (NOT_AN_OUTCOME.has(key)) continue;
    const name = sql.raw(`'${key}'`);
    const type = column.getSQLType();
    const value = type === 'jsonb' ? sql`o.f->${name}` : sql`(o.f->>${name})::${sql.raw(type)}`;
    set[key] = sql`case when o.f ? ${name} then ${value} else ${column} end`;
  }
  return db
    .update(connections)
    .set({
      ...set,
      // An admin's "disabled" that landed during the refresh stays: the new tokens are kept, the connection stays off.
      status: sql`case when ${connections.status} = 'disabled' or not (o.f ? 'status') then ${connections.status} else o.f->>'status' end`,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: sql`now()`,
    })
    .from(sql`jsonb_array_elements(${sql.placeholder('finishes')}::jsonb) as o(f)`)
    .where(
      and(
        sql`${connections.id} = (o.f->>'id')::uuid`,
        sql`${connections.leaseOwner} = o.f->>'owner'`,
        sql`${connections.generation} = (o.f->>'generation')::integer`,
      ),
    )
    .returning(getTableColumns(connections))
    .prepare('keyward_finish_leases');
}

// Built once per executor (a transaction's statements run on it): every renewal ends here.
const finishStatements = new WeakMap<Executor, ReturnType<typeof prepareFinish>>();

/**
 * Writes refresh outcomes and gives their leases back, each only if its `owner` still holds the lease it took at
 * `generation`; the rows written, by id (a row missing: its lease was taken over and nothing was written). One
 * statement for any number and any shape of outcome: the renewals that finish in one event-loop turn share it
 * (bench vault-refresh: a statement each cost more than the rest of the database work of a renewal).
 */
export async function finishLeases(db: Executor, finishes: readonly LeaseFinish[]): Promise<Map<string, ConnectionRow>> {
  let statement = finishStatements.get(db);
  if (!statement) finishStatements.set(db, (statement = prepareFinish(db)));
  const json = JSON.stringify(finishes.map((f) => ({ ...f.set, id: f.id, owner: f.owner, generation: f.generation })));
  const rows = await statement.execute({ finishes: json });
  return new Map(rows.map((r) => [r.id, r]));
}

/** finishLeases for one outcome: the row written, or undefined when the lease was taken over. */
export async function finishLease(
  db: Executor,
  id: string,
  owner: string,
  generation: number,
  set: Partial<NewConnectionRow>,
): Promise<ConnectionRow | undefined> {
  return (await finishLeases(db, [{ id, owner, generation, set }])).get(id);
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
