// GET /metrics (Prometheus text format): on the main port when KEYWARD_METRICS_TOKEN is set (Bearer), and on a
// listener of its own when KEYWARD_METRICS_PORT is set (a port an operator keeps inside the network; it asks for the
// token too when both are set). Neither set: no request is measured and /metrics is an unknown path like any other.
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';
import { bearerToken } from '../bearer.js';
import { countConnectionsByStatus } from '../store/connections.js';
import { pendingDeliveries } from '../store/webhook-deliveries.js';
import { countEventsByType } from '../store/events.js';
import { attachMetricSources, collectProcessMetrics, localMetrics, METRICS_CONTENT_TYPE, observeHttpRequest } from '../events/metrics.js';

export const METRICS_PATH = '/metrics';

/** The text a scrape answers: this process's registry, or (in a cluster worker) the primary's sum over all workers. */
export type ScrapeMetrics = () => Promise<string>;

export const metricsEnabled = (config: Pick<Config, 'metricsToken' | 'metricsPort'>): boolean =>
  config.metricsToken !== undefined || config.metricsPort !== undefined;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * A check of `Authorization: Bearer <token>` in constant time: both sides are hashed first, so neither the length nor
 * the first differing byte of a wrong token changes how long the comparison takes.
 */
export function bearerCheck(token: string | undefined): (authorization: string | undefined) => boolean {
  if (token === undefined) return () => true;
  const expected = digest(token);
  return (authorization) => timingSafeEqual(digest(bearerToken(authorization) ?? ''), expected);
}

const UNAUTHORIZED = JSON.stringify({ error: 'unauthorized', message: 'send the metrics token: Authorization: Bearer <KEYWARD_METRICS_TOKEN>' });
const UNAVAILABLE = JSON.stringify({ error: 'temporarily_unavailable', message: 'the metrics could not be gathered; try again' });

/** Answers one scrape: 401 without the right token, 503 when gathering failed (a worker did not answer), else 200. */
async function answer(authorized: boolean, scrape: ScrapeMetrics): Promise<{ status: number; type: string; body: string }> {
  if (!authorized) return { status: 401, type: 'application/json; charset=utf-8', body: UNAUTHORIZED };
  try {
    return { status: 200, type: METRICS_CONTENT_TYPE, body: await scrape() };
  } catch {
    return { status: 503, type: 'application/json; charset=utf-8', body: UNAVAILABLE };
  }
}

/**
 * Measures every request of the app (one histogram observation in onResponse, labelled with the route's pattern) and
 * serves /metrics on the main port when a token is set. The gauges read this server's store at scrape time.
 */
export function installMetrics(app: FastifyInstance, config: Config, services: Services, scrape: ScrapeMetrics = localMetrics): void {
  if (!metricsEnabled(config)) return;
  collectProcessMetrics();
  const { store } = services;
  const detach = attachMetricSources({
    connectionsByStatus: () => countConnectionsByStatus(store.db),
    webhookQueueDepth: () => pendingDeliveries(store.db),
    eventsByType: () => countEventsByType(store.db),
    pool: () => store.poolStats(),
  });
  app.addHook('onClose', async () => detach());
  app.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    observeHttpRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime);
    done();
  });
  if (config.metricsToken === undefined) return;
  const authorized = bearerCheck(config.metricsToken);
  app.get(METRICS_PATH, { schema: { hide: true } }, async (req, reply) => {
    const a = await answer(authorized(req.headers.authorization), scrape);
    if (a.status === 401) void reply.header('www-authenticate', 'Bearer realm="metrics"');
    return reply.code(a.status).header('content-type', a.type).header('cache-control', 'no-store').send(a.body);
  });
}

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

/** The metrics port: GET (or HEAD) /metrics and nothing else, on node:http (no app, no hooks: it is not measured). */
export async function listenForMetrics(host: string, port: number, token: string | undefined, scrape: ScrapeMetrics): Promise<MetricsListener> {
  const authorized = bearerCheck(token);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== METRICS_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(path === METRICS_PATH ? 405 : 404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify(
          path === METRICS_PATH ? { error: 'method_not_allowed', message: 'GET /metrics' } : { error: 'not_found', message: 'only /metrics here' },
        ),
      );
      return;
    }
    void answer(authorized(req.headers.authorization), scrape).then((a) => {
      res.writeHead(a.status, {
        'content-type': a.type,
        'cache-control': 'no-store',
        ...(a.status === 401 ? { 'www-authenticate': 'Bearer realm="metrics"' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : a.body);
    });
  });
  // Scrapers keep their connection between scrapes; a stop must not wait for them.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
