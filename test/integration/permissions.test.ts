import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { API, api, expectClean, expectError, expectStatus, webApp, type Api } from './support.js';

pgNotice();

/** Answers 403, with the JSON error body. */
const forbidden = (res: Awaited<ReturnType<Api['get']>>) => expectError(res, 403).error === 'forbidden';

describe.each(STORE_KINDS)('admin API: permissions (%s)', (kind) => {
  let t: TestApp;
  let owner: Api;
  let clientId: string;
  let people: Record<'viewer' | 'manager' | 'admin' | 'ownerA' | 'globalViewer', { id: string; api: Api }>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = api(t);
    for (const slug of ['space-a', 'space-b']) {
      expectStatus(await owner.post('/spaces', { slug }), 201);
      expectStatus(await owner.post(`/spaces/${slug}/scopes`, { name: 'base' }), 201);
    }
    clientId = expectStatus(await owner.post('/spaces/space-a/clients', webApp('Existing')), 201).client_id;
    expectStatus(await owner.post('/spaces/space-b/clients', webApp('In B')), 201);
    const mk = async (roles: { space: string; role: string }[]) => {
      const p = await t.adminWith(roles);
      return { id: p.id, api: api(t, p.token) };
    };
    people = {
      viewer: await mk([{ space: 'space-a', role: 'viewer' }]),
      manager: await mk([{ space: 'space-a', role: 'client-manager' }]),
      admin: await mk([{ space: 'space-a', role: 'admin' }]),
      ownerA: await mk([{ space: 'space-a', role: 'owner' }]),
      globalViewer: await mk([{ space: '*', role: 'viewer' }]),
    };
  });
  afterAll(async () => t?.close());

  describe('authentication', () => {
    const raw = (headers: Record<string, string>, url = `${API}/spaces`) => t.app.inject({ method: 'GET', url, headers });

    it('no token: 401 with WWW-Authenticate: Bearer', async () => {
      for (const url of ['/spaces', '/spaces/default/clients', '/admins', '/audit-log', `/spaces/space-a/clients/${clientId}`]) {
        const res = await raw({}, API + url);
        expectClean(res);
        expectError(res, 401);
        expect(res.json().error).toBe('unauthorized');
        expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
      }
      const post = await t.app.inject({ method: 'POST', url: `${API}/spaces/default/clients`, payload: webApp('Anonymous') });
      expectError(post, 401);
    });

    it.each([
      ['Basic credentials', 'Basic b3duZXI6cGFzcw=='],
      ['Bearer without a token', 'Bearer'],
      ['Bearer with an empty token', 'Bearer '],
      ['a token with a space', 'Bearer abc def'],
      ['a bare token', 'kw_abcdef'],
      ['an unknown token', 'Bearer kw_unknownunknownunknownunknownunknown12345'],
      ['an overlong token', `Bearer ${'a'.repeat(600)}`],
      ['a non-ASCII token', 'Bearer tökén'],
    ])('malformed or unknown Authorization (%s): 401', async (_what, header) => {
      const res = await raw({ authorization: header });
      expectClean(res);
      expectError(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
    });

    it('the token scheme is case-insensitive', async () => {
      expectStatus(await raw({ authorization: `bearer ${t.ownerToken}` }), 200);
    });
  });

  describe('viewer', () => {
    it('reads clients, scopes and the space', async () => {
      const v = people.viewer.api;
      expectStatus(await v.get('/spaces/space-a/clients'), 200);
      expectStatus(await v.get(`/spaces/space-a/clients/${clientId}`), 200);
      expectStatus(await v.get(`/spaces/space-a/clients/${clientId}/scopes`), 200);
      expectStatus(await v.get('/spaces/space-a/scopes'), 200);
      expectStatus(await v.get('/spaces/space-a'), 200);
      const spaces = expectStatus(await v.get('/spaces'), 200).items.map((s: { slug: string }) => s.slug);
      expect(spaces).toEqual(['space-a']);
    });

    it('cannot write clients or scopes (403), and nothing changes', async () => {
      const v = people.viewer.api;
      expect(forbidden(await v.post('/spaces/space-a/clients', webApp('By viewer')))).toBe(true);
      expect(forbidden(await v.patch(`/spaces/space-a/clients/${clientId}`, { description: 'hacked' }))).toBe(true);
      expect(forbidden(await v.del(`/spaces/space-a/clients/${clientId}`))).toBe(true);
      expect(forbidden(await v.post(`/spaces/space-a/clients/${clientId}/rotate-secret`, {}))).toBe(true);
      expect(forbidden(await v.post(`/spaces/space-a/clients/${clientId}/webhook-secret`))).toBe(true);
      expect(forbidden(await v.post(`/spaces/space-a/clients/${clientId}/scopes`, { scopes: ['base'] }))).toBe(true);
      expect(forbidden(await v.post('/spaces/space-a/scopes', { name: 'by-viewer' }))).toBe(true);
      expect(forbidden(await v.patch('/spaces/space-a/scopes/base', { description: 'x' }))).toBe(true);
      expect(forbidden(await v.del('/spaces/space-a/scopes/base'))).toBe(true);
      expect(forbidden(await v.get('/audit-log'))).toBe(true);
      const c = expectStatus(await owner.get(`/spaces/space-a/clients/${clientId}`), 200);
      expect(c.description).toBe('');
      expect(c.scope).toBe('address email phone profile');
    });
  });

  describe('client-manager', () => {
    it('creates, edits and deletes clients and scopes', async () => {
      const m = people.manager.api;
      const c = expectStatus(await m.post('/spaces/space-a/clients', webApp('By manager')), 201);
      expectStatus(await m.patch(`/spaces/space-a/clients/${c.client_id}`, { description: 'edited' }), 200);
      expectStatus(await m.post(`/spaces/space-a/clients/${c.client_id}/rotate-secret`, { grace_period: 0 }), 200);
      expectStatus(await m.post(`/spaces/space-a/clients/${c.client_id}/webhook-secret`), 200);
      expectStatus(await m.post('/spaces/space-a/scopes', { name: 'manager:scope' }), 201);
      expectStatus(await m.patch('/spaces/space-a/scopes/manager:scope', { description: 'd' }), 200);
      expectStatus(await m.post(`/spaces/space-a/clients/${c.client_id}/scopes`, { scopes: ['manager:scope'], create: [{ name: 'manager:new' }] }), 200);
      expect((await m.del(`/spaces/space-a/clients/${c.client_id}/scopes/manager:new`)).statusCode).toBe(204);
      expect((await m.del('/spaces/space-a/scopes/manager:scope')).statusCode).toBe(204);
      expect((await m.del(`/spaces/space-a/clients/${c.client_id}`)).statusCode).toBe(204);
    });

    it('cannot manage spaces, admins or roles (403)', async () => {
      const m = people.manager.api;
      expect(forbidden(await m.patch('/spaces/space-a', { display_name: 'Mine' }))).toBe(true);
      expect(forbidden(await m.post('/spaces', { slug: 'by-manager' }))).toBe(true);
      expect(forbidden(await m.del('/spaces/space-a'))).toBe(true);
      expect(forbidden(await m.get('/admins'))).toBe(true);
      expect(forbidden(await m.post('/admins', { email: 'm@example.com', roles: [{ space: 'space-a', role: 'viewer' }] }))).toBe(true);
      expect(forbidden(await m.put(`/admins/${people.viewer.id}/roles/space-a`, { role: 'owner' }))).toBe(true);
      expect(forbidden(await m.put(`/admins/${people.manager.id}/roles/space-a`, { role: 'owner' }))).toBe(true);
      expect(forbidden(await m.del(`/admins/${people.viewer.id}/roles/space-a`))).toBe(true);
      expect(forbidden(await m.get(`/admins/${people.viewer.id}`))).toBe(true);
      expect(forbidden(await m.patch(`/admins/${people.viewer.id}`, { disabled: true }))).toBe(true);
      expect(forbidden(await m.del(`/admins/${people.viewer.id}`))).toBe(true);
      expect(forbidden(await m.get('/audit-log'))).toBe(true);
      expect(expectStatus(await owner.get('/spaces/space-a'), 200).display_name).toBe('space-a');
    });

    it('manages their own tokens and password', async () => {
      const m = people.manager.api;
      expect(expectStatus(await m.get('/admins/me'), 200).roles).toEqual([{ space: 'space-a', role: 'client-manager' }]);
      const tok = expectStatus(await m.post('/admins/me/tokens', { name: 'own' }), 201);
      expectStatus(await m.patch('/admins/me', { password: 'manager password 123' }), 200);
      expect((await m.del(`/admins/me/tokens/${tok.id}`)).statusCode).toBe(204);
    });
  });

  describe('admin', () => {
    it('updates the space and reads its audit log', async () => {
      const ad = people.admin.api;
      expect(expectStatus(await ad.patch('/spaces/space-a', { display_name: 'Space A' }), 200).display_name).toBe('Space A');
      const log = expectStatus(await ad.get('/audit-log'), 200);
      expect(log.items.length).toBeGreaterThan(0);
      expect(log.items.every((e: { space: string | null }) => e.space === 'space-a')).toBe(true);
    });

    it('cannot manage admins, delete the space or create spaces (403)', async () => {
      const ad = people.admin.api;
      expect(forbidden(await ad.get('/admins'))).toBe(true);
      expect(forbidden(await ad.post('/admins', { email: 'x@example.com', roles: [{ space: 'space-a', role: 'viewer' }] }))).toBe(true);
      expect(forbidden(await ad.put(`/admins/${people.viewer.id}/roles/space-a`, { role: 'admin' }))).toBe(true);
      expect(forbidden(await ad.del('/spaces/space-a'))).toBe(true);
      expect(forbidden(await ad.post('/spaces', { slug: 'by-admin' }))).toBe(true);
    });
  });

  describe('space isolation', () => {
    it('the owner of space A manages admins of A but has no access to space B (403)', async () => {
      const o = people.ownerA.api;
      expectStatus(await o.get('/spaces/space-a/clients'), 200);
      const list = expectStatus(await o.get('/admins'), 200).items.map((x: { id: string }) => x.id);
      expect(list).toEqual(expect.arrayContaining([people.viewer.id, people.manager.id]));
      expect(list).not.toContain(t.ownerId);
      const made = expectStatus(await o.post('/admins', { email: 'a-only@example.com', roles: [{ space: 'space-a', role: 'viewer' }] }), 201);
      expectStatus(await o.put(`/admins/${made.id}/roles/space-a`, { role: 'client-manager' }), 200);

      for (const res of [
        await o.get('/spaces/space-b'),
        await o.get('/spaces/space-b/clients'),
        await o.get('/spaces/space-b/scopes'),
        await o.post('/spaces/space-b/clients', webApp('Intruder')),
        await o.patch('/spaces/space-b', { display_name: 'taken' }),
        await o.del('/spaces/space-b'),
        await o.post('/admins', { email: 'b@example.com', roles: [{ space: 'space-b', role: 'viewer' }] }),
        await o.put(`/admins/${made.id}/roles/space-b`, { role: 'owner' }),
        await o.put(`/admins/${made.id}/roles/*`, { role: 'viewer' }),
        await o.post('/admins', { email: 'nobody@example.com' }),
      ]) {
        expect(forbidden(res)).toBe(true);
      }
      // A space that does not exist looks the same as one without access: no probing for names.
      expect(forbidden(await o.get('/spaces/no-such-space/clients'))).toBe(true);
      const visible = expectStatus(await o.get('/spaces'), 200).items.map((s: { slug: string }) => s.slug);
      expect(visible).toEqual(['space-a']);
    });

    it('a client of space A is not reachable through space B', async () => {
      expectError(await owner.get(`/spaces/space-b/clients/${clientId}`), 404);
      expectError(await owner.patch(`/spaces/space-b/clients/${clientId}`, { description: 'x' }), 404);
      expectError(await owner.del(`/spaces/space-b/clients/${clientId}`), 404);
    });

    it('a global viewer reads every space but writes nothing', async () => {
      const g = people.globalViewer.api;
      expectStatus(await g.get('/spaces/space-b/clients'), 200);
      expect(expectStatus(await g.get('/spaces'), 200).items.length).toBeGreaterThanOrEqual(3);
      expect(forbidden(await g.post('/spaces/space-b/scopes', { name: 'nope' }))).toBe(true);
      expect(forbidden(await g.post('/spaces', { slug: 'by-global-viewer' }))).toBe(true);
    });
  });
});
