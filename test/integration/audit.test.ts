import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/store/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import type { AuditEntryView } from '../../src/admin/schemas.js';
import { api, expectError, expectStatus, webApp, type Api, type Res } from './support.js';

pgNotice();

type Entry = AuditEntryView;

describe.each(STORE_KINDS)('admin API: audit log (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  /** Every secret value handed out during this file: none may appear in the log. */
  const secrets: string[] = [];
  const C = '/spaces/audited/clients';

  const latestId = async (): Promise<number> => expectStatus(await a.get('/audit-log?limit=1'), 200).items[0]?.id ?? 0;
  /** Runs one mutation and returns the entries it wrote, after checking one has `action` on `target`. */
  const audited = async (run: () => Promise<Res>, status: number, action: string, target: { type: string; id?: string }) => {
    const before = await latestId();
    const res = await run();
    expect(res.statusCode, res.body).toBe(status);
    const entries: Entry[] = expectStatus(await a.get('/audit-log?limit=20'), 200).items.filter((e: Entry) => e.id > before);
    const entry = entries.find((e) => e.action === action);
    expect(entry, `${action} in ${JSON.stringify(entries)}`).toBeDefined();
    expect(entry!.actor).toEqual({ type: 'admin', id: t.ownerId, email: 'owner@example.com' });
    expect(entry!.target.type).toBe(target.type);
    if (target.id) expect(entry!.target.id).toBe(target.id);
    expect(Math.abs(Date.parse(entry!.at) - Date.now())).toBeLessThan(60_000);
    return { res, entry: entry!, body: res.body ? res.json() : undefined };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
  });
  afterAll(async () => t?.close());

  it('records space mutations with the changed fields', async () => {
    const c = await audited(() => a.post('/spaces', { slug: 'audited' }), 201, 'space.create', { type: 'space', id: 'audited' });
    expect(c.entry.space).toBe('audited');
    expect(c.entry.changes).toMatchObject({ slug: 'audited' });
    const u = await audited(() => a.patch('/spaces/audited', { display_name: 'Audited', access_token_ttl: 600 }), 200, 'space.update', {
      type: 'space',
      id: 'audited',
    });
    expect(u.entry.changes).toEqual({ display_name: { from: 'audited', to: 'Audited' }, access_token_ttl: { from: 28800, to: 600 } });
  });

  it('records scope mutations', async () => {
    const c = await audited(() => a.post('/spaces/audited/scopes', { name: 'aud:read' }), 201, 'scope.create', { type: 'scope', id: 'aud:read' });
    expect(c.entry.space).toBe('audited');
    const u = await audited(() => a.patch('/spaces/audited/scopes/aud:read', { description: 'Read' }), 200, 'scope.update', { type: 'scope', id: 'aud:read' });
    expect(u.entry.changes).toEqual({ description: { from: '', to: 'Read' } });
    expectStatus(await a.post('/spaces/audited/scopes', { name: 'aud:gone' }), 201);
    await audited(() => a.del('/spaces/audited/scopes/aud:gone'), 204, 'scope.delete', { type: 'scope', id: 'aud:gone' });
  });

  it('records every client mutation, naming changed fields and never a secret', async () => {
    const created = await audited(() => a.post(C, webApp('Audited App', { scope: 'aud:read' })), 201, 'client.create', { type: 'client' });
    const id: string = created.body.client_id;
    secrets.push(created.body.client_secret);
    expect(created.entry.target.id).toBe(id);
    expect(created.entry.changes).toMatchObject({ name: 'Audited App', client_type: 'confidential', scope: 'aud:read' });

    const u = await audited(() => a.patch(`${C}/${id}`, { description: 'Now described', access_token_ttl: 120 }), 200, 'client.update', { type: 'client', id });
    expect(u.entry.changes).toEqual({ description: { from: '', to: 'Now described' }, access_token_ttl: { from: 'default', to: 120 } });

    const off = await audited(() => a.patch(`${C}/${id}`, { active: false }), 200, 'client.deactivate', { type: 'client', id });
    expect(Object.keys(off.entry.changes!).sort()).toEqual(['active', 'deactivated_at', 'tokens_valid_after']);
    expect(off.entry.changes!.active).toEqual({ from: true, to: false });
    const on = await audited(() => a.patch(`${C}/${id}`, { active: true }), 200, 'client.reactivate', { type: 'client', id });
    expect(on.entry.changes!.active).toEqual({ from: false, to: true });

    const rot = await audited(() => a.post(`${C}/${id}/rotate-secret`, { grace_period: 60 }), 200, 'client.rotate_secret', { type: 'client', id });
    secrets.push(rot.body.client_secret);
    expect(rot.entry.changes).toEqual({ grace_period: 60 });

    const wh = await audited(() => a.post(`${C}/${id}/webhook-secret`), 200, 'client.webhook_secret', { type: 'client', id });
    secrets.push(wh.body.webhook_secret);

    const assoc = await audited(() => a.post(`${C}/${id}/scopes`, { create: [{ name: 'aud:write' }] }), 200, 'client.associate_scopes', { type: 'client', id });
    expect(assoc.entry.changes).toEqual({ scope: { from: 'aud:read', to: 'aud:read aud:write' } });
    await audited(() => a.del(`${C}/${id}/scopes/aud:write`), 204, 'client.disassociate_scope', { type: 'client', id });

    const gone = await audited(() => a.del(`${C}/${id}`), 204, 'client.delete', { type: 'client', id });
    expect(gone.entry.changes).toMatchObject({ name: 'Audited App' });
  });

  it('records a client type change without the new secret', async () => {
    const pub = expectStatus(await a.post(C, { name: 'Switcher', client_type: 'public', redirect_uris: ['https://s.example.com/cb'] }), 201);
    const sw = await audited(() => a.patch(`${C}/${pub.client_id}`, { client_type: 'confidential' }), 200, 'client.update', {
      type: 'client',
      id: pub.client_id,
    });
    secrets.push(sw.body.client_secret);
    expect(sw.entry.changes).toMatchObject({
      client_type: { from: 'public', to: 'confidential' },
      token_endpoint_auth_method: { from: 'none', to: 'client_secret_basic' },
    });
    expect(sw.entry.changes).toHaveProperty('client_secret');
  });

  it('records admin, role and token mutations', async () => {
    const password = 'audit-password-1234';
    secrets.push(password);
    const made = await audited(
      () => a.post('/admins', { email: 'audited@example.com', password, roles: [{ space: 'audited', role: 'viewer' }] }),
      201,
      'admin.create',
      { type: 'admin' },
    );
    const id: string = made.body.id;
    expect(made.entry.changes).toMatchObject({ email: 'audited@example.com', roles: [{ space: 'audited', role: 'viewer' }] });

    const newPassword = 'another-password-5678';
    secrets.push(newPassword);
    const pw = await audited(() => a.patch(`/admins/${id}`, { password: newPassword }), 200, 'admin.update', { type: 'admin', id });
    expect(pw.entry.changes).toHaveProperty('password');
    const dis = await audited(() => a.patch(`/admins/${id}`, { disabled: true }), 200, 'admin.update', { type: 'admin', id });
    expect(dis.entry.changes).toEqual({ disabled: { from: false, to: true } });

    const grant = await audited(() => a.put(`/admins/${id}/roles/audited`, { role: 'admin' }), 200, 'admin.grant_role', { type: 'admin', id });
    expect(grant.entry.changes).toEqual({ space: 'audited', role: { from: 'viewer', to: 'admin' } });
    expect(grant.entry.space).toBe('audited');
    const revoke = await audited(() => a.del(`/admins/${id}/roles/audited`), 200, 'admin.revoke_role', { type: 'admin', id });
    expect(revoke.entry.changes).toEqual({ space: 'audited', role: { from: 'admin', to: null } });

    const tok = await audited(() => a.post('/admins/me/tokens', { name: 'audited-token' }), 201, 'admin_token.create', { type: 'admin_token' });
    secrets.push(tok.body.token);
    expect(tok.entry.target.id).toBe(tok.body.id);
    expect(tok.entry.changes).toMatchObject({ admin: t.ownerId, name: 'audited-token' });
    await audited(() => a.del(`/admins/me/tokens/${tok.body.id}`), 204, 'admin_token.revoke', { type: 'admin_token', id: tok.body.id });

    const del = await audited(() => a.del(`/admins/${id}`), 204, 'admin.delete', { type: 'admin', id });
    expect(del.entry.changes).toEqual({ email: 'audited@example.com' });
  });

  it('a refused mutation writes no entry', async () => {
    const before = await latestId();
    expectError(await a.post(C, webApp('Bad', { redirect_uris: ['http://evil.example/cb'] })), 400);
    expectError(await a.post(C, webApp('Bad', { scope: 'ghost' })), 400);
    expectError(await a.post('/spaces', { slug: 'audited' }), 409);
    expect(await latestId()).toBe(before);
  });

  it('records space deletion', async () => {
    expectStatus(await a.post('/spaces', { slug: 'audited-gone' }), 201);
    await audited(() => a.del('/spaces/audited-gone'), 204, 'space.delete', { type: 'space', id: 'audited-gone' });
  });

  it('no secret value ever appears in the audit log (API or table)', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    expect(secrets.every((s) => typeof s === 'string' && s.length >= 12)).toBe(true);
    const all: Entry[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; next_cursor: string | null } = expectStatus(await a.get(`/audit-log?limit=5${cursor ? `&cursor=${cursor}` : ''}`), 200);
      all.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(20);
    const rows = await t.services.store.db.select().from(auditLog);
    expect(rows.length).toBe(all.length);
    const text = JSON.stringify(all) + JSON.stringify(rows);
    for (const s of [...secrets, t.ownerToken]) expect(text).not.toContain(s);
    expect(text).not.toContain('$argon2');
  });

  it('filters by space and action and pages with a cursor', async () => {
    const bySpace: Entry[] = expectStatus(await a.get('/audit-log?space=audited&limit=200'), 200).items;
    expect(bySpace.length).toBeGreaterThan(5);
    expect(bySpace.every((e) => e.space === 'audited')).toBe(true);
    const ids = bySpace.map((e) => e.id);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids); // newest first
    const byAction: Entry[] = expectStatus(await a.get('/audit-log?action=client.delete'), 200).items;
    expect(byAction.length).toBeGreaterThanOrEqual(1);
    expect(byAction.every((e) => e.action === 'client.delete')).toBe(true);
    const first = expectStatus(await a.get('/audit-log?limit=2'), 200);
    const second = expectStatus(await a.get(`/audit-log?limit=2&cursor=${first.next_cursor}`), 200);
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    expect(expectStatus(await a.get('/audit-log?cursor=0'), 200).items).toEqual([]);
    expectError(await a.get('/audit-log?cursor=abc'), 400, 'cursor');
    expectError(await a.get('/audit-log?limit=0'), 400, 'limit');
    expectError(await a.get('/audit-log?bogus=1'), 400, 'bogus');
  });

  it('filters by actor, target and time range', async () => {
    const byActor: Entry[] = expectStatus(await a.get('/audit-log?actor=OWNER@example.com&limit=200'), 200).items;
    expect(byActor.length).toBeGreaterThan(5);
    expect(byActor.every((e) => e.actor.email === 'owner@example.com')).toBe(true);
    expect(expectStatus(await a.get(`/audit-log?actor=${t.ownerId}&limit=200`), 200).items.length).toBe(byActor.length);
    expect(expectStatus(await a.get('/audit-log?actor=nobody@example.com'), 200).items).toEqual([]);

    const byTarget: Entry[] = expectStatus(await a.get('/audit-log?target_type=scope&target_id=aud:read'), 200).items;
    expect(byTarget.map((e) => e.action).sort()).toEqual(['scope.create', 'scope.update']);

    const all: Entry[] = expectStatus(await a.get('/audit-log?limit=200'), 200).items;
    const middle = all[Math.floor(all.length / 2)]!;
    const since: Entry[] = expectStatus(await a.get(`/audit-log?limit=200&since=${encodeURIComponent(middle.at)}`), 200).items;
    expect(since.every((e) => e.at >= middle.at)).toBe(true);
    expect(since.some((e) => e.id === middle.id)).toBe(true);
    const until: Entry[] = expectStatus(await a.get(`/audit-log?limit=200&until=${encodeURIComponent(middle.at)}`), 200).items;
    expect(until.every((e) => e.at < middle.at)).toBe(true);
    expect(since.length + until.length).toBe(all.length);
    expectError(await a.get('/audit-log?since=yesterday'), 400, 'since');
  });
});
