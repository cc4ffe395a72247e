// ETag and If-Match in the admin API (issue 8, point 11; RFC 9110 §8.8.3, §13.1.1): single resources answer a
// strong ETag that changes with every visible change; writes with a stale If-Match answer 412 and change nothing;
// concurrent writes holding one ETag: exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, API, expectError, expectStatus, webApp, type Api, type Res } from './support.js';

pgNotice();

const STRONG_TAG = /^"[A-Za-z0-9_-]{22}"$/;

interface Kind {
  what: string;
  /** Creates a fresh resource; returns its path under the API and its audit target id. */
  create(a: Api, n: number): Promise<{ path: string; id: string }>;
  /** Three changes that each change the representation. */
  patches: Record<string, unknown>[];
  field: string;
}

const kinds: Kind[] = [
  {
    what: 'client',
    create: async (a, n) => {
      const c = expectStatus(await a.post('/spaces/tagged/clients', webApp(`Tagged ${n}`)), 201);
      return { path: `/spaces/tagged/clients/${c.client_id}`, id: c.client_id };
    },
    patches: [{ description: 'one' }, { description: 'two' }, { description: 'three' }],
    field: 'description',
  },
  {
    what: 'scope',
    create: async (a, n) => {
      expectStatus(await a.post('/spaces/tagged/scopes', { name: `tagged:${n}` }), 201);
      return { path: `/spaces/tagged/scopes/tagged:${n}`, id: `tagged:${n}` };
    },
    patches: [{ description: 'one' }, { description: 'two' }, { description: 'three' }],
    field: 'description',
  },
  {
    what: 'user',
    create: async (a, n) => {
      const u = expectStatus(await a.post('/spaces/tagged/users', { username: `tagged${n}` }), 201);
      return { path: `/spaces/tagged/users/${u.id}`, id: u.id };
    },
    patches: [{ name: 'One' }, { name: 'Two' }, { name: 'Three' }],
    field: 'name',
  },
  {
    what: 'space',
    create: async (a, n) => {
      expectStatus(await a.post('/spaces', { slug: `tagged-${n}` }), 201);
      return { path: `/spaces/tagged-${n}`, id: `tagged-${n}` };
    },
    patches: [{ display_name: 'One' }, { settings: { require_par: true } }, { display_name: 'Three' }],
    field: 'display_name',
  },
  {
    what: 'admin',
    create: async (a, n) => {
      const admin = expectStatus(await a.post('/admins', { email: `tagged${n}@example.com` }), 201);
      return { path: `/admins/${admin.id}`, id: admin.id };
    },
    patches: [{ disabled: true }, { disabled: false }, { disabled: true }],
    field: 'disabled',
  },
];

