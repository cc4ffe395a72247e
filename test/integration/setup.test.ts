import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/http/app.js';
import { sha256 } from '../../src/crypto/secrets.js';
import { createServices, type Services } from '../../src/services.js';
import { admins, adminTokens } from '../../src/store/schema.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';
import { API } from './support.js';

pgNotice();

const CODE = 'x'.repeat(32);
const PASSWORD = 'first owner password';
const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe.each(STORE_KINDS)('first-run setup page (%s)', (kind) => {
  let store: TestStore;
  let services: Services;
  let app: FastifyInstance;
  let token: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store.store, masterKeyFrom(randomBytes(32)));
    await services.spaces.ensureDefault();
    const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_PUBLIC_URL: 'http://localhost:8080', KEYWARD_LOG_LEVEL: 'silent' });
    app = await buildApp({ config, services, logger: false, setup: { code: CODE } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('starts with no admin', async () => {
    expect(await services.admins.count()).toBe(0);
  });

  it('GET /setup without the code or with a wrong one: 403', async () => {
    for (const url of ['/setup', `/setup?code=${'y'.repeat(32)}`, `/setup?code=${CODE.slice(1)}`, `/setup?code=${CODE}x`, '/setup?code=']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).not.toContain('<form');
    }
  });

  it('GET /setup with the code: a form whose e-mail field is autocomplete=username', async () => {
    const res = await app.inject({ method: 'GET', url: `/setup?code=${CODE}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.body).toMatch(/<form method="post" action="\/setup">/);
    expect(res.body).toMatch(/<input[^>]*name="email"[^>]*autocomplete="username"/);
    expect(res.body).toMatch(/<input[^>]*name="password"[^>]*type="password"[^>]*autocomplete="new-password"/);
    expect(res.body).toContain(`name="code" value="${CODE}"`);
    expect(res.body).not.toMatch(/<script/i);
  });

  it('the admin API answers 401 before setup', async () => {
    const res = await app.inject({ method: 'GET', url: `${API}/spaces` });
    expect(res.statusCode).toBe(401);
  });

  it('POST /setup with a wrong code: 403 and no admin', async () => {
    const res = await app.inject({ method: 'POST', url: '/setup', ...form({ code: 'z'.repeat(32), email: 'evil@example.com', password: PASSWORD }) });
    expect(res.statusCode).toBe(403);
    const none = await app.inject({ method: 'POST', url: '/setup', ...form({ email: 'evil@example.com', password: PASSWORD }) });
    expect(none.statusCode).toBe(403);
    expect(await services.admins.count()).toBe(0);
  });

  it('POST /setup with bad input shows the form again (400), escaped, and creates nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/setup', ...form({ code: CODE, email: '<script>@x', password: 'short' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert"');
    expect(res.body).not.toContain('<script>@x');
    expect(res.body).toContain('&#60;script&#62;@x');
    expect(await services.admins.count()).toBe(0);
  });

  it('POST /setup creates the owner and shows an API token once', async () => {
    const res = await app.inject({ method: 'POST', url: '/setup', ...form({ code: CODE, email: 'first@example.com', password: PASSWORD }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const m = /<span id="token">([^<]+)<\/span>/.exec(res.body);
    expect(m).not.toBeNull();
    token = m![1]!;
    expect(token).toMatch(/^kw_[A-Za-z0-9_-]{43}$/);
    expect(res.body).not.toContain(PASSWORD);
    // Ready to paste, with a copy button whose one script the page's CSP allows by its hash.
    expect(res.body).toContain(`export KEYWARD_URL=http://localhost:8080\nexport KEYWARD_ADMIN_TOKEN=<span id="token">${token}</span>`);
    const script = /<script>([^<]+)<\/script>/.exec(res.body)![1]!;
    expect(res.headers['content-security-policy']).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(res.body).toContain('<button type="button" id="copy">Copy</button>');

    const [owner] = await store.store.db.select().from(admins);
    expect(owner!.email).toBe('first@example.com');
    expect(owner!.passwordHash).toMatch(/^\$argon2id\$/);
    const [row] = await store.store.db.select().from(adminTokens).where(eq(adminTokens.adminId, owner!.id));
    expect(row!.tokenHash).toBe(sha256(token));
  });

  it('the token works on the API as a global owner', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: 'GET', url: `${API}/admins/me`, headers: auth });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'first@example.com', has_password: true, roles: [{ space: '*', role: 'owner' }] });
    const created = await app.inject({ method: 'POST', url: `${API}/spaces`, headers: auth, payload: { slug: 'after-setup' } });
    expect(created.statusCode).toBe(201);
    const log = await app.inject({ method: 'GET', url: `${API}/audit-log?action=admin.create`, headers: auth });
    expect(log.json().items[0].actor.type).toBe('setup');
  });

  it('a second POST (even with the old code) and later GETs answer 410', async () => {
    const again = await app.inject({ method: 'POST', url: '/setup', ...form({ code: CODE, email: 'second@example.com', password: PASSWORD }) });
    expect(again.statusCode).toBe(410);
    expect(again.body).not.toMatch(/id="token"/);
    const get = await app.inject({ method: 'GET', url: `/setup?code=${CODE}` });
    expect(get.statusCode).toBe(410);
    expect(get.body).not.toContain('<form');
    expect(await services.admins.count()).toBe(1);
  });

  it('concurrent setup posts create exactly one owner', async () => {
    const other = await openTestStore(kind);
    try {
      const s = createServices(other.store, masterKeyFrom(randomBytes(32)));
      const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_LOG_LEVEL: 'silent' });
      const racing = await buildApp({ config, services: s, logger: false, setup: { code: CODE } });
      const results = await Promise.all(
        [1, 2, 3].map((i) => racing.inject({ method: 'POST', url: '/setup', ...form({ code: CODE, email: `racer${i}@example.com`, password: PASSWORD }) })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 410, 410]);
      expect(await s.admins.count()).toBe(1);
      await racing.close();
    } finally {
      await other.close();
    }
  });

  it('setup is not offered when the app is built without it', async () => {
    const config = loadConfig({ KEYWARD_PORT: '0', KEYWARD_LOG_LEVEL: 'silent' });
    const plain = await buildApp({ config, services, logger: false });
    const res = await plain.inject({ method: 'GET', url: `/setup?code=${CODE}` });
    expect(res.statusCode).toBe(404);
    await plain.close();
  });
});
