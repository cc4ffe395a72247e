// Issues access tokens (JWT per RFC 9068, or opaque), refresh tokens and ID tokens, and answers what a token is
// (introspection). Opaque tokens are stored as SHA-256 only, durably, through a group-commit writer.
import { mayHaveTokens } from '../../registry/users.js';
import { randomUUID } from 'node:crypto';
import type { Db, Executor, Store } from '../../store/db.js';
import { AccessTokenStore, type AccessRow, type StoredAccessToken } from '../../store/access-tokens.js';
import { BatchReader, BatchWriter } from '../../store/batch.js';
import { GrantStore } from '../../store/grants.js';
import type { OAuthViews } from '../../store/oauth-views.js';
import { RefreshTokenStore } from '../../store/refresh-tokens.js';
import { randomToken, sha256 } from '../../crypto/secrets.js';
import { countTokenIssued } from '../../events/metrics.js';
import type { ActivityCounter } from '../../events/activity.js';
import type { OAuthCache, OAuthClient, OAuthSpace } from '../cache.js';
import { userClaims, type ClaimSource } from '../claims.js';
import { halfHash, signJwtGrouped, type SigningAlg } from './jwt.js';
import type { KeyService } from './keys.js';
import { verifyOwnJwt } from './verify.js';

export const OPAQUE_PREFIX = 'kwat_';
export const REFRESH_PREFIX = 'kwrt_';

export interface TokenSubject {
  space: OAuthSpace;
  client: OAuthClient;
  grantType: string;
  scope: string[];
  /** The user the token acts for; absent for client_credentials. */
  user?: { id: string; username: string; tokensValidAfter?: Date | null } | null;
  grantId?: string | null;
  authTime?: Date | null;
}

export interface IssuedAccessToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in?: number;
  jti: string;
}

/** Seconds, or undefined for "never expires"; null on the client means the space's value. */
export function lifetime(clientValue: number | null, spaceValue: number): number | undefined {
  if (clientValue === 0) return undefined;
  return clientValue ?? spaceValue;
}

export interface Introspection {
  active: boolean;
  scope?: string;
  client_id?: string;
  username?: string;
  token_type?: string;
  exp?: number;
  iat?: number;
  sub?: string;
  aud?: string;
  iss?: string;
  jti?: string;
}

export class TokenService {
  readonly refreshTokens: RefreshTokenStore;
  private readonly accessTokens: AccessTokenStore;
  private readonly grants: GrantStore;
  private readonly writer: BatchWriter<AccessRow>;
  /** Stored access tokens (opaque ones by hash, revoked JWTs by `jti:`) are looked up in groups: one statement for the lookups of one event loop turn. */
  private readonly storedReader: BatchReader<StoredAccessToken>;
  /** Where a revocation the client asked for runs (callers inside a transaction pass theirs to revokeGrant). */
  private readonly db: Db;

  constructor(
    store: Pick<Store, 'db' | 'run'>,
    private readonly keys: KeyService,
    private readonly cache: OAuthCache,
    private readonly views: OAuthViews,
    private readonly activity?: ActivityCounter,
  ) {
    this.db = store.db;
    this.refreshTokens = new RefreshTokenStore(store.db);
    this.accessTokens = new AccessTokenStore(store);
    this.grants = new GrantStore(store.db);
    this.writer = new BatchWriter((rows) => this.accessTokens.insert(rows));
    this.storedReader = new BatchReader((ids) => this.accessTokens.findMany(ids));
  }

