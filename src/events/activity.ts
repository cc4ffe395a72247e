// The dashboard's hourly figures (GET /spaces/{space}/stats): the activity this process counts (tokens issued,
// password sign-ins and their failures, failed connection renewals: every one, where the outbox records only the
// change of state) and what the store already records (webhook attempts in the delivery log, tokens, connections).
//
// Decision: counts are kept in memory and added to activity_counts in one statement every FLUSH_MS, not written
// per token: the token endpoint stays free of an extra write (thousands of tokens a second), and the table gets one
// row per space, hour and key. A process that dies loses at most FLUSH_MS of counts, a dashboard figure, not a
// record anybody relies on. Reading the figures first adds what this process holds, so an answer includes
// everything this node counted; another node's counts arrive within FLUSH_MS.
import type { Store } from '../store/db.js';
import {
  activeTokensByGrant,
  activitySince,
  addActivity,
  connectionsByStatus,
  webhookFailuresSince,
  type ActivityIncrement,
  type HourlyCount,
} from '../store/activity.js';

const FLUSH_MS = 5_000;
const HOUR_MS = 3_600_000;

/** What is counted, by kind; the key says which (grant type, where a sign-in was, why it failed). */
export type ActivityKind = 'token_issued' | 'login' | 'login_failure' | 'renewal_failure';

export interface SpaceStats {
  /** The first hour of the window (UTC, whole hour) and the number of hours from there to the current one. */
  from: Date;
  hours: number;
  hourly: HourlyCount[];
  activeTokens: Record<string, number>;
  connections: Record<string, number>;
}

export class ActivityCounter {
  private pending = new Map<string, ActivityIncrement>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly store: Pick<Store, 'db'>) {}

  /** Counts one event of the space now. Cheap: a map update; the store hears of it at the next flush. */
  count(spaceId: string, kind: ActivityKind, key: string): void {
    this.add({ spaceId, hour: new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS), kind, key, count: 1 });
  }

  private add(i: ActivityIncrement): void {
    const id = `${i.spaceId}|${i.hour.getTime()}|${i.kind}|${i.key}`;
    const entry = this.pending.get(id);
    if (entry) entry.count += i.count;
    else this.pending.set(id, { ...i });
    if (!this.closed) this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), FLUSH_MS).unref();
  }

  /** Writes what is pending. Flushes run one after another, so none is counted twice or lost to a race. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const run = this.flushing.then(() => addActivity(this.store.db, batch));
    // A failed write puts its counts back for the next flush rather than dropping them.
    this.flushing = run.catch(() => {
      for (const i of batch) this.add(i);
    });
    return run;
  }

  /** Writes what is pending and stops the timer (the server closing, before its store does). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** The dashboard's figures of a space for the last `hours` hours (the current one included). */
  async stats(space: { id: string; slug: string }, hours: number, now = new Date()): Promise<SpaceStats> {
    await this.flush();
    const from = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (hours - 1) * HOUR_MS);
    const db = this.store.db;
    const [activity, webhooks, activeTokens, connections] = await Promise.all([
      activitySince(db, space.id, from),
      webhookFailuresSince(db, space.slug, from),
      activeTokensByGrant(db, space.id),
      connectionsByStatus(db, space.id),
    ]);
    return { from, hours, hourly: [...activity, ...webhooks], activeTokens, connections };
  }
}
