import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { resolveMasterKey } from '../../src/config/master-key.js';
import { masterKeyFrom, open, seal } from '../../src/crypto/seal.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('reads KEYWARD_TRUST_PROXY as addresses/CIDRs or a hop count, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ KEYWARD_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ KEYWARD_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,loopback,::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.10', 'loopback', '::1']);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example.com', '0', '11']) {
      expect(errorOf({ KEYWARD_TRUST_PROXY: bad }).key).toBe('KEYWARD_TRUST_PROXY');
    }
  });

  it('reads KEYWARD_WORKERS as auto or 1 to 64; more than 1 only with PostgreSQL', () => {
    const pg = { KEYWARD_DATABASE_URL: 'postgres://localhost/x', KEYWARD_MASTER_KEY: KEY };
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ ...pg, KEYWARD_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ ...pg, KEYWARD_WORKERS: 'auto' }).workers).toBeGreaterThanOrEqual(1);
    expect(errorOf({ KEYWARD_WORKERS: '2' }).message).toContain('must be 1 with the embedded store');
    for (const bad of ['0', '65', 'two']) expect(errorOf({ ...pg, KEYWARD_WORKERS: bad }).key).toBe('KEYWARD_WORKERS');
  });

  it('reads the server time-outs and the connection bound, with defaults, and refuses a headers timeout above the request timeout', () => {
    expect(loadConfig({})).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 10_000 });
    expect(
      loadConfig({
        KEYWARD_HEADERS_TIMEOUT_MS: '2000',
        KEYWARD_REQUEST_TIMEOUT_MS: '4000',
        KEYWARD_KEEP_ALIVE_TIMEOUT_MS: '61000',
        KEYWARD_MAX_CONNECTIONS: '50',
      }),
    ).toMatchObject({ headersTimeoutMs: 2000, requestTimeoutMs: 4000, keepAliveTimeoutMs: 61_000, maxConnections: 50 });
    expect(errorOf({ KEYWARD_HEADERS_TIMEOUT_MS: '40000' }).message).toBe(
      'Invalid configuration: KEYWARD_HEADERS_TIMEOUT_MS must not exceed KEYWARD_REQUEST_TIMEOUT_MS (40000 > 30000)',
    );
    for (const [key, bad] of [
      ['KEYWARD_MAX_CONNECTIONS', '0'],
      ['KEYWARD_KEEP_ALIVE_TIMEOUT_MS', 'soon'],
      ['KEYWARD_REQUEST_TIMEOUT_MS', '10'],
    ]) {
      expect(errorOf({ [key!]: bad! }).key).toBe(key);
    }
  });

  it('reads the metrics token and port (neither by default) and refuses a short token or the main port', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: undefined, metricsPort: undefined });
    expect(loadConfig({ KEYWARD_METRICS_TOKEN: 'a-metrics-token-1234', KEYWARD_METRICS_PORT: '9464' })).toMatchObject({
      metricsToken: 'a-metrics-token-1234',
      metricsPort: 9464,
    });
    expect(errorOf({ KEYWARD_METRICS_TOKEN: 'short' }).message).toBe(
      'Invalid configuration: KEYWARD_METRICS_TOKEN must be at least 16 printable characters without spaces (openssl rand -hex 32 makes one)',
    );
    expect(errorOf({ KEYWARD_METRICS_TOKEN: 'a metrics token with spaces' }).key).toBe('KEYWARD_METRICS_TOKEN');
    expect(errorOf({ KEYWARD_METRICS_PORT: 'http' }).key).toBe('KEYWARD_METRICS_PORT');
    expect(errorOf({ KEYWARD_PORT: '9000', KEYWARD_METRICS_PORT: '9000' }).message).toBe(
      'Invalid configuration: KEYWARD_METRICS_PORT must differ from KEYWARD_PORT (both are 9000)',
    );
  });

  it('writes logs for people on a terminal and JSON elsewhere, unless KEYWARD_LOG_FORMAT says', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ KEYWARD_LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ KEYWARD_LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
  });

  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', publicUrl: 'http://localhost:8080', databaseUrl: undefined, logLevel: 'info' });
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(loadConfig({ KEYWARD_PORT: '9000' }).publicUrl).toBe('http://localhost:9000');
    expect(loadConfig({ KEYWARD_PUBLIC_URL: 'https://id.example.com/' }).publicUrl).toBe('https://id.example.com');
  });

  it.each([
    [{ KEYWARD_PORT: 'eighty' }, 'KEYWARD_PORT', /integer/],
    [{ KEYWARD_PORT: '70000' }, 'KEYWARD_PORT', /65535/],
    [{ KEYWARD_PUBLIC_URL: 'id.example.com' }, 'KEYWARD_PUBLIC_URL', /absolute URL/],
    [{ KEYWARD_PUBLIC_URL: 'ftp://id.example.com' }, 'KEYWARD_PUBLIC_URL', /http/],
    [{ KEYWARD_DATABASE_URL: 'mysql://x' }, 'KEYWARD_DATABASE_URL', /postgres/],
    [{ KEYWARD_DATABASE_URL: 'postgres://localhost/x' }, 'KEYWARD_MASTER_KEY', /required/],
    [{ KEYWARD_MASTER_KEY: 'c2hvcnQ=' }, 'KEYWARD_MASTER_KEY', /32 random bytes/],
    [{ KEYWARD_LOG_LEVEL: 'loud' }, 'KEYWARD_LOG_LEVEL', /one of/],
    [{ KEYWARD_LOG_FORMAT: 'text' }, 'KEYWARD_LOG_FORMAT', /must be pretty or json, got "text"/],
    [{ KEYWARD_BOOTSTRAP_ADMIN_TOKEN: 'x'.repeat(40) }, 'KEYWARD_BOOTSTRAP_ADMIN_EMAIL', /required/],
    [{ KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'a@b.c', KEYWARD_BOOTSTRAP_ADMIN_PASSWORD: 'short' }, 'KEYWARD_BOOTSTRAP_ADMIN_PASSWORD', /12/],
    [{ KEYWARD_BOOTSTRAP_ADMIN_EMAIL: 'a@b.c', KEYWARD_BOOTSTRAP_ADMIN_TOKEN: 'short' }, 'KEYWARD_BOOTSTRAP_ADMIN_TOKEN', /32/],
  ])('refuses %o naming the key and the rule', (env, key, rule) => {
    const err = errorOf(env as Record<string, string>);
    expect(err.key).toBe(key);
    expect(err.message).toContain(key);
    expect(err.message).toMatch(rule);
  });

  it('accepts PostgreSQL with a master key', () => {
    const c = loadConfig({ KEYWARD_DATABASE_URL: 'postgres://localhost/x', KEYWARD_MASTER_KEY: KEY });
    expect(c.masterKey?.length).toBe(32);
  });

  it('reads a JSON config file, with the environment winning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-conf-'));
    const file = path.join(dir, 'keyward.json');
    writeFileSync(file, JSON.stringify({ KEYWARD_PORT: 9100, KEYWARD_LOG_LEVEL: 'warn' }));
    expect(loadConfig({ KEYWARD_CONFIG_FILE: file })).toMatchObject({ port: 9100, logLevel: 'warn' });
    expect(loadConfig({ KEYWARD_CONFIG_FILE: file, KEYWARD_PORT: '9200' }).port).toBe(9200);
    writeFileSync(file, JSON.stringify({ KEYWARD_PROT: 1 }));
    expect(errorOf({ KEYWARD_CONFIG_FILE: file }).key).toBe('KEYWARD_PROT');
    expect(errorOf({ KEYWARD_CONFIG_FILE: path.join(dir, 'missing.json') }).key).toBe('KEYWARD_CONFIG_FILE');
  });
});

