// A small, fast OAuth 2.0 provider on node:http for the vault's tests and benchmark, configurable per instance with
// every quirk the catalog's entry type can describe (src/vault/catalog/types.ts): client authentication (basic,
// post, private_key_jwt), PKCE, form or JSON token requests, extra redirect parameters (QuickBooks realmId), rotating
// or fixed refresh tokens with reuse detection and grace, unused and absolute refresh-token lifetimes, Exact Online's
// too-early refusal, every lifetime style, nested answers (Slack), extra metadata fields, every error style, injected
// faults (5xx, 429, lost answers, slow answers), Redox's legacy API-key exchange and a protected API to proxy to.
// `/authorize` redirects at once: there is no person and no page.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveApi, type ApiAuthOptions, type ApiState } from './quirk-api.js';
import { sendJson, sendTokenError, tokenAnswer, type AnswerOptions, type ErrorStyle, type LifetimeField, type LifetimeStyle } from './quirk-answers.js';
import { ClientAuthenticator, parseParams, readBody, type ClientAuthMethod, type PrivateKeyJwtOptions } from './quirk-client-auth.js';
import { TokenBook, type IssuedTokens, type QuirkStats, type RefreshBehaviour } from './quirk-tokens.js';

export type { QuirkStats, RefreshBehaviour, LifetimeStyle, LifetimeField, ErrorStyle, ClientAuthMethod, PrivateKeyJwtOptions, ApiAuthOptions, IssuedTokens };

export interface QuirkProviderOptions {
  clientId?: string; // default "quirk-client"
  clientSecret?: string; // default "quirk-secret"
  /** Accepted client authentication at the token endpoint (default basic and post). */
  clientAuthMethods?: ClientAuthMethod[];
  /** The public key and algorithm of private_key_jwt (audience: the token URL unless given). */
  privateKeyJwt?: PrivateKeyJwtOptions;
  /** Token request body format accepted (default any). */
  requestFormat?: 'form' | 'json' | 'any';
  /** `required`: an authorization request without an S256 challenge is refused. A challenge sent is always verified. */
  pkce?: 'optional' | 'required';
  /** Redirect URIs accepted at /authorize (default: any). */
  redirectUris?: string[];
  /** Extra parameters on the redirect back (QuickBooks `realmId`). */
  redirectParams?: Record<string, string>;
  /** /authorize redirects back with this error instead of a code (the person declined: access_denied). */
  authorizeError?: string;
  /** The access token's real lifetime (default 3600), whatever the answer says about it. */
  accessTokenTtlSeconds?: number;
  /** How the answer gives the access token's lifetime (default seconds as a number under expires_in). */
  lifetime?: LifetimeStyle | LifetimeField;
  /** How the answer gives the refresh token's lifetime (absent: not given). */
  refreshLifetime?: LifetimeStyle | LifetimeField;
  refresh?: RefreshBehaviour;
  errorStyle?: ErrorStyle;
  invalidGrantStatus?: number;
  /** Provider-specific error codes in place of the standard ones (Slack invalid_grant → invalid_refresh_token). */
  errorCodes?: Record<string, string>;
  nestUnder?: string;
  extraFields?: Record<string, unknown>;
  /** Token answers wait this long after the grant is done (a slow provider; a client timing out loses the answer). */
  delayMs?: number;
  /** Redox legacy API-key credentials (default quirk-api-key / quirk-api-secret). */
  apiKey?: { key: string; secret: string };
  apiAuth?: ApiAuthOptions;
  /** Clock in epoch ms (default Date.now): a test moves it to expire tokens without waiting. */
  now?: () => number;
}

/** An injected answer of the token endpoint (and the API-key calls), used instead of processing the request. */
export type TokenFault =
  | { status: number; body?: unknown; retryAfter?: number }
  /** The request IS processed (a refresh rotates), then the connection is destroyed: the answer is lost. */
  | { drop: true };

export interface AuthorizeRecord {
  client_id: string | null;
  redirect_uri: string | null;
  scope: string | null;
  state: string | null;
  code_challenge: string | null;
  code_challenge_method: string | null;
  /** Every query parameter, for the extra ones (access_type, prompt). */
  params: Record<string, string>;
}

