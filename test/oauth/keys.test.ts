// Signing keys: first use, publish-before-sign rotation, immediate rotation, algorithms, scheduled maintenance,
// and isolation between spaces. Tokens come from real clients and are verified against the published JWKS.
import { sql } from 'drizzle-orm';
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKeys } from '../../src/store/schema.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { assertBuilt, startCliServer, type CliServer } from '../cli/helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();

interface Key {
  kid: string;
  alg: string;
  state: string;
  active_at: string;
  retired_at: string | null;
  expires_at: string | null;
}

describe.each(STORE_KINDS)('signing keys (%s)', (kind) => {
  let s: TestServer;
  let n = 0;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  /** A fresh space with one client_credentials client, so each test sees its own keys. */
  async function space(opts: { format?: 'jwt' | 'opaque'; ttl?: number } = {}) {
    const slug = `keys-${++n}`;
    await s.admin('POST', '/spaces', { slug });
    const c = await s.admin('POST', `/spaces/${slug}/clients`, {
      name: 'svc',
      grant_types: ['client_credentials'],
      ...(opts.format ? { access_token_format: opts.format } : {}),
      ...(opts.ttl ? { access_token_ttl: opts.ttl } : {}),
    });
    const issuer = `${s.url}/spaces/${slug}`;
    const config = await client.discovery(new URL(issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    const token = async () => (await client.clientCredentialsGrant(config)).access_token;
    const keys = async () => (await s.admin('GET', `/spaces/${slug}/keys`)).items as Key[];
    const jwks = async () => ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string; alg: string }[] }).keys;
    const rotate = async (body: Record<string, unknown>) => (await s.admin('POST', `/spaces/${slug}/keys/rotate`, body)) as Key;
    return { slug, issuer, config, client: c, token, keys, jwks, rotate };
  }

  it('creates the first keys on first use: ES256 for access tokens and RS256 for ID tokens, listed without private material', async () => {
    const sp = await space();
    expect(await sp.keys()).toEqual([]);
    const t = await sp.token();
    const keys = await sp.keys();
    expect(keys.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    for (const k of keys) expect(k).toMatchObject({ state: 'active', retired_at: null, expires_at: null });
    const es = keys.find((k) => k.alg === 'ES256')!;
    expect(decodeProtectedHeader(t)).toMatchObject({ alg: 'ES256', kid: es.kid, typ: 'at+jwt' });
    expect(JSON.stringify(keys)).not.toMatch(/private|"d"|sealed|PRIVATE KEY/i);
    const published = await sp.jwks();
    expect(published.map((k) => k.kid).sort()).toEqual(keys.map((k) => k.kid).sort());
    expect(published.find((k) => k.alg === 'RS256')).toMatchObject({ kty: 'RSA', use: 'sig' });
    expect(JSON.stringify(published)).not.toMatch(/"d":/);
  });

  it('publishes its keys (ES256 and RS256) on the first JWKS request, before anything is signed', async () => {
    const sp = await space();
    expect((await sp.jwks()).map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    // The keys the JWKS showed are the ones that sign: no second set is made.
    const kid = decodeProtectedHeader(await sp.token()).kid;
    expect((await sp.jwks()).map((k) => k.kid)).toContain(kid);
    expect(await sp.keys()).toHaveLength(2);
  });

  it('publishes rotated keys (one per algorithm) before they sign', async () => {
    const sp = await space();
    const oldKid = decodeProtectedHeader(await sp.token()).kid;
    const before = (await sp.keys()).map((k) => k.kid);
    const created = await sp.rotate({ publish_seconds: 3600 });
    expect(created).toMatchObject({ state: 'pending', alg: 'ES256' });
    const keys = await sp.keys();
    const fresh = keys.filter((k) => !before.includes(k.kid));
    expect(fresh.map((k) => [k.alg, k.state]).sort()).toEqual([
      ['ES256', 'pending'],
      ['RS256', 'pending'],
    ]);
    expect((await sp.jwks()).map((k) => k.kid).sort()).toEqual(keys.map((k) => k.kid).sort());
    expect(decodeProtectedHeader(await sp.token()).kid).toBe(oldKid);
    for (const kid of before) expect(keys.find((k) => k.kid === kid)).toMatchObject({ state: 'active', retired_at: created.active_at });
  });

  it('signs with the new key at once with publish_seconds 0; the old key stays published until its tokens expire', async () => {
    // A JWT client with a longer lifetime than the space's (28800 s) sets how long the old key must stay.
    const sp = await space({ ttl: 90000 });
    const oldToken = await sp.token();
    const oldKid = decodeProtectedHeader(oldToken).kid!;
    const created = await sp.rotate({ publish_seconds: 0 });
    expect(created.state).toBe('active');
    const t = await sp.token();
    expect(decodeProtectedHeader(t).kid).toBe(created.kid);
    const published = (await sp.jwks()).map((k) => k.kid);
    expect(published).toHaveLength(4);
    expect(published).toEqual(expect.arrayContaining([oldKid, created.kid]));
    const old = (await sp.keys()).find((k) => k.kid === oldKid)!;
    expect(old.state).toBe('retired');
    expect(Date.parse(old.expires_at!) - Date.parse(old.retired_at!)).toBe(90000 * 1000);
    // Both tokens verify against the JWKS, and both are still active at introspection.
    const set = createRemoteJWKSet(new URL(`${sp.issuer}/jwks`));
    for (const tok of [oldToken, t]) await jwtVerify(tok, set, { issuer: sp.issuer, typ: 'at+jwt' });
    expect((await client.tokenIntrospection(sp.config, oldToken)).active).toBe(true);
  });

  it('rejects an unknown algorithm and an out-of-range publish delay, and requires space:write', async () => {
    const sp = await space();
    await expect(sp.rotate({ alg: 'HS256' })).rejects.toThrow(/400/);
    await expect(sp.rotate({ publish_seconds: -1 })).rejects.toThrow(/400/);
    await expect(sp.rotate({ publish_seconds: 604801 })).rejects.toThrow(/400/);
    const res = await fetch(`${s.url}/admin/api/v1/spaces/${sp.slug}/keys/rotate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(await sp.keys()).toEqual([]);
  });

  it.each(['RS256', 'EdDSA'] as const)('rotates to %s: tokens verify with jose and with oauth4webapi against the JWKS', async (alg) => {
    const sp = await space();
    await sp.token();
    const created = await sp.rotate({ alg, publish_seconds: 0 });
    expect(created.alg).toBe(alg);
    // The algorithm is now the space's: access tokens use it, and so do keys made later.
    expect((await s.admin('GET', `/spaces/${sp.slug}`)).settings.signing_alg).toBe(alg);
    const t = await sp.token();
    expect(decodeProtectedHeader(t)).toMatchObject({ alg, kid: created.kid });
    const { payload } = await jwtVerify(t, createLocalJWKSet({ keys: (await sp.jwks()) as never }), { issuer: sp.issuer, algorithms: [alg] });
    expect(payload.client_id).toBe(sp.client.client_id);
    // A resource server built on oauth4webapi (RFC 9068 validation, JWKS from discovery).
    const as = await oauth.processDiscoveryResponse(
      new URL(sp.issuer),
      await oauth.discoveryRequest(new URL(sp.issuer), { algorithm: 'oidc', [oauth.allowInsecureRequests]: true }),
    );
    const claims = await oauth.validateJwtAccessToken(as, new Request('https://rs.example/', { headers: { authorization: `Bearer ${t}` } }), sp.issuer, {
      [oauth.allowInsecureRequests]: true,
      signingAlgorithms: [alg],
    });
    expect(claims).toMatchObject({ sub: sp.client.client_id, client_id: sp.client.client_id });
    // openid-client (the token's consumer side): its introspection agrees.
    expect(await client.tokenIntrospection(sp.config, t)).toMatchObject({ active: true, client_id: sp.client.client_id });
  });

  it('scheduled maintenance rotates keys older than key_rotation_days and removes expired keys', async () => {
    const sp = await space();
    const first = decodeProtectedHeader(await sp.token()).kid!;
    const firstSet = (await sp.keys()).map((k) => k.kid);
    let result = await s.services.keys.maintain({ type: 'system' });
    expect(result.rotated).not.toContain(sp.slug);
    const db = s.services.store.db;
    const firstIds = sql.join(
      firstSet.map((k) => sql`${k}`),
      sql`, `,
    );
    await db.execute(sql`update ${signingKeys} set active_at = now() - interval '91 days', created_at = now() - interval '91 days' where kid in (${firstIds})`);
    result = await s.services.keys.maintain({ type: 'system' });
    expect(result.rotated).toContain(sp.slug);
    let keys = await sp.keys();
    expect(keys).toHaveLength(4);
    const fresh = keys.filter((k) => !firstSet.includes(k.kid));
    expect(fresh.map((k) => [k.alg, k.state]).sort()).toEqual([
      ['ES256', 'pending'],
      ['RS256', 'pending'],
    ]);
    // Rotated once: the pending keys are not rotated again on the next run.
    expect((await s.services.keys.maintain({ type: 'system' })).rotated).not.toContain(sp.slug);

    // The old keys' tokens have all expired: they leave the store and the JWKS.
    await db.execute(
      sql`update ${signingKeys} set retired_at = now() - interval '2 days', expires_at = now() - interval '1 day', active_at = now() - interval '92 days' where kid in (${firstIds})`,
    );
    const freshIds = sql.join(
      fresh.map((k) => sql`${k.kid}`),
      sql`, `,
    );
    await db.execute(sql`update ${signingKeys} set active_at = now() - interval '1 second' where kid in (${freshIds})`);
    result = await s.services.keys.maintain({ type: 'system' });
    expect(result.removed).toBeGreaterThanOrEqual(2);
    keys = await sp.keys();
    expect(keys.map((k) => k.kid).sort()).toEqual(fresh.map((k) => k.kid).sort());
    expect((await sp.jwks()).map((k) => k.kid).sort()).toEqual(fresh.map((k) => k.kid).sort());
    expect(decodeProtectedHeader(await sp.token()).kid).toBe(fresh.find((k) => k.alg === 'ES256')!.kid);
    expect(first).not.toBe(fresh[0]!.kid);
  });

  it('gives a space made before every space had an RS256 key its RS256 key, on first use and in maintenance', async () => {
    const db = s.services.store.db;
    // Two spaces as an older version left them: one ES256 key, no RS256 key.
    const onUse = await space();
    const inMaintenance = await space();
    for (const sp of [onUse, inMaintenance]) {
      await sp.token();
      const rs = (await sp.keys()).find((k) => k.alg === 'RS256')!;
      await db.execute(sql`delete from ${signingKeys} where kid = ${rs.kid}`);
      s.services.keys['cache'].clear();
      expect((await sp.keys()).map((k) => k.alg)).toEqual(['ES256']);
    }
    expect((await onUse.jwks()).map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    await s.services.keys.maintain({ type: 'system' });
    expect((await inMaintenance.keys()).map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    // Access tokens keep the space's algorithm.
    expect(decodeProtectedHeader(await inMaintenance.token()).alg).toBe('ES256');
  });

  it.each(['jwt', 'opaque'] as const)('a %s token of one space is never accepted by another', async (format) => {
    const a = await space();
    const b = await space({ format });
    await a.token();
    const foreign = await b.token();
    expect((await client.tokenIntrospection(b.config, foreign)).active).toBe(true);
    expect((await client.tokenIntrospection(a.config, foreign)).active).toBe(false);
    if (format === 'jwt') {
      const kid = decodeProtectedHeader(foreign).kid!;
      expect((await a.jwks()).map((k) => k.kid)).not.toContain(kid);
    }
  });
});

describe('keyward keys (CLI)', () => {
  let c: CliServer;
  beforeAll(async () => {
    assertBuilt();
    c = await startCliServer();
  });
  afterAll(async () => c?.close());

  it('rotates and lists keys, as JSON and as text', async () => {
    expect((await c.json<{ items: Key[] }>(['keys', 'list'])).items).toEqual([]);
    const now = await c.json<Key>(['keys', 'rotate', '--now']);
    expect(now).toMatchObject({ alg: 'ES256', state: 'active' });
    const later = await c.json<Key>(['keys', 'rotate', '--alg', 'EdDSA', '--publish-seconds', '120']);
    expect(later).toMatchObject({ alg: 'EdDSA', state: 'pending' });
    expect(Date.parse(later.active_at) - Date.now()).toBeGreaterThan(100_000);
    const { items } = await c.json<{ items: Key[] }>(['keys', 'list']);
    // Every algorithm the space signs with was rotated: ES256 and RS256 by --now, then all of them again with EdDSA.
    expect(
      items
        .filter((k) => k.state === 'pending')
        .map((k) => k.alg)
        .sort(),
    ).toEqual(['ES256', 'EdDSA', 'RS256']);
    expect(items.find((k) => k.kid === now.kid)!.state).toBe('active');
    expect(items.find((k) => k.kid === later.kid)!.state).toBe('pending');
    expect(JSON.stringify(items)).not.toMatch(/private|sealed/i);
    const text = await c.cli(['keys', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^KID\s+ALG\s+STATE/);
    expect(text.stdout).toContain(later.kid);
    const rotated = await c.cli(['keys', 'rotate', '--alg', 'RS256']);
    expect(rotated.stdout).toMatch(/is published and signs from/);
  });

  it('refuses bad options before calling the server', async () => {
    for (const args of [
      ['--alg', 'HS256'],
      ['--publish-seconds', 'soon'],
      ['--now', '--publish-seconds', '5'],
    ]) {
      const r = await c.cli(['keys', 'rotate', ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^keyward: /);
    }
    const r = await c.cli(['keys', 'rotate', '--publish-seconds', '9999999']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/publish_seconds/);
  });
});
