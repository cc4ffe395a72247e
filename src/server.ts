// Starting and stopping a Keyward node: configuration, store, migrations, first-run bootstrap, HTTP.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { keyringFor, resolveMasterKey } from './config/master-key.js';
import { buildApp } from './http/app.js';
import { listenForMetrics, METRICS_PATH, type MetricsListener, type ScrapeMetrics } from './http/metrics.js';
import { createLimiter } from './store/counters.js';
import { createLogger, sayer, type Say } from './logger.js';
import { randomToken } from './crypto/secrets.js';
import { createServices, type Services } from './services.js';
import { openStore } from './store/db.js';
import type { SetupState } from './admin/setup.js';
import { SYSTEM } from './events/audit.js';
import { localMetrics } from './events/metrics.js';
import { purgeExpired } from './store/purge.js';
import { configureSigning, signingPlace } from './oauth/tokens/sign-worker.js';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  setupUrl?: string;
  /** The metrics port's /metrics, when KEYWARD_METRICS_PORT is set and this process listens there. */
  metricsUrl?: string;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** The start-up lines for people (URLs, sign-in hints); default: the logger's, at every level. */
  say?: Say;
  /** Set in cluster workers: the primary has migrated and bootstrapped the store (prepareStore) and prints the banner. */
  prepared?: SetupState;
  /** Run the hourly maintenance (key rotation, purge) in this process; default true (one cluster worker only). */
  maintenance?: boolean;
  /**
   * Called once the server listens, before the start is announced: the place to install signal handlers, so that a
   * supervisor that signals as soon as it reads "listening on" always gets a graceful stop.
   */
  onListening?: (server: RunningServer) => void;
  /** Cluster workers: GET /metrics on the main port answers for every worker (the primary's sum). */
  scrapeMetrics?: ScrapeMetrics;
  /** Listen on KEYWARD_METRICS_PORT when set; default true (in a cluster the primary listens there instead). */
  metricsListener?: boolean;
}

/** Migrations, the default space and the first-run bootstrap: once per start, before any request is served. */
async function prepare(config: Config, services: Services, say: Say): Promise<SetupState> {
  await services.store.migrate();
  await services.spaces.ensureDefault();
  await services.spaces.seedStandardScopes();
  return bootstrap(config, services, say);
}

/** prepare() on its own store connection, for a cluster primary that serves no request itself. */
export async function prepareStore(config: Config, say: Say): Promise<SetupState> {
  const key = resolveMasterKey(config);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await prepare(config, createServices(store, keyringFor(config, key)), say);
  } finally {
    await store.close();
  }
}

/** What a start tells people (where the server listens and where to go next): the lines, and the same as fields. */
export function announceStart(say: Say, config: Config, url: string, storeKind: string, setupUrl: string | undefined, workers = 1): void {
  const fields = {
    url,
    store: storeKind === 'pglite' ? 'embedded' : 'postgresql',
    ...(storeKind === 'pglite' ? { dataDir: config.dataDir } : {}),
    workers,
    publicUrl: config.publicUrl,
    console: `${config.publicUrl}/console/`,
    adminApi: `${config.publicUrl}/admin/api/v1`,
    openapi: `${config.publicUrl}/admin/api/v1/openapi.json`,
    issuer: `${config.publicUrl}/spaces/default`,
    ...(setupUrl ? { setupUrl } : {}),
  };
  const lines = [
    `Keyward is listening on ${url} (store: ${storeKind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'}${workers > 1 ? `, ${workers} processes` : ''})`,
    `  Admin console:  ${fields.console}  (sign in with an admin's e-mail and password)`,
    `  Admin API:      ${fields.adminApi}  (OpenAPI: ${fields.openapi})`,
    `  Default issuer: ${fields.issuer}`,
    `  CLI:            export KEYWARD_URL=${config.publicUrl}`,
  ];
  const metrics = metricsAt(config);
  if (metrics) lines.push(`  Metrics:        ${metrics}${config.metricsToken ? '  (Authorization: Bearer <KEYWARD_METRICS_TOKEN>)' : ''}`);
  if (setupUrl) lines.push(`  First start: create the first admin at ${setupUrl}  (one-time link)`);
  say(lines, metrics ? { ...fields, metrics } : fields);
}

/** Where /metrics is served, for the start-up lines (no token is ever printed). */
function metricsAt(config: Config): string | undefined {
  if (config.metricsPort !== undefined) return `${listenUrl(config, config.metricsPort)}${METRICS_PATH}`;
  return config.metricsToken ? `${config.publicUrl}${METRICS_PATH}` : undefined;
}

