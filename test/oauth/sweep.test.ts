// A seeded random sweep over every OAuth endpoint: garbage requests, and real flows (authorize, login, consent, code,
// refresh, introspection, revocation, userinfo, logout, device, password, PAR) with one or two parameters mutated at
// each step. Whatever comes in, the server answers below 500, with no stack trace in the body and no error in its
// log. KEYWARD_SWEEP_SEED=<n> replays a run; a failure names its seed and request.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { STORE_KINDS } from '../helpers/store.js';
import { enc, errorLines, prng, SWEEP_SEED as SEED } from '../helpers/sweep.js';
import { startTestServer, type TestServer } from './server.js';

const FORM = 'application/x-www-form-urlencoded';
const PARAMS = [
  'grant_type',
  'client_id',
  'client_secret',
  'scope',
  'code',
  'redirect_uri',
  'code_verifier',
  'refresh_token',
  'username',
  'password',
  'device_code',
  'user_code',
  'token',
  'token_type_hint',
  'response_type',
  'response_mode',
  'state',
  'nonce',
  'prompt',
  'max_age',
  'acr_values',
  'login_hint',
  'id_token_hint',
  'code_challenge',
  'code_challenge_method',
  'request_uri',
  'request',
  'client_assertion',
  'client_assertion_type',
  'post_logout_redirect_uri',
  'csrf',
  'decision',
  'claims',
  'resource',
];
const ENDPOINTS: [string, string][] = [
  ['POST', '/token'],
  ['POST', '/introspect'],
  ['POST', '/revoke'],
  ['GET', '/authorize'],
  ['POST', '/authorize'],
  ['POST', '/par'],
  ['GET', '/userinfo'],
  ['POST', '/userinfo'],
  ['POST', '/device_authorization'],
  ['GET', '/device'],
  ['POST', '/device'],
  ['GET', '/logout'],
  ['POST', '/logout'],
  ['POST', '/register'],
  ['GET', '/register/X'],
  ['PUT', '/register/X'],
  ['DELETE', '/register/X'],
  ['GET', '/interaction/X'],
  ['POST', '/interaction/X/login'],
  ['POST', '/interaction/X/consent'],
  ['GET', '/jwks'],
  ['GET', '/.well-known/openid-configuration'],
];
const DCR_FIELDS = [
  'client_name',
  'redirect_uris',
  'grant_types',
  'response_types',
  'token_endpoint_auth_method',
  'scope',
  'client_uri',
  'logo_uri',
  'jwks',
  'jwks_uri',
  'contacts',
  'post_logout_redirect_uris',
  'software_id',
  'software_version',
  'application_type',
  'id_token_signed_response_alg',
  'x',
];
const CONTENT_TYPES = [FORM, 'application/json', 'text/plain', 'multipart/form-data; boundary=x', `${FORM}; charset=utf-16`, undefined];

