// Logs are structured JSON and never carry a secret: client secrets, admin tokens, passwords, setup codes.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { createServices } from '../../src/services.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

describe('logging', () => {
  let ts: TestStore;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  beforeAll(async () => {
    ts = await openTestStore('pglite');
  });
  afterAll(async () => ts?.close());

  it('logs no error for the pages of an unknown or expired sign-in request', async () => {
    const services = createServices(ts.store, masterKeyFrom(randomBytes(32)));
    await services.spaces.ensureDefault();
    const start = lines.length;
    const app = await buildApp({ config: loadConfig({ KEYWARD_LOG_LEVEL: 'info' }), services, logger: createLogger('info', sink) });
    const id = randomBytes(24).toString('base64url');
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie: 'kw_bind=abc' };
    for (const [method, url] of [
      ['GET', `/spaces/default/interaction/${id}`],
      ['POST', `/spaces/default/interaction/${id}/login`],
      ['POST', `/spaces/default/interaction/${id}/consent`],
    ] as const) {
      const res = await app.inject({ method, url, headers: form, payload: method === 'POST' ? 'csrf=x&username=u&password=p&decision=allow' : undefined });
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain('has expired or was already completed');
    }
    await app.close();
    const errors = lines
      .slice(start)
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
  });

  it('logs requests as JSON without secrets, tokens, passwords or setup codes', async () => {
    const services = createServices(ts.store, masterKeyFrom(randomBytes(32)));
    await services.spaces.ensureDefault();
    const code = randomBytes(24).toString('base64url');
    const app = await buildApp({ config: loadConfig({ KEYWARD_LOG_LEVEL: 'trace' }), services, logger: createLogger('trace', sink), setup: { code } });
    const password = 'correct horse battery staple';
    await app.inject({ method: 'GET', url: `/setup?code=${code}` });
    const setup = await app.inject({
      method: 'POST',
      url: '/setup',
      payload: new URLSearchParams({ code, email: 'o@example.com', password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const token = /<span id="token">([^<]+)<\/span>/.exec(setup.body)![1]!;
    const auth = { authorization: `Bearer ${token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/admin/api/v1/spaces/default/clients',
      headers: auth,
      payload: { name: 'Logged', grant_types: ['client_credentials'] },
    });
    const secret = created.json().client_secret as string;
    const rotated = await app.inject({
      method: 'POST',
      url: `/admin/api/v1/spaces/default/clients/${created.json().client_id}/rotate-secret`,
      headers: auth,
      payload: {},
    });
    const hook = await app.inject({ method: 'POST', url: `/admin/api/v1/spaces/default/clients/${created.json().client_id}/webhook-secret`, headers: auth });
    const apiToken = await app.inject({ method: 'POST', url: '/admin/api/v1/admins/me/tokens', headers: auth, payload: { name: 'x' } });
    // keyward login's exchange: the password goes in, a token comes out; neither may reach the log.
    const signedIn = await app.inject({ method: 'POST', url: '/admin/api/v1/sign-in', payload: { email: 'o@example.com', password } });
    expect(signedIn.statusCode).toBe(201);
    await app.close();

    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    // Request lines come from the per-request logger: each carries its request id.
    const requestLines = lines.map((l) => JSON.parse(l) as { reqId?: unknown; req?: unknown; res?: unknown }).filter((l) => l.req || l.res);
    expect(requestLines.length).toBeGreaterThan(5);
    for (const l of requestLines) expect(l.reqId).toMatch(/^req-/);
    const all = lines.join('\n');
    expect(all).toContain('/admin/api/v1/spaces/default/clients');
    for (const value of [
      code,
      password,
      token,
      secret,
      rotated.json().client_secret,
      hook.json().webhook_secret,
      apiToken.json().token,
      signedIn.json().token,
    ]) {
      expect(value).toBeTruthy();
      expect(all).not.toContain(value);
    }
  });
});
