// The quirk provider (test/helpers/providers/quirk-provider.ts) does what the vault's tests rely on: each quirk of its
// token endpoint (authorization code, PKCE, client authentication, refresh tokens, answer styles) is driven here
// with plain fetch, as a provider's client would, over real sockets. Its API side: peers-api.test.ts.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { QuirkProvider, QuirkProviderOptions } from '../helpers/providers/quirk-provider.js';
import { quirkProviders, refresh, testClock, tokenRequest } from './quirk-calls.js';

const start = quirkProviders();
const REDIRECT = 'http://127.0.0.1:9/callback';

/** Runs /authorize and answers the redirect's query. */
async function authorize(p: QuirkProvider, params: Record<string, string>): Promise<URLSearchParams> {
  const q = new URLSearchParams({ response_type: 'code', client_id: 'quirk-client', redirect_uri: REDIRECT, state: 'st-1', ...params });
  const res = await fetch(`${p.authorizationUrl}?${q}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin + location.pathname).toBe(REDIRECT);
  return location.searchParams;
}

const pkcePair = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe('quirk provider: authorization code, PKCE and client authentication', () => {
  it('redirects at once with code, state and extra params, records the request and verifies PKCE S256', async () => {
    const p = await start({ redirectParams: { realmId: '4620816365' } });
    const { verifier, challenge } = pkcePair();
    const back = await authorize(p, { scope: 'accounting openid', code_challenge: challenge, code_challenge_method: 'S256', access_type: 'offline' });
    expect(back.get('state')).toBe('st-1');
    expect(back.get('realmId')).toBe('4620816365');
    expect(p.authorizations.at(-1)).toMatchObject({
      client_id: 'quirk-client',
      scope: 'accounting openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(p.authorizations.at(-1)!.params.access_type).toBe('offline');

    const wrong = await tokenRequest(p, { grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: REDIRECT, code_verifier: 'x'.repeat(43) });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    // The code died with the failed attempt: a fresh one with the right verifier works.
    const again = await authorize(p, { code_challenge: challenge, code_challenge_method: 'S256' });
    const missing = await tokenRequest(p, { grant_type: 'authorization_code', code: again.get('code')!, redirect_uri: REDIRECT });
    expect(missing.body.error).toBe('invalid_grant');
    const third = await authorize(p, { scope: 's1', code_challenge: challenge, code_challenge_method: 'S256' });
    const ok = await tokenRequest(p, { grant_type: 'authorization_code', code: third.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 's1' });
    expect(ok.body.access_token).toMatch(/^at_/);
    expect(ok.body.refresh_token).toMatch(/^rt_/);
    expect(p.stats.requests.authorization_code).toBe(3);
  });

  it('refuses an authorization without S256 when PKCE is required, and redirects with a configured error', async () => {
    const p = await start({ pkce: 'required' });
    expect((await authorize(p, {})).get('error')).toBe('invalid_request');
    expect((await authorize(p, { code_challenge: 'abc', code_challenge_method: 'plain' })).get('error')).toBe('invalid_request');
    p.options.authorizeError = 'access_denied';
    const declined = await authorize(p, { code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    expect(declined.get('error')).toBe('access_denied');
    expect(declined.get('state')).toBe('st-1');
  });

  it('takes client_secret_post in a JSON body, and refuses what the client may not use', async () => {
    const p = await start({ clientAuthMethods: ['client_secret_post'], requestFormat: 'json' });
    const code = (await authorize(p, {})).get('code')!;
    const json = await fetch(p.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'quirk-client', client_secret: 'quirk-secret' }),
    });
    expect(json.status).toBe(200);
    const form = await tokenRequest(p, { grant_type: 'client_credentials', client_id: 'quirk-client', client_secret: 'quirk-secret' });
    expect(form).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    p.options.requestFormat = 'any';
    const viaBasic = await tokenRequest(p, { grant_type: 'client_credentials' });
    expect(viaBasic.status).toBe(401);
    expect(viaBasic.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(p.stats.invalidClient).toBe(1);
    const wrongSecret = await tokenRequest(p, { grant_type: 'client_credentials', client_id: 'quirk-client', client_secret: 'nope' }, {});
    expect(wrongSecret.body.error).toBe('invalid_client');
  });

  it('verifies a private_key_jwt assertion with jose: algorithm, audience = token URL, fresh jti', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES384');
    const p = await start({
      clientId: 'redox-client',
      clientAuthMethods: ['private_key_jwt'],
      privateKeyJwt: { jwk: await exportJWK(publicKey), alg: 'ES384' },
    });
    const assertion = (aud: string, jti: string = randomUUID()) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES384', kid: 'k1' })
        .setIssuer('redox-client')
        .setSubject('redox-client')
        .setAudience(aud)
        .setJti(jti)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    const withAssertion = async (jwt: string) =>
      tokenRequest(
        p,
        { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt },
        {},
      );
    const ok = await withAssertion(await assertion(p.tokenUrl, 'jti-1'));
    expect(ok.status).toBe(200);
    expect(ok.body.refresh_token).toBeUndefined();
    expect((await withAssertion(await assertion(p.tokenUrl, 'jti-1'))).body.error_description).toMatch(/replayed/);
    expect((await withAssertion(await assertion(p.url))).status).toBe(401);
    const secretInstead = await tokenRequest(p, { grant_type: 'client_credentials' });
    expect(secretInstead.body.error).toBe('invalid_client');
  });
});

describe('quirk provider: refresh tokens', () => {
  it('rotates with strict reuse detection, counting refreshes per family', async () => {
    const p = await start();
    const first = p.mint('read');
    const r1 = await refresh(p, first.refresh_token!);
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).not.toBe(first.refresh_token);
    const reuse = await refresh(p, first.refresh_token!);
    expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(p.stats.reuse).toBe(1);
    const r2 = await refresh(p, r1.body.refresh_token);
    expect(r2.status).toBe(200);
    expect(p.refreshCount(first.family)).toBe(2);
    expect(p.refreshCount(r2.body.refresh_token)).toBe(2);
    expect(p.familyOf(r2.body.access_token)).toBe(first.family);
    expect(p.stats).toMatchObject({ refreshes: 2, reuse: 1, issued: 3 });
    expect(p.stats.requests.refresh_token).toBe(3);
  });

  it('keeps a rotated-away token working inside the grace period, and may revoke the family on reuse', async () => {
    const clock = testClock();
    const p = await start({ now: clock.now, refresh: { reuseGraceSeconds: 1800, reuseRevokesFamily: true } });
    const first = p.mint();
    const r1 = await refresh(p, first.refresh_token!);
    clock.advance(600);
    expect((await refresh(p, first.refresh_token!)).status).toBe(200);
    expect(p.stats.graceReuse).toBe(1);
    clock.advance(1300);
    expect((await refresh(p, first.refresh_token!)).status).toBe(400);
    expect(p.stats.reuse).toBe(1);
    // The family died with the reuse: the current token is refused too.
    expect((await refresh(p, r1.body.refresh_token)).body.error).toBe('invalid_grant');
  });

  it('does not rotate when told so: the answer omits refresh_token and the same one keeps working', async () => {
    const p = await start({ refresh: { rotates: false } });
    const first = p.mint();
    for (let i = 0; i < 3; i++) {
      const r = await refresh(p, first.refresh_token!);
      expect(r.status).toBe(200);
      expect(r.body.refresh_token).toBeUndefined();
    }
    expect(p.stats.reuse).toBe(0);
    expect(p.refreshCount(first.family)).toBe(3);
  });

  it('lets an unused refresh token die, and an absolute lifetime end it', async () => {
    const clock = testClock();
    const p = await start({ now: clock.now, refresh: { unusedLifetimeSeconds: 30 * 86400 }, refreshLifetime: 'seconds' });
    const a = p.mint();
    const r = await refresh(p, a.refresh_token!);
    expect(r.body.refresh_token_expires_in).toBe(30 * 86400);
    clock.advance(30 * 86400);
    expect((await refresh(p, r.body.refresh_token)).body).toMatchObject({ error: 'invalid_grant', error_description: 'refresh token expired' });
    p.options.refresh = { lifetimeSeconds: 100, rotates: false };
    const b = p.mint();
    clock.advance(99);
    expect((await refresh(p, b.refresh_token!)).status).toBe(200);
    clock.advance(1);
    expect((await refresh(p, b.refresh_token!)).status).toBe(400);
  });

  it('refuses a refresh earlier than N seconds before expiry as Exact Online does, and counts it', async () => {
    const clock = testClock();
    const p = await start({ now: clock.now, accessTokenTtlSeconds: 600, lifetime: 'string', refresh: { earliestBeforeExpirySeconds: 30 } });
    const a = p.mint();
    const early = await refresh(p, a.refresh_token!);
    expect(early).toMatchObject({ status: 400, body: { error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' } });
    clock.advance(569);
    expect((await refresh(p, a.refresh_token!)).status).toBe(400);
    expect(p.stats.tooEarly).toBe(2);
    clock.advance(2);
    const ok = await refresh(p, a.refresh_token!);
    expect(ok.status).toBe(200);
    expect(ok.body.expires_in).toBe('600');
    expect(p.stats.reuse).toBe(0);
  });
});

describe('quirk provider: answer styles', () => {
  const cases: [QuirkProviderOptions['lifetime'], (body: any, now: number) => void][] = [
    ['seconds', (b) => expect(b.expires_in).toBe(600)],
    ['string', (b) => expect(b.expires_in).toBe('600')],
    ['milliseconds', (b) => expect(b.expires_in).toBe(600_000)],
    [{ style: 'date', field: 'expires_on' }, (b, now) => expect(Date.parse(b.expires_on)).toBeCloseTo(now + 600_000, -3)],
    ['epoch', (b, now) => expect(b.expires_at).toBe(Math.floor(now / 1000) + 600)],
    ['omitted', (b) => expect(Object.keys(b).filter((k) => k.startsWith('expires'))).toEqual([])],
  ];
  it.each(cases)('writes the lifetime as %j', async (lifetime, check) => {
    const clock = testClock();
    const p = await start({ now: clock.now, accessTokenTtlSeconds: 600, lifetime });
    const r = await refresh(p, p.mint().refresh_token!);
    expect(r.status).toBe(200);
    check(r.body, clock.now());
  });

  it('gives the refresh token lifetime as x_refresh_token_expires_in, nests like Slack and adds metadata fields', async () => {
    const p = await start({
      refresh: { lifetimeSeconds: 8_726_400 },
      refreshLifetime: { style: 'seconds', field: 'x_refresh_token_expires_in' },
      errorStyle: 'slack',
      nestUnder: 'authed_user',
      extraFields: { team: { id: 'T123' }, instance_url: 'https://eu1.example.test' },
    });
    const r = await refresh(p, p.mint('chat:write').refresh_token!);
    expect(r.body.ok).toBe(true);
    expect(r.body.team).toEqual({ id: 'T123' });
    expect(r.body.instance_url).toBe('https://eu1.example.test');
    expect(r.body.authed_user).toMatchObject({ token_type: 'Bearer', expires_in: 3600, x_refresh_token_expires_in: 8_726_400, scope: 'chat:write' });
    expect(r.body.authed_user.access_token).toMatch(/^at_/);
    expect(r.body.access_token).toBeUndefined();
  });

  it('answers errors in each style: Slack 200 ok:false, GitHub 200 error, invalid_grant as 401 or 403', async () => {
    const p = await start({ errorStyle: 'slack', errorCodes: { invalid_grant: 'invalid_refresh_token' } });
    expect(await refresh(p, 'rt_unknown')).toMatchObject({ status: 200, body: { ok: false, error: 'invalid_refresh_token' } });
    p.options.errorStyle = 'github';
    p.options.errorCodes = { invalid_grant: 'bad_refresh_token' };
    const gh = await refresh(p, 'rt_unknown');
    expect(gh.status).toBe(200);
    expect(gh.body).toMatchObject({ error: 'bad_refresh_token' });
    expect(gh.body.error_description).toBeTruthy();
    p.options.errorStyle = 'standard';
    p.options.errorCodes = undefined;
    for (const status of [401, 403]) {
      p.options.invalidGrantStatus = status;
      expect(await refresh(p, 'rt_unknown')).toMatchObject({ status, body: { error: 'invalid_grant' } });
    }
    expect(p.stats.invalidGrant).toBe(4);
  });

  it('injects 5xx, 429 with Retry-After, lost answers and slow answers', async () => {
    const p = await start();
    const a = p.mint();
    p.failNext({ status: 503 });
    p.failNext({ status: 429, retryAfter: 7 });
    expect((await refresh(p, a.refresh_token!)).status).toBe(503);
    const limited = await refresh(p, a.refresh_token!);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(p.stats.faults).toBe(2);
    // A lost answer: the provider rotated, the client never heard, and the old token is now a reuse.
    p.failNext({ drop: true });
    await expect(refresh(p, a.refresh_token!)).rejects.toThrow();
    expect(p.refreshCount(a.family)).toBe(1);
    expect((await refresh(p, a.refresh_token!)).status).toBe(400);
    expect(p.stats.reuse).toBe(1);
    p.options.delayMs = 300;
    const b = p.mint();
    const t0 = performance.now();
    expect((await refresh(p, b.refresh_token!)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });
});
