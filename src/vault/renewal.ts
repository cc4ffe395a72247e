// Renewal of connections: on demand (a token asked for near its expiry, an admin's "refresh now") and on schedule.
// The rules that keep a rotating refresh token from ever being lost:
// - Single flight. Within a process, concurrent askers share one promise per connection; across processes, the
//   renewal lease (store/connection-renewal.ts) lets one refresh run while the others wait and then read its result
//   (the lease's generation tells them a refresh happened after they asked).
// - Stored before used. The new tokens are written (fenced by the lease) before any asker gets the new access
//   token. A write the store refuses for being down is retried with backoff, holding the answer in memory, for as
//   long as the lease lasts and beyond: a new refresh token is never dropped while this process lives.
// - Re-read after taking the lease: if another process refreshed since the asker looked, no second refresh is sent.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { BatchCall } from '../store/batch.js';
import { claimDue, claimLease, finishLeases, releaseLeases, type LeaseFinish } from '../store/connection-renewal.js';
import { findConnection, type ConnectionRow, type NewConnectionRow } from '../store/connections.js';
import type { Db } from '../store/db.js';
import { isStoreUnavailable } from '../store/errors.js';
import { providerClientsById, type ProviderClientRow } from '../store/provider-clients.js';
import { sealedAad } from '../store/sealed-columns.js';
import type { Catalog } from './catalog/index.js';
import { STATIC_KINDS, type ConnectionKind } from './connection-view.js';
import { apiKeyLogin, apiKeyRefresh, clientCredentials, refreshTokens, type TokenResult } from './outbound/index.js';
import { providerSettings } from './provider-settings.js';
import { failureOutcome, successOutcome, type Outcome } from './renewal-outcome.js';
import { connectionEventOf, recordConnectionEvents, type ConnectionChange } from './events.js';
import type { Sealer } from './sealer.js';

export interface RenewalOptions {
  /** How long a lease holds: longer than the provider timeout, so a live refresh is never taken over. */
  leaseMs: number;
  /** How long an asker waits for another process's refresh before answering with what it has. */
  waitMs: number;
  /** Scheduler: how often it looks for due renewals, how many it claims at once, how many run at a time. */
  intervalMs: number;
  batch: number;
  concurrency: number;
  /** Give up re-writing a result after this long (the store was down all that time); logged as lost. */
  writeRetryMs: number;
  /** How long a provider may take to answer a token request. */
  providerTimeoutMs: number;
}

export const DEFAULT_RENEWAL: RenewalOptions = {
  leaseMs: 35_000,
  waitMs: 30_000,
  intervalMs: 1_000,
  batch: 200,
  concurrency: 64,
  writeRetryMs: 15 * 60_000,
  providerTimeoutMs: 15_000,
};

