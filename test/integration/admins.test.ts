import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/crypto/secrets.js';
import { admins, adminTokens } from '../../src/store/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, type Api } from './support.js';

pgNotice();

describe.each(STORE_KINDS)('admin API: admins, roles and API tokens (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  let n = 0;
  const email = () => `person${++n}@example.com`;
  /** A new admin with a token of their own (made through the service, as a second person would sign in). */
  const person = async (roles: { space: string; role: string }[] = [{ space: 'default', role: 'viewer' }]) => {
    const p = await t.adminWith(roles);
    return { ...p, api: api(t, p.token) };
  };
  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
    expectStatus(await a.post('/spaces', { slug: 'team' }), 201);
  });
  afterAll(async () => t?.close());

  describe('accounts', () => {
    it('lists admins and shows yourself as "me"', async () => {
      const list = expectStatus(await a.get('/admins'), 200);
      const me = list.items.find((x: { id: string }) => x.id === t.ownerId);
      expect(me).toMatchObject({ email: 'owner@example.com', disabled: false, roles: [{ space: '*', role: 'owner' }] });
      expect(expectStatus(await a.get('/admins/me'), 200)).toEqual(me);
      expect(expectStatus(await a.get(`/admins/${t.ownerId}`), 200)).toEqual(me);
      expect(JSON.stringify(list)).not.toMatch(/password_hash|\$argon2/);
    });

    it('creates an admin with a password and roles; never shows the password or its hash', async () => {
      const password = 'correct horse battery staple';
      const res = await a.post('/admins', {
        email: 'New.Person@Example.com',
        password,
        roles: [
          { space: 'default', role: 'client-manager' },
          { space: 'team', role: 'viewer' },
        ],
      });
      const created = expectStatus(res, 201);
      expect(created).toMatchObject({ email: 'New.Person@Example.com', disabled: false, has_password: true });
      expect(created.roles).toEqual([
        { space: 'default', role: 'client-manager' },
        { space: 'team', role: 'viewer' },
      ]);
      expect(res.body).not.toContain(password);
      const [row] = await t.services.store.db.select().from(admins).where(eq(admins.id, created.id));
      expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row!.passwordHash).not.toContain(password);
      // E-mail addresses compare case-insensitively.
      expectError(await a.post('/admins', { email: 'new.person@example.com' }), 409, 'email');
    });

    it('refuses bad e-mail, short passwords, unknown roles and unknown spaces', async () => {
      expectError(await a.post('/admins', { email: 'not-an-email' }), 400, 'email');
      expectError(await a.post('/admins', {}), 400, 'email');
      expectError(await a.post('/admins', { email: email(), password: 'short' }), 400, 'password');
      expectError(await a.post('/admins', { email: email(), roles: [{ space: 'default', role: 'god' }] }), 400, 'roles[0].role');
      expectError(await a.post('/admins', { email: email(), roles: [{ space: 'nowhere', role: 'viewer' }] }), 400, 'roles');
      expectError(await a.post('/admins', { email: email(), disabled: true }), 400, 'disabled');
    });

    it('changes a password; e-mail and roles are not changed through PATCH', async () => {
      const p = expectStatus(await a.post('/admins', { email: email() }), 201);
      expect(p.has_password).toBe(false);
      const u = expectStatus(await a.patch(`/admins/${p.id}`, { password: 'a much longer password' }), 200);
      expect(u.has_password).toBe(true);
      expectError(await a.patch(`/admins/${p.id}`, { email: 'x@example.com' }), 400, 'email');
      expectError(await a.patch(`/admins/${p.id}`, { roles: [] }), 400, 'roles');
      expectError(await a.patch(`/admins/${p.id}`, { password: 'short' }), 400, 'password');
    });

    it('answers 404 for unknown admins', async () => {
      expectError(await a.get('/admins/00000000-0000-4000-8000-000000000000'), 404);
      expectError(await a.get('/admins/not-a-uuid'), 404);
      expectError(await a.patch('/admins/00000000-0000-4000-8000-000000000000', { disabled: true }), 404);
      expectError(await a.del('/admins/00000000-0000-4000-8000-000000000000'), 404);
      expectError(await a.put('/admins/00000000-0000-4000-8000-000000000000/roles/default', { role: 'viewer' }), 404);
    });

    it("a disabled admin's tokens stop working (401) until re-enabled", async () => {
      const p = await person();
      expectStatus(await p.api.get('/spaces/default/clients'), 200);
      expect(expectStatus(await a.patch(`/admins/${p.id}`, { disabled: true }), 200).disabled).toBe(true);
      expectError(await p.api.get('/spaces/default/clients'), 401);
      expectError(await p.api.get('/admins/me'), 401);
      expectStatus(await a.patch(`/admins/${p.id}`, { disabled: false }), 200);
      expectStatus(await p.api.get('/spaces/default/clients'), 200);
    });

    it('nobody can disable or delete themselves', async () => {
      expectError(await a.patch('/admins/me', { disabled: true }), 409);
      expectError(await a.del('/admins/me'), 409);
      expectError(await a.del(`/admins/${t.ownerId}`), 409);
      expectStatus(await a.get('/admins/me'), 200);
    });

    it('deletes an admin with their tokens', async () => {
      const p = await person();
      const res = await a.del(`/admins/${p.id}`);
      expect(res.statusCode).toBe(204);
      expectError(await p.api.get('/admins/me'), 401);
      expectError(await a.get(`/admins/${p.id}`), 404);
      expect(await t.services.store.db.select().from(adminTokens).where(eq(adminTokens.adminId, p.id))).toHaveLength(0);
    });
  });

  describe('roles', () => {
    it('grants, changes and removes a role in a space', async () => {
      const p = await person([]);
      expectError(await p.api.get('/spaces/team/clients'), 403);
      let v = expectStatus(await a.put(`/admins/${p.id}/roles/team`, { role: 'viewer' }), 200);
      expect(v.roles).toEqual([{ space: 'team', role: 'viewer' }]);
      expectStatus(await p.api.get('/spaces/team/clients'), 200);
      expectError(await p.api.post('/spaces/team/scopes', { name: 'x' }), 403);

      v = expectStatus(await a.put(`/admins/${p.id}/roles/team`, { role: 'client-manager' }), 200);
      expect(v.roles).toEqual([{ space: 'team', role: 'client-manager' }]);
      expectStatus(await p.api.post('/spaces/team/scopes', { name: 'x' }), 201);

      v = expectStatus(await a.del(`/admins/${p.id}/roles/team`), 200);
      expect(v.roles).toEqual([]);
      expectError(await p.api.get('/spaces/team/clients'), 403);
      expectError(await a.del(`/admins/${p.id}/roles/team`), 404);
    });

    it('grants a global role with *', async () => {
      const p = await person([]);
      const v = expectStatus(await a.put(`/admins/${p.id}/roles/*`, { role: 'viewer' }), 200);
      expect(v.roles).toEqual([{ space: '*', role: 'viewer' }]);
      expectStatus(await p.api.get('/spaces/team/clients'), 200);
      expectStatus(await p.api.get('/spaces/default/clients'), 200);
    });

    it('a global owner cannot give up their own owner role; another global owner can change it', async () => {
      expectError(await a.put('/admins/me/roles/*', { role: 'admin' }), 409);
      expectError(await a.del('/admins/me/roles/*'), 409);
      expectError(await a.del(`/admins/${t.ownerId}/roles/*`), 409);
      expectStatus(await a.put('/admins/me/roles/*', { role: 'owner' }), 200);
      expect(expectStatus(await a.get('/admins/me'), 200).roles).toEqual([{ space: '*', role: 'owner' }]);
      const second = await person([{ space: '*', role: 'owner' }]);
      const demoted = expectStatus(await second.api.put(`/admins/${t.ownerId}/roles/*`, { role: 'admin' }), 200);
      expect(demoted.roles).toEqual([{ space: '*', role: 'admin' }]);
      expectStatus(await second.api.put(`/admins/${t.ownerId}/roles/*`, { role: 'owner' }), 200);
      // Roles in one space stay the holder's to change.
      expectStatus(await a.put('/admins/me/roles/team', { role: 'viewer' }), 200);
      expectStatus(await a.del('/admins/me/roles/team'), 200);
    });

    it('refuses unknown roles and spaces', async () => {
      const p = await person([]);
      expectError(await a.put(`/admins/${p.id}/roles/team`, { role: 'superuser' }), 400, 'role');
      expectError(await a.put(`/admins/${p.id}/roles/team`, {}), 400, 'role');
      expectError(await a.put(`/admins/${p.id}/roles/nowhere`, { role: 'viewer' }), 400);
    });
  });

  describe('API tokens', () => {
    it('a new token is shown once, listed without its value and stored hashed', async () => {
      const res = await a.post('/admins/me/tokens', { name: 'ci', expires_in: 3600 });
      const tok = expectStatus(res, 201);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(tok.token).toMatch(/^kw_[A-Za-z0-9_-]{43}$/);
      expect(tok).toMatchObject({ name: 'ci', revoked_at: null, last_used_at: null });
      expect(tok.hint).toBe(tok.token.slice(0, tok.hint.length));
      expect(tok.hint.length).toBeLessThan(12);
      expect(Date.parse(tok.expires_at) - Date.now()).toBeGreaterThan(3500_000);

      const list = await a.get('/admins/me/tokens');
      expect(list.body).not.toContain(tok.token);
      const listed = list.json().items.find((x: { id: string }) => x.id === tok.id);
      expect(listed).toMatchObject({ id: tok.id, name: 'ci', hint: tok.hint });
      expect(listed).not.toHaveProperty('token');
      expect(listed).not.toHaveProperty('token_hash');

      const [row] = await t.services.store.db.select().from(adminTokens).where(eq(adminTokens.id, tok.id));
      expect(row!.tokenHash).not.toBe(tok.token);
      expect(row!.tokenHash).not.toContain(tok.token);
      expect(row!.tokenHash).toBe(sha256(tok.token));

      expectStatus(await api(t, tok.token).get('/admins/me'), 200);
      const used = expectStatus(await a.get('/admins/me/tokens'), 200).items.find((x: { id: string }) => x.id === tok.id);
      expect(used.last_used_at).not.toBeNull();
    });

    it('creates a token without a body, named "api" and without expiry', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/admin/api/v1/admins/me/tokens', headers: { authorization: `Bearer ${t.ownerToken}` } });
      const tok = expectStatus(res, 201);
      expect(tok).toMatchObject({ name: 'api', expires_at: null });
    });

    it('a revoked token answers 401', async () => {
      const tok = expectStatus(await a.post('/admins/me/tokens', { name: 'revoke-me' }), 201);
      const b = api(t, tok.token);
      expectStatus(await b.get('/spaces'), 200);
      expect((await a.del(`/admins/me/tokens/${tok.id}`)).statusCode).toBe(204);
      const res = await b.get('/spaces');
      expectError(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      const listed = expectStatus(await a.get('/admins/me/tokens'), 200).items.find((x: { id: string }) => x.id === tok.id);
      expect(listed.revoked_at).not.toBeNull();
      expectError(await a.del(`/admins/me/tokens/${tok.id}`), 404);
      expectError(await a.del('/admins/me/tokens/not-a-uuid'), 404);
    });

    it('an expired token answers 401', async () => {
      const tok = expectStatus(await a.post('/admins/me/tokens', { name: 'short', expires_in: 60 }), 201);
      expectStatus(await api(t, tok.token).get('/spaces'), 200);
      await t.services.store.db
        .update(adminTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(adminTokens.id, tok.id));
      expectError(await api(t, tok.token).get('/spaces'), 401);
    });

    it('refuses bad expiry and names', async () => {
      expectError(await a.post('/admins/me/tokens', { expires_in: 10 }), 400, 'expires_in');
      expectError(await a.post('/admins/me/tokens', { expires_in: 10 * 365 * 86400 }), 400, 'expires_in');
      expectError(await a.post('/admins/me/tokens', { name: '  ' }), 400, 'name');
    });

    it("tokens are made only for yourself; a global owner can list and revoke others' tokens", async () => {
      const p = await person();
      expectError(await a.post(`/admins/${p.id}/tokens`, { name: 'impersonate' }), 403);
      const own = expectStatus(await p.api.post('/admins/me/tokens', { name: 'mine' }), 201);
      const listed = await a.get(`/admins/${p.id}/tokens`);
      expect(listed.json().items.map((x: { name: string }) => x.name)).toContain('mine');
      expect(listed.body).not.toContain(own.token);
      // Others cannot see or revoke the owner's tokens.
      expectError(await p.api.get(`/admins/${t.ownerId}/tokens`), 403);
      expectError(await p.api.del(`/admins/${t.ownerId}/tokens/${own.id}`), 403);
      expect((await a.del(`/admins/${p.id}/tokens/${own.id}`)).statusCode).toBe(204);
      expectError(await api(t, own.token).get('/admins/me'), 401);
      // The admin's first token still works.
      expectStatus(await p.api.get('/admins/me'), 200);
    });
  });
});
