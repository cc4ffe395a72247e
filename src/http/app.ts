// Assembles the HTTP server: error handling, health checks, the admin API with its OpenAPI document, and the
// first-run setup page. Route files stay thin: they call services.
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import cookie from '@fastify/cookie';
import type { Logger } from 'pino';
import { pathOf, requestLogger } from '../logger.js';
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';
import { installAdminAuth } from '../admin/auth.js';
import { Admin, AdminToken, Client, ErrorBody, Scope, Space } from '../admin/schemas.js';
import { adminRoutes } from '../admin/routes/admins.js';
import { auditRoutes } from '../admin/routes/audit.js';
import { clientRoutes } from '../admin/routes/clients.js';
import { connectionRoutes } from '../admin/routes/connections.js';
import { keyRoutes } from '../admin/routes/keys.js';
import { statsRoutes } from '../admin/routes/stats.js';
import { providerClientRoutes } from '../admin/routes/provider-clients.js';
import { webhookRoutes } from '../admin/routes/webhooks.js';
import { Delivery, Webhook } from '../admin/webhook-schemas.js';
import { typed } from '../admin/routes/common.js';
import { providerRoutes } from '../admin/routes/providers.js';
import { registrationRoutes } from '../admin/routes/registration.js';
import { scopeRoutes } from '../admin/routes/scopes.js';
import { spaceRoutes } from '../admin/routes/spaces.js';
import { tokenRoutes } from '../admin/routes/tokens.js';
import { userRoutes } from '../admin/routes/users.js';
import { vaultKeyRoutes } from '../admin/routes/vault-keys.js';
import { setupRoutes, type SetupState } from '../admin/setup.js';
import { Connection, ProviderClient } from '../admin/vault-schemas.js';
import { documented, operationKey, TAGS, withErrorResponses } from '../admin/operations.js';
import { SIGN_IN_PATH, signInRoutes } from '../admin/routes/sign-in.js';
import { CONSOLE_SESSION_PATH, consoleSessionRoutes } from '../admin/routes/console-session.js';
import { installErrorHandler } from './errors.js';
import { securityHeaders } from './headers.js';
import { docsRoutes, DOCS_PATH } from './docs.js';
import { homeRoute } from './home.js';
import { consoleRoutes } from './console.js';
import { refuseNul } from './input.js';
import { installMetrics, type ScrapeMetrics } from './metrics.js';
import { createOAuth } from '../oauth/context.js';
import { oauthRoutes } from '../oauth/routes.js';
import { callingClient, requestSpace } from '../oauth/resource.js';
import { vaultEndpoints } from '../vault/routes.js';

export const ADMIN_PREFIX = '/admin/api/v1';
const OPENAPI_PATH = '/openapi.json';

/**
 * One line per request, when it completes (Fastify's own two, "incoming request" and "request completed", are off):
 * method, path without the query string, status, response time and request id, at info (a 5xx at error). Written
 * through one child of the app's logger with the id as a field: a per-request child would cost 1–2 µs more
 * (RequestLogger). Its fields are fixed and none is a secret, so the child skips the redaction paths, which cost
 * ~8 µs a line (measured: 13 → 5 µs CPU a line, the write included). Below info (the bench runs at warn) a request
 * pays one level check.
 */
function logRequests(logger: Logger) {
  const lines = logger.child({}, { redact: [] });
  return (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const statusCode = reply.statusCode;
    const failed = statusCode >= 500;
    if (lines.isLevelEnabled(failed ? 'error' : 'info')) {
      const line = { reqId: req.id, method: req.method, path: pathOf(req.url), statusCode, responseTime: Math.round(reply.elapsedTime * 100) / 100 };
      if (failed) lines.error(line, 'request failed');
      else lines.info(line, 'request completed');
    }
    done();
  };
}

/** Trusts the nearest `hops` proxies (proxy-addr calls this with each hop's index, nearest first). */
const hopsTrusted = (hops: number) => (_addr: string, i: number) => i < hops;

export interface AppOptions {
  config: Config;
  services: Services;
  logger: Logger | false;
  setup?: SetupState;
  /** What GET /metrics answers; default this process's registry (a cluster worker asks the primary instead). */
  scrapeMetrics?: ScrapeMetrics;
}