export type RenewalEvent = Outcome['event'];
export type RenewalListener = (row: ConnectionRow, event: RenewalEvent) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Renewer {
  /** This process's lease owner name: unique per start, so a restarted process never mistakes old leases for its own. */
  readonly owner = `node-${randomUUID()}`;
  private readonly inflight = new Map<string, Promise<ConnectionRow>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private readonly listeners: RenewalListener[] = [];
  /**
   * Renewals that finish in one event-loop turn write their outcomes with one statement. An outcome that changes
   * what the connection is (connected, failing, needing a new consent, recovered) also writes its event, in the
   * same transaction; the usual refresh writes none and needs no transaction.
   */
  private readonly finishes: BatchCall<LeaseFinish & { change?: ConnectionChange }, ConnectionRow | undefined>;

  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    private readonly sealer: Sealer,
    private readonly logger: () => Logger,
    readonly options: RenewalOptions = { ...DEFAULT_RENEWAL },
  ) {
    this.finishes = new BatchCall(async (items) => {
      const changes = items.filter((f) => f.change);
      const written = changes.length
        ? await db.transaction(async (tx) => {
            const rows = await finishLeases(tx, items);
            await recordConnectionEvents(
              tx,
              changes.filter((f) => rows.has(f.id)).map((f) => f.change!),
            );
            return rows;
          })
        : await finishLeases(db, items);
      return items.map((f) => written.get(f.id));
    });
  }

  private finish(row: ConnectionRow, set: Partial<NewConnectionRow>, change?: ConnectionChange): Promise<ConnectionRow | undefined> {
    return this.finishes.call({ id: row.id, owner: this.owner, generation: row.generation, set, ...(change ? { change } : {}) });
  }

  private get log(): Logger {
    return this.logger();
  }

  onOutcome(listener: RenewalListener): void {
    this.listeners.push(listener);
  }

  /**
   * Renews the connection now unless another renewal happened after the caller read generation `seen`; the row
   * after it. Concurrent callers in this process share one renewal. `providerClient`: the one the caller read with
   * the connection (used only if the claimed row still names it), so that it is not read a second time.
   */
  renew(spaceId: string, id: string, seen: number, providerClient?: ProviderClientRow): Promise<ConnectionRow> {
    const running = this.inflight.get(id);
    if (running) return running;
    const p = this.renewOnce(spaceId, id, seen, providerClient).finally(() => this.inflight.delete(id));
    this.inflight.set(id, p);
    return p;
  }

  private async renewOnce(spaceId: string, id: string, seen: number, providerClient?: ProviderClientRow): Promise<ConnectionRow> {
    const deadline = Date.now() + this.options.waitMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
      const claimed = await claimLease(this.db, spaceId, id, this.owner, this.options.leaseMs);
      if (claimed) {
        const { abandoned, ...row } = claimed;
        // Someone renewed (or tried) since the caller looked: share that result, send the provider nothing. Not
        // when that renewal was abandoned (its process died): its answer may be lost, and only a refresh recovers.
        if (!abandoned && row.generation - 1 > seen) return (await this.write(row, {})) ?? row;
        return this.runClaimed(row, providerClient?.id === row.providerClientId ? providerClient : undefined);
      }
      const row = await findConnection(this.db, spaceId, id);
      if (!row) throw new AppError('not_found', `connection "${id}" not found`);
      if (row.leaseOwner === null && row.generation > seen) return row;
      if (Date.now() > deadline) return row;
      await sleep(wait);
    }
  }

  /**
   * Calls the provider for a claimed row and writes the outcome; the row after. `providerClient`: the row's provider
   * client when the caller has read it already (the scheduler reads those of a whole batch in one statement).
   */
  private async runClaimed(row: ConnectionRow, providerClient?: ProviderClientRow): Promise<ConnectionRow> {
    const now = Date.now();
    let outcome: Outcome;
    try {
      const pc = providerClient ?? (await providerClientsById(this.db, [row.providerClientId]))[0];
      const entry = pc ? this.catalog.get(pc.provider) : undefined;
      if (!pc || !entry) throw new Error('the provider client or its catalog entry is gone');
      const result = await this.callProvider(row, {
        ...providerSettings(this.catalog, this.sealer, entry, pc, row),
        timeoutMs: this.options.providerTimeoutMs,
      });
      outcome = result.ok ? successOutcome(row, entry, result.tokens, this.sealer, Date.now()) : failureOutcome(row, entry, result.failure, Date.now());
    } catch (err) {
      // The store could not be reached (down, or no pool connection within its timeout under load): the provider
      // was sent nothing, so there is nothing to keep. The connection is not at fault and keeps its state; the
      // lease is given back if the store answers, else it runs out, and the next renewal tries again.
      if (isStoreUnavailable(err)) {
        await this.finish(row, {}).catch(() => undefined);
        throw err;
      }
      // A fault of ours (a secret that no longer opens, a catalog entry removed): an error state, never a crash loop.
      this.log.error({ err, connection: row.id }, 'vault: renewal failed before reaching the provider');
      outcome = {
        event: 'refresh_failed',
        set: {
          status: 'error',
          failureCount: row.failureCount + 1,
          lastError: `Keyward could not prepare the request: ${(err as Error).message}`,
          lastErrorAt: new Date(now),
          nextRefreshAt: new Date(now + 5 * 60_000),
        },
      };
    }
    const written = await this.write(row, outcome.set, connectionEventOf(row, outcome));
    if (!written) return row;
    if (outcome.event !== 'refreshed' && outcome.event !== 'connected') {
      this.log.warn({ connection: row.id, event: outcome.event, status: written.status }, `vault: connection ${outcome.event.replace('_', ' ')}`);
    }
    for (const l of this.listeners) l(written, outcome.event);
    return written;
  }

  private callProvider(row: ConnectionRow, settings: ReturnType<typeof providerSettings>): Promise<TokenResult> {
    const kind = row.kind as ConnectionKind;
    const refreshToken = row.refreshTokenSealed ? this.sealer.open(row.refreshTokenSealed, sealedAad.connection(row.id, 'refresh_token')) : undefined;
    switch (kind) {
      case 'oauth2_client_credentials':
        return clientCredentials(settings);
      case 'api_key_exchange': {
        const creds = JSON.parse(this.sealer.open(row.credentialsSealed!, sealedAad.connection(row.id, 'credentials'))) as { api_key: string; secret: string };
        if (refreshToken && settings.entry.api_key_exchange?.refresh) return apiKeyRefresh(settings, { apiKey: creds.api_key, refreshToken });
        return apiKeyLogin(settings, { apiKey: creds.api_key, secret: creds.secret });
      }
      case 'oauth2_authorization_code':
        if (!refreshToken) {
          return Promise.resolve({
            ok: false,
            failure: { kind: 'invalid_grant', description: 'the provider gave no refresh token; the connection cannot renew without a new consent' },
          });
        }
        return refreshTokens(settings, refreshToken);
      default:
        throw new Error(`a ${kind} connection has nothing to renew`);
    }
  }

  /**
   * Writes `set` and gives the lease back, if this process still holds it. A store that is down is waited out
   * (the answer may hold a rotated refresh token that exists nowhere else); a lease lost meanwhile is logged.
   */
  private async write(row: ConnectionRow, set: Partial<NewConnectionRow>, change?: ConnectionChange): Promise<ConnectionRow | undefined> {
    const started = Date.now();
    for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
      try {
        const written = await this.finish(row, set, change);
        if (!written) this.log.error({ connection: row.id }, 'vault: the renewal lease was taken over before the result was written; the result was dropped');
        return written;
      } catch (err) {
        if (!isStoreUnavailable(err) || Date.now() - started > this.options.writeRetryMs) {
          this.log.error({ err, connection: row.id }, 'vault: could not write a renewal result');
          throw err;
        }
        this.log.warn({ connection: row.id, retryInMs: wait }, 'vault: store unavailable while writing a renewal result; retrying');
        await sleep(wait);
      }
    }
  }

  /**
   * Renews due connections, `concurrency` at a time, claiming `batch` at a time for at most `batches` batches (until
   * one comes back short); how many were claimed. The next batch is claimed as soon as the queue is empty, not once
   * the last renewal of the batch has finished, so while work is due the provider always has `concurrency` requests.
   */
  async runDue(batches = 1): Promise<number> {
    const queue: ConnectionRow[] = [];
    // Provider clients are read once per batch for the rows that need one not read yet (a batch mostly shares a few).
    const clients = new Map<string, ProviderClientRow>();
    let claimed = 0;
    let left = batches;
    let exhausted = false;
    let claiming: Promise<void> | undefined;
    const claim = async () => {
      try {
        const rows = await claimDue(this.db, this.owner, this.options.leaseMs, this.options.batch);
        const missing = [...new Set(rows.map((r) => r.providerClientId))].filter((id) => !clients.has(id));
        if (missing.length) for (const pc of await providerClientsById(this.db, missing)) clients.set(pc.id, pc);
        claimed += rows.length;
        exhausted = --left <= 0 || rows.length < this.options.batch;
        queue.push(...rows);
      } catch (err) {
        exhausted = true;
        throw err;
      }
    };
    const worker = async () => {
      // Once stopping, no renewal starts: stop() waits only for those in flight, then gives back the leases.
      while (!this.stopped) {
        const row = queue.shift();
        if (!row) {
          if (exhausted) return;
          await (claiming ??= claim().finally(() => (claiming = undefined)));
          continue;
        }
        const p = this.runClaimed(row, clients.get(row.providerClientId)).catch((err: unknown) => {
          if (isStoreUnavailable(err)) this.log.warn({ connection: row.id }, 'vault: store unavailable; the scheduled renewal is tried again later');
          else this.log.error({ err, connection: row.id }, 'vault: scheduled renewal failed');
          return row;
        });
        this.inflight.set(row.id, p);
        await p.finally(() => this.inflight.delete(row.id));
      }
    };
    // Every worker ends before the first failure (a claim the store refused) is passed on: none is left running.
    const ended = await Promise.allSettled(Array.from({ length: this.options.concurrency }, worker));
    const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (failed) throw failed.reason;
    return claimed;
  }

  /** Starts the scheduler: due renewals every interval, back to back while full batches keep coming. */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.running || this.stopped) return;
      this.running = true;
      try {
        await this.runDue(Number.POSITIVE_INFINITY);
      } catch (err) {
        if (!isStoreUnavailable(err)) this.log.error({ err }, 'vault: the renewal scheduler failed; it tries again');
      } finally {
        this.running = false;
      }
    };
    this.timer = setInterval(() => void tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the scheduler, waits for renewals in flight, and gives back this process's leases. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.inflight.values()]);
    await releaseLeases(this.db, this.owner).catch(() => undefined);
  }

  /** Whether a kind is ever renewed. */
  static renews(kind: string): boolean {
    return !STATIC_KINDS.includes(kind as ConnectionKind);
  }
}
