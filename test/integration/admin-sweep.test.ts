// A seeded random sweep over every operation of the admin API's OpenAPI document (so new routes are swept too):
// random path values, query strings and JSON bodies shaped loosely after each operation's schema. Whatever comes in,
// the answer is below 500 with the API's error shape, is one of the statuses the document lists for the operation
// (so the document's errors are all there is), and the server logs no error. KEYWARD_SWEEP_SEED replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { STORE_KINDS } from '../helpers/store.js';
import { errorLines, prng, SWEEP_SEED as SEED } from '../helpers/sweep.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

type Schema = { properties?: Record<string, unknown> };
type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, unknown>;
};

describe.each(STORE_KINDS)('random sweep over the admin API (%s)', (kind) => {
  const r = prng(SEED);
  const { stream: log, errors } = errorLines();
  let s: TestServer;
  let pathValues: Record<string, string[]>;

  beforeAll(async () => {
    s = await startTestServer(kind, {}, createLogger('warn', log));
    await s.admin('POST', '/spaces/default/scopes', { name: 'api', description: 'API' });
    const client = await s.admin('POST', '/spaces/default/clients', { name: 'c', grant_types: ['client_credentials'], scope: 'api' });
    const user = await s.admin('POST', '/spaces/default/users', { username: 'alice', password: 'correct horse battery' });
    await s.admin('POST', '/spaces', { slug: 'other', display_name: 'Other' });
    const garbage = ['nope', '%00', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000'];
    pathValues = {
      space: ['default', 'other', 'A', ...garbage],
      client_id: [client.client_id, ...garbage],
      user_id: [user.id, 'alice', ...garbage],
      scope: ['api', ...garbage],
      name: ['api', ...garbage],
    };
  });
  afterAll(async () => s?.close());

  const scalars: unknown[] = [
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    '',
    'x',
    '\u0000',
    'é😀',
    'x'.repeat(20_000),
    'https://a.example/cb',
    'http://127.0.0.1/cb',
    'client_credentials',
    'authorization_code',
    'opaque',
    'jwt',
    'ES256',
    'personal',
    'service',
    'api',
    '2030-01-01T00:00:00Z',
    'not-a-date',
    '00000000-0000-0000-0000-000000000000',
  ];
  const value = (depth: number): unknown => {
    const roll = r.next();
    if (depth < 2 && roll < 0.15) return Array.from({ length: r.int(4) }, () => value(depth + 1));
    if (depth < 2 && roll < 0.25) return object(depth + 1);
    return r.pick(scalars);
  };
  const object = (depth: number, schema?: Schema) => {
    const keys = [...Object.keys(schema?.properties ?? {}), 'x', 'constructor', 'toString'];
    const o: Record<string, unknown> = {};
    for (let n = r.int(6); n > 0; n--) o[r.pick(keys)] = value(depth);
    return o;
  };
  const body = (op: Operation) => {
    const roll = r.next();
    if (roll < 0.02) return JSON.stringify({ x: 'x'.repeat(300 * 1024) }); // over the body limit
    if (roll < 0.1) return '{"a":';
    if (roll < 0.2) return r.pick(['[]', 'null', '"x"', '1', '{"__proto__":{"admin":true}}']);
    return JSON.stringify(object(0, op.requestBody?.content?.['application/json']?.schema));
  };

  it('answers every operation with garbage without a 5xx or a logged error', async () => {
    const doc = (await (await fetch(`${s.url}/admin/api/v1/openapi.json`, { headers: { authorization: `Bearer ${s.ownerToken}` } })).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [method.toUpperCase(), path, op] as const));
    expect(ops.length).toBeGreaterThan(30);
    for (let i = 0; i < 1500; i++) {
      const [method, path, op] = r.pick(ops);
      if (method === 'DELETE' && /\/spaces\/\{space\}$/.test(path)) continue; // keep the spaces to sweep
      const url = path.replace(/\{(\w+)\}/g, (_, k: string) => r.pick(pathValues[k] ?? ['nope']));
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) if (p.in === 'query' && r.next() < 0.5) query.set(p.name, String(r.pick(scalars)));
      const payload = method === 'GET' || method === 'DELETE' ? undefined : body(op);
      const type = r.next() < 0.05 ? r.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) : 'application/json';
      const res = await fetch(`${s.url}/admin/api/v1${url}${query.size ? `?${query}` : ''}`, {
        method,
        headers: { authorization: `Bearer ${s.ownerToken}`, ...(payload !== undefined ? { 'content-type': type } : {}) },
        body: payload,
      });
      const text = await res.text();
      const where = `seed ${SEED}: ${method} ${url.slice(0, 200)}?${query} ${type} ${String(payload).slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
      expect(res.status, where).toBeLessThan(500);
      // 431: Node's HTTP server refuses a request line over 16 KiB before any route sees it (no operation's doing).
      if (res.status !== 431) expect(Object.keys(op.responses), `${where}: a status the document does not list`).toContain(String(res.status));
      expect(text, where).not.toMatch(/at .*\.(js|ts):\d+/);
      if (res.status >= 400) expect(JSON.parse(text), where).toHaveProperty('error');
    }
    expect(errors, `seed ${SEED}`).toEqual([]);
  }, 120_000);
});
