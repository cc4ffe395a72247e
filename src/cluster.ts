// `keyward serve` with KEYWARD_WORKERS > 1: a primary process and N workers sharing the port (node:cluster). Node
// runs JavaScript on one core per process, so a node that should use every core of its machine runs one worker per
// core, as a Go or Java server would run threads. Workers are ordinary Keyward nodes on the shared PostgreSQL store:
// their caches follow changes through LISTEN/NOTIFY exactly as separate hosts do. The primary serves no request: it
// prepares the store once (migrations, default space, first-run bootstrap), starts the workers, prints the banner
// when all of them listen, replaces a worker that dies (up to RESTART_LIMIT a minute), and on SIGTERM/SIGINT stops them
// gracefully. Metrics: the primary answers for every worker (prom-client's AggregatorRegistry sums their registries),
// on KEYWARD_METRICS_PORT itself, and for /metrics on the main port (KEYWARD_METRICS_TOKEN) the worker that took the
// request asks the primary for that sum over IPC, so any worker's answer covers all of them.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { sayer } from './logger.js';
import { clusterMetrics, joinClusterMetrics } from './events/metrics.js';
import { listenForMetrics, metricsEnabled } from './http/metrics.js';
import { announceStart, listenUrl, prepareStore, startServer, stopOnSignals } from './server.js';

// Handed from the primary to its workers through their environment; never configuration.
const WORKER_INDEX = 'KEYWARD_INTERNAL_WORKER_INDEX';
const SETUP_CODE = 'KEYWARD_INTERNAL_SETUP_CODE';
// IPC messages of a scrape on the main port: a worker asks, the primary answers with every worker's sum.
const SCRAPE_ASK = 'keyward:metrics-ask';
const SCRAPE_ANSWER = 'keyward:metrics-answer';
interface ScrapeMessage {
  type: typeof SCRAPE_ASK | typeof SCRAPE_ANSWER;
  id: number;
  body?: string;
  error?: string;
}
const isScrape = (m: unknown, type: ScrapeMessage['type']): m is ScrapeMessage => (m as ScrapeMessage | null)?.type === type;

export const isClusterWorker = (): boolean => cluster.isWorker && process.env[WORKER_INDEX] !== undefined;

// A worker that keeps dying (a crash that some request or the data triggers again and again) is not replaced forever:
// past RESTART_LIMIT exits within RESTART_WINDOW_MS the primary stops everything and exits 1, so that the supervisor
// (systemd, Kubernetes) sees the failure and applies its own backoff instead of a silent loop of forks.
export const RESTART_LIMIT = 5;
export const RESTART_WINDOW_MS = 60_000;

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // SCHED_NONE: every worker accepts from the one shared listening socket itself, as the kernel balances it.
  // Node's default on Linux (SCHED_RR) has the primary accept and pass each connection to a worker over IPC; a
  // worker that dies between the hand-off and its reply leaves the connection open in the primary and unanswered
  // until the client gives up (measured: 2 of ~33,000 requests hung across 4 worker deaths). With SCHED_NONE a
  // connection is either still in the shared queue (another worker takes it) or was accepted by the dead worker,
  // whose exit resets it: the client hears at once. Must be set before the first fork.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const say = sayer(logger, config.logFormat);
  const setup = await prepareStore(config, say);
  const stopMetrics = await serveClusterMetrics(config);
  const started = new Set<number>();
  let stopping = false;
  let bannerShown = false;
  const exits: number[] = [];

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ [WORKER_INDEX]: String(index), [SETUP_CODE]: setup.code ?? '' });
    worker.once('listening', (address) => {
      started.add(index);
      if (bannerShown || started.size < config.workers) return;
      bannerShown = true;
      if (config.publicUrlDerived && config.port === 0) config.publicUrl = `http://localhost:${address.port}`;
      const setupUrl = setup.code ? `${config.publicUrl}/setup?code=${setup.code}` : undefined;
      announceStart(say, config, listenUrl(config, address.port), 'postgres', setupUrl, config.workers);
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      if (!started.has(index)) {
        // A worker that cannot start (port taken, store unreachable) would fail again: give up, stop the others.
        logger.error({ worker: index, code, signal }, 'a worker failed to start; stopping');
        stop(1);
        return;
      }
      const now = Date.now();
      exits.push(now);
      while (exits[0]! <= now - RESTART_WINDOW_MS) exits.shift();
      if (exits.length > RESTART_LIMIT) {
        logger.error({ worker: index, code, signal }, `workers keep exiting (${exits.length} in ${RESTART_WINDOW_MS / 1000} s); stopping`);
        stop(1);
        return;
      }
      logger.error({ worker: index, code, signal }, 'a worker exited; starting a replacement');
      started.delete(index);
      fork(index);
    });
    return worker;
  };

  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    // Each worker finishes its in-flight requests (stopOnSignals); past the timeout they are killed.
    void stopMetrics();
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; killing the workers');
      for (const w of workers) w.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownTimeoutMs + 2000);
    timer.unref();
    let failed = exitCode !== 0;
    let left = workers.length;
    if (!left) process.exit(exitCode);
    for (const w of workers) {
      // A worker still starting has no handler yet and dies of the signal itself: that is a clean stop too.
      w.once('exit', (code, signal) => {
        if (code !== 0 && signal !== 'SIGTERM') failed = true;
        if (--left === 0) process.exit(failed ? 1 : 0);
      });
      w.process.kill('SIGTERM');
    }
  };
  process.once('SIGTERM', () => stop(0));
  process.once('SIGINT', () => stop(0));

  for (let i = 1; i <= config.workers; i++) fork(i);
}

