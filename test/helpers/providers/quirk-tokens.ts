// The token state of the quirk provider: access tokens, refresh tokens grouped in families (one family per grant, so
// a test can count the refreshes of one connection), the rotation and reuse rules, and the counters the vault's tests
// and benchmark assert on. Plain in-memory maps and counters: the benchmark drives thousands of refreshes a second.
import { randomBytes } from 'node:crypto';

export interface RefreshBehaviour {
  /** Each refresh returns a new refresh token and the used one dies (default true); false: the answer omits it. */
  rotates?: boolean;
  /** Seconds a rotated-away refresh token keeps working (Xero: 30 min); its use then is counted in `graceReuse`. */
  reuseGraceSeconds?: number;
  /** A refresh token unused for this long dies (Exact Online 30 days). */
  unusedLifetimeSeconds?: number;
  /** A refresh token's absolute lifetime from its issue. */
  lifetimeSeconds?: number;
  /** A refresh earlier than this many seconds before the family's access token expires is refused (Exact: 30). */
  earliestBeforeExpirySeconds?: number;
  /** A reused (rotated-away) refresh token also kills its family, as oidc-provider and Auth0 do (default false). */
  reuseRevokesFamily?: boolean;
}

export interface QuirkStats {
  /** Access tokens issued, by every grant. */
  issued: number;
  /** Successful refreshes (refresh_token grant and the API-key refresh call). */
  refreshes: number;
  /** Uses of a rotated-away refresh token outside any grace period (answered invalid_grant). */
  reuse: number;
  /** Uses of a rotated-away refresh token inside the grace period (answered with new tokens). */
  graceReuse: number;
  /** Refreshes refused as too early (Exact Online's "access_token not expired"). */
  tooEarly: number;
  /** Token requests answered invalid_grant for any reason (reuse, unknown, expired, revoked, bad code or PKCE). */
  invalidGrant: number;
  /** Token requests refused for client authentication. */
  invalidClient: number;
  /** Token requests answered with an injected fault (5xx, 429, custom). */
  faults: number;
  /** Token-endpoint requests by grant type (and `api_key`, `api_key_refresh` for the API-key exchange). */
  requests: Record<string, number>;
  authorizations: number;
  apiCalls: number;
  /** API calls answered 401 (unknown, expired or forced). */
  apiUnauthorized: number;
  revocations: number;
}

export const emptyStats = (): QuirkStats => ({
  issued: 0,
  refreshes: 0,
  reuse: 0,
  graceReuse: 0,
  tooEarly: 0,
  invalidGrant: 0,
  invalidClient: 0,
  faults: 0,
  requests: {},
  authorizations: 0,
  apiCalls: 0,
  apiUnauthorized: 0,
  revocations: 0,
});

export interface AccessTokenRecord {
  family: string;
  scope: string;
  /** Epoch ms. */
  expiresAt: number;
  /** The refresh token spent to issue it (none for a new grant). */
  parent?: string;
}

interface RefreshTokenRecord {
  family: string;
  scope: string;
  issuedAt: number;
  lastUsedAt: number;
  /** Absolute expiry (epoch ms) or Infinity. */
  expiresAt: number;
  /** When it was rotated away (epoch ms); undefined while it is the family's current one. */
  rotatedAt?: number;
}

interface FamilyRecord {
  refreshes: number;
  /** Refreshes made with a rotated-away refresh token inside the grace period. */
  graceReuses: number;
  /** Expiry of the newest access token (epoch ms), for the too-early rule. */
  accessExpiresAt: number;
  revoked: boolean;
}

/** What a grant produced, before the answer is shaped by the lifetime and nesting options. */
export interface IssuedTokens {
  access_token: string;
  refresh_token?: string;
  scope: string;
  /** Seconds. */
  expires_in: number;
  /** Seconds until the refresh token dies, when it has a known end. */
  refresh_expires_in?: number;
  family: string;
}

export type RefreshOutcome =
  { ok: true; tokens: IssuedTokens } | { ok: false; reason: 'unknown' | 'expired' | 'reused' | 'revoked' } | { ok: false; reason: 'too_early' };

const newToken = (prefix: string): string => prefix + randomBytes(18).toString('base64url');

export class TokenBook {
  readonly stats: QuirkStats = emptyStats();
  private readonly access = new Map<string, AccessTokenRecord>();
  private readonly refresh = new Map<string, RefreshTokenRecord>();
  private readonly families = new Map<string, FamilyRecord>();
  /** Rotated-away refresh tokens used again inside the grace period: the answer to their first use was lost. */
  private readonly reusedInGrace = new Set<string>();
  private sinceSweep = 0;

  constructor(
    private readonly now: () => number,
    private readonly accessTtlSeconds: () => number,
    private readonly rules: () => RefreshBehaviour,
  ) {}

  /** A new grant (authorization code exchanged, API key logged in, or minted by a test): a new family. */
  issueGrant(scope: string, withRefresh = true): IssuedTokens {
    const family = newToken('fam_');
    this.families.set(family, { refreshes: 0, graceReuses: 0, accessExpiresAt: 0, revoked: false });
    return this.issue(family, scope, withRefresh ? this.newRefreshToken(family, scope) : undefined);
  }

  /** Client credentials: an access token without refresh token or family bookkeeping beyond its expiry. */
  issueClientToken(scope: string): IssuedTokens {
    return this.issue('client_credentials', scope, undefined);
  }