interface CodeRecord {
  redirectUri: string;
  scope: string;
  challenge: string | null;
  expiresAt: number;
}

type Resolved = Required<
  Pick<
    QuirkProviderOptions,
    | 'clientId'
    | 'clientSecret'
    | 'clientAuthMethods'
    | 'requestFormat'
    | 'pkce'
    | 'accessTokenTtlSeconds'
    | 'refresh'
    | 'errorStyle'
    | 'delayMs'
    | 'apiKey'
    | 'apiAuth'
    | 'now'
  >
> &
  Omit<QuirkProviderOptions, 'lifetime' | 'refreshLifetime'> & { lifetime: LifetimeField; refreshLifetime?: LifetimeField };

const asField = (v: LifetimeStyle | LifetimeField | undefined): LifetimeField | undefined => (typeof v === 'string' ? { style: v } : v);
const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export async function startQuirkProvider(input: QuirkProviderOptions = {}) {
  /** Read on every request: a test may change any option of a running provider. */
  const options: Resolved = {
    ...input,
    clientId: input.clientId ?? 'quirk-client',
    clientSecret: input.clientSecret ?? 'quirk-secret',
    clientAuthMethods: input.clientAuthMethods ?? ['client_secret_basic', 'client_secret_post'],
    requestFormat: input.requestFormat ?? 'any',
    pkce: input.pkce ?? 'optional',
    accessTokenTtlSeconds: input.accessTokenTtlSeconds ?? 3600,
    refresh: input.refresh ?? {},
    errorStyle: input.errorStyle ?? 'standard',
    delayMs: input.delayMs ?? 0,
    apiKey: input.apiKey ?? { key: 'quirk-api-key', secret: 'quirk-api-secret' },
    apiAuth: input.apiAuth ?? {},
    now: input.now ?? Date.now,
    lifetime: asField(input.lifetime) ?? { style: 'seconds' },
    refreshLifetime: asField(input.refreshLifetime),
  };
  const book = new TokenBook(
    () => options.now(),
    () => options.accessTokenTtlSeconds,
    () => options.refresh,
  );
  const codes = new Map<string, CodeRecord>();
  const authorizations: AuthorizeRecord[] = [];
  const faults: TokenFault[] = [];
  /** Token answers waiting out `delayMs` (a grant done, its answer not yet sent). */
  let answersDelayed = 0;
  const api: ApiState = { book, auth: () => options.apiAuth, forced401: 0, streamsAborted: 0 };
  const answerOptions = (): AnswerOptions => options;
  const clientAuth = new ClientAuthenticator(() => ({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    methods: options.clientAuthMethods,
    privateKeyJwt: options.privateKeyJwt,
    tokenUrl: `${base}/token`,
  }));

  function authorize(res: ServerResponse, url: URL): void {
    book.stats.authorizations++;
    const q = url.searchParams;
    const record: AuthorizeRecord = {
      client_id: q.get('client_id'),
      redirect_uri: q.get('redirect_uri'),
      scope: q.get('scope'),
      state: q.get('state'),
      code_challenge: q.get('code_challenge'),
      code_challenge_method: q.get('code_challenge_method'),
      params: Object.fromEntries(q),
    };
    authorizations.push(record);
    let target: URL;
    try {
      target = new URL(record.redirect_uri ?? '');
    } catch {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'redirect_uri missing or invalid' });
    }
    if (record.client_id !== options.clientId) return sendJson(res, 400, { error: 'invalid_client', error_description: 'unknown client_id' });
    if (options.redirectUris && !options.redirectUris.includes(record.redirect_uri!)) {
      return sendJson(res, 400, { error: 'invalid_request', error_description: 'redirect_uri not registered' });
    }
    const back = (params: Record<string, string>): void => {
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      if (record.state !== null) target.searchParams.set('state', record.state);
      res.writeHead(302, { location: target.href, 'content-length': 0 });
      res.end();
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    if (options.authorizeError) return back({ error: options.authorizeError });
    if (record.code_challenge !== null && record.code_challenge_method !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'only S256 code challenges' });
    }
    if (options.pkce === 'required' && record.code_challenge === null) return back({ error: 'invalid_request', error_description: 'PKCE required' });
    const code = 'code_' + randomBytes(18).toString('base64url');
    codes.set(code, { redirectUri: record.redirect_uri!, scope: record.scope ?? '', challenge: record.code_challenge, expiresAt: options.now() + 60_000 });
    back({ code, ...options.redirectParams });
  }

  /** Answers a grant's tokens after the configured delay, unless a `drop` fault loses the answer. */
  async function answerTokens(res: ServerResponse, body: unknown, drop: boolean): Promise<void> {
    if (options.delayMs > 0) {
      answersDelayed++;
      await sleep(options.delayMs).finally(() => answersDelayed--);
    }
    if (drop) return void res.socket?.destroy();
    sendJson(res, 200, body);
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const params = parseParams(req.headers['content-type'], await readBody(req), options.requestFormat);
    if (!params) return sendTokenError(res, answerOptions(), 'invalid_request', `token request body must be ${options.requestFormat}`);
    const grant = params.grant_type ?? '';
    book.stats.requests[grant] = (book.stats.requests[grant] ?? 0) + 1;
    const fault = faults.shift();
    if (fault && !('drop' in fault)) return sendFault(res, fault);
    const auth = await clientAuth.authenticate(req, params);
    if (!auth.ok) {
      book.stats.invalidClient++;
      return sendTokenError(res, answerOptions(), 'invalid_client', auth.reason, 401);
    }
    const now = options.now();
    const invalidGrant = (why: string): void => {
      book.stats.invalidGrant++;
      sendTokenError(res, answerOptions(), 'invalid_grant', why);
    };
    const drop = fault !== undefined;
    if (grant === 'authorization_code') {
      const code = codes.get(params.code ?? '');
      if (!code) return invalidGrant('unknown or used authorization code');
      codes.delete(params.code!);
      if (code.expiresAt <= now) return invalidGrant('authorization code expired');
      if (code.redirectUri !== params.redirect_uri) return invalidGrant('redirect_uri does not match the authorization request');
      if (code.challenge !== null && (!params.code_verifier || s256(params.code_verifier) !== code.challenge)) return invalidGrant('PKCE verification failed');
      return answerTokens(res, tokenAnswer(book.issueGrant(code.scope), answerOptions(), now), drop);
    }
    if (grant === 'refresh_token') {
      const outcome = book.useRefreshToken(params.refresh_token ?? '');
      if (outcome.ok) return answerTokens(res, tokenAnswer(outcome.tokens, answerOptions(), now), drop);
      if (outcome.reason === 'too_early') return sendTokenError(res, answerOptions(), 'access_denied', 'Rate limit exceeded: access_token not expired');
      return invalidGrant(`refresh token ${outcome.reason}`);
    }
    if (grant === 'client_credentials')
      return answerTokens(res, tokenAnswer(book.issueClientToken(params.scope ?? ''), { ...answerOptions(), nestUnder: undefined }, now), drop);
    sendTokenError(res, answerOptions(), 'unsupported_grant_type', `grant_type ${grant || '(none)'} is not supported`);
  }

  function sendFault(res: ServerResponse, fault: { status: number; body?: unknown; retryAfter?: number }): void {
    book.stats.faults++;
    const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
    sendJson(
      res,
      fault.status,
      fault.body ?? { error: fault.status === 429 ? 'rate_limited' : 'server_error', error_description: `injected ${fault.status}` },
      headers,
    );
  }

  /** Redox's legacy API: `{apiKey, secret}` bought for `{accessToken, expires, refreshToken}`, renewed by refresh token. */
  async function apiKeyExchange(req: IncomingMessage, res: ServerResponse, refresh: boolean): Promise<void> {
    const params = parseParams(req.headers['content-type'], await readBody(req), 'json');
    const kind = refresh ? 'api_key_refresh' : 'api_key';
    book.stats.requests[kind] = (book.stats.requests[kind] ?? 0) + 1;
    if (!params) return sendJson(res, 400, { error: 'invalid_request', error_description: 'a JSON body is required' });
    const fault = faults.shift();
    if (fault && !('drop' in fault)) return sendFault(res, fault);
    if (params.apiKey !== options.apiKey.key || (!refresh && params.secret !== options.apiKey.secret)) {
      book.stats.invalidClient++;
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'unknown apiKey or wrong secret' });
    }
    const now = options.now();
    let tokens: IssuedTokens;
    if (refresh) {
      const outcome = book.useRefreshToken(params.refreshToken ?? '');
      if (!outcome.ok) {
        if (outcome.reason === 'too_early')
          return sendJson(res, 400, { error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' });
        book.stats.invalidGrant++;
        return sendJson(res, 401, { error: 'invalid_grant', error_description: `refresh token ${outcome.reason}` });
      }
      tokens = outcome.tokens;
    } else {
      tokens = book.issueGrant('');
    }
    const body: Record<string, unknown> = { accessToken: tokens.access_token, expires: new Date(now + tokens.expires_in * 1000).toISOString() };
    if (tokens.refresh_token !== undefined) body.refreshToken = tokens.refresh_token;
    return answerTokens(res, body, fault !== undefined);
  }

  async function revoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const params = parseParams(req.headers['content-type'], await readBody(req), 'any') ?? {};
    const auth = await clientAuth.authenticate(req, params);
    if (!auth.ok) return sendJson(res, 401, { error: 'invalid_client', error_description: auth.reason });
    book.stats.revocations++;
    book.revokeToken(params.token ?? '');
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    if (req.method === 'GET' && path === '/authorize') return authorize(res, url);
    if (path.startsWith('/api/') || path === '/api') return serveApi(req, res, url, api);
    if (req.method === 'POST' && path === '/token') return token(req, res);
    if (req.method === 'POST' && path === '/revoke') return revoke(req, res);
    if (req.method === 'POST' && path === '/auth/authenticate') return apiKeyExchange(req, res, false);
    if (req.method === 'POST' && path === '/auth/refreshToken') return apiKeyExchange(req, res, true);
    sendJson(res, 404, { error: 'not_found' });
  }

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    route(req, res).catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: err.message });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    authorizationUrl: `${base}/authorize`,
    tokenUrl: `${base}/token`,
    revocationUrl: `${base}/revoke`,
    apiBaseUrl: `${base}/api`,
    apiKeyLoginUrl: `${base}/auth/authenticate`,
    apiKeyRefreshUrl: `${base}/auth/refreshToken`,
    /** Live options: changing a field changes the provider's behaviour from the next request on. */
    options,
    stats: book.stats as Readonly<QuirkStats>,
    /** Token answers still waiting out `delayMs`: grants done at the provider whose answers have not been sent. */
    get answersDelayed(): number {
      return answersDelayed;
    },
    /** Every /authorize request, oldest first. */
    authorizations: authorizations as readonly AuthorizeRecord[],
    /** The API's streams cut short by their reader. */
    get streamsAborted(): number {
      return api.streamsAborted;
    },
    /** A new grant (a family) without the authorization step, as if a person had just consented. */
    mint: (scope = ''): IssuedTokens => book.issueGrant(scope),
    /** The next `times` token requests (and API-key calls) answer with `fault` instead. */
    failNext(fault: TokenFault, times = 1): void {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    /** The next `times` API calls answer 401 even with a valid access token. */
    failApiNext(times = 1): void {
      api.forced401 += times;
    },
    familyOf: (token: string): string | undefined => book.familyOf(token),
    refreshCount: (familyOrToken: string): number => book.refreshCount(familyOrToken),
    graceReuseCount: (familyOrToken: string): number => book.graceReuseCount(familyOrToken),
    answerRepeated: (accessToken: string): boolean => book.answerRepeated(accessToken),
    familyCount: (): number => book.familyCount(),
    revokeAll: (): void => book.revokeAll(),
    close: async (): Promise<void> => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type QuirkProvider = Awaited<ReturnType<typeof startQuirkProvider>>;