export async function runWorker(config: Config, logger: Logger): Promise<void> {
  const index = Number(process.env[WORKER_INDEX]);
  const code = process.env[SETUP_CODE] || null;
  delete process.env[SETUP_CODE];
  const child = logger.child({ worker: index });
  // prom-client answers the primary's requests for this worker's registry only once this ran.
  if (metricsEnabled(config)) joinClusterMetrics();
  // Worker 1 alone runs the hourly maintenance: one rotation per schedule, not one per process.
  await startServer(config, {
    logger: child,
    prepared: { code },
    maintenance: index === 1,
    say: () => {},
    onListening: (server) => stopOnSignals(server, config, child),
    scrapeMetrics: askPrimaryForMetrics,
    metricsListener: false,
  });
}

/** The primary's part of the metrics: the metrics port, and answers to workers' scrapes; a function that stops both. */
async function serveClusterMetrics(config: Config): Promise<() => Promise<void>> {
  if (!metricsEnabled(config)) return async () => {};
  joinClusterMetrics();
  if (config.metricsToken !== undefined) {
    cluster.on('message', (worker, message: unknown) => {
      if (!isScrape(message, SCRAPE_ASK)) return;
      const reply = (m: Omit<ScrapeMessage, 'type' | 'id'>) => worker.isConnected() && worker.send({ type: SCRAPE_ANSWER, id: message.id, ...m });
      clusterMetrics().then(
        (body) => reply({ body }),
        (err: unknown) => reply({ error: (err as Error).message }),
      );
    });
  }
  // Before any worker starts: a metrics port that is taken stops the start like a taken main port.
  const listener = config.metricsPort === undefined ? undefined : await listenForMetrics(config.host, config.metricsPort, config.metricsToken, clusterMetrics);
  if (listener) config.metricsPort = listener.port;
  return async () => listener?.close();
}

// A worker's scrapes waiting for the primary's answer, by request id.
const asked = new Map<number, { resolve: (body: string) => void; reject: (err: Error) => void }>();
let lastAsk = 0;

/** A scrape on the main port, in a worker: the primary gathers every worker's registry (this one's included). */
function askPrimaryForMetrics(): Promise<string> {
  if (asked.size === 0) process.on('message', onScrapeAnswer);
  const id = ++lastAsk;
  return new Promise<string>((resolve, reject) => {
    // prom-client gives up on a silent worker after 5 s; past that the primary itself is in trouble.
    const timer = setTimeout(() => settle(id, undefined, 'the primary did not answer'), 10_000);
    asked.set(id, {
      resolve: (body) => (clearTimeout(timer), resolve(body)),
      reject: (err) => (clearTimeout(timer), reject(err)),
    });
    process.send!({ type: SCRAPE_ASK, id });
  });
}

function onScrapeAnswer(message: unknown): void {
  if (isScrape(message, SCRAPE_ANSWER)) settle(message.id, message.body, message.error);
}

function settle(id: number, body: string | undefined, error: string | undefined): void {
  const waiting = asked.get(id);
  if (!waiting) return;
  asked.delete(id);
  if (asked.size === 0) process.off('message', onScrapeAnswer);
  if (body !== undefined) waiting.resolve(body);
  else waiting.reject(new Error(error ?? 'no metrics'));
}
