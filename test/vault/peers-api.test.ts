// The quirk provider's side beyond the token endpoint (see peers.test.ts): Redox's API-key exchange, the protected
// API it answers for the proxy, revocation, and many rotating chains at once; driven with plain fetch over real sockets.
import { describe, expect, it } from 'vitest';
import { basic, quirkProviders, refresh, testClock, tokenRequest } from './quirk-calls.js';

const start = quirkProviders();

describe('quirk provider: API-key exchange, protected API, revocation', () => {
  it("buys tokens with an API key and secret and renews them, as Redox's legacy API", async () => {
    const p = await start({ apiKey: { key: 'k-1', secret: 's-1' }, accessTokenTtlSeconds: 86400 });
    const post = async (url: string, body: unknown) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await post(p.apiKeyLoginUrl, { apiKey: 'k-1', secret: 'wrong' })).status).toBe(401);
    const login = await post(p.apiKeyLoginUrl, { apiKey: 'k-1', secret: 's-1' });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(['accessToken', 'expires', 'refreshToken']);
    expect(Date.parse(login.body.expires) - Date.now()).toBeGreaterThan(86_000_000);
    const renewed = await post(p.apiKeyRefreshUrl, { apiKey: 'k-1', refreshToken: login.body.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect((await post(p.apiKeyRefreshUrl, { apiKey: 'k-1', refreshToken: login.body.refreshToken })).status).toBe(401);
    expect(p.stats).toMatchObject({ reuse: 1, refreshes: 1 });
    expect(p.stats.requests).toMatchObject({ api_key: 2, api_key_refresh: 2 });
    const call = await fetch(`${p.apiBaseUrl}/v1/ping`, { headers: { authorization: `Bearer ${renewed.body.accessToken}` } });
    expect(call.status).toBe(200);
  });

  it('checks the bearer token, echoes the request, and can be told to answer 401 to the next calls', async () => {
    const clock = testClock();
    const p = await start({ now: clock.now, accessTokenTtlSeconds: 60 });
    const { access_token } = p.mint('read');
    const res = await fetch(`${p.apiBaseUrl}/things/7?a=1&b=two&status=201`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json', 'x-custom': 'yes' },
      body: JSON.stringify({ name: 'n' }),
    });
    expect(res.status).toBe(201);
    const echo = (await res.json()) as any;
    expect(echo).toMatchObject({ method: 'PUT', path: '/api/things/7', query: { a: '1', b: 'two' }, body: { name: 'n' }, scope: 'read' });
    expect(echo.headers['x-custom']).toBe('yes');
    expect(JSON.stringify(echo)).not.toContain(access_token);

    const unknown = await fetch(`${p.apiBaseUrl}/x`, { headers: { authorization: 'Bearer at_nope' } });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toMatch(/^Bearer .*invalid_token/);
    p.failApiNext(2);
    const call = () => fetch(`${p.apiBaseUrl}/x`, { headers: { authorization: `Bearer ${access_token}` } }).then((r) => r.status);
    expect([await call(), await call(), await call()]).toEqual([401, 401, 200]);
    clock.advance(60);
    expect(await call()).toBe(401);
    expect(p.stats).toMatchObject({ apiCalls: 6, apiUnauthorized: 4 });
  });

  it('takes the token from a query parameter when configured so', async () => {
    const p = await start({ apiAuth: { in: 'query', name: 'key' } });
    const { access_token } = p.mint();
    expect((await fetch(`${p.apiBaseUrl}/q?key=${access_token}&x=1`)).status).toBe(200);
    expect((await fetch(`${p.apiBaseUrl}/q`, { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(401);
  });

  it('streams a large body slowly, chunk by chunk', async () => {
    const p = await start();
    const { access_token } = p.mint();
    const res = await fetch(`${p.apiBaseUrl}/stream?bytes=${8 * 65536}&interval=40`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(200);
    const arrivals: number[] = [];
    let total = 0;
    const t0 = performance.now();
    for await (const chunk of res.body!) {
      total += (chunk as Uint8Array).length;
      arrivals.push(performance.now() - t0);
    }
    expect(total).toBe(8 * 65536);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(200);
  });

  it('revokes one token or everything, and issues client_credentials tokens', async () => {
    const p = await start();
    const a = p.mint();
    const b = p.mint();
    const revoked = await fetch(p.revocationUrl, {
      method: 'POST',
      headers: { authorization: basic('quirk-client', 'quirk-secret') },
      body: new URLSearchParams({ token: a.refresh_token! }),
    });
    expect(revoked.status).toBe(200);
    expect((await refresh(p, a.refresh_token!)).status).toBe(400);
    const cc = await tokenRequest(p, { grant_type: 'client_credentials', scope: 'api' });
    expect(cc.body).toMatchObject({ token_type: 'Bearer', scope: 'api' });
    expect(p.stats.requests.client_credentials).toBe(1);
    p.revokeAll();
    expect((await refresh(p, b.refresh_token!)).status).toBe(400);
    expect((await fetch(`${p.apiBaseUrl}/x`, { headers: { authorization: `Bearer ${cc.body.access_token}` } })).status).toBe(401);
  });

  // Speed is the benchmark's to measure (next to a bare node:http floor); this only proves many concurrent rotating
  // chains stay consistent. On a quiet machine the provider costs about as much CPU as a bare node:http answer.
  it('keeps 40 concurrent rotating chains consistent over 400 refreshes', async () => {
    const p = await start();
    const chains = Array.from({ length: 40 }, () => p.mint());
    const t0 = performance.now();
    await Promise.all(
      chains.map(async ({ refresh_token }) => {
        let token = refresh_token!;
        for (let i = 0; i < 10; i++) token = (await refresh(p, token)).body.refresh_token;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    expect(p.stats).toMatchObject({ refreshes: 400, reuse: 0, invalidGrant: 0 });
    expect(chains.every((c) => p.refreshCount(c.family) === 10)).toBe(true);
    process.stdout.write(`quirk provider: 400 refreshes in ${seconds.toFixed(2)} s with fetch as the client\n`);
  });
});
