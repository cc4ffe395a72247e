// Prometheus metrics (prom-client): every keyward_* metric is defined here, and features record through the small
// functions below, one line at the place where the thing happens. The registry is prom-client's global one, as the
// process is what Prometheus scrapes (in a cluster, the primary asks each worker for its registry and sums: see
// clusterMetrics). Label values come from fixed sets only (grant types, formats, outcomes, route patterns): never a
// client id, user id, space slug, token or raw URL, so the number of series stays bounded whatever users create.
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, register, type PrometheusContentType } from 'prom-client';

export const METRICS_CONTENT_TYPE = register.contentType;

/** Seconds; from a fast JWT answer (~1 ms) to a slow provider call through the vault proxy. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const httpDuration = new Histogram({
  name: 'keyward_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status code, with their latency (its _count counts the requests)',
  labelNames: ['method', 'route', 'status_code'],
  buckets: LATENCY_BUCKETS,
});

/** The route label of a request that matched no route: unknown paths must not add a series each. */
export const UNMATCHED_ROUTE = 'unmatched';

/** `route`: the route's pattern (`/spaces/:space/token`), never the URL; `ms`: the time to the answer. */
export function observeHttpRequest(method: string, route: string | undefined, statusCode: number, ms: number): void {
  httpDuration.observe({ method, route: route ?? UNMATCHED_ROUTE, status_code: statusCode }, ms / 1000);
}

const tokensIssued = new Counter({
  name: 'keyward_tokens_issued_total',
  help: "Access tokens issued, by grant type and format (jwt, opaque; provider: a connection's token handed out by token exchange)",
  labelNames: ['grant_type', 'format'],
});

export function countTokenIssued(grantType: string, format: 'jwt' | 'opaque' | 'provider'): void {
  tokensIssued.inc({ grant_type: grantType, format });
}

/** Where a password was checked: the login page, the device verification page, the password grant. */
export type LoginVia = 'login_page' | 'device' | 'password_grant';
/** LoginGuard's outcomes (login-guard.ts), as they are named in the reason label. */
type LoginStatus = 'ok' | 'wrong' | 'other_kind' | 'locked';
const FAILURE_REASON = { wrong: 'invalid_credentials', other_kind: 'wrong_user_kind', locked: 'locked' } as const;

const logins = new Counter({ name: 'keyward_logins_total', help: 'Successful sign-ins with a password, by where', labelNames: ['via'] });
const loginFailures = new Counter({
  name: 'keyward_login_failures_total',
  help: 'Refused sign-ins, by where and why (invalid_credentials, locked, wrong_user_kind)',
  labelNames: ['via', 'reason'],
});

export function countLogin(via: LoginVia, status: LoginStatus): void {
  if (status === 'ok') logins.inc({ via });
  else loginFailures.inc({ via, reason: FAILURE_REASON[status] });
}

const refreshReuse = new Counter({
  name: 'keyward_refresh_token_reuse_total',
  help: 'Refresh tokens presented again after rotation (outside any grace period): each revoked its whole grant',
});

export function countRefreshTokenReuse(): void {
  refreshReuse.inc();
}

const vaultRefreshes = new Counter({
  name: 'keyward_vault_refreshes_total',
  help: 'Connection renewals by outcome (connected, refreshed, recovered, refresh_failed, needs_reauth, too_early)',
  labelNames: ['outcome'],
});

export function countVaultRefresh(outcome: string): void {
  vaultRefreshes.inc({ outcome });
}

/**
 * The webhook dispatcher's attempts (its onAttempt listener, set in services.ts): one count per delivery attempt. `succeeded`: answered 2xx; `retrying`: failed, another
 * attempt is scheduled; `failed`: failed and given up (retries exhausted, or the subscription disabled).
 */
export type WebhookDeliveryOutcome = 'succeeded' | 'retrying' | 'failed';
const webhookDeliveries = new Counter({
  name: 'keyward_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome (succeeded, retrying, failed)',
  labelNames: ['outcome'],
});

