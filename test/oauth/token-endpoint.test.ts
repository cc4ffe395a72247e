// Token, introspection and revocation endpoints under hostile or sloppy input: every case is a real HTTP
// request, and none may produce a 500 or a cacheable answer.
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();

const FORM = 'application/x-www-form-urlencoded';
const insecure = { [oauth.allowInsecureRequests]: true } as const;

describe.each(STORE_KINDS)('token endpoint hardening (%s)', (kind) => {
  let s: TestServer;
  let svc: { client_id: string; client_secret: string };
  let basic: string;
  beforeAll(async () => {
    s = await startTestServer(kind);
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:read', description: 'read', default: true });
    await s.admin('POST', '/spaces/default/scopes', { name: 'files:write', description: 'write' });
    await s.admin('POST', '/spaces/default/scopes', { name: 'admin:all', description: 'not associated' });
    svc = await s.admin('POST', '/spaces/default/clients', {
      name: 'svc',
      grant_types: ['client_credentials'],
      scope: 'files:read files:write',
      access_token_format: 'opaque',
    });
    basic = `Basic ${Buffer.from(`${svc.client_id}:${svc.client_secret}`).toString('base64')}`;
  });
  afterAll(async () => s?.close());

  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${s.issuer}${path}`, { method: 'POST', headers: { 'content-type': FORM, authorization: basic, ...headers }, body });

  async function expectError(res: Response, status: number | number[], error?: string): Promise<Record<string, unknown>> {
    expect([status].flat()).toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    if (error) expect(body.error).toBe(error);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
    return body;
  }

  it('answers unsupported and missing grant types, and repeated parameters, per RFC 6749 §5.2', async () => {
    await expectError(await post('/token', 'grant_type=urn:example:nope'), 400, 'unsupported_grant_type');
    await expectError(await post('/token', 'scope=files:read'), 400, 'invalid_request');
    await expectError(await post('/token', 'grant_type=client_credentials&grant_type=client_credentials'), 400, 'invalid_request');
    await expectError(await post('/token', 'grant_type=client_credentials&scope=a&scope=b'), 400, 'invalid_request');
  });

  it('refuses JSON and other bodies with 400 invalid_request, not 415 or 500', async () => {
    await expectError(
      await post('/token', JSON.stringify({ grant_type: 'client_credentials' }), { 'content-type': 'application/json' }),
      400,
      'invalid_request',
    );
    await expectError(await post('/token', '{not json', { 'content-type': 'application/json' }), 400, 'invalid_request');
    await expectError(await post('/token', 'grant_type=client_credentials', { 'content-type': 'text/plain' }), 400, 'invalid_request');
    await expectError(await post('/token', '<x/>', { 'content-type': 'application/xml' }), 400, 'invalid_request');
    const none = await fetch(`${s.issuer}/token`, { method: 'POST', headers: { authorization: basic } });
    await expectError(none, 400, 'invalid_request');
  });

  it('answers GET /token and unknown spaces with JSON 404/405', async () => {
    await expectError(await fetch(`${s.issuer}/token`), [404, 405]);
    await expectError(
      await post('/token', 'grant_type=client_credentials').then(() =>
        fetch(`${s.url}/spaces/nope/token`, { method: 'POST', headers: { 'content-type': FORM, authorization: basic }, body: 'grant_type=client_credentials' }),
      ),
      404,
    );
    await expectError(await fetch(`${s.url}/spaces/nope/.well-known/openid-configuration`), 404);
    await expectError(
      await fetch(`${s.url}/spaces/nope/introspect`, { method: 'POST', headers: { 'content-type': FORM, authorization: basic }, body: 'token=x' }),
      404,
    );
  });

  it('marks every token answer no-store, success and failure', async () => {
    const cases = [
      await post('/token', 'grant_type=client_credentials'),
      await post('/token', 'grant_type=nope'),
      await post('/token', 'grant_type=client_credentials', { authorization: 'Basic eDp5' }),
      await post('/token', '{}', { 'content-type': 'application/json' }),
      await post('/introspect', 'token=x'),
      await post('/revoke', 'token=x'),
      await fetch(`${s.url}/spaces/nope/token`, { method: 'POST', headers: { 'content-type': FORM }, body: 'grant_type=client_credentials' }),
    ];
    for (const res of cases) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      await res.arrayBuffer();
    }
    expect(cases[0]!.status).toBe(200);
  });

  it('puts a Basic challenge on 401 answers when Basic was used', async () => {
    const res = await post('/token', 'grant_type=client_credentials', { authorization: `Basic ${Buffer.from(`${svc.client_id}:wrong`).toString('base64')}` });
    await expectError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="keyward"/);
    const unknown = await post('/introspect', 'token=x', { authorization: `Basic ${Buffer.from('ghost:x').toString('base64')}` });
    await expectError(unknown, 401, 'invalid_client');
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('answers unauthorized_client when the client lacks the grant', async () => {
    const code = await s.admin('POST', '/spaces/default/clients', {
      name: 'web',
      grant_types: ['authorization_code'],
      redirect_uris: ['https://app.example/cb'],
    });
    const config = await client.discovery(new URL(s.issuer), code.client_id, undefined, client.ClientSecretBasic(code.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    await expect(client.clientCredentialsGrant(config)).rejects.toMatchObject({ error: 'unauthorized_client', status: 400 });
  });

  it('grants the default scopes when none are asked for, and refuses scopes not associated', async () => {
    const as = await oauth.processDiscoveryResponse(new URL(s.issuer), await oauth.discoveryRequest(new URL(s.issuer), { algorithm: 'oidc', ...insecure }));
    const cl = { client_id: svc.client_id };
    const auth = oauth.ClientSecretBasic(svc.client_secret);
    const dflt = await oauth.processClientCredentialsResponse(as, cl, await oauth.clientCredentialsGrantRequest(as, cl, auth, new URLSearchParams(), insecure));
    expect(dflt.scope).toBe('files:read');
    const both = await oauth.processClientCredentialsResponse(
      as,
      cl,
      await oauth.clientCredentialsGrantRequest(as, cl, auth, new URLSearchParams({ scope: 'files:write files:read' }), insecure),
    );
    expect(both.scope).toBe('files:read files:write');
    for (const scope of ['admin:all', 'files:read admin:all', 'unknown']) {
      const res = await oauth.clientCredentialsGrantRequest(as, cl, auth, new URLSearchParams({ scope }), insecure);
      await expectError(res, 400, 'invalid_scope');
    }
  });

  it('never answers 500 to garbage, huge bodies or NUL bytes', async () => {
    const bodies: [string | Buffer, Record<string, string>?][] = [
      ['%%%%&&&==='],
      ['grant_type=%E0%A4%A'],
      ['grant_type=client_credentials&scope=' + 'a'.repeat(9000)],
      ['grant_type=client_credentials&' + Array.from({ length: 2000 }, (_, i) => `p${i}=1`).join('&')],
      ['x'.repeat(300 * 1024)],
      ['grant_type=' + 'y'.repeat(1024 * 1024)],
      ['grant_type=client_credentials&scope=files%00read'],
      ['grant_type=client_%00credentials'],
      ['client_id=a%00b&client_secret=x&grant_type=client_credentials', { authorization: '' }],
      [Buffer.from([0, 1, 2, 255, 254, 0x3d, 0x26])],
      ['grant_type=client_credentials', { authorization: 'Basic ' + 'A'.repeat(10000) }],
      ['grant_type=client_credentials', { authorization: `Basic ${Buffer.from('a\u0000b:c').toString('base64')}` }],
      ['grant_type=client_credentials', { authorization: 'Bearer abc' }],
      [
        'grant_type=client_credentials&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=a.b.c',
        { authorization: '' },
      ],
      [
        'grant_type=client_credentials&client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer&client_assertion=' +
          Buffer.from('{"sub":{"x":1}}').toString('base64url') +
          '.' +
          Buffer.from('{"sub":"a\\u0000"}').toString('base64url') +
          '.x',
        { authorization: '' },
      ],
      ['[]', { 'content-type': 'application/json' }],
      ['null', { 'content-type': 'application/json' }],
      ['"grant_type=client_credentials"', { 'content-type': 'application/json' }],
      ['grant_type=client_credentials', { 'content-type': 'application/x-www-form-urlencoded; charset=utf-16' }],
    ];
    for (const path of ['/token', '/introspect', '/revoke']) {
      for (const [body, headers] of bodies) {
        const res = await post(path, body, headers);
        const text = await res.text();
        expect(res.status, `${path} ${String(body).slice(0, 60)} → ${text}`).toBeLessThan(500);
        if (res.status >= 400) expect(JSON.parse(text).error).toMatch(/^(invalid_request|invalid_client|invalid_scope|unsupported_grant_type)$/);
      }
    }
  });

  it('answers 404 to an unknown or malformed space on every endpoint (400 for a NUL byte), never 500', async () => {
    const root = s.issuer.replace(/\/spaces\/default$/, '');
    const endpoints: [string, string][] = [
      ['POST', '/token'],
      ['POST', '/introspect'],
      ['POST', '/revoke'],
      ['GET', '/jwks'],
      ['GET', '/.well-known/openid-configuration'],
      ['GET', '/authorize'],
      ['GET', '/interaction/x'],
      ['POST', '/interaction/x/login'],
      ['GET', '/userinfo'],
      ['GET', '/device'],
      ['POST', '/register'],
      ['POST', '/par'],
    ];
    for (const slug of ['%00', 'a%00b', 'Default', 'x'.repeat(300), '%E2%80%AE', 'no-such-space', '-x-']) {
      for (const [method, path] of endpoints) {
        const res = await fetch(`${root}/spaces/${slug}${path}`, {
          method,
          headers: method === 'POST' ? { 'content-type': FORM } : {},
          body: method === 'POST' ? 'x=1' : undefined,
        });
        const text = await res.text();
        expect(slug.includes('%00') ? [400, 404] : [404], `${method} /spaces/${slug.slice(0, 20)}${path} → ${res.status} ${text.slice(0, 200)}`).toContain(
          res.status,
        );
      }
    }
  });

  it('answers {active:false} to introspection of garbage and refuses public clients', async () => {
    for (const token of ['garbage', 'a.b.c', 'kwat_nope', 'eyJhbGciOiJub25lIn0.eyJqdGkiOiJ4In0.', 'x'.repeat(8000), '...', '\u00e9\u00e9']) {
      const res = await post('/introspect', new URLSearchParams({ token }).toString());
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ active: false });
    }
    await expectError(await post('/introspect', ''), 400, 'invalid_request');
    const pub = await s.admin('POST', '/spaces/default/clients', {
      name: 'spa',
      client_type: 'public',
      grant_types: ['authorization_code'],
      redirect_uris: ['http://127.0.0.1/cb'],
    });
    const res = await post('/introspect', 'token=x&client_id=' + pub.client_id, { authorization: '' });
    await expectError(res, 401, 'invalid_client');
  });

  it('stores every opaque token of a burst of concurrent requests before answering (group commit)', async () => {
    const res = await Promise.all(Array.from({ length: 120 }, () => post('/token', 'grant_type=client_credentials')));
    const tokens = await Promise.all(
      res.map(async (r) => {
        expect(r.status).toBe(200);
        return ((await r.json()) as { access_token: string }).access_token;
      }),
    );
    expect(new Set(tokens).size).toBe(120);
    const active = await Promise.all(tokens.map(async (t) => ((await (await post('/introspect', `token=${t}`)).json()) as { active: boolean }).active));
    expect(active.every(Boolean)).toBe(true);
  });

  it("leaves another client's token active when that client tries to revoke it", async () => {
    const other = await s.admin('POST', '/spaces/default/clients', { name: 'other', grant_types: ['client_credentials'] });
    const mine = await client.discovery(new URL(s.issuer), svc.client_id, undefined, client.ClientSecretBasic(svc.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const theirs = await client.discovery(new URL(s.issuer), other.client_id, undefined, client.ClientSecretBasic(other.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const myOpaque = (await client.clientCredentialsGrant(mine)).access_token;
    const theirJwt = (await client.clientCredentialsGrant(theirs)).access_token;
    // RFC 7009 §2.2: 200 either way, but nothing changes.
    await client.tokenRevocation(theirs, myOpaque);
    await client.tokenRevocation(mine, theirJwt);
    expect((await client.tokenIntrospection(mine, myOpaque)).active).toBe(true);
    expect((await client.tokenIntrospection(theirs, theirJwt)).active).toBe(true);
    await client.tokenRevocation(mine, myOpaque);
    expect((await client.tokenIntrospection(mine, myOpaque)).active).toBe(false);
  });
});