  useRefreshToken(token: string): RefreshOutcome {
    const record = this.refresh.get(token);
    if (!record) return { ok: false, reason: 'unknown' };
    const family = this.families.get(record.family);
    if (!family || family.revoked) return { ok: false, reason: 'revoked' };
    const rules = this.rules();
    const now = this.now();
    if (record.rotatedAt !== undefined) {
      const grace = (rules.reuseGraceSeconds ?? 0) * 1000;
      if (now - record.rotatedAt >= grace) {
        this.stats.reuse++;
        if (rules.reuseRevokesFamily) family.revoked = true;
        return { ok: false, reason: 'reused' };
      }
      this.stats.graceReuse++;
      family.graceReuses++;
      this.reusedInGrace.add(token);
    } else if (now >= record.expiresAt || (rules.unusedLifetimeSeconds !== undefined && now - record.lastUsedAt >= rules.unusedLifetimeSeconds * 1000)) {
      this.refresh.delete(token);
      return { ok: false, reason: 'expired' };
    }
    const earliest = rules.earliestBeforeExpirySeconds;
    if (earliest !== undefined && now < family.accessExpiresAt - earliest * 1000) {
      this.stats.tooEarly++;
      return { ok: false, reason: 'too_early' };
    }
    family.refreshes++;
    this.stats.refreshes++;
    let next: string | undefined;
    if (rules.rotates === false) {
      record.lastUsedAt = now;
    } else {
      if (record.rotatedAt === undefined) record.rotatedAt = now;
      next = this.newRefreshToken(record.family, record.scope);
    }
    const tokens = this.issue(record.family, record.scope, next, token);
    // A non-rotating answer omits the refresh token, yet the test still wants its remaining life.
    if (next === undefined) tokens.refresh_expires_in = this.refreshExpiresIn(record);
    return { ok: true, tokens };
  }

  /** The access token's record when it is known and not expired. */
  checkAccessToken(token: string): AccessTokenRecord | undefined {
    const record = this.access.get(token);
    if (!record) return undefined;
    if (this.now() >= record.expiresAt || this.families.get(record.family)?.revoked) return undefined;
    return record;
  }

  /** RFC 7009: forgets an access or refresh token (a refresh token takes its family along). */
  revokeToken(token: string): void {
    const refresh = this.refresh.get(token);
    if (refresh) {
      const family = this.families.get(refresh.family);
      if (family) family.revoked = true;
    }
    this.access.delete(token);
    this.refresh.delete(token);
  }

  /** Every token dies: the provider revoked all grants (an administrator's "disconnect all apps"). */
  revokeAll(): void {
    for (const family of this.families.values()) family.revoked = true;
    this.access.clear();
    this.refresh.clear();
  }

  /** The family a refresh or access token belongs to. */
  familyOf(token: string): string | undefined {
    return this.refresh.get(token)?.family ?? this.access.get(token)?.family;
  }

  /** Successful refreshes of a family, given its id or any of its tokens. */
  refreshCount(familyOrToken: string): number {
    const family = this.families.get(familyOrToken) ?? this.families.get(this.familyOf(familyOrToken) ?? '');
    return family?.refreshes ?? 0;
  }

  /** Refreshes of a family made with a rotated-away refresh token inside the grace period. */
  graceReuseCount(familyOrToken: string): number {
    const family = this.families.get(familyOrToken) ?? this.families.get(this.familyOf(familyOrToken) ?? '');
    return family?.graceReuses ?? 0;
  }

  /**
   * Whether the refresh that issued this access token was later made again with the same refresh token (inside the
   * grace period): its client acted as if this answer, and the refresh token in it, never arrived.
   */
  answerRepeated(accessToken: string): boolean {
    const parent = this.access.get(accessToken)?.parent;
    return parent !== undefined && this.reusedInGrace.has(parent);
  }

  familyCount(): number {
    return this.families.size;
  }

  private newRefreshToken(family: string, scope: string): string {
    const now = this.now();
    const lifetime = this.rules().lifetimeSeconds;
    const token = newToken('rt_');
    this.refresh.set(token, { family, scope, issuedAt: now, lastUsedAt: now, expiresAt: lifetime === undefined ? Infinity : now + lifetime * 1000 });
    return token;
  }

  private refreshExpiresIn(record: RefreshTokenRecord): number | undefined {
    const now = this.now();
    const unused = this.rules().unusedLifetimeSeconds;
    const ends = Math.min(record.expiresAt, unused === undefined ? Infinity : record.lastUsedAt + unused * 1000);
    return Number.isFinite(ends) ? Math.max(0, Math.round((ends - now) / 1000)) : undefined;
  }

  private issue(family: string, scope: string, refreshToken: string | undefined, parent?: string): IssuedTokens {
    const ttl = this.accessTtlSeconds();
    const expiresAt = this.now() + ttl * 1000;
    const accessToken = newToken('at_');
    this.access.set(accessToken, { family, scope, expiresAt, parent });
    const fam = this.families.get(family);
    if (fam) fam.accessExpiresAt = expiresAt;
    this.stats.issued++;
    if (++this.sinceSweep >= 20_000) this.sweep();
    const refreshRecord = refreshToken === undefined ? undefined : this.refresh.get(refreshToken);
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      scope,
      expires_in: ttl,
      refresh_expires_in: refreshRecord && this.refreshExpiresIn(refreshRecord),
      family,
    };
  }

  /** Drops expired access tokens now and then so a long benchmark run stays within memory. Refresh tokens stay: a
   * rotated-away one must still be recognised as reused. */
  private sweep(): void {
    this.sinceSweep = 0;
    const now = this.now();
    for (const [token, record] of this.access) if (record.expiresAt <= now) this.access.delete(token);
  }
}
