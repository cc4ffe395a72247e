// Logs (JSON or pretty) carry one line per request and never a secret: client secrets, admin tokens, passwords, setup codes.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { createLogger, type LogFormat } from '../../src/logger.js';
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

  /** The admin's whole first hour through one app (on a store of its own: PGlite starts in 5-40 s with the load): every secret it handles, returned for the log check. */
  async function secretsThrough(format: LogFormat): Promise<{ requests: number; secrets: string[] }> {
    // A store of its own: the setup page works only while the store has no admin.
    const own = await openTestStore('pglite');
    const services = createServices(own.store, masterKeyFrom(randomBytes(32)));
    await services.spaces.ensureDefault();
    const code = randomBytes(24).toString('base64url');
    const logger = createLogger('trace', sink, format);
    const app = await buildApp({ config: loadConfig({ KEYWARD_LOG_LEVEL: 'trace' }), services, logger, setup: { code } });
    let requests = 0;
    const send = (req: InjectOptions) => (requests++, app.inject(req));
    const password = 'correct horse battery staple';
    await send({ method: 'GET', url: `/setup?code=${code}` });
    const setup = await send({
      method: 'POST',
      url: '/setup',
      payload: new URLSearchParams({ code, email: `o-${format}@example.com`, password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const token = /<span id="token">([^<]+)<\/span>/.exec(setup.body)![1]!;
    const auth = { authorization: `Bearer ${token}` };
    const created = await send({
      method: 'POST',
      url: '/admin/api/v1/spaces/default/clients',
      headers: auth,
      payload: { name: `Logged ${format}`, grant_types: ['client_credentials'] },
    });
    const secret = created.json().client_secret as string;
    const rotated = await send({
      method: 'POST',
      url: `/admin/api/v1/spaces/default/clients/${created.json().client_id}/rotate-secret`,
      headers: auth,
      payload: {},
    });
    const hook = await send({ method: 'POST', url: `/admin/api/v1/spaces/default/clients/${created.json().client_id}/webhook-secret`, headers: auth });
    const apiToken = await send({ method: 'POST', url: '/admin/api/v1/admins/me/tokens', headers: auth, payload: { name: 'x' } });
    // keyward login's exchange: the password goes in, a token comes out; neither may reach the log.
    const signedIn = await send({ method: 'POST', url: '/admin/api/v1/sign-in', payload: { email: `o-${format}@example.com`, password } });
    expect(signedIn.statusCode).toBe(201);
    // A token request: the client secret in the header, the access token in the answer.
    const issued = await send({
      method: 'POST',
      url: '/spaces/default/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${created.json().client_id}:${rotated.json().client_secret}`).toString('base64')}`,
      },
      payload: 'grant_type=client_credentials',
    });
    expect(issued.statusCode, issued.body).toBe(200);
    await app.close();
    await own.close();
    const secrets = [
      code,
      password,
      token,
      secret,
      rotated.json().client_secret,
      hook.json().webhook_secret,
      apiToken.json().token,
      signedIn.json().token,
      issued.json().access_token,
    ];
    for (const value of secrets) expect(value).toBeTruthy();
    return { requests, secrets };
  }

  it('logs one JSON line per request, without secrets, tokens, passwords or setup codes', { timeout: 120_000 }, async () => {
    const start = lines.length;
    const { requests, secrets } = await secretsThrough('json');
    const written = lines.slice(start);
    const parsed = written.map((l) => JSON.parse(l) as Record<string, unknown>);
    // One line per request, when it completes: method, path without its query, status, time, request id.
    const requestLines = parsed.filter((l) => l.responseTime !== undefined);
    expect(requestLines).toHaveLength(requests);
    expect(new Set(requestLines.map((l) => l.reqId)).size).toBe(requests);
    for (const l of requestLines) {
      expect(l).toMatchObject({ level: 30, msg: 'request completed', reqId: expect.stringMatching(/^req-/), method: expect.any(String) });
      expect(l.statusCode).toBeLessThan(500);
      expect(l.path).not.toContain('?');
    }
    expect(requestLines[0]).toMatchObject({ method: 'GET', path: '/setup', statusCode: 200 });
    expect(parsed.filter((l) => l.msg === 'incoming request')).toEqual([]);
    const all = written.join('\n');
    expect(all).toContain('/admin/api/v1/spaces/default/clients');
    for (const value of secrets) expect(all).not.toContain(value);
  });

  it('logs one line per request for people in the pretty format, with the same redaction', { timeout: 120_000 }, async () => {
    const start = lines.length;
    const { requests, secrets } = await secretsThrough('pretty');
    const written = lines.slice(start);
    for (const line of written) expect(() => JSON.parse(line) as unknown, line).toThrow();
    const requestLines = written.filter((l) => / INFO: (GET|POST) \/\S* \d{3} [\d.]+ ms \(req-\d+\)$/.test(l));
    expect(requestLines).toHaveLength(requests);
    expect(requestLines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/setup 200 /);
    expect(requestLines).toContainEqual(expect.stringContaining('INFO: POST /spaces/default/token 200 '));
    const all = written.join('\n');
    for (const value of secrets) expect(all).not.toContain(value);
    // A line with a secret field shows it redacted.
    const before = lines.length;
    createLogger('info', sink, 'pretty').info({ client_secret: secrets[3], nested: { password: secrets[1] } }, 'redacted');
    expect(lines.slice(before).join('\n')).toMatch(/redacted\n\s+client_secret: "\[redacted\]"\n\s+nested: \{\n\s+"password": "\[redacted\]"/);
  });
});
