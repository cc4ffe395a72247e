// The figures of the console's dashboard, per space: what happened per hour over a window (tokens issued, sign-ins
// and their failures, failed connection renewals from activity_counts; failed webhook delivery attempts from the
// delivery log) and what holds now (active access tokens, connections by status). Every query reads one index
// range: activity_counts by its primary key (space, hour), audit_log by audit_log_space_at (then deliveries by
// webhook_deliveries_event), access tokens through their clients (access_tokens_client),
// connections by connections_space_created. Hours are cut in UTC whatever the session's time zone.
import { sql } from 'drizzle-orm';
import type { Executor } from './db.js';

export interface ActivityIncrement {
  spaceId: string;
  /** The start of the hour (UTC). */
  hour: Date;
  kind: string;
  key: string;
  count: number;
}

/** One figure of one hour: `kind` and `key` say what was counted. */
export interface HourlyCount {
  hour: Date;
  kind: string;
  key: string;
  count: number;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown): T[] => (result as Rows<T>).rows;

/** Adds the counts in one statement. A space deleted meanwhile loses its counts (they would have gone with it). */
export async function addActivity(db: Executor, increments: readonly ActivityIncrement[]): Promise<void> {
  if (!increments.length) return;
  const given = JSON.stringify(increments.map((i) => ({ s: i.spaceId, h: i.hour.toISOString(), k: i.kind, y: i.key, n: i.count })));
  await db.execute(sql`
    insert into activity_counts (space_id, hour, kind, key, count)
    select (g->>'s')::uuid, (g->>'h')::timestamptz, g->>'k', g->>'y', (g->>'n')::bigint
    from jsonb_array_elements(${given}::jsonb) g
    where exists (select 1 from spaces sp where sp.id = (g->>'s')::uuid)
    on conflict (space_id, hour, kind, key) do update set count = activity_counts.count + excluded.count
  `);
}

/** Counts of activity_counts from `since` on (token issued by grant type, sign-ins, sign-in failures). */
export async function activitySince(db: Executor, spaceId: string, since: Date): Promise<HourlyCount[]> {
  const rows = rowsOf<{ hour: string | Date; kind: string; key: string; count: number }>(
    await db.execute(sql`
      select hour, kind, key, count::int as count from activity_counts
      where space_id = ${spaceId} and hour >= ${since.toISOString()}::timestamptz
    `),
  );
  return rows.map((r) => ({ ...r, hour: new Date(r.hour) }));
}

/**
 * How long after its event a delivery may still be attempted and counted: the default retry schedule spans about 3.2
 * days (config DEFAULT_WEBHOOK_RETRY_SCHEDULE). Bounding the events by time lets the space's index on (space, at)
 * find them; a manual retry of an older event is not counted.
 */
const ATTEMPTS_AFTER_EVENT = '7 days';

/**
 * Webhook delivery attempts of the space's events that got no 2xx answer, per hour of the attempt; key `retrying`
 * (another attempt follows) or `failed` (the last one: the delivery gave up).
 */
export async function webhookFailuresSince(db: Executor, slug: string, since: Date): Promise<HourlyCount[]> {
  const rows = rowsOf<{ hour: string | Date; key: string; count: number }>(
    await db.execute(sql`
      select date_trunc('hour', (a.v->>'at')::timestamptz, 'UTC') as hour,
             case when d.status = 'failed' and a.n = d.attempt_count then 'failed' else 'retrying' end as key,
             count(*)::int as count
      from audit_log e
      join webhook_deliveries d on d.event_id = e.id and d.updated_at >= ${since.toISOString()}::timestamptz
      cross join lateral jsonb_array_elements(d.attempts) with ordinality as a(v, n)
      where e.space = ${slug} and e.at >= ${since.toISOString()}::timestamptz - ${ATTEMPTS_AFTER_EVENT}::interval
        and (a.v->>'at')::timestamptz >= ${since.toISOString()}::timestamptz
        and coalesce((a.v->>'response_status')::int not between 200 and 299, true)
      group by 1, 2
    `),
  );
  return rows.map((r) => ({ hour: new Date(r.hour), kind: 'webhook_failure', key: r.key, count: r.count }));
}

/**
 * Access tokens the space's token management lists as live now, by grant type: stored (opaque tokens, and JWTs of
 * a grant), not revoked, not expired, and not cut off by their client's deactivation or a "revoke all" of their
 * client or user. A client credentials JWT is not stored (it is checked by its signature), so it is not counted.
 */
export async function activeTokensByGrant(db: Executor, spaceId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ grant_type: string; count: number }>(
    await db.execute(sql`
      select t.grant_type, count(*)::int as count
      from clients c
      join access_tokens t on t.client_pk = c.id
      left join users u on u.id = t.user_id
      where c.space_id = ${spaceId} and c.active
        and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
        and (c.tokens_valid_after is null or t.created_at >= c.tokens_valid_after)
        and (u.id is null or (not u.disabled and (u.tokens_valid_after is null or t.created_at >= u.tokens_valid_after)))
      group by 1
    `),
  );
  return Object.fromEntries(rows.map((r) => [r.grant_type, r.count]));
}

/** The space's connections by status. */
export async function connectionsByStatus(db: Executor, spaceId: string): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; count: number }>(
    await db.execute(sql`select status, count(*)::int as count from connections where space_id = ${spaceId} group by 1`),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}

/** Removes counts older than `before` (the maintenance's purge: the dashboard looks back 30 days at most). */
export async function purgeActivity(db: Executor, before: Date): Promise<number> {
  const rows = rowsOf<unknown>(await db.execute(sql`delete from activity_counts where hour < ${before.toISOString()}::timestamptz returning 1`));
  return rows.length;
}
