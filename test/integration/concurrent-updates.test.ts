// No lost updates in the admin API (issue 8, point 11). Concurrent writes to one resource, over real sockets so
// PostgreSQL runs them in truly concurrent transactions (PGlite runs one at a time, and must not lose either):
// - concurrent PATCHes of different fields all stay;
// - concurrent PATCHes of one field leave an audit trail whose entries chain (each "from" is the previous "to"),
//   and replaying the trail over the first state gives the final state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { API } from './support.js';

pgNotice();

type Json = Record<string, any>;
interface Answer {
  status: number;
  etag: string | null;
  body: any;
}
interface Entry {
  id: number;
  action: string;
  target: { type: string; id: string | null };
  changes: Record<string, unknown> | null;
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } => !!v && typeof v === 'object' && 'from' in v && 'to' in v;

/** A space's view with its settings flattened as the audit log names them (settings.<key>). */
const flatSpace = ({ settings, ...rest }: Json): Json => ({
  ...rest,
  ...Object.fromEntries(Object.entries(settings as Json).map(([k, v]) => [`settings.${k}`, v])),
});

describe.each(STORE_KINDS)('admin API: concurrent updates lose nothing (%s)', (kind) => {
  let t: TestApp;
  let base: string;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${t.ownerToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, etag: res.headers.get('etag'), body: text ? JSON.parse(text) : undefined };
  };
  const ok = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await call(method, path, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  /** All at once: every request is on the wire before any answer is awaited. */
  const together = async (requests: [string, string, unknown?][]): Promise<Answer[]> => {
    const answers = await Promise.all(requests.map(([m, p, b]) => call(m, p, b)));
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    return answers;
  };
  /** Audit entries about one target, oldest first. */
  const trail = async (type: string, id: string, since: number): Promise<Entry[]> => {
    const { items } = await ok('GET', '/audit-log?limit=200');
    return (items as Entry[]).filter((e) => e.id > since && e.target.type === type && e.target.id === id).reverse();
  };
  const lastAuditId = async (): Promise<number> => (await ok('GET', '/audit-log?limit=1')).items[0]?.id ?? 0;

  /** Replays the trail over `first`: every "from" must be the value then current; returns the state it ends in. */
  const replay = (first: Json, entries: Entry[]): Json => {
    const state: Json = structuredClone(first);
    for (const e of entries) {
      for (const [field, change] of Object.entries(e.changes ?? {})) {
        if (!isChange(change)) continue;
        expect(change.from, `${e.action} #${e.id}: "from" of ${field} is not the value it replaced`).toEqual(state[field]);
        state[field] = change.to;
      }
    }
    return state;
  };

  /**
   * Runs one concurrent PATCH per entry of `changes` (each changes one field), then checks every change stayed
   * and the audit trail replays to the final state.
   */
  const differentFields = async (path: string, target: { type: string; id: string }, changes: Json, flat: (v: Json) => Json = (v) => v) => {
    const first = await ok('GET', path);
    const since = await lastAuditId();
    await together(Object.entries(changes).map(([field, value]) => ['PATCH', path, { [field]: value }]));
    const final = await ok('GET', path);
    for (const [field, value] of Object.entries(changes)) {
      if (field === 'settings') expect(final.settings, 'settings').toMatchObject(value);
      else if (field !== 'password') expect(final[field], field).toEqual(value);
    }
    const entries = await trail(target.type, target.id, since);
    expect(entries).toHaveLength(Object.keys(changes).length);
    const { updated_at: _a, ...replayed } = replay(flat(first), entries);
    const { updated_at: _b, ...expected } = flat(final);
    expect(replayed).toEqual(expected);
  };

  /** N concurrent PATCHes of the same field: each audit entry's "from" is the previous entry's "to". */
  const sameField = async (path: string, target: { type: string; id: string }, field: string, values: unknown[]) => {
    const first = await ok('GET', path);
    const since = await lastAuditId();
    await together(values.map((v) => ['PATCH', path, { [field]: v }]));
    const final = await ok('GET', path);
    const entries = await trail(target.type, target.id, since);
    const steps = entries.map((e) => e.changes?.[field]).filter(isChange);
    expect(steps).toHaveLength(values.length);
    expect(steps[0]!.from).toEqual(first[field]);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from, `entry ${i}`).toEqual(steps[i - 1]!.to);
    expect(steps[steps.length - 1]!.to).toEqual(final[field]);
    expect(new Set(steps.map((s) => JSON.stringify(s.to)))).toEqual(new Set(values.map((v) => JSON.stringify(v))));
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = address + API;
    await ok('POST', '/spaces', { slug: 'busy' });
  });
  afterAll(async () => t?.close());

  it('clients: concurrent PATCHes of different fields all stay, and the audit trail replays', async () => {
    const c = await ok('POST', '/spaces/busy/clients', { name: 'Busy', redirect_uris: ['https://app.example.com/cb'] });
    await differentFields(
      `/spaces/busy/clients/${c.client_id}`,
      { type: 'client', id: c.client_id },
      {
        description: 'described',
        client_name: 'Busy App',
        logo_uri: 'https://app.example.com/logo.png',
        client_uri: 'https://app.example.com/home',
        policy_uri: 'https://app.example.com/privacy',
        tos_uri: 'https://app.example.com/tos',
        contacts: ['ops@example.com'],
        access_token_ttl: 600,
        access_token_format: 'opaque',
        post_logout_redirect_uris: ['https://app.example.com/bye'],
      },
    );
  });

  it('clients: concurrent PATCHes of one field chain their audit "from" values', async () => {
    const c = await ok('POST', '/spaces/busy/clients', { name: 'Chained', redirect_uris: ['https://app.example.com/cb'] });
    await sameField(`/spaces/busy/clients/${c.client_id}`, { type: 'client', id: c.client_id }, 'description', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('clients: scope associations, PATCHes and deactivation interleave without losing any', async () => {
    for (const name of ['s1', 's2', 's3']) await ok('POST', '/spaces/busy/scopes', { name });
    // scope '': none of the standard scopes a client acting for users gets by default.
    const c = await ok('POST', '/spaces/busy/clients', { name: 'Scoped', redirect_uris: ['https://app.example.com/cb'], scope: '' });
    const path = `/spaces/busy/clients/${c.client_id}`;
    const answers = await Promise.all([
      call('POST', `${path}/scopes`, { scopes: ['s1'] }),
      call('POST', `${path}/scopes`, { scopes: ['s2'] }),
      call('POST', `${path}/scopes`, { scopes: ['s3'] }),
      call('PATCH', path, { description: 'scoped' }),
      call('PATCH', path, { active: false }),
      call('POST', `${path}/webhook-secret`),
    ]);
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    const final = await ok('GET', path);
    expect(final).toMatchObject({ scope: 's1 s2 s3', description: 'scoped', active: false, has_webhook_secret: true });
  });

  it('scopes: concurrent PATCHes of different fields and of one field', async () => {
    await ok('POST', '/spaces/busy/scopes', { name: 'shared' });
    const path = '/spaces/busy/scopes/shared';
    const target = { type: 'scope', id: 'shared' };
    await differentFields(path, target, { description: 'Read shared things', default: true });
    await sameField(path, target, 'description', ['one', 'two', 'three', 'four', 'five', 'six']);
  });

  it('users: concurrent PATCHes of different fields and of one field', async () => {
    const u = await ok('POST', '/spaces/busy/users', { username: 'racer', password: 'correct horse battery' });
    const path = `/spaces/busy/users/${u.id}`;
    const target = { type: 'user', id: u.id };
    await differentFields(path, target, { email: 'racer@example.com', email_verified: true, name: 'Racer', password: 'another long password', disabled: true });
    await sameField(path, target, 'name', ['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('spaces: concurrent changes of different settings all stay (settings are merged under the lock)', async () => {
    const path = '/spaces/busy';
    const target = { type: 'space', id: 'busy' };
    await differentFields(
      path,
      target,
      {
        display_name: 'Busy space',
        access_token_ttl: 900,
        refresh_token_ttl: 86400,
        settings: { require_par: true },
      },
      flatSpace,
    );
    // Every setting in a request of its own: the read-merge-write of the settings document is the lost update
    // that hurts most (one operator's change silently undone by another's).
    const first = await ok('GET', path);
    const since = await lastAuditId();
    const settings = {
      allow_plain_pkce: true,
      login_failure_limit: 5,
      login_lockout_seconds: 120,
      registration: 'open',
      id_token_ttl: 600,
      session_ttl: 3600,
      device_code_ttl: 300,
      key_rotation_days: 30,
    };
    await together(Object.entries(settings).map(([k, v]) => ['PATCH', path, { settings: { [k]: v } }]));
    const final = await ok('GET', path);
    expect(final.settings).toMatchObject({ ...settings, require_par: true });
    const { updated_at: _a, ...replayed } = replay(flatSpace(first), await trail('space', 'busy', since));
    const { updated_at: _b, ...expected } = flatSpace(final);
    expect(replayed).toEqual(expected);
    await sameField(path, target, 'display_name', ['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco', 'Seis']);
  });

  it('admins: concurrent role changes of one admin run one after the other and log the role they replaced', async () => {
    const admin = await ok('POST', '/admins', { email: 'racing-admin@example.com' });
    const since = await lastAuditId();
    const roles = ['viewer', 'admin', 'owner', 'viewer', 'admin', 'owner'];
    await together(roles.map((role) => ['PUT', `/admins/${admin.id}/roles/busy`, { role }]));
    const steps = (await trail('admin', admin.id, since)).map((e) => e.changes?.role).filter(isChange);
    expect(steps).toHaveLength(roles.length);
    expect(steps[0]!.from).toBeNull();
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from, `entry ${i}`).toEqual(steps[i - 1]!.to);
    const final = await ok('GET', `/admins/${admin.id}`);
    expect(final.roles).toEqual([{ space: 'busy', role: steps[steps.length - 1]!.to }]);
  });

  it('revoke-all and a deactivation racing on one client leave the later cut-off', async () => {
    // A race of two requests goes one way or the other: several rounds so that both orders happen.
    for (let round = 0; round < 5; round++) {
      const c = await ok('POST', '/spaces/busy/clients', { name: `CutOff ${round}`, redirect_uris: ['https://app.example.com/cb'] });
      const path = `/spaces/busy/clients/${c.client_id}`;
      const [revoked, patched] = await Promise.all([
        call('POST', '/spaces/busy/tokens/revoke', { client_id: c.client_id }),
        call('PATCH', path, { active: false }),
      ]);
      expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const final = await ok('GET', path);
      const latest = Math.max(Date.parse(revoked.body.tokens_valid_after), Date.parse(patched.body.tokens_valid_after));
      expect(Date.parse(final.tokens_valid_after), `round ${round}`).toBe(latest);
    }
  });
});