/** The address to print for a bound port (a wildcard bind is reached through localhost). */
export function listenUrl(config: Config, port: number): string {
  return `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel, undefined, config.logFormat);
  const say = opts.say ?? sayer(logger, config.logFormat);
  configureSigning(signingPlace(config.workers));
  // First: an unreachable KEYWARD_REDIS_URL stops the start here, before anything is created (`keyward: …`, exit 1).
  const limiter = await createLimiter(config, logger);
  let key: ReturnType<typeof resolveMasterKey>;
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    key = resolveMasterKey(config);
    if (key.createdFile)
      say([`Created a new master key in ${key.createdFile} (mode 0600). Back it up: sealed secrets need it.`], { masterKeyFile: key.createdFile });
    store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: logger });
  } catch (err) {
    await limiter.close();
    throw err;
  }
  try {
    const services = createServices(store, keyringFor(config, key), limiter);
    const setup = opts.prepared ?? (await prepare(config, services, say));
    await services.bus.start();
    const app = await buildApp({ config, services, logger, setup, scrapeMetrics: opts.scrapeMetrics });
    await app.listen({ port: config.port, host: config.host });
    const metricsListener = await startMetricsListener(config, opts).catch(async (err: unknown) => {
      await app.close();
      throw err;
    });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    // Port 0 asks the OS for a free port: the derived public URL must name the one bound.
    if (config.publicUrlDerived && config.port === 0) config.publicUrl = `http://localhost:${port}`;
    const url = listenUrl(config, port);
    const setupUrl = setup.code ? `${config.publicUrl}/setup?code=${setup.code}` : undefined;

    // Scheduled key rotation, clean-up of expired keys and rows (hourly; the first run soon after start).
    // Every node schedules it; the store lets one of them run each round (a second rotation would be harmless but
    // needless, and two purges would only compete).
    const maintain = () =>
      store
        .exclusive('keyward:maintenance', async () => void (await Promise.all([services.keys.maintain(SYSTEM), purgeExpired(store.db)])))
        .catch((err: unknown) => logger.error({ err }, 'maintenance failed'));
    const first = opts.maintenance === false ? undefined : setTimeout(maintain, 10_000).unref();
    const hourly = opts.maintenance === false ? undefined : setInterval(maintain, 3_600_000).unref();
    const stopCollecting = collectStartGarbage();
    // Vault renewals: every node runs the scheduler; the renewal lease lets one node renew each connection.
    if (opts.maintenance !== false) services.vault.renewer.start();
    // Webhook deliveries: every node sends; a delivery's lease lets one node make each attempt.
    if (opts.maintenance !== false) await services.webhooks.dispatcher.start();

    const running: RunningServer = {
      app,
      services,
      url,
      setupUrl,
      ...(metricsListener ? { metricsUrl: `${listenUrl(config, metricsListener.port)}${METRICS_PATH}` } : {}),
      // Stops accepting connections, lets in-flight requests finish, then closes the store and Redis.
      close: async () => {
        clearTimeout(first);
        clearInterval(hourly);
        stopCollecting();
        await Promise.all([app.close(), metricsListener?.close()]);
        await Promise.all([services.vault.renewer.stop(), services.webhooks.dispatcher.stop()]);
        await Promise.all([store.close(), limiter.close()]);
      },
    };
    opts.onListening?.(running);
    if (!opts.prepared) announceStart(say, config, url, store.kind, setupUrl);
    return running;
  } catch (err) {
    await Promise.all([store.close(), limiter.close()]);
    throw err;
  }
}

/** The metrics port of a single-process server (port 0: the bound port is written back, as for KEYWARD_PORT). */
async function startMetricsListener(config: Config, opts: StartOptions): Promise<MetricsListener | undefined> {
  if (config.metricsPort === undefined || opts.metricsListener === false) return undefined;
  const listener = await listenForMetrics(config.host, config.metricsPort, config.metricsToken, opts.scrapeMetrics ?? localMetrics);
  config.metricsPort = listener.port;
  return listener;
}

/**
 * Full garbage collections once the start has settled (6 and 12 s after). Start-up (migrations, schema compilation,
 * the OpenAPI document) leaves ~30 MB of dead objects and a young generation grown to its largest (32 MB), which an
 * idle server would hold for good: V8 collects when allocation asks for it, and an idle server allocates nothing.
 * V8 shrinks the young generation only in a collection made while the allocation rate of the last 5 seconds is low,
 * hence the delay, and a second try when the first came too soon. Measured: heap 69 → 38 MB, resident memory ~30 MB
 * less, embedded and PostgreSQL mode alike. V8 gives gc() only to contexts made while --expose-gc is set: one is made
 * for it, then the flag is unset. Returns a function that cancels what has not run yet.
 */
function collectStartGarbage(): () => void {
  let left = 2;
  const timer = setInterval(() => {
    if (--left === 0) clearInterval(timer);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    gc();
  }, 6_000).unref();
  return () => clearInterval(timer);
}

/** On an empty store: the bootstrap admin from the environment, or a one-time setup code. */
async function bootstrap(config: Config, services: Services, say: Say): Promise<SetupState> {
  if ((await services.admins.count()) > 0) return { code: null };
  const { email, password, token } = config.bootstrap;
  if (email) {
    const created = await services.admins.createFirstOwner(
      { email, password, token, withToken: token !== undefined, tokenName: 'bootstrap' },
      { type: 'system' },
    );
    if (created) say([`Created the first admin ${email} (owner of every space) from KEYWARD_BOOTSTRAP_ADMIN_*.`], { admin: email });
    return { code: null };
  }
  return { code: randomToken(24) };
}

/** Runs until SIGTERM or SIGINT, then shuts down gracefully within the configured time. */
export function stopOnSignals(server: RunningServer, config: Config, logger: Pick<Logger, 'info' | 'error'>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
