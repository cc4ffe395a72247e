// One validated configuration. Every key is read from the environment (KEYWARD_*) or from a JSON config file
// named by KEYWARD_CONFIG_FILE holding the same keys; the environment wins. A bad value stops the start with a
// message naming the key and the rule: no silent fallbacks.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** True when publicUrl was derived from the port (then port 0 is replaced by the bound port at start). */
  publicUrlDerived: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Shared store of the sign-in rate limits (several nodes); undefined = per-process memory. */
  redisUrl: string | undefined;
  /** Proxies whose X-Forwarded-For is believed (Fastify trustProxy): hop count or addresses/CIDRs; false = none. */
  trustProxy: false | number | string[];
  /** 32 bytes; undefined in embedded mode until the key file is read or created. */
  masterKey: Buffer | undefined;
  /** Older master keys (32 bytes each) that may still open values sealed before a rotation; never used to seal. */
  previousMasterKeys: Buffer[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** pretty: lines for people (pino-pretty); json: one JSON object a line, for a log collector. */
  logFormat: 'pretty' | 'json';
  shutdownTimeoutMs: number;
  /** A client must have sent a request's headers within this time of starting it (slow-header attacks). */
  headersTimeoutMs: number;
  /** A client must have sent a whole request (headers and body) within this time. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Open connections one process accepts at most; more are closed at once. */
  maxConnections: number;
  /** Server processes sharing the port (node:cluster); 1 = this process serves. */
  workers: number;
  /** When set, GET /metrics on the main port answers requests bearing it (and the metrics port asks for it too). */
  metricsToken: string | undefined;
  /** When set, a listener of its own on this port (same host) answers GET /metrics; 0 = any free port. */
  metricsPort: number | undefined;
  bootstrap: { email?: string; password?: string; token?: string };
  vault: {
    /** A connection token asked for within this time of its expiry is renewed first. */
    refreshMarginMs: number;
    /** How often the renewal scheduler looks for due connections. */
    schedulerIntervalMs: number;
    /** How long a provider may take to answer a token request. */
    providerTimeoutMs: number;
  };
  webhooks: {
    /** Seconds before each retry of a failed delivery; spent, the delivery fails. */
    retrySchedule: number[];
    /** Deliver to private, loopback and link-local addresses too (development and tests only). */
    allowPrivate: boolean;
    /** How long a receiver may take to answer. */
    timeoutMs: number;
    /** How often a node looks for due deliveries without a notice. */
    pollMs: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly rule: string,
  ) {
    super(`Invalid configuration: ${key} ${rule}`);
    this.name = 'ConfigError';
  }
}