describe.each(STORE_KINDS)('admin API: ETag and If-Match (%s)', (kind) => {
  let t: TestApp;
  let a: Api;
  let n = 0;
  const withIfMatch = (method: 'PATCH' | 'DELETE' | 'POST' | 'PUT', path: string, ifMatch: string, body?: unknown) =>
    a.call(method, path, body, { 'if-match': ifMatch });
  const etagOf = (res: Res) => res.headers.etag as string;
  const auditCount = async () => (expectStatus(await a.get('/audit-log?limit=200'), 200).items as unknown[]).length;

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = api(t);
    expectStatus(await a.post('/spaces', { slug: 'tagged' }), 201);
  });
  afterAll(async () => t?.close());

  describe.each(kinds)('$what', (k) => {
    it('GET answers a strong ETag; a PATCH with it succeeds and answers the new one; the old one then gets 412 and changes nothing', async () => {
      const { path } = await k.create(a, ++n);
      const read = expectStatus(await a.get(path), 200);
      const tag0 = etagOf(await a.get(path));
      expect(tag0).toMatch(STRONG_TAG);
      expect(etagOf(await a.get(path)), 'the same representation has the same tag').toBe(tag0);

      const first = await withIfMatch('PATCH', path, tag0, k.patches[0]);
      expectStatus(first, 200);
      const tag1 = etagOf(first);
      expect(tag1).toMatch(STRONG_TAG);
      expect(tag1).not.toBe(tag0);
      const now = await a.get(path);
      expect(etagOf(now), 'the answer to the PATCH carries the tag a GET then gives').toBe(tag1);

      const before = await auditCount();
      const stale = await withIfMatch('PATCH', path, tag0, k.patches[1]);
      expect(expectError(stale, 412).error).toBe('precondition_failed');
      expect(stale.headers.etag).toBeUndefined();
      const after = await a.get(path);
      expect(after.json()).toEqual(now.json());
      expect(etagOf(after)).toBe(tag1);
      expect(await auditCount(), 'a refused change writes no audit entry').toBe(before);
      expect(read[k.field]).not.toEqual(after.json()[k.field]);

      // "*" matches any current representation; a list matches if one of its tags does; weak tags never do.
      expectStatus(await withIfMatch('PATCH', path, '*', k.patches[1]), 200);
      const tag2 = etagOf(await a.get(path));
      expectError(await withIfMatch('PATCH', path, `W/${tag2}`, k.patches[2]), 412);
      expectStatus(await withIfMatch('PATCH', path, `${tag0}, ${tag2}`, k.patches[2]), 200);
    });

    it('DELETE with a stale If-Match answers 412 and keeps the resource; with the current one it deletes', async () => {
      const { path } = await k.create(a, ++n);
      const tag0 = etagOf(await a.get(path));
      expectStatus(await a.patch(path, k.patches[0]), 200);
      expectError(await withIfMatch('DELETE', path, tag0, undefined), 412);
      expectStatus(await a.get(path), 200);
      const tag1 = etagOf(await a.get(path));
      expectStatus(await withIfMatch('DELETE', path, tag1, undefined), 204);
      expectError(await a.get(path), 404);
      // A missing resource is a 404 whatever the precondition (RFC 9110 §13.2.1).
      expectError(await withIfMatch('DELETE', path, '*', undefined), 404);
    });
  });

  it('a change of the space settings changes the space ETag, and a stale one refuses a settings change', async () => {
    const tag0 = etagOf(await a.get('/spaces/tagged'));
    expectStatus(await a.patch('/spaces/tagged', { settings: { login_failure_limit: 7 } }), 200);
    const tag1 = etagOf(await a.get('/spaces/tagged'));
    expect(tag1).not.toBe(tag0);
    expectError(await withIfMatch('PATCH', '/spaces/tagged', tag0, { settings: { login_failure_limit: 8 } }), 412);
    expect(expectStatus(await a.get('/spaces/tagged'), 200).settings.login_failure_limit).toBe(7);
  });

  it('the ETag changes with a change that touches neither the fields sent nor updated_at (revoke-all moves tokens_valid_after)', async () => {
    const { path, id } = await kinds[0]!.create(a, ++n);
    const before = await a.get(path);
    expectStatus(await a.post('/spaces/tagged/tokens/revoke', { client_id: id }), 200);
    const after = await a.get(path);
    expect(after.json().updated_at).toBe(before.json().updated_at);
    expect(etagOf(after)).not.toBe(etagOf(before));
    expectError(await withIfMatch('PATCH', path, etagOf(before), { description: 'late' }), 412);
  });

  it("client actions take the client's If-Match: a stale one refuses them and nothing happens", async () => {
    expectStatus(await a.post('/spaces/tagged/scopes', { name: 'act:one' }), 201);
    const { path } = await kinds[0]!.create(a, ++n);
    const stale = etagOf(await a.get(path));
    expectStatus(await a.patch(path, { description: 'moved on' }), 200);
    const current = expectStatus(await a.get(path), 200);
    const before = await auditCount();
    expectError(await withIfMatch('POST', `${path}/rotate-secret`, stale, {}), 412);
    expectError(await withIfMatch('POST', `${path}/webhook-secret`, stale), 412);
    expectError(await withIfMatch('POST', `${path}/scopes`, stale, { scopes: ['act:one'] }), 412);
    expect(await auditCount()).toBe(before);
    expect(expectStatus(await a.get(path), 200)).toEqual(current);

    const tag = etagOf(await a.get(path));
    expectStatus(await withIfMatch('POST', `${path}/scopes`, tag, { scopes: ['act:one'] }), 200);
    expectError(await withIfMatch('DELETE', `${path}/scopes/act:one`, tag), 412);
    const tag2 = etagOf(await a.get(path));
    expectStatus(await withIfMatch('DELETE', `${path}/scopes/act:one`, tag2), 204);
    // A PATCH that sets the scopes answers the tag a GET then gives (the answer lists them as a read does).
    expectStatus(await a.post('/spaces/tagged/scopes', { name: 'act:two' }), 201);
    const scoped = await withIfMatch('PATCH', path, etagOf(await a.get(path)), { scope: 'act:two act:one' });
    expectStatus(scoped, 200);
    expect(etagOf(scoped)).toBe(etagOf(await a.get(path)));
    expectStatus(await withIfMatch('POST', `${path}/rotate-secret`, etagOf(await a.get(path)), {}), 200);
    expectStatus(await withIfMatch('POST', `${path}/webhook-secret`, etagOf(await a.get(path))), 200);
  });

  it("admin role changes take the admin's If-Match and answer the new ETag", async () => {
    const { path } = await kinds[4]!.create(a, ++n);
    const tag0 = etagOf(await a.get(path));
    const granted = await withIfMatch('PUT', `${path}/roles/tagged`, tag0, { role: 'viewer' });
    expectStatus(granted, 200);
    expect(etagOf(granted)).toBe(etagOf(await a.get(path)));
    expectError(await withIfMatch('PUT', `${path}/roles/tagged`, tag0, { role: 'owner' }), 412);
    expectError(await withIfMatch('DELETE', `${path}/roles/tagged`, tag0), 412);
    expect(expectStatus(await a.get(path), 200).roles).toEqual([{ space: 'tagged', role: 'viewer' }]);
    const removed = await withIfMatch('DELETE', `${path}/roles/tagged`, etagOf(granted));
    expect(expectStatus(removed, 200).roles).toEqual([]);
  });

  it('a malformed If-Match is a 400 that names the header', async () => {
    const { path } = await kinds[0]!.create(a, ++n);
    for (const bad of ['abc', '"unterminated', '"a" "b"', '', 'W/abc']) {
      const res = await withIfMatch('PATCH', path, bad, { description: 'never' });
      expectError(res, 400, 'If-Match');
    }
    expect(expectStatus(await a.get(path), 200).description).toBe('');
  });

  it('concurrent PATCHes holding one ETag: exactly one wins, the others get 412', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { path } = await kinds[0]!.create(a, ++n);
    const tag = etagOf(await a.get(path));
    const answers = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((d) =>
        fetch(address + API + path, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${t.ownerToken}`, 'content-type': 'application/json', 'if-match': tag },
          body: JSON.stringify({ description: d }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { description: string } })),
      ),
    );
    const won = answers.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((r) => r.status === 412)).toHaveLength(5);
    expect(expectStatus(await a.get(path), 200).description).toBe(won[0]!.body.description);
  });

  it('the OpenAPI document describes ETag, If-Match and 412', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
    const single = [
      '/spaces/{space}',
      '/spaces/{space}/scopes/{name}',
      '/spaces/{space}/clients/{client_id}',
      '/spaces/{space}/users/{user_id}',
      '/admins/{admin_id}',
    ];
    for (const p of single) {
      expect(doc.paths[p].get.responses['200'].headers?.etag, `GET ${p}`).toBeDefined();
      for (const m of ['patch', 'delete']) {
        const op = doc.paths[p][m];
        expect(
          op.parameters.some((x: any) => x.in === 'header' && x.name.toLowerCase() === 'if-match'),
          `${m} ${p} If-Match`,
        ).toBe(true);
        expect(op.responses['412'], `${m} ${p} 412`).toBeDefined();
      }
      expect(doc.paths[p].patch.responses['200'].headers?.etag, `PATCH ${p}`).toBeDefined();
    }
    for (const p of [
      '/spaces/{space}/clients/{client_id}/rotate-secret',
      '/spaces/{space}/clients/{client_id}/webhook-secret',
      '/spaces/{space}/clients/{client_id}/scopes',
    ]) {
      expect(doc.paths[p].post.responses['412'], p).toBeDefined();
    }
    expect(doc.paths['/admins/{admin_id}/roles/{space}'].put.responses['412']).toBeDefined();
  });
});