export function countWebhookDelivery(outcome: WebhookDeliveryOutcome): void {
  webhookDeliveries.inc({ outcome });
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** What the gauges read at scrape time, from the store of the server this process runs. */
export interface MetricSources {
  /** Connections of every space, counted by status (one grouped query). */
  connectionsByStatus?: () => Promise<Record<string, number>>;
  /** The PostgreSQL pool; null for the embedded store, which has one connection inside the process. */
  pool?: () => PoolStats | null;
  /** Webhook deliveries waiting to be sent (pending: due now or on their retry schedule). */
  webhookQueueDepth?: () => Promise<number>;
  /** Events of the outbox by type: the same rows the audit log lists and webhooks deliver. */
  eventsByType?: () => Promise<Record<string, number>>;
}

const sources: MetricSources = {};

/** Sets where the gauges read from; the returned function detaches these again (when that server closes). */
export function attachMetricSources(next: MetricSources): () => void {
  Object.assign(sources, next);
  return () => {
    for (const key of Object.keys(next) as (keyof MetricSources)[]) if (sources[key] === next[key]) delete sources[key];
  };
}

// A gauge read from the shared database is the same in every worker: the cluster takes the largest answer instead of
// the sum (prom-client's default), which would count each connection once per worker.
const CONNECTION_STATUSES = ['pending', 'connected', 'needs_reauth', 'error', 'disabled'];
new Gauge({
  name: 'keyward_connections',
  help: 'Vault connections of every space, by status (read from the store at each scrape)',
  labelNames: ['status'],
  aggregator: 'max',
  async collect() {
    this.reset();
    const counts = await sources.connectionsByStatus?.().catch(() => undefined);
    if (!counts) return; // no store attached, or it does not answer: no figure rather than a wrong one
    for (const status of new Set([...CONNECTION_STATUSES, ...Object.keys(counts)])) this.set({ status }, counts[status] ?? 0);
  },
});

new Gauge({
  name: 'keyward_webhook_queue_depth',
  help: 'Webhook deliveries waiting to be sent',
  aggregator: 'max',
  async collect() {
    const depth = await sources.webhookQueueDepth?.().catch(() => undefined);
    // Not known (no store attached, or it does not answer): no sample, rather than a 0 that looks like one.
    if (depth === undefined) this.remove();
    else this.set(depth);
  },
});

// Counted from the outbox itself, not by the code that makes the changes: the figure cannot miss an event the audit
// log shows or count one that was rolled back. Rows are never deleted, so each series only grows (a counter's shape).
new Gauge({
  name: 'keyward_events',
  help: 'Events written (audited changes and vault events), by type: every row of the outbox, read from the store at each scrape',
  labelNames: ['type'],
  aggregator: 'max',
  async collect() {
    this.reset();
    const counts = await sources.eventsByType?.().catch(() => undefined);
    if (!counts) return;
    for (const [type, n] of Object.entries(counts)) this.set({ type }, n);
  },
});

// Pools are per process: summed over the workers.
new Gauge({
  name: 'keyward_db_pool_connections',
  help: 'PostgreSQL pool connections by state (idle, busy); absent with the embedded store',
  labelNames: ['state'],
  collect() {
    this.reset();
    const pool = sources.pool?.();
    if (!pool) return;
    this.set({ state: 'idle' }, pool.idle);
    this.set({ state: 'busy' }, pool.total - pool.idle);
  },
});

new Gauge({
  name: 'keyward_db_pool_waiting',
  help: 'Queries waiting for a PostgreSQL pool connection; absent with the embedded store',
  collect() {
    const pool = sources.pool?.();
    if (pool) this.set(pool.waiting);
    else this.remove();
  },
});

let processMetrics = false;
/** Node's process metrics (CPU, memory, event-loop lag, GC): once per process, in the processes that serve. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics();
}

/** This process's metrics in the text format. */
export function localMetrics(): Promise<string> {
  return register.metrics();
}

let aggregator: AggregatorRegistry<PrometheusContentType> | undefined;
/**
 * In a cluster: made once in the primary (it asks the workers) and in each worker (prom-client answers the primary's
 * requests only once this was called there).
 */
export function joinClusterMetrics(): void {
  aggregator ??= new AggregatorRegistry();
}

/** The primary's answer: every worker's registry, counters and histograms summed (gauges as each one says). */
export function clusterMetrics(): Promise<string> {
  joinClusterMetrics();
  return aggregator!.clusterMetrics();
}