/** Documentation of every key, used by `keyward serve --help` and the README. */
export const CONFIG_KEYS: Record<string, string> = {
  KEYWARD_PORT: 'TCP port to listen on (default 8080)',
  KEYWARD_HOST: 'bind address (default 0.0.0.0)',
  KEYWARD_PUBLIC_URL: 'external base URL, issuers derive from it (default http://localhost:{port})',
  KEYWARD_DATA_DIR: 'embedded store and key file directory (default ./data)',
  KEYWARD_DATABASE_URL: 'postgres:// URL; when set, PostgreSQL is used instead of the embedded store',
  KEYWARD_REDIS_URL: 'redis:// or rediss:// URL; when set, sign-in rate limits are shared through Redis (else per process)',
  KEYWARD_TRUST_PROXY: 'reverse proxies whose X-Forwarded-For names the client: addresses/CIDRs (comma-separated) or a hop count; default none',
  KEYWARD_MASTER_KEY: 'base64 of 32 random bytes; required with PostgreSQL, else created in the data dir',
  KEYWARD_MASTER_KEYS_PREVIOUS:
    'older master keys (base64 of 32 bytes each, comma-separated) that may still open values sealed before a rotation; remove them once `keyward vault rotate-key` has finished',
  KEYWARD_LOG_LEVEL: 'fatal | error | warn | info | debug | trace | silent (default info)',
  KEYWARD_LOG_FORMAT: 'pretty (lines for people) | json (one JSON object a line); default pretty when stdout is a terminal, else json',
  KEYWARD_SHUTDOWN_TIMEOUT_MS: 'how long SIGTERM waits for in-flight requests (default 10000)',
  KEYWARD_HEADERS_TIMEOUT_MS: 'a connection that has not sent its request headers within this time is closed (default 10000)',
  KEYWARD_REQUEST_TIMEOUT_MS: 'a connection that has not sent its whole request within this time is answered 408 and closed (default 30000)',
  KEYWARD_KEEP_ALIVE_TIMEOUT_MS:
    "an idle keep-alive connection is closed after this time; behind a proxy, set it above the proxy's idle timeout (default 5000)",
  KEYWARD_MAX_CONNECTIONS: 'open connections per server process; connections beyond are closed at once (default 10000)',
  KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'first owner e-mail, used only when the store has no admin',
  KEYWARD_BOOTSTRAP_ADMIN_PASSWORD: 'first owner password (at least 12 characters)',
  KEYWARD_BOOTSTRAP_ADMIN_TOKEN: 'admin API token value given to the first owner (at least 32 characters)',
  KEYWARD_WORKERS: 'server processes sharing the port: a number, or auto (one per CPU); default 1; >1 needs PostgreSQL',
  KEYWARD_METRICS_TOKEN:
    'when set, GET /metrics (Prometheus text format) is served on the main port to requests with Authorization: Bearer <this token>; at least 16 characters',
  KEYWARD_METRICS_PORT: 'when set, GET /metrics is served on this port of KEYWARD_HOST, without a token unless KEYWARD_METRICS_TOKEN is set too',
  KEYWARD_CONFIG_FILE: 'JSON file holding any of these keys; the environment overrides it',
  KEYWARD_VAULT_REFRESH_MARGIN_SECONDS: 'a connection token asked for within this many seconds of its expiry is renewed first (default 60)',
  KEYWARD_VAULT_SCHEDULER_INTERVAL_MS: 'how often the vault looks for connections due for renewal (default 1000)',
  KEYWARD_VAULT_PROVIDER_TIMEOUT_MS: "how long a provider's token endpoint may take to answer (default 15000); a renewal lease lasts twice that plus 5 s",
  KEYWARD_WEBHOOK_RETRY_SCHEDULE:
    'seconds before each retry of a failed webhook delivery, comma-separated (default 5,300,1800,7200,18000,36000,50400,72000,86400: about three days, each ±20 % jitter)',
  KEYWARD_WEBHOOK_ALLOW_PRIVATE: 'true lets webhooks reach private, loopback and link-local addresses (development and tests only; default false)',
  KEYWARD_WEBHOOK_TIMEOUT_MS: 'how long a webhook receiver may take to answer (default 10000)',
  KEYWARD_WEBHOOK_POLL_MS: 'how often a node looks for due webhook deliveries when no notice woke it (default 1000)',
  KEYWARD_SIGN_THREAD: '1 signs access tokens on a thread, 0 on the event loop; default: a thread when a CPU is to spare (environment only)',
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function readFileKeys(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError('KEYWARD_CONFIG_FILE', `must name a readable JSON file (${(err as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('KEYWARD_CONFIG_FILE', 'must hold a JSON object of KEYWARD_* keys');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(key in CONFIG_KEYS)) throw new ConfigError(key, `is not a known key (in ${file})`);
    out[key] = String(value);
  }
  return out;
}

function integer(key: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(key, `must be an integer from ${min} to ${max}, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(key, `must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Seconds before each retry of a webhook delivery: about three days in all, as Standard Webhooks senders do. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE: readonly number[] = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400];

function retrySchedule(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return [...DEFAULT_WEBHOOK_RETRY_SCHEDULE];
  const items = raw.split(',').map((s) => s.trim());
  if (items.length > 100 || items.some((s) => !/^\d+(\.\d+)?$/.test(s) || Number(s) > 7 * 86400))
    throw new ConfigError('KEYWARD_WEBHOOK_RETRY_SCHEDULE', `must be up to 100 numbers of seconds (each at most 604800), comma-separated, got "${raw}"`);
  return items.map(Number);
}

function flag(key: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(key, `must be true or false, got "${raw}"`);
}

export function parseMasterKey(key: string, raw: string): Buffer {
  const buf = Buffer.from(raw, 'base64');
  if (buf.length !== 32 || buf.toString('base64').replace(/=+$/, '') !== raw.trim().replace(/=+$/, '')) {
    throw new ConfigError(key, 'must be the base64 encoding of exactly 32 random bytes (openssl rand -base64 32)');
  }
  return buf;
}

/** Comma-separated master keys; a bad one is named by its position, never by its value (it is a secret). */
export function parseMasterKeys(key: string, raw: string | undefined): Buffer[] {
  if (raw === undefined) return [];
  const items = raw.split(',').map((s) => s.trim());
  return items.map((item, i) => {
    try {
      return parseMasterKey(key, item);
    } catch {
      throw new ConfigError(
        key,
        `must list base64 encodings of exactly 32 random bytes separated by commas; item ${i + 1} of ${items.length} is not one (openssl rand -base64 32 makes one)`,
      );
    }
  });
}

/**
 * The client address is the connection's unless a trusted proxy forwards it; trusting every sender ("true") would
 * let anyone choose their address in X-Forwarded-For, so only named proxies or a hop count are accepted.
 */
function parseTrustProxy(raw: string | undefined): Config['trustProxy'] {
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) return integer('KEYWARD_TRUST_PROXY', raw, 0, 1, 10);
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  for (const item of items) {
    const [addr, bits, extra] = item.split('/');
    const family = isIP(addr ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(named.includes(item) || (family && bitsOk && extra === undefined))) {
      throw new ConfigError(
        'KEYWARD_TRUST_PROXY',
        `must list proxy addresses or CIDRs (or loopback, linklocal, uniquelocal), or be a hop count from 1 to 10; "${item}" is none of these`,
      );
    }
  }
  return items.length ? items : false;
}

function url(key: string, raw: string, protocols: string[]): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(key, `must be an absolute URL, got "${raw}"`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new ConfigError(key, `must use ${protocols.join(' or ')}, got "${u.protocol}"`);
  }
  return raw;
}

/** `terminal`: whether stdout is a terminal, which picks the default log format. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, terminal = process.stdout.isTTY === true): Config {
  const file = env.KEYWARD_CONFIG_FILE ? readFileKeys(env.KEYWARD_CONFIG_FILE) : {};
  const get = (key: string): string | undefined => {
    const v = env[key] ?? file[key];
    return v === undefined || v === '' ? undefined : v;
  };

  const port = integer('KEYWARD_PORT', get('KEYWARD_PORT'), 8080, 0, 65535);
  const host = get('KEYWARD_HOST') ?? '0.0.0.0';
  const publicUrlRaw = get('KEYWARD_PUBLIC_URL');
  const publicUrl = (publicUrlRaw ? url('KEYWARD_PUBLIC_URL', publicUrlRaw, ['http:', 'https:']) : `http://localhost:${port}`).replace(/\/+$/, '');
  const databaseUrlRaw = get('KEYWARD_DATABASE_URL');
  const databaseUrl = databaseUrlRaw ? url('KEYWARD_DATABASE_URL', databaseUrlRaw, ['postgres:', 'postgresql:']) : undefined;
  const redisUrlRaw = get('KEYWARD_REDIS_URL');
  const redisUrl = redisUrlRaw ? url('KEYWARD_REDIS_URL', redisUrlRaw, ['redis:', 'rediss:']) : undefined;
  const trustProxy = parseTrustProxy(get('KEYWARD_TRUST_PROXY'));
  const masterKeyRaw = get('KEYWARD_MASTER_KEY');
  const masterKey = masterKeyRaw ? parseMasterKey('KEYWARD_MASTER_KEY', masterKeyRaw) : undefined;
  if (databaseUrl && !masterKey) {
    throw new ConfigError('KEYWARD_MASTER_KEY', 'is required with KEYWARD_DATABASE_URL (base64 of 32 random bytes: openssl rand -base64 32)');
  }
  const previousMasterKeys = parseMasterKeys('KEYWARD_MASTER_KEYS_PREVIOUS', get('KEYWARD_MASTER_KEYS_PREVIOUS'));
  const logLevel = (get('KEYWARD_LOG_LEVEL') ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('KEYWARD_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const logFormat = get('KEYWARD_LOG_FORMAT') ?? (terminal ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') {
    throw new ConfigError('KEYWARD_LOG_FORMAT', `must be pretty or json, got "${logFormat}"`);
  }

  const bootstrap: Config['bootstrap'] = {
    email: get('KEYWARD_BOOTSTRAP_ADMIN_EMAIL'),
    password: get('KEYWARD_BOOTSTRAP_ADMIN_PASSWORD'),
    token: get('KEYWARD_BOOTSTRAP_ADMIN_TOKEN'),
  };
  if ((bootstrap.password || bootstrap.token) && !bootstrap.email) {
    throw new ConfigError('KEYWARD_BOOTSTRAP_ADMIN_EMAIL', 'is required when a bootstrap password or token is set');
  }
  if (bootstrap.email && !/^[^\s@]+@[^\s@]+$/.test(bootstrap.email)) {
    throw new ConfigError('KEYWARD_BOOTSTRAP_ADMIN_EMAIL', 'must be an e-mail address');
  }
  if (bootstrap.password !== undefined && bootstrap.password.length < 12) {
    throw new ConfigError('KEYWARD_BOOTSTRAP_ADMIN_PASSWORD', 'must be at least 12 characters long');
  }
  if (bootstrap.token !== undefined && !/^[\x21-\x7e]{32,}$/.test(bootstrap.token)) {
    throw new ConfigError('KEYWARD_BOOTSTRAP_ADMIN_TOKEN', 'must be at least 32 printable characters without spaces');
  }

  const workersRaw = get('KEYWARD_WORKERS');
  if (workersRaw !== undefined && workersRaw !== 'auto' && !/^\d+$/.test(workersRaw)) {
    throw new ConfigError('KEYWARD_WORKERS', `must be auto or an integer from 1 to 64, got "${workersRaw}"`);
  }
  const workers = workersRaw === 'auto' ? availableParallelism() : integer('KEYWARD_WORKERS', workersRaw, 1, 1, 64);
  // PGlite is one process's database: a second process cannot open it.
  if (workers > 1 && !databaseUrl) {
    throw new ConfigError('KEYWARD_WORKERS', `must be 1 with the embedded store (got ${workersRaw}); set KEYWARD_DATABASE_URL to run several processes`);
  }

  const metricsToken = get('KEYWARD_METRICS_TOKEN');
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    throw new ConfigError('KEYWARD_METRICS_TOKEN', 'must be at least 16 printable characters without spaces (openssl rand -hex 32 makes one)');
  }
  const metricsPortRaw = get('KEYWARD_METRICS_PORT');
  const metricsPort = metricsPortRaw === undefined ? undefined : integer('KEYWARD_METRICS_PORT', metricsPortRaw, 0, 0, 65535);
  if (metricsPort !== undefined && metricsPort !== 0 && metricsPort === port) {
    throw new ConfigError('KEYWARD_METRICS_PORT', `must differ from KEYWARD_PORT (both are ${port})`);
  }

  const headersTimeoutMs = integer('KEYWARD_HEADERS_TIMEOUT_MS', get('KEYWARD_HEADERS_TIMEOUT_MS'), 10_000, 100, 600_000);
  const requestTimeoutMs = integer('KEYWARD_REQUEST_TIMEOUT_MS', get('KEYWARD_REQUEST_TIMEOUT_MS'), 30_000, 100, 3_600_000);
  // Node refuses a headers timeout above the request timeout: the headers are part of the request.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError('KEYWARD_HEADERS_TIMEOUT_MS', `must not exceed KEYWARD_REQUEST_TIMEOUT_MS (${headersTimeoutMs} > ${requestTimeoutMs})`);
  }

  return {
    port,
    host,
    publicUrl,
    publicUrlDerived: !publicUrlRaw,
    dataDir: path.resolve(get('KEYWARD_DATA_DIR') ?? './data'),
    databaseUrl,
    redisUrl,
    trustProxy,
    masterKey,
    previousMasterKeys,
    logLevel,
    logFormat,
    shutdownTimeoutMs: integer('KEYWARD_SHUTDOWN_TIMEOUT_MS', get('KEYWARD_SHUTDOWN_TIMEOUT_MS'), 10000, 0, 600000),
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: integer('KEYWARD_KEEP_ALIVE_TIMEOUT_MS', get('KEYWARD_KEEP_ALIVE_TIMEOUT_MS'), 5_000, 100, 600_000),
    maxConnections: integer('KEYWARD_MAX_CONNECTIONS', get('KEYWARD_MAX_CONNECTIONS'), 10_000, 1, 1_000_000),
    workers,
    metricsToken,
    metricsPort,
    bootstrap,
    vault: {
      refreshMarginMs: integer('KEYWARD_VAULT_REFRESH_MARGIN_SECONDS', get('KEYWARD_VAULT_REFRESH_MARGIN_SECONDS'), 60, 0, 3600) * 1000,
      schedulerIntervalMs: integer('KEYWARD_VAULT_SCHEDULER_INTERVAL_MS', get('KEYWARD_VAULT_SCHEDULER_INTERVAL_MS'), 1000, 50, 600_000),
      providerTimeoutMs: integer('KEYWARD_VAULT_PROVIDER_TIMEOUT_MS', get('KEYWARD_VAULT_PROVIDER_TIMEOUT_MS'), 15_000, 100, 120_000),
    },
    webhooks: {
      retrySchedule: retrySchedule(get('KEYWARD_WEBHOOK_RETRY_SCHEDULE')),
      allowPrivate: flag('KEYWARD_WEBHOOK_ALLOW_PRIVATE', get('KEYWARD_WEBHOOK_ALLOW_PRIVATE')),
      timeoutMs: integer('KEYWARD_WEBHOOK_TIMEOUT_MS', get('KEYWARD_WEBHOOK_TIMEOUT_MS'), 10_000, 100, 120_000),
      pollMs: integer('KEYWARD_WEBHOOK_POLL_MS', get('KEYWARD_WEBHOOK_POLL_MS'), 1000, 50, 600_000),
    },
  };
}