  async issueAccessToken(s: TokenSubject): Promise<IssuedAccessToken> {
    const now = Date.now();
    const ttl = lifetime(s.client.row.accessTokenTtl, s.space.row.accessTokenTtl);
    const jti = randomUUID();
    const sub = s.user ? s.user.id : s.client.row.clientId;
    let token: string;
    if (s.client.row.accessTokenFormat === 'opaque') {
      token = OPAQUE_PREFIX + randomToken(32);
      await this.writer.add(this.row(sha256(token), 'opaque', s, now, ttl));
    } else {
      // iat has whole seconds while cut-offs (deactivation, revoke-all) have milliseconds: a token issued in the
      // second of a cut-off, after it, carries the next second so introspection does not take it for an older one.
      const cutoffs = [s.client.row.tokensValidAfter, s.user?.tokensValidAfter].filter((d): d is Date => !!d);
      const iat = Math.max(Math.floor(now / 1000), ...cutoffs.map((d) => Math.ceil(d.getTime() / 1000)));
      const claims: Record<string, unknown> = {
        iss: s.space.issuer,
        sub,
        aud: s.space.issuer,
        client_id: s.client.row.clientId,
        scope: s.scope.join(' '),
        jti,
        iat,
        ...(ttl !== undefined ? { exp: iat + ttl } : {}),
        ...(s.authTime ? { auth_time: Math.floor(s.authTime.getTime() / 1000) } : {}),
      };
      // Access tokens keep the space's algorithm, whatever the client's ID tokens use.
      token = await signJwtGrouped(await this.keys.signer(s.space.row.id, s.space.settings.signing_alg), claims, 'at+jwt');
      // Tokens of a grant are recorded (by jti) so they can be listed and die with their grant.
      if (s.grantId) await this.writer.add(this.row(`jti:${jti}`, 'jwt', s, now, ttl));
    }
    countTokenIssued(s.grantType, s.client.row.accessTokenFormat === 'opaque' ? 'opaque' : 'jwt');
    this.activity?.count(s.space.row.id, 'token_issued', s.grantType);
    return { access_token: token, token_type: 'Bearer', ...(ttl !== undefined ? { expires_in: ttl } : {}), jti };
  }

  private row(id: string, format: string, s: TokenSubject, now: number, ttl: number | undefined): AccessRow {
    return {
      id,
      spaceId: s.space.row.id,
      clientPk: s.client.row.id,
      userId: s.user?.id ?? null,
      grantId: s.grantId ?? null,
      grantType: s.grantType,
      format,
      scope: s.scope,
      createdAt: new Date(now),
      expiresAt: ttl === undefined ? null : new Date(now + ttl * 1000),
    };
  }

  /** Starts a grant: the family that refresh tokens (and its access tokens) belong to. */
  async createGrant(db: Executor, s: Omit<TokenSubject, 'grantId'> & { acr?: string | null; sid?: string | null }): Promise<string> {
    return this.grants.create(db, {
      spaceId: s.space.row.id,
      clientPk: s.client.row.id,
      userId: s.user?.id ?? null,
      grantType: s.grantType,
      scope: s.scope,
      authTime: s.authTime ?? null,
      acr: s.acr ?? null,
      sid: s.sid ?? null,
    });
  }

  /** A new refresh token in the grant, or undefined when the client's refresh_limit is 0 or it lacks the grant. */
  async issueRefreshToken(db: Executor, s: TokenSubject & { grantId: string }): Promise<string | undefined> {
    const next = this.nextRefreshToken(s);
    if (!next) return undefined;
    await this.refreshTokens.insert(db, { hash: next.hash, grantId: s.grantId, expiresAt: next.expiresAt });
    return next.token;
  }

  /** A refresh token value with its hash and expiry, not stored yet; undefined when the client gets none. */
  nextRefreshToken(s: Pick<TokenSubject, 'space' | 'client'>): { token: string; hash: string; expiresAt: Date | null } | undefined {
    if (s.client.row.refreshLimit === 0 || !s.client.row.grantTypes.includes('refresh_token')) return undefined;
    const token = REFRESH_PREFIX + randomToken(32);
    const ttl = lifetime(s.client.row.refreshTokenTtl, s.space.row.refreshTokenTtl);
    return { token, hash: sha256(token), expiresAt: ttl === undefined ? null : new Date(Date.now() + ttl * 1000) };
  }

