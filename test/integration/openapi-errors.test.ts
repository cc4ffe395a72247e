// The errors the OpenAPI document lists for an operation are the ones it really answers: for a sample of
// operations that together cover every error status, each listed status is provoked over HTTP, and the list is
// exactly the set provoked (so a status added to or dropped from the document without a way to get it fails here).
// The admin sweep checks the other direction: no answer outside the listed statuses.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { masterKeyFrom } from '../../src/crypto/seal.js';
import { buildApp } from '../../src/http/app.js';
import { createServices } from '../../src/services.js';
import { openStore, type Store } from '../../src/store/db.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { API } from './support.js';

type Provoke = () => Promise<{ statusCode: number; body: string }>;

describe('admin API: the errors each operation can give', () => {
  let t: TestApp;
  let down: { app: Awaited<ReturnType<typeof buildApp>>; store: Store };
  let doc: { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
  let viewer: string;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    doc = (await t.app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
    viewer = (await t.adminWith([{ space: '*', role: 'viewer' }])).token;
    await call(t.ownerToken, 'POST', '/spaces', { slug: 'other', display_name: 'Other' });
    // The same API over a store that cannot be reached (nothing listens on port 1).
    const store = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/keyward' });
    const app = await buildApp({ config: loadConfig({ KEYWARD_PORT: '0' }), services: createServices(store, masterKeyFrom(randomBytes(32))), logger: false });
    await app.ready();
    down = { app, store };
  });
  afterAll(async () => {
    await down?.app.close();
    await down?.store.close();
    await t?.close();
  });

  const call = (token: string | null, method: string, path: string, payload?: unknown, headers: Record<string, string> = {}, app = t.app) =>
    app.inject({
      method: method as 'GET',
      url: API + path,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as string } : {}),
    });
  const huge = { name: 'x'.repeat(300 * 1024) };
  const xml = { 'content-type': 'application/xml' };
  const storeDown = (method: string, path: string, payload?: unknown) => () => call(t.ownerToken, method, path, payload, {}, down.app);

  /** operationId → how to get each error status it lists. */
  const samples: Record<string, [string, string, Record<number, Provoke>]> = {
    signIn: [
      'post',
      '/sign-in',
      {
        400: () => call(null, 'POST', '/sign-in', { email: 'owner@example.com' }),
        401: () => call(null, 'POST', '/sign-in', { email: 'owner@example.com', password: 'not the password' }),
        413: () => call(null, 'POST', '/sign-in', huge),
        415: () => call(null, 'POST', '/sign-in', '<email/>', xml),
        429: async () => {
          const attempt = () => call(null, 'POST', '/sign-in', { email: 'locked@example.com', password: 'wrong password' });
          for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
          return attempt();
        },
        503: storeDown('POST', '/sign-in', { email: 'owner@example.com', password: 'whatever it is' }),
      },
    ],
    listAdmins: [
      'get',
      '/admins',
      {
        401: () => call('nonsense', 'GET', '/admins'),
        403: () => call(viewer, 'GET', '/admins'),
        503: storeDown('GET', '/admins'),
      },
    ],
    listSpaces: [
      'get',
      '/spaces',
      {
        400: () => call(t.ownerToken, 'GET', '/spaces?limit=many'),
        401: () => call(null, 'GET', '/spaces'),
        503: storeDown('GET', '/spaces'),
      },
    ],
    createClient: [
      'post',
      '/spaces/{space}/clients',
      {
        400: () => call(t.ownerToken, 'POST', '/spaces/default/clients', { name: 5 }),
        401: () => call(null, 'POST', '/spaces/default/clients', { name: 'web' }),
        403: () => call(viewer, 'POST', '/spaces/default/clients', { name: 'web' }),
        404: () => call(t.ownerToken, 'POST', '/spaces/nope/clients', { name: 'web' }),
        409: async () => {
          expect((await call(t.ownerToken, 'POST', '/spaces/default/clients', { name: 'twice', grant_types: ['client_credentials'] })).statusCode).toBe(201);
          return call(t.ownerToken, 'POST', '/spaces/default/clients', { name: 'twice', grant_types: ['client_credentials'] });
        },
        413: () => call(t.ownerToken, 'POST', '/spaces/default/clients', huge),
        415: () => call(t.ownerToken, 'POST', '/spaces/default/clients', '<name/>', xml),
        503: storeDown('POST', '/spaces/default/clients', { name: 'web' }),
      },
    ],
    deleteSpace: [
      'delete',
      '/spaces/{space}',
      {
        400: () => call(t.ownerToken, 'DELETE', '/spaces/other', undefined, { 'if-match': 'no quotes' }),
        401: () => call(null, 'DELETE', '/spaces/other'),
        403: () => call(viewer, 'DELETE', '/spaces/other'),
        404: () => call(t.ownerToken, 'DELETE', '/spaces/nope'),
        409: () => call(t.ownerToken, 'DELETE', '/spaces/default'),
        412: () => call(t.ownerToken, 'DELETE', '/spaces/other', undefined, { 'if-match': '"stale"' }),
        503: storeDown('DELETE', '/spaces/other'),
      },
    ],
    revokeToken: [
      'delete',
      '/spaces/{space}/tokens/{id}',
      {
        400: () => call(t.ownerToken, 'DELETE', `/spaces/default/tokens/${'x'.repeat(201)}`),
        401: () => call(null, 'DELETE', '/spaces/default/tokens/nope'),
        403: () => call(viewer, 'DELETE', '/spaces/default/tokens/nope'),
        404: () => call(t.ownerToken, 'DELETE', '/spaces/default/tokens/nope'),
        503: storeDown('DELETE', '/spaces/default/tokens/nope'),
      },
    ],
  };

  it('the sample covers every error status the document uses', () => {
    const used = new Set<string>();
    for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) Object.keys(op.responses).forEach((c) => used.add(c));
    const provoked = new Set(Object.values(samples).flatMap(([, , provokers]) => Object.keys(provokers)));
    expect([...used].filter((c) => c >= '400').sort()).toEqual([...provoked].sort());
  });

  it.each(Object.keys(samples))('%s answers each error it lists, and lists no other', async (operationId) => {
    const [method, path, provokers] = samples[operationId]!;
    const op = doc.paths[path]![method]!;
    expect(op.operationId).toBe(operationId);
    expect(Object.keys(op.responses).filter((c) => c >= '400')).toEqual(Object.keys(provokers));
    for (const [status, provoke] of Object.entries(provokers)) {
      const res = await provoke();
      expect(res.statusCode, `${operationId} → ${res.body.slice(0, 300)}`).toBe(Number(status));
      // The error code is the one the document's example for this status shows.
      const example = (op.responses[status] as { content: { 'application/json': { example: { error: string } } } }).content['application/json'].example;
      expect(JSON.parse(res.body), operationId).toEqual(expect.objectContaining({ error: example.error, message: expect.any(String) }));
    }
  });
});
