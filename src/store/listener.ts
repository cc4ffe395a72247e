// The PostgreSQL connection that LISTENs for change notices. It is a connection of its own (a pooled one would be
// handed to queries), and it can die: PostgreSQL restarts, a failover, pg_terminate_backend, a dropped network.
// Then it connects again, with a capped and jittered backoff so that every node of a fleet does not knock at once,
// LISTENs again and reports `resumed`: notices sent while it was away are lost, so whoever caches must forget all.
import pg from 'pg';

/** Where the store reports what happens to its connections (pino's signature; no secrets are passed). */
export interface StoreLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface BackoffOptions {
  /** First retry delay. */
  initialMs: number;
  /** No retry waits longer than this (before jitter). */
  maxMs: number;
}

const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 100, maxMs: 2_000 };

/**
 * Delay before retry `attempt` (0-based): doubles up to the cap, then "equal jitter" (half fixed, half random),
 * so retries stay spread out but never collapse to zero.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Told when the listening connection is lost (notices stop arriving) and when it listens again. */
export interface NoticeWatcher {
  onLost?: () => void;
  onResume?: () => void;
}

export class NoticeListener {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, (payload: string) => void>();
  private readonly watchers: NoticeWatcher[] = [];
  private connecting: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private attempt = 0;
  private lost = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log: StoreLog | undefined,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  /** Resolves once the channel is listened to; the first connection's failure is the caller's (start-up fails). */
  async listen(channel: string, onMessage: (payload: string) => void, watcher?: NoticeWatcher): Promise<void> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    this.handlers.set(channel, onMessage);
    if (watcher) this.watchers.push(watcher);
    if (!this.client) {
      this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
      await this.connecting;
    }
    // Again when the connection was made for another channel meanwhile (LISTEN twice is harmless).
    await this.client?.query(`LISTEN ${channel}`);
  }

  private async connect(): Promise<void> {
    // query_timeout bounds the heartbeat below; connectionTimeoutMillis an attempt at an unreachable host.
    // application_name: operators (and tests) can tell this connection from the pool's in pg_stat_activity.
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'keyward change notices',
      keepAlive: true,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
      connectionTimeoutMillis: HEARTBEAT_TIMEOUT_MS,
    });
    // 'error' and 'end' both mean this connection is finished; the first one schedules a new one.
    // Only a connection that was listening reports its loss; a failed attempt is the caller's to handle.
    let live = false;
    let heartbeat: NodeJS.Timeout | undefined;
    let gone = false;
    const onGone = (err?: Error) => {
      if (!live || gone) return;
      gone = true;
      clearInterval(heartbeat);
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => {});
      if (this.closed) return;
      this.lost = true;
      for (const w of this.watchers) w.onLost?.();
      this.log?.warn(
        { err: err ? { message: err.message, code: (err as { code?: string }).code } : undefined },
        'change notices: the listening connection was lost; reconnecting',
      );
      this.schedule();
    };
    client.on('error', onGone);
    client.on('end', () => onGone());
    client.on('notification', (n) => this.handlers.get(n.channel)?.(n.payload ?? ''));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      void client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    live = true;
    // A connection can die silently (a dropped network, a failover behind a virtual address): no error arrives, and
    // no notice either. An idle query now and then finds out; its failure ends the connection, which reconnects.
    heartbeat = setInterval(() => {
      client.query('select 1').catch((err: Error) => onGone(err));
    }, HEARTBEAT_MS);
    heartbeat.unref();
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    const delay = backoffDelay(this.attempt++, this.backoff);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect().then(
        () => {
          if (this.closed || !this.lost) return;
          this.lost = false;
          this.log?.info({ attempts: this.attempt }, 'change notices: listening again; caches cleared (notices may have been missed)');
          this.attempt = 0;
          for (const w of this.watchers) w.onResume?.();
        },
        (err: Error) => {
          if (this.attempt === 1 || this.attempt % 10 === 0) {
            this.log?.warn(
              { err: { message: err.message, code: (err as { code?: string }).code }, attempts: this.attempt },
              'change notices: still cannot reconnect; retrying',
            );
          }
          this.schedule();
        },
      );
    }, delay);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
