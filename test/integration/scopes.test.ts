import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, webApp, type Api } from './support.js';

pgNotice();

const SCOPES = '/spaces/default/scopes';
const CLIENTS = '/spaces/default/clients';

describe.each(STORE_KINDS)('admin API: scopes (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  let n = 0;
  const client = async (extra: Record<string, unknown> = {}) => expectStatus(await a.post(CLIENTS, webApp(`Scoped ${++n}`, extra)), 201);
  const scopeNames = async (clientId: string) =>
    expectStatus(await a.get(`${CLIENTS}/${clientId}/scopes`), 200).items.map((s: { name: string }) => s.name) as string[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
    for (const name of ['read', 'write', 'admin:all']) expectStatus(await a.post(SCOPES, { name, description: `${name} access` }), 201);
  });
  afterAll(async () => t?.close());

  describe('scope CRUD', () => {
    it('creates a scope with description and default flag', async () => {
      const s = expectStatus(await a.post(SCOPES, { name: 'account', description: 'Your account', default: true }), 201);
      expect(s).toMatchObject({ name: 'account', description: 'Your account', default: true });
      expect(expectStatus(await a.get(`${SCOPES}/account`), 200)).toEqual(s);
      const plain = expectStatus(await a.post(SCOPES, { name: 'plain' }), 201);
      expect(plain).toMatchObject({ description: '', default: false });
    });

    it('refuses duplicates (409) and names that are not RFC 6749 scope-tokens (400)', async () => {
      expectError(await a.post(SCOPES, { name: 'read' }), 409, 'name');
      for (const name of ['', 'two words', 'quote"d', 'back\\slash', 'x'.repeat(101), 'tab\there']) {
        expectError(await a.post(SCOPES, { name }), 400, 'name');
      }
      expectError(await a.post(SCOPES, { description: 'nameless' }), 400, 'name');
      expectError(await a.post(SCOPES, { name: 'long-desc', description: 'x'.repeat(1001) }), 400, 'description');
    });

    it('says which clients have a scope (how many, the first ten by name)', async () => {
      expectStatus(await a.post(SCOPES, { name: 'usage:read' }), 201);
      expect(expectStatus(await a.get(`${SCOPES}/usage:read/usage`), 200)).toEqual({ total: 0, clients: [] });
      const made = [];
      for (let i = 0; i < 11; i++) made.push(await client({ scope: 'usage:read' }));
      const usage = expectStatus(await a.get(`${SCOPES}/usage:read/usage`), 200);
      expect(usage.total).toBe(11);
      expect(usage.clients).toHaveLength(10);
      expect(usage.clients[0]).toEqual({ client_id: expect.any(String), name: expect.any(String) });
      expect(made.map((c) => c.client_id)).toEqual(expect.arrayContaining(usage.clients.map((c: { client_id: string }) => c.client_id)));
      expectError(await a.get(`${SCOPES}/missing/usage`), 404);
    });

    it('updates description and default; a scope cannot be renamed', async () => {
      expectStatus(await a.post(SCOPES, { name: 'edit:me' }), 201);
      const u = expectStatus(await a.patch(`${SCOPES}/edit:me`, { description: 'Edited', default: true }), 200);
      expect(u).toMatchObject({ name: 'edit:me', description: 'Edited', default: true });
      expectError(await a.patch(`${SCOPES}/edit:me`, { name: 'renamed' }), 400, 'name');
      expectStatus(await a.patch(`${SCOPES}/edit:me`, { name: 'edit:me' }), 200);
      expectError(await a.patch(`${SCOPES}/missing`, { description: 'x' }), 404);
    });

    it('lists scopes with a name filter and pages', async () => {
      const all = expectStatus(await a.get(`${SCOPES}?limit=200`), 200);
      expect(all.items.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['read', 'write', 'admin:all']));
      const filtered = expectStatus(await a.get(`${SCOPES}?name=WRI`), 200);
      expect(filtered.items.map((s: { name: string }) => s.name)).toEqual(['write']);
      const first = expectStatus(await a.get(`${SCOPES}?limit=1`), 200);
      expect(first.items).toHaveLength(1);
      expect(first.next_cursor).toBeTruthy();
      const second = expectStatus(await a.get(`${SCOPES}?limit=1&cursor=${first.next_cursor}`), 200);
      expect(second.items[0].name).not.toBe(first.items[0].name);
    });

    it('deletes a scope (204) and then answers 404', async () => {
      expectStatus(await a.post(SCOPES, { name: 'temp' }), 201);
      expect((await a.del(`${SCOPES}/temp`)).statusCode).toBe(204);
      expectError(await a.get(`${SCOPES}/temp`), 404);
      expectError(await a.del(`${SCOPES}/temp`), 404);
    });
  });

  describe('scopes of a client', () => {
    it('sets scopes at creation and replaces them on update', async () => {
      const c = await client({ scope: 'write read' });
      expect(c.scope).toBe('read write');
      expect(await scopeNames(c.client_id)).toEqual(['read', 'write']);
      const u = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { scope: 'admin:all' }), 200);
      expect(u.scope).toBe('admin:all');
      const cleared = expectStatus(await a.patch(`${CLIENTS}/${c.client_id}`, { scope: '' }), 200);
      expect(cleared.scope).toBe('');
    });

    it('refuses unknown scopes at creation, creating nothing', async () => {
      const before = expectStatus(await a.get(`${CLIENTS}?limit=200`), 200).items.length;
      const err = expectError(await a.post(CLIENTS, webApp('Unknown scope', { scope: 'read nope' })), 400, 'scope');
      expect(err.message).toContain('nope');
      expect(expectStatus(await a.get(`${CLIENTS}?limit=200`), 200).items.length).toBe(before);
      expectError(await a.post(CLIENTS, webApp('Bad scope', { scope: 'in"valid' })), 400, 'scope');
    });

    it('refuses unknown scopes on update, changing nothing', async () => {
      const c = await client({ scope: 'read' });
      expectError(await a.patch(`${CLIENTS}/${c.client_id}`, { scope: 'write ghost', description: 'changed' }), 400, 'scope');
      const got = expectStatus(await a.get(`${CLIENTS}/${c.client_id}`), 200);
      expect(got).toMatchObject({ scope: 'read', description: '' });
    });

    it('associates existing scopes, keeping those already associated', async () => {
      const c = await client({ scope: 'read' });
      const res = expectStatus(await a.post(`${CLIENTS}/${c.client_id}/scopes`, { scopes: ['write'] }), 200);
      expect(res.items.map((s: { name: string }) => s.name)).toEqual(['read', 'write']);
      expect(res.items[0]).toMatchObject({ name: 'read', description: 'read access' });
      // Associating again is harmless.
      expectStatus(await a.post(`${CLIENTS}/${c.client_id}/scopes`, { scopes: ['write', 'read'] }), 200);
      expect(expectStatus(await a.get(`${CLIENTS}/${c.client_id}`), 200).scope).toBe('read write');
    });

    it('creates new scopes and associates them in one call', async () => {
      const c = await client({ scope: '' });
      const res = expectStatus(
        await a.post(`${CLIENTS}/${c.client_id}/scopes`, {
          scopes: ['read'],
          create: [
            { name: 'reports:export', description: 'Export reports' },
            { name: 'reports:view', default: true },
          ],
        }),
        200,
      );
      expect(res.items.map((s: { name: string }) => s.name)).toEqual(['read', 'reports:export', 'reports:view']);
      expect(expectStatus(await a.get(`${SCOPES}/reports:export`), 200)).toMatchObject({ description: 'Export reports', default: false });
      expect(expectStatus(await a.get(`${SCOPES}/reports:view`), 200).default).toBe(true);
      expect(expectStatus(await a.get(`${CLIENTS}/${c.client_id}`), 200).scope).toBe('read reports:export reports:view');
    });

    it('is all or nothing: one unknown name and no new scope is created, nothing is associated', async () => {
      const c = await client({ scope: 'read' });
      const err = expectError(await a.post(`${CLIENTS}/${c.client_id}/scopes`, { scopes: ['write', 'ghost'], create: [{ name: 'never:made' }] }), 400, 'scope');
      expect(err.message).toContain('ghost');
      expectError(await a.get(`${SCOPES}/never:made`), 404);
      expect(await scopeNames(c.client_id)).toEqual(['read']);
    });

    it('is all or nothing when a new scope already exists (409)', async () => {
      const c = await client({ scope: '' });
      expectError(await a.post(`${CLIENTS}/${c.client_id}/scopes`, { create: [{ name: 'fresh:one' }, { name: 'read' }] }), 409, 'name');
      expectError(await a.get(`${SCOPES}/fresh:one`), 404);
      expect(await scopeNames(c.client_id)).toEqual([]);
      expectError(await a.post(`${CLIENTS}/${c.client_id}/scopes`, { create: [{ name: 'bad name' }] }), 400, 'name');
    });

    it('answers 404 for an unknown client', async () => {
      expectError(await a.post(`${CLIENTS}/nope/scopes`, { scopes: ['read'] }), 404);
      expectError(await a.get(`${CLIENTS}/nope/scopes`), 404);
      expectError(await a.del(`${CLIENTS}/nope/scopes/read`), 404);
    });

    it('disassociates a scope; the scope itself stays', async () => {
      const c = await client({ scope: 'read write' });
      expect((await a.del(`${CLIENTS}/${c.client_id}/scopes/write`)).statusCode).toBe(204);
      expect(await scopeNames(c.client_id)).toEqual(['read']);
      expect(expectStatus(await a.get(`${CLIENTS}/${c.client_id}`), 200).scope).toBe('read');
      expectStatus(await a.get(`${SCOPES}/write`), 200);
      expectError(await a.del(`${CLIENTS}/${c.client_id}/scopes/write`), 404);
      expectError(await a.del(`${CLIENTS}/${c.client_id}/scopes/ghost`), 404);
    });

    it("a deleted scope disappears from every client's scope", async () => {
      expectStatus(await a.post(SCOPES, { name: 'doomed' }), 201);
      const x = await client({ scope: 'read doomed' });
      const y = await client({ scope: 'doomed' });
      expect((await a.del(`${SCOPES}/doomed`)).statusCode).toBe(204);
      expect(expectStatus(await a.get(`${CLIENTS}/${x.client_id}`), 200).scope).toBe('read');
      expect(expectStatus(await a.get(`${CLIENTS}/${y.client_id}`), 200).scope).toBe('');
      expect(await scopeNames(x.client_id)).toEqual(['read']);
      const listed = expectStatus(await a.get(`${CLIENTS}?limit=200`), 200).items;
      expect(listed.some((c: { scope: string }) => c.scope.split(' ').includes('doomed'))).toBe(false);
    });

    it('scopes of another space are not visible', async () => {
      expectStatus(await a.post('/spaces', { slug: 'other' }), 201);
      expectStatus(await a.post('/spaces/other/scopes', { name: 'other:only' }), 201);
      expectError(await a.get(`${SCOPES}/other:only`), 404);
      expectError(await a.post(CLIENTS, webApp('Cross space', { scope: 'other:only' })), 400, 'scope');
      const c = await client();
      expectError(await a.post(`${CLIENTS}/${c.client_id}/scopes`, { scopes: ['other:only'] }), 400, 'scope');
      expectError(await a.get(`/spaces/other/clients/${c.client_id}`), 404);
    });
  });

  describe('standard scopes (OIDC Core §5.4)', () => {
    const STANDARD = ['address', 'email', 'phone', 'profile'];

    it('every space starts with profile, email, address and phone, with consent texts, not default', async () => {
      expectStatus(await a.post('/spaces', { slug: 'fresh' }), 201);
      for (const space of ['default', 'fresh']) {
        const items = expectStatus(await a.get(`/spaces/${space}/scopes?limit=200`), 200).items as { name: string; description: string; default: boolean }[];
        const standard = items.filter((i) => STANDARD.includes(i.name));
        expect(standard.map((i) => i.name).sort()).toEqual(STANDARD);
        for (const i of standard) {
          expect(i.default).toBe(false);
          expect(i.description.length).toBeGreaterThan(10);
        }
        expect(standard.find((i) => i.name === 'email')!.description).toMatch(/e-mail address/);
      }
      // The seeding bookkeeping is not a setting anyone sees.
      const fresh = expectStatus(await a.get('/spaces/fresh'), 200);
      expect(Object.keys(fresh.settings)).not.toContain('_seeded');
    });

    it('are edited and deleted like any scope; the space stays seeded after a settings update', async () => {
      expectStatus(await a.post('/spaces', { slug: 'editable' }), 201);
      const base = '/spaces/editable/scopes';
      expect(expectStatus(await a.patch(`${base}/profile`, { description: 'Your name and picture', default: true }), 200)).toMatchObject({
        description: 'Your name and picture',
        default: true,
      });
      expect((await a.del(`${base}/phone`)).statusCode).toBe(204);
      expectError(await a.get(`${base}/phone`), 404);
      expectStatus(await a.patch('/spaces/editable', { settings: { require_par: true } }), 200);
      expect((await t.services.spaces.seedStandardScopes()).includes('editable')).toBe(false);
      expectError(await a.get(`${base}/phone`), 404);
    });

    it('a client created without scope gets the standard scopes; an explicit scope or client_credentials alone gets only what it says', async () => {
      const plain = await client();
      expect(plain.scope).toBe('address email phone profile');
      expect(await scopeNames(plain.client_id)).toEqual(STANDARD);
      expect((await client({ scope: 'read email' })).scope).toBe('email read');
      const machine = expectStatus(await a.post(CLIENTS, { name: `Machine ${++n}`, grant_types: ['client_credentials'] }), 201);
      expect(machine.scope).toBe('');
      // An admin's deletion counts: a later client gets the standard scopes that still exist.
      expectStatus(await a.post('/spaces', { slug: 'nophone' }), 201);
      expect((await a.del('/spaces/nophone/scopes/phone')).statusCode).toBe(204);
      const other = expectStatus(await a.post('/spaces/nophone/clients', webApp('No phone')), 201);
      expect(other.scope).toBe('address email profile');
    });
  });
});