  async issueIdToken(
    s: TokenSubject & { user: { id: string } & ClaimSource },
    extra: { nonce?: string | null; accessToken?: string; code?: string; acr?: string | null; sid?: string | null },
  ): Promise<string> {
    // OpenID Connect Registration §2: the client's id_token_signed_response_alg (RS256 unless it chose another).
    const key = await this.keys.signer(s.space.row.id, s.client.row.idTokenSignedResponseAlg as SigningAlg);
    const iat = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: s.space.issuer,
      sub: s.user.id,
      aud: s.client.row.clientId,
      azp: s.client.row.clientId,
      iat,
      exp: iat + s.space.settings.id_token_ttl,
      ...(s.authTime ? { auth_time: Math.floor(s.authTime.getTime() / 1000) } : {}),
      ...(extra.nonce ? { nonce: extra.nonce } : {}),
      ...(extra.acr ? { acr: extra.acr } : {}),
      ...(extra.sid ? { sid: extra.sid } : {}),
      ...(extra.accessToken ? { at_hash: halfHash(key.alg, extra.accessToken) } : {}),
      ...(extra.code ? { c_hash: halfHash(key.alg, extra.code) } : {}),
      ...userClaims(s.user, s.scope),
    };
    // RS256 costs about a millisecond: made on the signing thread with the other signatures of this turn.
    return signJwtGrouped(key, claims);
  }

  /**
   * RFC 7662: what the token is, or { active: false } for anything unknown, expired, revoked or cut off. `caller`
   * is the authenticated client asking (refresh tokens are answered to their own client only).
   * Every kind of token has its own prefix (or is a JWT), so the token itself says which table to read: the hot
   * path for opaque access tokens never looks at refresh tokens, and token_type_hint is not needed (RFC 7662 §2.1
   * lets the server search all kinds, so a wrong hint changes nothing).
   */
  async introspect(space: OAuthSpace, token: string, caller?: OAuthClient): Promise<Introspection> {
    const inactive = { active: false };
    if (token.startsWith(REFRESH_PREFIX)) return caller ? this.introspectRefresh(space, token, caller) : inactive;
    if (token.split('.').length === 3) {
      const claims = await verifyOwnJwt(this.keys, space, token);
      if (!claims || typeof claims.jti !== 'string' || typeof claims.client_id !== 'string') return inactive;
      const client = await this.cache.client(space.row.id, claims.client_id);
      const iat = new Date((claims.iat as number) * 1000);
      if (!client || !this.clientAllows(client, iat)) return inactive;
      const stored = await this.storedReader.get(`jti:${claims.jti}`);
      if (stored && !(await this.storedAlive(stored))) return inactive;
      const user = claims.sub !== claims.client_id ? await this.liveUser(claims.sub as string, iat) : undefined;
      if (user === null) return inactive;
      return {
        active: true,
        scope: claims.scope as string,
        client_id: claims.client_id,
        ...(user ? { username: user.username } : {}),
        token_type: 'Bearer',
        ...(claims.exp ? { exp: claims.exp as number } : {}),
        iat: claims.iat as number,
        sub: claims.sub as string,
        aud: claims.aud as string,
        iss: space.issuer,
        jti: claims.jti,
      };
    }
    if (!token.startsWith(OPAQUE_PREFIX)) return inactive;
    const row = await this.storedReader.get(sha256(token));
    if (!row || row.spaceId !== space.row.id || !(await this.storedAlive(row))) return inactive;
    const client = await this.cache.client(space.row.id, await this.clientIdOf(row.clientPk));
    if (!client || !this.clientAllows(client, row.createdAt)) return inactive;
    const user = row.userId ? await this.liveUser(row.userId, row.createdAt) : undefined;
    if (user === null) return inactive;
    return storedAnswer('Bearer', row, client, user, space.issuer, space.issuer);
  }

  /**
   * A refresh token is active while it can still be exchanged: unused, unexpired, its grant not revoked nor at the
   * client's refresh limit, client and user not cut off since the grant began. Only the client it was issued to
   * learns that: refresh tokens are bound to it (RFC 6749 §6), resource servers never receive them, and a resource
   * server that checks only `active` must not accept one as an access token. token_type "refresh_token" (not RFC
   * 6749 §7.1's "Bearer") says what it is.
   */
  private async introspectRefresh(space: OAuthSpace, token: string, caller: OAuthClient): Promise<Introspection> {
    const inactive = { active: false };
    const found = await this.refreshTokens.find(sha256(token));
    if (!found) return inactive;
    const { token: rt, grant: g } = found;
    if (g.spaceId !== space.row.id || g.clientPk !== caller.row.id || g.revokedAt || rt.usedAt) return inactive;
    if (rt.expiresAt && rt.expiresAt.getTime() <= Date.now()) return inactive;
    const limit = caller.row.refreshLimit;
    if (limit !== null && g.refreshCount >= limit) return inactive;
    if (!this.clientAllows(caller, g.createdAt)) return inactive;
    const user = g.userId ? await this.liveUser(g.userId, g.createdAt) : undefined;
    if (user === null) return inactive;
    return storedAnswer('refresh_token', { scope: g.scope, userId: g.userId, expiresAt: rt.expiresAt, createdAt: rt.createdAt }, caller, user, space.issuer);
  }

  private readonly clientIds = new Map<string, string>();
  private async clientIdOf(clientPk: string): Promise<string> {
    const known = this.clientIds.get(clientPk);
    if (known) return known;
    const clientId = await this.views.clientId(clientPk);
    if (clientId) this.clientIds.set(clientPk, clientId);
    return clientId ?? '';
  }

  /** A client cuts off tokens issued before its last deactivation (seed 004) and while it is inactive. */
  clientAllows(client: OAuthClient, issuedAt: Date): boolean {
    if (!client.row.active) return false;
    const after = client.row.tokensValidAfter;
    return !after || issuedAt.getTime() >= after.getTime();
  }

  private async storedAlive(row: StoredAccessToken): Promise<boolean> {
    if (row.revokedAt) return false;
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return false;
    return !row.grantId || this.grants.isLive(row.grantId);
  }

  /** The user when enabled and not cut off since `issuedAt`; null when the token must be inactive. */
  async liveUser(userId: string, issuedAt: Date): Promise<{ id: string; username: string } | null> {
    if (!/^[0-9a-f-]{36}$/.test(userId)) return null;
    const u = await this.views.user(userId);
    if (!u || !mayHaveTokens(u, issuedAt)) return null;
    return { id: u.id, username: u.username };
  }

  /**
   * RFC 7009 for `client`'s own tokens: a refresh token revokes its whole grant; an opaque access token is marked
   * revoked; a JWT access token is recorded as revoked by jti. Tokens of other clients or spaces are left alone.
   */
  async revoke(space: OAuthSpace, client: OAuthClient, token: string): Promise<void> {
    if (token.startsWith(REFRESH_PREFIX)) {
      const found = await this.refreshTokens.find(sha256(token));
      if (found && found.grant.clientPk === client.row.id) await this.revokeGrant(this.db, found.grant.id);
      return;
    }
    if (token.startsWith(OPAQUE_PREFIX)) {
      await this.accessTokens.revoke(sha256(token), client.row.id);
      return;
    }
    const claims = await verifyOwnJwt(this.keys, space, token);
    if (!claims || claims.client_id !== client.row.clientId || typeof claims.jti !== 'string') return;
    await this.accessTokens.revokeJwt({
      id: `jti:${claims.jti}`,
      spaceId: space.row.id,
      clientPk: client.row.id,
      userId: claims.sub !== client.row.clientId ? (claims.sub as string) : null,
      grantType: 'unknown',
      format: 'jwt',
      scope: String(claims.scope ?? '')
        .split(' ')
        .filter(Boolean),
      createdAt: new Date((claims.iat as number) * 1000),
      expiresAt: claims.exp ? new Date((claims.exp as number) * 1000) : null,
      revokedAt: new Date(),
    });
  }

  /** Revokes an access token this node just issued but will not hand out (its stored row: by hash or by jti). */
  async withdraw(at: IssuedAccessToken): Promise<void> {
    const id = at.access_token.startsWith(OPAQUE_PREFIX) ? sha256(at.access_token) : `jti:${at.jti}`;
    await this.accessTokens.revoke(id);
  }

  /** Revokes a grant (and with it its refresh and access tokens). */
  async revokeGrant(db: Executor, grantId: string): Promise<void> {
    await this.grants.revoke(db, grantId);
  }
}

/** The RFC 7662 answer for an active token kept in the store (opaque access tokens, refresh tokens). */
function storedAnswer(
  tokenType: 'Bearer' | 'refresh_token',
  t: { scope: string[]; userId: string | null; expiresAt: Date | null; createdAt: Date },
  client: OAuthClient,
  user: { username: string } | undefined,
  issuer: string,
  aud?: string,
): Introspection {
  return {
    active: true,
    scope: t.scope.join(' '),
    client_id: client.row.clientId,
    ...(user ? { username: user.username } : {}),
    token_type: tokenType,
    ...(t.expiresAt ? { exp: Math.floor(t.expiresAt.getTime() / 1000) } : {}),
    iat: Math.floor(t.createdAt.getTime() / 1000),
    sub: t.userId ?? client.row.clientId,
    ...(aud ? { aud } : {}),
    iss: issuer,
  };
}