describe.each(STORE_KINDS)('random sweep over the OAuth endpoints (%s)', (kind) => {
  const r = prng(SEED);
  const { stream: log, errors } = errorLines();
  let s: TestServer;
  let client: { client_id: string; client_secret: string };
  let basic: string;
  let weirdValues: string[];

  beforeAll(async () => {
    s = await startTestServer(kind, {}, createLogger('warn', log));
    await s.admin('POST', '/spaces/default/scopes', { name: 'api', description: 'API' });
    client = await s.admin('POST', '/spaces/default/clients', {
      name: 'swept',
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:device_code'],
      redirect_uris: ['https://app.example/cb'],
      post_logout_redirect_uris: ['https://app.example/bye'],
      scope: 'api',
    });
    basic = `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`;
    await s.admin('POST', '/spaces', { slug: 'open', display_name: 'Open registration', settings: { registration: 'open' } });
    await s.admin('POST', '/spaces/default/users', { username: 'alice', password: 'correct horse battery', kind: 'personal' });
    await s.admin('POST', '/spaces/default/users', { username: 'svc', password: 'correct horse battery', kind: 'service' });
    weirdValues = [
      '',
      'a',
      '%',
      '%zz',
      '\u0000',
      'é',
      '😀',
      '\ud800',
      'x'.repeat(5000),
      '[]',
      '{}',
      'null',
      '-1',
      '0',
      '1e309',
      '99999999999999999999',
      'openid api',
      'openid',
      'offline_access',
      'api',
      'https://app.example/cb',
      'https://app.example/bye',
      'http://127.0.0.1:5/cb',
      client.client_id,
      'S256',
      'plain',
      'code',
      'token',
      'id_token token',
      'none',
      'login',
      'consent',
      'form_post',
      'fragment',
      'query',
      'allow',
      'deny',
      'alice',
      'svc',
      'correct horse battery',
      'a'.repeat(43),
      "'; drop table x;--",
      '\r\nX-Injected: 1',
    ];
  });
  afterAll(async () => s?.close());

  const weird = () => r.pick(weirdValues);
  const mutate = (params: Record<string, string> | URLSearchParams, times = 1 + r.int(2)) => {
    const q = new URLSearchParams(params);
    for (let i = 0; i < times; i++) {
      const key = r.next() < 0.6 && q.size ? r.pick([...q.keys()]) : r.pick(PARAMS);
      const roll = r.next();
      if (roll < 0.2) q.delete(key);
      else if (roll < 0.35) q.append(key, weird());
      else q.set(key, weird());
    }
    return q;
  };

  /** Sends one request and checks the answer; the text of the body, '' when the client side refused to send it. */
  async function send(label: string, url: string, init: RequestInit = {}): Promise<{ status: number; text: string; res?: Response }> {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'manual', ...init });
    } catch {
      return { status: 0, text: '' }; // a header value fetch itself refuses to send
    }
    const text = await res.text();
    const where = `seed ${SEED}, ${label}: ${init.method ?? 'GET'} ${url.slice(0, 300)} ${String(init.body ?? '').slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, where).toBeLessThan(500);
    expect(text, where).not.toMatch(/at .*\.(js|ts):\d+/);
    if (res.status >= 400 && (res.headers.get('content-type') ?? '').startsWith('application/json')) expect(JSON.parse(text), where).toHaveProperty('error');
    return { status: res.status, text, res };
  }

  const post = (label: string, path: string, params: URLSearchParams, headers: Record<string, string> = { authorization: basic }) =>
    send(label, `${s.issuer}${path}`, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body: params.toString() });

  it('answers garbage on every endpoint without a 5xx', async () => {
    errors.length = 0;
    for (let i = 0; i < 500; i++) {
      const [method, path] = r.pick(ENDPOINTS);
      const params = new URLSearchParams();
      for (let n = r.int(8); n > 0; n--) params.append(r.pick(PARAMS), weird());
      const headers: Record<string, string> = {};
      if (r.next() < 0.5)
        headers.authorization =
          r.next() < 0.5 ? basic : r.pick([`Bearer ${weird()}`, `Basic ${weird()}`, `Basic ${Buffer.from(`${weird()}:${weird()}`).toString('base64')}`]);
      if (r.next() < 0.1) headers.cookie = `kw_bind=${weird().replace(/[^\x21-\x7e]/g, '')}`;
      const space = r.next() < 0.9 ? 'default' : enc(weird()) || 'y';
      let url = `${s.url}/spaces/${space}${path.replace('X', enc(weird()) || 'x')}`;
      let body: string | undefined;
      if (method === 'GET' || method === 'DELETE') url += `?${params}`;
      else {
        const type = r.pick(CONTENT_TYPES);
        if (type) headers['content-type'] = type;
        body = type === 'application/json' ? (r.next() < 0.5 ? JSON.stringify(Object.fromEntries(params)) : weird()) : params.toString();
      }
      await send('garbage', url, { method, headers, body });
    }
    expect(errors, `seed ${SEED}`).toEqual([]);
  }, 120_000);

  it('walks real flows with mutated parameters without a 5xx', async () => {
    errors.length = 0;
    const formOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    let codes = 0;
    let registered = 0;
    for (let i = 0; i < 30; i++) {
      const cookies = new Map<string, string>();
      const keep = (res?: Response) => {
        for (const c of res?.headers.getSetCookie() ?? []) {
          const [pair] = c.split(';');
          const at = pair!.indexOf('=');
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
      };
      const cookie = () => ({ cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') });
      const verifier = randomBytes(32).toString('base64url');
      const authz = {
        client_id: client.client_id,
        redirect_uri: 'https://app.example/cb',
        response_type: 'code',
        scope: 'openid api offline_access',
        state: 's',
        nonce: 'n',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      };
      const maybe = (p: Record<string, string> | URLSearchParams, odds = 0.5) => (r.next() < odds ? mutate(p) : new URLSearchParams(p));

      // Authorization code: authorize, sign in, consent, then the code, refresh, introspection, revocation, userinfo, logout.
      let a = await send('authorize', `${s.issuer}/authorize?${maybe(authz)}`);
      keep(a.res);
      const interaction = new URL(a.res?.headers.get('location') ?? '/', s.url).pathname;
      if (interaction.includes('/interaction/')) {
        a = await send('interaction', `${s.url}${interaction}`, { headers: cookie() });
        a = await send('login', `${s.url}${interaction}/login`, {
          method: 'POST',
          headers: { 'content-type': FORM, ...cookie() },
          body: maybe({ csrf: formOf(a.text), username: 'alice', password: 'correct horse battery' }).toString(),
        });
        keep(a.res);
        a = await send('interaction after login', `${s.url}${interaction}`, { headers: cookie() });
        if (a.status === 200) {
          a = await send('consent', `${s.url}${interaction}/consent`, {
            method: 'POST',
            headers: { 'content-type': FORM, ...cookie() },
            body: maybe({ csrf: formOf(a.text), decision: r.next() < 0.9 ? 'allow' : 'deny' }, 0.4).toString(),
          });
        }
        const back = a.res?.headers.get('location') ?? '';
        const code = back.startsWith('https://app.example/cb') ? new URL(back).searchParams.get('code') : null;
        if (code) {
          codes++;
          const exchange = { grant_type: 'authorization_code', code, redirect_uri: 'https://app.example/cb', code_verifier: verifier };
          const t = await post('code exchange', '/token', maybe(exchange, 0.3));
          if (t.status === 200) {
            const tokens = JSON.parse(t.text) as { access_token: string; refresh_token?: string; id_token?: string };
            await post('refresh', '/token', maybe({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }));
            await post('introspect', '/introspect', maybe({ token: tokens.access_token }));
            await post('revoke', '/revoke', maybe({ token: tokens.refresh_token ?? '' }));
            await send('userinfo', `${s.issuer}/userinfo`, { headers: { authorization: `Bearer ${r.next() < 0.7 ? tokens.access_token : weird()}` } });
            const bye = maybe({ id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: 'https://app.example/bye', state: 'x' });
            const page = await send('logout', `${s.issuer}/logout?${bye}`, { headers: cookie() });
            const csrf = formOf(page.text);
            if (csrf)
              await send('logout post', `${s.issuer}/logout`, {
                method: 'POST',
                headers: { 'content-type': FORM, ...cookie() },
                body: maybe(new URLSearchParams([...bye, ['csrf', csrf]])).toString(),
              });
          }
          await post('code replay', '/token', new URLSearchParams(exchange));
        }
      }

      // Device authorization: the user-code page signs in and allows, the device polls.
      const device = await post('device authorization', '/device_authorization', maybe({ scope: 'api openid' }));
      if (device.status === 200) {
        const d = JSON.parse(device.text) as { device_code: string; user_code: string };
        const jar = new Map<string, string>();
        const page = await send('device page', `${s.issuer}/device?${maybe({ user_code: d.user_code })}`);
        for (const c of page.res?.headers.getSetCookie() ?? []) jar.set(c.split(';')[0]!.split('=')[0]!, c.split(';')[0]!.split('=').slice(1).join('='));
        const fields = { csrf: formOf(page.text), user_code: d.user_code, username: 'alice', password: 'correct horse battery', decision: 'allow' };
        await send('device post', `${s.issuer}/device`, {
          method: 'POST',
          headers: { 'content-type': FORM, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
          body: maybe(fields).toString(),
        });
        await post('device token', '/token', maybe({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: d.device_code }));
      }

      // Dynamic registration (open in space "open") and management with the registration access token.
      const metadata: Record<string, unknown> = {
        client_name: 'swept',
        redirect_uris: ['https://app.example/cb'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      };
      for (let n = r.int(3); n > 0; n--) metadata[r.pick(DCR_FIELDS)] = r.next() < 0.3 ? [weird()] : r.next() < 0.2 ? r.int(100_000) : weird();
      const open = `${s.url}/spaces/open/register`;
      const reg = await send('register', open, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) });
      if (reg.status === 201) {
        registered++;
        const { client_id: id, registration_access_token: rat } = JSON.parse(reg.text) as { client_id: string; registration_access_token: string };
        const bearer = { authorization: `Bearer ${r.next() < 0.8 ? rat : weird()}` };
        await send('registration read', `${open}/${enc(r.next() < 0.8 ? id : weird())}`, { headers: bearer });
        const update = { ...metadata, client_id: r.next() < 0.8 ? id : weird(), [r.pick(DCR_FIELDS)]: weird() };
        await send('registration update', `${open}/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', ...bearer },
          body: JSON.stringify(update),
        });
        await send('registration delete', `${open}/${id}`, { method: 'DELETE', headers: bearer });
      }

      // Password grant (service user), client credentials, and a pushed request used at /authorize.
      await post('password', '/token', maybe({ grant_type: 'password', username: 'svc', password: 'correct horse battery', scope: 'api' }));
      await post('client credentials', '/token', maybe({ grant_type: 'client_credentials', scope: 'api' }));
      const par = await post('par', '/par', maybe(authz));
      if (par.status === 201)
        await send(
          'authorize with request_uri',
          `${s.issuer}/authorize?${maybe({ client_id: client.client_id, request_uri: (JSON.parse(par.text) as { request_uri: string }).request_uri })}`,
        );
    }
    expect(codes, `seed ${SEED}: the sweep must reach the token endpoint with real codes`).toBeGreaterThan(5);
    expect(registered, `seed ${SEED}: the sweep must register clients to manage`).toBeGreaterThan(3);
    expect(errors, `seed ${SEED}`).toEqual([]);
  }, 180_000);
});
