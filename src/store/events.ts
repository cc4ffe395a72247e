// The outbox (table audit_log): one row per event, appended in the transaction of the change it records, read
// newest first by id. The same statement that appends an event creates its webhook deliveries, one for every
// active subscription of the space that wants its type and one for the client it concerns when that client has a
// webhook URL and secret: an event and its deliveries commit together or not at all, so none can be missed, and
// none exists for a change that was rolled back.
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { auditLog } from './schema.js';

export type EventRow = typeof auditLog.$inferSelect;
export type NewEventRow = Omit<typeof auditLog.$inferInsert, 'id' | 'at' | 'clientId'> & {
  /** The space by id, when the writer has no slug at hand (its slug is stored). */
  spaceId?: string;
  /** The client the event concerns, by client_id or by row id (token and consent revocations know the row). */
  client?: { clientId: string } | { pk: string };
};

/** The channel a node listens on to deliver at once what a commit queued (NOTIFY is sent on commit). */
export const WEBHOOK_CHANNEL = 'keyward_webhooks';

/**
 * Appends events and queues their deliveries; how many deliveries were queued. `clientEvents`: the types a
 * client's own webhook receives.
 */
export async function appendEvents(db: Executor, rows: readonly NewEventRow[], clientEvents: readonly string[]): Promise<number> {
  if (!rows.length) return 0;
  const values = rows.map((r) => ({
    actor_type: r.actorType,
    actor_id: r.actorId ?? null,
    actor_email: r.actorEmail ?? null,
    space: r.space ?? null,
    space_id: r.spaceId ?? null,
    action: r.action,
    type: r.type,
    target_type: r.targetType,
    target_id: r.targetId ?? null,
    client_id: r.client && 'clientId' in r.client ? r.client.clientId : null,
    client_pk: r.client && 'pk' in r.client ? r.client.pk : null,
    changes: r.changes ?? null,
  }));
  const result = await db.execute(sql`
    with given as (
      select x.v, x.ord from jsonb_array_elements(${JSON.stringify(values)}::jsonb) with ordinality as x(v, ord)
    ), e as (
      insert into audit_log (actor_type, actor_id, actor_email, space, action, type, target_type, target_id, client_id, changes)
      select g.v->>'actor_type', g.v->>'actor_id', g.v->>'actor_email',
             coalesce(g.v->>'space', (select sp.slug from spaces sp where sp.id = (g.v->>'space_id')::uuid)), g.v->>'action', g.v->>'type',
             g.v->>'target_type', g.v->>'target_id',
             coalesce(g.v->>'client_id', (select c.client_id from clients c where c.id = (g.v->>'client_pk')::uuid)),
             case when jsonb_typeof(g.v->'changes') = 'object' then g.v->'changes' end
      from given g order by g.ord
      returning id, space, type, client_id
    ), to_subscriptions as (
      insert into webhook_deliveries (event_id, subscription_id, next_attempt_at)
      select e.id, s.id, now()
      from e
      join spaces sp on sp.slug = e.space
      join webhook_subscriptions s on s.space_id = sp.id and s.active and (s.events ? '*' or s.events ? e.type)
      returning 1
    ), to_clients as (
      insert into webhook_deliveries (event_id, client_pk, url, secret_sealed, next_attempt_at)
      select e.id, c.id, c.webhook_url, c.webhook_secret_sealed, now()
      from e
      join spaces sp on sp.slug = e.space
      join clients c on c.space_id = sp.id and c.client_id = e.client_id
      where c.webhook_url is not null and c.webhook_secret_sealed is not null
        and e.type in (select jsonb_array_elements_text(${JSON.stringify(clientEvents)}::jsonb))
      returning 1
    ), queued as (
      select (select count(*) from to_subscriptions) + (select count(*) from to_clients) as n
    )
    select n::int as queued, case when n > 0 then pg_notify(${WEBHOOK_CHANNEL}, '') end from queued
  `);
  return (result as unknown as { rows: { queued: number }[] }).rows[0]?.queued ?? 0;
}

export interface EventFilter {
  /** Only these spaces' entries; undefined: all. */
  spaces?: string[];
  space?: string;
  action?: string;
  type?: string;
  /** Changes made by this actor: an admin's e-mail (any case) or id. */
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** Entries at or after this moment. */
  since?: Date;
  /** Entries before this moment. */
  until?: Date;
  /** Entries with a smaller id (older) than this one. */
  before?: number;
  limit: number;
}

/** Newest first, at most `limit` entries. */
export async function listEvents(db: Executor, f: EventFilter): Promise<EventRow[]> {
  const conds: SQL[] = [];
  if (f.spaces) conds.push(inArray(auditLog.space, f.spaces));
  if (f.space) conds.push(eq(auditLog.space, f.space));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.type) conds.push(eq(auditLog.type, f.type));
  if (f.actor) conds.push(or(eq(auditLog.actorId, f.actor), sql`lower(${auditLog.actorEmail}) = ${f.actor.toLowerCase()}`)!);
  if (f.targetType) conds.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) conds.push(eq(auditLog.targetId, f.targetId));
  if (f.since) conds.push(gte(auditLog.at, f.since));
  if (f.until) conds.push(lt(auditLog.at, f.until));
  if (f.before !== undefined) conds.push(lt(auditLog.id, f.before));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}

/** How many events of each type the outbox holds (metrics; an index-only scan of audit_log_type). */
export async function countEventsByType(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .select({ type: auditLog.type, n: sql<number>`count(*)::int` })
    .from(auditLog)
    .groupBy(auditLog.type);
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}
