import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, scopes, spaces } from '../../src/store/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, webApp, type Api } from './support.js';

pgNotice();

describe.each(STORE_KINDS)('admin API: spaces (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
  });
  afterAll(async () => t?.close());

  it('lists the default space with its issuer URL', async () => {
    const page = expectStatus(await a.get('/spaces'), 200);
    const def = page.items.find((s: { slug: string }) => s.slug === 'default');
    expect(def).toMatchObject({ slug: 'default', display_name: 'Default', issuer: 'http://localhost:8080/spaces/default' });
    expect(def.access_token_ttl).toBe(28800);
    expect(def.refresh_token_ttl).toBe(2592000);
  });

  it('creates a space (201) with its settings and issuer, then gets it', async () => {
    const created = expectStatus(await a.post('/spaces', { slug: 'acme', display_name: 'ACME Corp', access_token_ttl: 3600, refresh_token_ttl: 86400 }), 201);
    expect(created).toMatchObject({
      slug: 'acme',
      display_name: 'ACME Corp',
      access_token_ttl: 3600,
      refresh_token_ttl: 86400,
      issuer: 'http://localhost:8080/spaces/acme',
    });
    expect(Date.parse(created.created_at)).not.toBeNaN();
    const got = expectStatus(await a.get('/spaces/acme'), 200);
    expect(got).toEqual(created);
  });

  it('creates a space with settings of its own, checked as an update checks them; a refused one creates nothing', async () => {
    const created = expectStatus(await a.post('/spaces', { slug: 'open-reg', settings: { registration: 'open', device_code_ttl: 900 } }), 201);
    expect(created.settings).toMatchObject({ registration: 'open', device_code_ttl: 900, require_pkce: true });
    expect(expectStatus(await a.get('/spaces/open-reg'), 200).settings).toEqual(created.settings);
    expectError(await a.post('/spaces', { slug: 'bad-reg', settings: { registration: 'sometimes' } }), 400, 'settings.registration');
    expectError(await a.post('/spaces', { slug: 'bad-key', settings: { no_such_setting: 1 } }), 400, 'settings.no_such_setting');
    expectError(await a.get('/spaces/bad-reg'), 404);
    expectError(await a.get('/spaces/bad-key'), 404);
  });

  it('defaults display_name to the slug and lifetimes to 8 h / 30 days', async () => {
    const created = expectStatus(await a.post('/spaces', { slug: 'plain' }), 201);
    expect(created).toMatchObject({ display_name: 'plain', access_token_ttl: 28800, refresh_token_ttl: 2592000 });
  });

  it('refuses a duplicate slug with 409', async () => {
    expectStatus(await a.post('/spaces', { slug: 'twice' }), 201);
    expectError(await a.post('/spaces', { slug: 'twice' }), 409, 'slug');
  });

  it.each(['', 'UPPER', '-lead', 'trail-', 'with space', 'a_b', 'x'.repeat(64), 'ümlaut'])('refuses the slug %j', async (slug) => {
    expectError(await a.post('/spaces', { slug }), 400, 'slug');
  });

  it('refuses a missing slug and bad lifetimes', async () => {
    expectError(await a.post('/spaces', { display_name: 'no slug' }), 400, 'slug');
    expectError(await a.post('/spaces', { slug: 'ttl0', access_token_ttl: 0 }), 400, 'access_token_ttl');
    expectError(await a.post('/spaces', { slug: 'ttlneg', refresh_token_ttl: -5 }), 400, 'refresh_token_ttl');
    expectError(await a.post('/spaces', { slug: 'ttlhuge', access_token_ttl: 10 * 365 * 86400 + 1 }), 400, 'access_token_ttl');
    expectError(await a.post('/spaces', { slug: 'blank', display_name: '   ' }), 400, 'display_name');
  });

  it('updates display name and lifetimes; the slug is fixed', async () => {
    expectStatus(await a.post('/spaces', { slug: 'edit-me' }), 201);
    const updated = expectStatus(await a.patch('/spaces/edit-me', { display_name: 'Edited', access_token_ttl: 600 }), 200);
    expect(updated).toMatchObject({ slug: 'edit-me', display_name: 'Edited', access_token_ttl: 600, refresh_token_ttl: 2592000 });
    expect(expectStatus(await a.get('/spaces/edit-me'), 200).display_name).toBe('Edited');
    expectError(await a.patch('/spaces/edit-me', { slug: 'renamed' }), 400, 'slug');
    expectStatus(await a.patch('/spaces/edit-me', { slug: 'edit-me' }), 200);
    expectError(await a.patch('/spaces/edit-me', { refresh_token_ttl: 0 }), 400, 'refresh_token_ttl');
  });

  it('answers 404 for an unknown space on every space route', async () => {
    expectError(await a.get('/spaces/nope'), 404);
    expectError(await a.patch('/spaces/nope', { display_name: 'x' }), 404);
    expectError(await a.del('/spaces/nope'), 404);
    expectError(await a.get('/spaces/nope/clients'), 404);
    expectError(await a.post('/spaces/nope/clients', webApp('x')), 404);
    expectError(await a.get('/spaces/nope/scopes'), 404);
    expectError(await a.post('/spaces/nope/scopes', { name: 'x' }), 404);
  });

  it('deletes a space with its clients and scopes; the default space cannot be deleted', async () => {
    expectStatus(await a.post('/spaces', { slug: 'doomed' }), 201);
    expectStatus(await a.post('/spaces/doomed/scopes', { name: 'read' }), 201);
    const c = expectStatus(await a.post('/spaces/doomed/clients', webApp('Doomed App', { scope: 'read' })), 201);
    const [row] = await t.services.store.db.select().from(spaces).where(eq(spaces.slug, 'doomed'));
    expect(row).toBeDefined();

    expect((await a.del('/spaces/doomed')).statusCode).toBe(204);
    expectError(await a.get('/spaces/doomed'), 404);
    expect(await t.services.store.db.select().from(clients).where(eq(clients.clientId, c.client_id))).toHaveLength(0);
    expect(await t.services.store.db.select().from(scopes).where(eq(scopes.spaceId, row!.id))).toHaveLength(0);

    expectError(await a.del('/spaces/default'), 409);
    expectStatus(await a.get('/spaces/default'), 200);
  });

  it('pages through spaces with limit and cursor, each space once', async () => {
    for (const n of [1, 2, 3]) expectStatus(await a.post('/spaces', { slug: `page-${n}` }), 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: { items: { slug: string }[]; next_cursor: string | null } = expectStatus(
        await a.get(`/spaces?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
        200,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.slug));
      cursor = page.next_cursor;
      if (!cursor) break;
    }
    const all = expectStatus(await a.get('/spaces?limit=200'), 200).items.map((s: { slug: string }) => s.slug);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['default', 'page-1', 'page-2', 'page-3']));
  });

  it('refuses limits outside 1..200 and cursors it did not issue', async () => {
    expectError(await a.get('/spaces?limit=0'), 400, 'limit');
    expectError(await a.get('/spaces?limit=201'), 400, 'limit');
    expectError(await a.get('/spaces?limit=abc'), 400, 'limit');
    expectError(await a.get('/spaces?cursor=garbage'), 400, 'cursor');
  });
});
