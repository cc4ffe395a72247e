// Starting and stopping a Keyward node: configuration, store, migrations, first-run bootstrap, HTTP.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import { resolveMasterKey } from './config/master-key.js';
import { buildApp } from './http/app.js';
import { createLogger } from './logger.js';
import { randomToken } from './registry/secrets.js';
import { createServices, type Services } from './services.js';
import { openStore } from './store/db.js';
import { masterKeyFrom } from './vault/crypto.js';
import type { SetupState } from './admin/setup.js';
import { SYSTEM } from './admin/audit.js';
import { purgeExpired } from './oauth/maintenance.js';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  setupUrl?: string;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Lines for people (URLs, sign-in hints); default: stdout. */
  say?: (line: string) => void;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const say = opts.say ?? ((line: string) => process.stdout.write(line + '\n'));
  const key = resolveMasterKey(config);
  if (key.createdFile) say(`Created a new master key in ${key.createdFile} (mode 0600). Back it up: sealed secrets need it.`);

  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await store.migrate();
    const services = createServices(store, masterKeyFrom(key.key));
    await services.bus.start();
    await services.spaces.ensureDefault();
    const setup = await bootstrap(config, services, say);
    const app = await buildApp({ config, services, logger, setup });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    // Port 0 asks the OS for a free port: the derived public URL must name the one bound.
    if (config.publicUrlDerived && config.port === 0) config.publicUrl = `http://localhost:${port}`;
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
    const setupUrl = setup.code ? `${config.publicUrl}/setup?code=${setup.code}` : undefined;

    say(`Keyward is listening on ${url} (store: ${store.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`);
    say(`  Admin API:      ${config.publicUrl}/admin/api/v1  (OpenAPI: ${config.publicUrl}/admin/api/v1/openapi.json)`);
    say(`  Default issuer: ${config.publicUrl}/spaces/default`);
    if (setupUrl) say(`  First start: create the first admin at ${setupUrl}  (one-time link)`);

    // Scheduled key rotation, clean-up of expired keys and rows (hourly; the first run soon after start).
    const maintain = () =>
      Promise.all([services.keys.maintain(SYSTEM), purgeExpired(store.db)]).catch((err: unknown) => logger.error({ err }, 'maintenance failed'));
    const first = setTimeout(maintain, 10_000).unref();
    const hourly = setInterval(maintain, 3_600_000).unref();

    return {
      app,
      services,
      url,
      setupUrl,
      // Stops accepting connections, lets in-flight requests finish, then closes the store.
      close: async () => {
        clearTimeout(first);
        clearInterval(hourly);
        await app.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** On an empty store: the bootstrap admin from the environment, or a one-time setup code. */
async function bootstrap(config: Config, services: Services, say: (l: string) => void): Promise<SetupState> {
  if ((await services.admins.count()) > 0) return { code: null };
  const { email, password, token } = config.bootstrap;
  if (email) {
    const created = await services.admins.createFirstOwner(
      { email, password, token, withToken: token !== undefined, tokenName: 'bootstrap' },
      { type: 'system' },
    );
    if (created) say(`Created the first admin ${email} (owner of every space) from KEYWARD_BOOTSTRAP_ADMIN_*.`);
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
