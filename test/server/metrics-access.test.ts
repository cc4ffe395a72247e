// Who may read /metrics: on the main port only with KEYWARD_METRICS_TOKEN as a Bearer token (anything else is a 401
// with a JSON body, never a 500), on KEYWARD_METRICS_PORT without a token unless both are set, and nowhere (a 404
// like any unknown path) when neither is set. Real starts (startServer) on real sockets, embedded store.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { migratedDataDir } from '../helpers/data-dir.js';
import { scrape, valueOf } from '../helpers/metrics.js';

const TOKEN = 'metrics-token-2c9e4a7f1b3d';
// These tests are about the metrics endpoint, not a first start: a migrated store, copied.
let dataDir: string;
beforeAll(async () => void (dataDir = await migratedDataDir('keyward-metrics-')));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A real start on the one data directory of this file (the first one creates it; stop each before the next). */
function start(env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({ KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0', KEYWARD_DATA_DIR: dataDir, KEYWARD_LOG_LEVEL: 'silent', ...env });
  return startServer(config, { say: () => {}, logger: createLogger('silent') });
}

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', auth: res.headers.get('www-authenticate'), body: await res.text() };
};

describe('neither KEYWARD_METRICS_TOKEN nor KEYWARD_METRICS_PORT', () => {
  let s: RunningServer;
  beforeAll(async () => void (s = await start({})), 60_000);
  afterAll(async () => s?.close());

  it('answers /metrics like any unknown path (404), also with a token', async () => {
    const unknown = await get(`${s.url}/no-such-path`);
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const r = await get(`${s.url}/metrics`, headers);
      expect(r.status).toBe(404);
      expect(JSON.parse(r.body).error).toBe(JSON.parse(unknown.body).error);
    }
    expect(s.metricsUrl).toBeUndefined();
  });
});

describe('KEYWARD_METRICS_TOKEN on the main port', () => {
  let s: RunningServer;
  beforeAll(async () => void (s = await start({ KEYWARD_METRICS_TOKEN: TOKEN })), 60_000);
  afterAll(async () => s?.close());

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer metrics-token-2c9e4a7f1b3X' }],
    ['a longer token that starts with the right one', { authorization: `Bearer ${TOKEN}x` }],
    ['a shorter one', { authorization: 'Bearer m' }],
    ['the token under another scheme', { authorization: `Basic ${TOKEN}` }],
    ['the token as it is', { authorization: TOKEN }],
    ['an empty Bearer', { authorization: 'Bearer ' }],
  ])('refuses %s: 401, JSON body, WWW-Authenticate', async (_what, headers) => {
    const r = await get(`${s.url}/metrics`, headers);
    expect(r.status).toBe(401);
    expect(r.type).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'unauthorized' });
    expect(r.auth).toBe('Bearer realm="metrics"');
    expect(r.body).not.toContain(TOKEN);
  });

  it('answers the token with the text format (parsed), counting the refused scrapes too', async () => {
    await get(`${s.url}/metrics`);
    const m = await scrape(`${s.url}/metrics`, TOKEN);
    expect(valueOf(m, 'keyward_http_request_duration_seconds', { route: '/metrics', status_code: '401' })).toBeGreaterThan(0);
    expect(s.metricsUrl).toBeUndefined();
  });
});

describe('KEYWARD_METRICS_PORT', () => {
  let s: RunningServer;
  beforeAll(async () => void (s = await start({ KEYWARD_METRICS_PORT: '0' })), 60_000);
  afterAll(async () => s?.close());

  it('serves /metrics there without a token, and nothing else; the main port has no /metrics', async () => {
    expect(s.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(s.metricsUrl!).port).not.toBe(new URL(s.url).port);
    await get(`${s.url}/healthz`);
    const m = await scrape(s.metricsUrl!);
    expect(valueOf(m, 'keyward_http_request_duration_seconds', { method: 'GET', route: '/healthz', status_code: '200' })).toBeGreaterThan(0);
    expect((await get(`${s.url}/metrics`)).status).toBe(404);
    expect((await get(new URL('/admin/api/v1/spaces', s.metricsUrl).href)).status).toBe(404);
    expect((await fetch(s.metricsUrl!, { method: 'POST' })).status).toBe(405);
  });
});

describe('KEYWARD_METRICS_PORT and KEYWARD_METRICS_TOKEN', () => {
  let s: RunningServer;
  beforeAll(async () => void (s = await start({ KEYWARD_METRICS_PORT: '0', KEYWARD_METRICS_TOKEN: TOKEN })), 60_000);
  afterAll(async () => s?.close());

  it('asks for the token on both ports', async () => {
    for (const url of [s.metricsUrl!, `${s.url}/metrics`]) {
      const refused = await get(url, { authorization: 'Bearer not-the-metrics-token' });
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ error: 'unauthorized' });
      expect((await get(url)).status).toBe(401);
      expect(Object.keys(await scrape(url, TOKEN))).toContain('keyward_tokens_issued_total');
    }
  });
});