export async function buildApp({ config, services, logger, setup, scrapeMetrics }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger || undefined,
    logger: logger ? undefined : false,
    // Per-request loggers made on first use only (see RequestLogger). Without a logger Fastify makes none.
    ...(logger ? { childLoggerFactory: (parent, bindings, options) => requestLogger(parent as Logger, bindings, options) } : {}),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    // Slow or idle clients cannot hold a node: headers, whole requests and idle keep-alive connections are timed,
    // and Node checks the first two every second at most (its default, 30 s, would let them run far over).
    keepAliveTimeout: config.keepAliveTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs),
    },
    // req.ip (sign-in limits per address) is the connection's address unless a configured proxy forwards it.
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
    // Input is validated as sent: no type coercion (null must not become 0) and no silent dropping of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    return503OnClosing: true,
    // Route schemas bound each path parameter (100 to 200 characters); the router's own limit sits above them.
    routerOptions: { maxParamLength: 500 },
    // Failures found before routing (an overlong path segment, a malformed URL) get the API's error shape too.
    frameworkErrors: (err, _req, reply) => {
      void (reply as FastifyReply).code(err.statusCode ?? 400).send({ error: 'invalid_request', message: err.message });
    },
  }) as unknown as FastifyInstance;

  // Past this many open connections, new ones are closed as soon as they are accepted (per process).
  app.server.maxConnections = config.maxConnections;
  installErrorHandler(app);
  if (logger) app.addHook('onResponse', logRequests(logger));
  installMetrics(app, config, services, scrapeMetrics);
  securityHeaders(app);
  refuseNul(app);

  homeRoute(app, config, ADMIN_PREFIX, OPENAPI_PATH, DOCS_PATH);
  await consoleRoutes(app);
  docsRoutes(app, ADMIN_PREFIX, 'Keyward admin API reference');
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await services.store.ping();
      return { status: 'ready', store: services.store.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', store: services.store.kind });
    }
  });

  await app.register(
    async (api) => {
      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: 'Keyward admin API',
            version: '1',
            description:
              'Spaces, clients, scopes, users, tokens, admins and the audit log; the connection vault (providers, provider clients, connections) and its master key.',
          },
          servers: [{ url: `${config.publicUrl}${ADMIN_PREFIX}` }],
          tags: TAGS,
          components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'admin API token' } } },
          security: [{ bearer: [] }],
        },
        refResolver: { buildLocalReference: (json, _base, _frag, i) => String(json.$id ?? `def-${i}`) },
        // Only the document changes (operationId, response descriptions): validation keeps the route's own schema.
        transform: ({ schema, url, route }) => ({
          schema: schema ? documented(schema as { response?: Record<string, unknown> }, operationKey(String(route.method), url, ADMIN_PREFIX)) : schema,
          url,
        }),
      });
      // Each route answers (and the document lists) the errors it can give, derived from its schema: see operations.ts.
      api.addHook('onRoute', (route) => {
        if (route.schema && !route.schema.hide && typeof route.method === 'string') {
          route.schema = withErrorResponses(route.method, operationKey(route.method, route.url, ADMIN_PREFIX), route.schema);
        }
      });
      for (const schema of [ErrorBody, Space, Scope, Client, Admin, AdminToken, ProviderClient, Connection, Webhook, Delivery]) api.addSchema(schema);
      await api.register(cookie);
      installAdminAuth(
        api,
        services,
        new Set([
          `GET ${ADMIN_PREFIX}${OPENAPI_PATH}`,
          `HEAD ${ADMIN_PREFIX}${OPENAPI_PATH}`,
          `POST ${ADMIN_PREFIX}${SIGN_IN_PATH}`,
          `POST ${ADMIN_PREFIX}${CONSOLE_SESSION_PATH}`,
        ]),
      );
      const t = typed(api);
      spaceRoutes(t, services, config);
      scopeRoutes(t, services);
      clientRoutes(t, services);
      userRoutes(t, services);
      tokenRoutes(t, services);
      adminRoutes(t, services);
      auditRoutes(t, services);
      registrationRoutes(t, services);
      keyRoutes(t, services);
      statsRoutes(t, services);
      providerClientRoutes(t, services);
      connectionRoutes(t, services);
      providerRoutes(t, services);
      vaultKeyRoutes(t, services);
      webhookRoutes(t, services);
      signInRoutes(t, services);
      consoleSessionRoutes(t, services, config.publicUrl.startsWith('https:'), ADMIN_PREFIX);
      api.get(OPENAPI_PATH, { schema: { hide: true } }, async () => api.swagger());
    },
    { prefix: ADMIN_PREFIX },
  );

  services.vault.attach(() => config.publicUrl, logger || undefined, config.vault);
  services.webhooks.attach(config.webhooks, logger || undefined);
  const oauth = createOAuth(config, services);
  await oauthRoutes(app, oauth, (spaceApp) =>
    vaultEndpoints(spaceApp, services.vault, {
      caller: (req) => callingClient(oauth, req, 'connections'),
      space: requestSpace,
      secureCookies: config.publicUrl.startsWith('https:'),
    }),
  );

  // HTML forms post url-encoded bodies; the JSON admin API does not accept them, so the parser lives here only.
  if (setup) {
    await app.register(async (pages) => {
      await pages.register(formbody);
      setupRoutes(pages, services, setup, () => config.publicUrl);
    });
  }
  return app;
}
