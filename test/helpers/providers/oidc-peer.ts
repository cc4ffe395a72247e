// oidc-provider 9 as a real third-party provider standing in for Exact Online in the vault's tests: issuer
// http://127.0.0.1:<port>, its development interactions (a login form that accepts any login name without checking
// the password, then a consent form), three clients and a protected API.
//   - `code`: confidential (client_secret_basic), authorization code with PKCE required, refresh tokens that rotate
//     on every use. oidc-provider issues a refresh token only when `offline_access` was granted, and keeps
//     `offline_access` in the request only when `prompt` includes `consent` (or `alwaysIssueRefreshToken`, closer to
//     Exact Online, which issues one for every code).
//   - `credentials`: client_credentials with a secret. `jwt`: client_credentials with private_key_jwt (the caller's
//     public JWK; the assertion's audience may be the issuer or the token URL).
// A rotated-away refresh token used again is refused (invalid_grant, error_detail "refresh token already used") and oidc-provider
// revokes the whole grant; `stats.reuse` counts those refusals through the `grant.error` event.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export interface OidcPeerOptions {
  /** Redirect URIs of the `code` client (Keyward's `{issuer}/connections/callback`). */
  redirectUris: string[];
  /** Access token lifetime, seconds (default 60). */
  accessTokenTtlSeconds?: number;
  /** Refresh token lifetime, seconds (default 30 days, Exact Online's unused lifetime). */
  refreshTokenTtlSeconds?: number;
  /** Client authentication of the `code` client (default client_secret_basic). */
  codeClientAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Issue a refresh token for every authorization code, without offline_access (default false). */
  alwaysIssueRefreshToken?: boolean;
  /** The public key of the `jwt` client and its algorithm (absent: no `jwt` client). */
  privateKeyJwt?: { jwk: JWK; alg: string };
}

export interface OidcPeerStats {
  /** Uses of a rotated-away refresh token (each revoked its grant). */
  reuse: number;
  /** Grants revoked (by reuse detection or revocation). */
  grantsRevoked: number;
  /** Successful token requests by grant type. */
  success: Record<string, number>;
  /** Failed token requests by error code. */
  errors: Record<string, number>;
  /** Protected API calls, and those refused 401. */
  apiCalls: number;
  apiUnauthorized: number;
}

export interface PeerClient {
  client_id: string;
  client_secret?: string;
}

const secret = (): string => randomBytes(24).toString('base64url');

export async function startOidcPeer(opts: OidcPeerOptions) {
  // Listen first: the issuer must name the port.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => void res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signing = { ...(await exportJWK(privateKey)), kid: 'peer-rs256', alg: 'RS256', use: 'sig' };
  const code: PeerClient = { client_id: 'peer-code', client_secret: secret() };
  const credentials: PeerClient = { client_id: 'peer-credentials', client_secret: secret() };
  const jwt: PeerClient = { client_id: 'peer-jwt' };

  const clients: Configuration['clients'] = [
    {
      ...code,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: opts.redirectUris,
      token_endpoint_auth_method: opts.codeClientAuthMethod ?? 'client_secret_basic',
    },
    { ...credentials, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'api' },
  ];
  if (opts.privateKeyJwt) {
    clients.push({
      ...jwt,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: opts.privateKeyJwt.alg,
      jwks: { keys: [opts.privateKeyJwt.jwk] },
    });
  }
  const alwaysRefresh = opts.alwaysIssueRefreshToken ?? false;
  const provider = new Provider(issuer, {
    clients,
    // Any login name is an account whose only claim is its subject.
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    scopes: ['openid', 'offline_access', 'api'],
    pkce: { required: () => true },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, source) => client.grantTypeAllowed('refresh_token') && (alwaysRefresh || source.scopes.has('offline_access')),
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
    },
    enabledJWA: {
      clientAuthSigningAlgValues: ['HS256', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'ES256', 'ES384', 'Ed25519', 'EdDSA'],
    },
    jwks: { keys: [signing] },
    cookies: { keys: [secret()] },
    ttl: {
      AccessToken: opts.accessTokenTtlSeconds ?? 60,
      ClientCredentials: opts.accessTokenTtlSeconds ?? 60,
      RefreshToken: opts.refreshTokenTtlSeconds ?? 30 * 24 * 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Grant: 365 * 24 * 3600,
      Session: 24 * 3600,
      Interaction: 3600,
    },
  });

  const stats: OidcPeerStats = { reuse: 0, grantsRevoked: 0, success: {}, errors: {}, apiCalls: 0, apiUnauthorized: 0 };
  const serverErrors: Error[] = [];
  provider.on('grant.success', (ctx) => {
    const grant = String(ctx.oidc.params?.grant_type ?? '');
    stats.success[grant] = (stats.success[grant] ?? 0) + 1;
  });
  provider.on('grant.error', (_ctx, err) => {
    const code = err.error ?? 'unknown';
    stats.errors[code] = (stats.errors[code] ?? 0) + 1;
    // The answer says only "grant request is invalid"; the reason is in error_detail, for the server's eyes.
    if (err.error_detail === 'refresh token already used') stats.reuse++;
  });
  provider.on('grant.revoked', () => void stats.grantsRevoked++);
  provider.on('server_error', (_ctx, err) => void serverErrors.push(err));

  // The protected API: any method under /api/, answered with who the access token belongs to.
  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.apiCalls++;
    const value = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const token = (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value));
    req.resume();
    if (!token || token.isExpired) {
      stats.apiUnauthorized++;
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' });
      return void res.end(JSON.stringify({ error: 'invalid_token' }));
    }
    const url = new URL(req.url ?? '/', issuer);
    const body = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      sub: (token as { accountId?: string }).accountId ?? null,
      client_id: token.clientId,
      scope: token.scope ?? null,
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  const callback = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/api/')) {
      api(req, res).catch(() => void (res.headersSent ? res.destroy() : res.writeHead(500).end()));
    } else callback(req, res);
  };

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    authorizationUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    userinfoUrl: `${issuer}/me`,
    revocationUrl: `${issuer}/token/revocation`,
    apiBaseUrl: `${issuer}/api`,
    /** The confidential authorization code client (PKCE required, rotating refresh tokens). */
    codeClient: code,
    /** client_credentials with a secret. */
    credentialsClient: credentials,
    /** client_credentials with private_key_jwt (only when `privateKeyJwt` was given). */
    jwtClient: jwt,
    stats: stats as Readonly<OidcPeerStats>,
    /** Errors oidc-provider hit while answering (none are expected). */
    serverErrors: serverErrors as readonly Error[],
    provider,
    close: async (): Promise<void> => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type OidcPeer = Awaited<ReturnType<typeof startOidcPeer>>;