describe('master key', () => {
  it('creates a 0600 key file once in embedded mode and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-key-'));
    const config = loadConfig({ KEYWARD_DATA_DIR: dir });
    const first = resolveMasterKey(config);
    expect(first.createdFile).toBe(path.join(dir, 'master.key'));
    expect(statSync(first.createdFile!).mode & 0o777).toBe(0o600);
    const second = resolveMasterKey(config);
    expect(second.createdFile).toBeUndefined();
    expect(second.key.equals(first.key)).toBe(true);
    expect(Buffer.from(readFileSync(first.createdFile!, 'utf8').trim(), 'base64').equals(first.key)).toBe(true);
  });

  it('uses the configured key and never writes a file then', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-key-'));
    const r = resolveMasterKey(loadConfig({ KEYWARD_DATA_DIR: dir, KEYWARD_MASTER_KEY: KEY }));
    expect(r.file).toBeUndefined();
    expect(r.key.toString('base64')).toBe(KEY);
  });
});

describe('sealing (AES-256-GCM)', () => {
  const mk = masterKeyFrom(Buffer.alloc(32, 1));
  it('round-trips and uses a fresh nonce each time', () => {
    const a = seal(mk, 'hello', 'row-1');
    expect(open(mk, a, 'row-1')).toBe('hello');
    expect(seal(mk, 'hello', 'row-1')).not.toBe(a);
    expect(a).not.toContain('hello');
  });
  it('refuses another row, a tampered value, or another key', () => {
    const a = seal(mk, 'hello', 'row-1');
    expect(() => open(mk, a, 'row-2')).toThrow();
    const parts = a.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0]! ^= 1;
    expect(() => open(mk, [...parts.slice(0, 3), body.toString('base64url')].join('.'), 'row-1')).toThrow();
    expect(() => open(masterKeyFrom(Buffer.alloc(32, 2)), a, 'row-1')).toThrow(/master key/);
  });
});
