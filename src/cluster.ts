// `keyward serve` with KEYWARD_WORKERS > 1: a primary process and N workers sharing the port (node:cluster). Node
// runs JavaScript on one core per process, so a node that should use every core of its machine runs one worker per
// core, as a Go or Java server would run threads. Workers are ordinary Keyward nodes on the shared PostgreSQL store:
// their caches follow changes through LISTEN/NOTIFY exactly as separate hosts do. The primary serves no request: it
// prepares the store once (migrations, default space, first-run bootstrap), starts the workers, prints the banner
// when all of them listen, replaces a worker that dies (up to RESTART_LIMIT a minute), and on SIGTERM/SIGINT stops them
// gracefully.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { sayer } from './logger.js';
import { announceStart, listenUrl, prepareStore, startServer, stopOnSignals } from './server.js';

// Handed from the primary to its workers through their environment; never configuration.
const WORKER_INDEX = 'KEYWARD_INTERNAL_WORKER_INDEX';
const SETUP_CODE = 'KEYWARD_INTERNAL_SETUP_CODE';

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
  // Worker 1 alone runs the hourly maintenance: one rotation per schedule, not one per process.
  await startServer(config, {
    logger: child,
    prepared: { code },
    maintenance: index === 1,
    say: () => {},
    onListening: (server) => stopOnSignals(server, config, child),
  });
}
