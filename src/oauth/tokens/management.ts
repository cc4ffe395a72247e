// Token management (seed 004's Token Management page): what is issued in a space (grants, i.e. refresh token
// families, and stored access tokens outside a grant), revoking one or all of a client's or user's, and consents.
import { recordAudit, type Actor } from '../../events/audit.js';
import { AppError, invalid, notFound } from '../../errors.js';
import type { ChangeBus } from '../../store/changes.js';
import type { Executor } from '../../store/db.js';
import { revokeAccessTokenInSpace } from '../../store/access-tokens.js';
import { GrantStore } from '../../store/grants.js';
import { TokenListing, type ListFilter } from '../../store/token-listing.js';
import type { ClientService } from '../../registry/clients.js';
import type { UserService } from '../../registry/users.js';
import { isUuid } from '../../store/ids.js';

type SpaceRef = { id: string; slug: string };
const AT = 'at_';

export interface TokenEntry {
  id: string;
  kind: 'grant' | 'access_token';
  grant_type: string;
  scope: string;
  client_id: string | null;
  client_name: string | null;
  user_id: string | null;
  username: string | null;
  issued_at: string;
  expires_at: string;
  refresh_count: number | null;
  refresh_limit: number | 'unlimited' | null;
  active: boolean;
  revoked_at: string | null;
}

export interface TokenQuery {
  limit: number;
  cursor?: string;
  client_id?: string;
  user_id?: string;
}

// Newest first over two tables: the cursor is the last entry's (created_at, raw id), compared as text in both.
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}
function decodeCursor(c: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as [string, string];
    const d = new Date(at);
    if (typeof at !== 'string' || typeof id !== 'string' || id.length > 200 || Number.isNaN(d.getTime()) || d.getFullYear() > 9999) throw new Error();
    return { at: d, id };
  } catch {
    throw invalid('cursor', 'cursor is not one this server issued');
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const latest = (dates: (Date | null)[]): Date | null | 'never' => {
  if (dates.length === 0) return null;
  if (dates.some((d) => d === null)) return 'never';
  return new Date(Math.max(...dates.map((d) => d!.getTime())));
};

export class TokenManagement {
  private readonly listing: TokenListing;
  private readonly grants: GrantStore;

  constructor(
    private readonly db: Executor,
    private readonly clients: ClientService,
    private readonly users: UserService,
    private readonly bus?: ChangeBus,
  ) {
    this.listing = new TokenListing(db);
    this.grants = new GrantStore(db);
  }

  /** The filter of a listing: the client and user named in the query (404 when unknown), the cursor, the size. */
  private async filter(space: SpaceRef, q: TokenQuery, db: Executor = this.db): Promise<ListFilter> {
    return {
      clientPk: q.client_id === undefined ? undefined : (await this.clients.row(space, q.client_id, db)).id,
      userId: q.user_id === undefined ? undefined : (await this.users.row(space, q.user_id, db)).id,
      before: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit,
    };
  }

  async list(space: SpaceRef, q: TokenQuery): Promise<{ items: TokenEntry[]; next_cursor: string | null }> {
    const f = await this.filter(space, q);
    const now = new Date();
    const grantRows = await this.listing.grants(space.id, f);
    const tokenRows = await this.listing.accessTokens(space.id, f, now);
    // A grant lives as long as its unused refresh token (or, without one, its longest-lived access token).
    const { refresh: rts, access: ats } = await this.listing.expiries(grantRows.map((r) => r.g.id));
    type Merged = { at: Date; raw: string; entry: TokenEntry };
    const merged: Merged[] = [];
    // Tokens the server would refuse although they are neither expired nor revoked (see cutOffs in the store).
    const cutOff = (
      issued: Date,
      r: { clientDeactivatedAt: Date | null; clientTokensValidAfter: Date | null; userDisabled: boolean | null; userTokensValidAfter: Date | null },
    ) =>
      r.clientDeactivatedAt !== null ||
      r.userDisabled === true ||
      (r.clientTokensValidAfter !== null && issued <= r.clientTokensValidAfter) ||
      (r.userTokensValidAfter !== null && issued <= r.userTokensValidAfter);
    for (const r of grantRows) {
      const own = rts.filter((t) => t.grantId === r.g.id).map((t) => t.expiresAt);
      const exp = latest(own.length ? own : ats.filter((a) => a.grantId === r.g.id).map((a) => a.expiresAt));
      const alive = exp === 'never' || (exp !== null && exp > now);
      merged.push({
        at: r.g.createdAt,
        raw: r.g.id,
        entry: {
          id: r.g.id,
          kind: 'grant',
          grant_type: r.g.grantType,
          scope: r.g.scope.join(' '),
          client_id: r.clientId,
          client_name: r.clientName,
          user_id: r.g.userId,
          username: r.username,
          issued_at: r.g.createdAt.toISOString(),
          expires_at: exp === 'never' ? 'never' : (iso(exp) ?? r.g.createdAt.toISOString()),
          refresh_count: r.g.refreshCount,
          refresh_limit: r.refreshLimit ?? 'unlimited',
          active: alive && !cutOff(r.g.createdAt, r),
          revoked_at: iso(r.g.revokedAt),
        },
      });
    }
    for (const r of tokenRows) {
      merged.push({
        at: r.t.createdAt,
        raw: r.t.id,
        entry: {
          id: AT + r.t.id,
          kind: 'access_token',
          grant_type: r.t.grantType,
          scope: r.t.scope.join(' '),
          client_id: r.clientId,
          client_name: r.clientName,
          user_id: r.t.userId,
          username: r.username,
          issued_at: r.t.createdAt.toISOString(),
          expires_at: iso(r.t.expiresAt) ?? 'never',
          refresh_count: null,
          refresh_limit: null,
          active: !cutOff(r.t.createdAt, r),
          revoked_at: null,
        },
      });
    }
    // Same order as the SQL: created_at, then the raw id in code-point order ("C" collation assumed for ids, which are ASCII).
    merged.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.raw < b.raw ? 1 : a.raw > b.raw ? -1 : 0));
    const page = merged.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((m) => m.entry), next_cursor: merged.length > q.limit && last ? encodeCursor(last.at, last.raw) : null };
  }

  /**
   * How many entries list() has for a client or user (or the whole space): grants and stored access tokens
   * outside a grant. JWT access tokens outside a grant are never stored, so they are not counted.
   */
  async count(space: SpaceRef, q: { client_id?: string; user_id?: string }) {
    const { clientPk, userId } = await this.filter(space, { ...q, limit: 0 });
    const n = await this.listing.count(space.id, { clientPk, userId }, new Date());
    return { grants: n.grants, access_tokens: n.accessTokens, total: n.grants + n.accessTokens };
  }

  /** Revokes one grant (with its refresh and access tokens) or one stored access token. */
  async revoke(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const now = new Date();
      const clientPk = id.startsWith(AT)
        ? await revokeAccessTokenInSpace(tx, space.id, id.slice(AT.length), now)
        : isUuid(id)
          ? await this.grants.revokeInSpace(tx, space.id, id, now)
          : undefined;
      if (!clientPk) throw notFound(`token "${id}"`);
      // The client's own webhook is told (seed 001's webhook secret signs it).
      await recordAudit(tx, actor, { space: space.slug, action: 'token.revoke', targetType: 'token', targetId: id, client: { pk: clientPk } });
    });
  }

  /**
   * Revokes everything of a client or a user: every grant and stored access token, and (through tokens_valid_after)
   * every JWT issued until now that was never stored. A client stays active; a user stays enabled.
   */
  async revokeAll(space: SpaceRef, by: { client_id?: string; user_id?: string }, actor: Actor) {
    if ((by.client_id === undefined) === (by.user_id === undefined)) throw invalid('client_id', 'give either client_id or user_id');
    const now = new Date();
    const result = await this.db.transaction(async (tx) => {
      const { clientPk, userId } = await this.filter(space, { ...by, limit: 0 }, tx);
      const cutOff = clientPk ? await this.grants.cutOffClient(tx, clientPk, now) : await this.users.cutOffTokens(tx, userId!, now);
      const n = await this.grants.revokeAll(tx, space.id, clientPk ? { clientPk } : { userId: userId! }, now);
      const target = clientPk ? { targetType: 'client', targetId: by.client_id! } : { targetType: 'user', targetId: userId! };
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'token.revoke_all',
        ...target,
        changes: { revoked_grants: n.grants, revoked_access_tokens: n.accessTokens },
      });
      return { revoked_grants: n.grants, revoked_access_tokens: n.accessTokens, tokens_valid_after: cutOff.toISOString() };
    });
    // Caches hold the client row with its tokens_valid_after: drop it everywhere (no cache holds users).
    if (by.client_id !== undefined) await this.bus?.publish('client', by.client_id);
    return result;
  }

  async listConsents(space: SpaceRef, q: TokenQuery) {
    const rows = await this.listing.consents(space.id, await this.filter(space, q));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.c.id,
        client_id: r.clientId,
        client_name: r.clientName,
        user_id: r.c.userId,
        username: r.username,
        scope: r.c.scope.join(' '),
        created_at: r.c.createdAt.toISOString(),
        updated_at: r.c.updatedAt.toISOString(),
      })),
      next_cursor: rows.length > q.limit && last ? encodeCursor(last.c.createdAt, last.c.id) : null,
    };
  }

  /** Forgets a consent: the next authorization of that client asks the user again. Issued tokens stay. */
  async revokeConsent(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    if (!isUuid(id)) throw notFound(`consent "${id}"`);
    await this.db.transaction(async (tx) => {
      const done = await this.listing.deleteConsent(tx, space.id, id);
      if (!done) throw new AppError('not_found', `consent "${id}" not found`);
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'consent.revoke',
        targetType: 'consent',
        targetId: id,
        client: { pk: done.clientPk },
        changes: { user_id: done.userId, scope: done.scope.join(' ') },
      });
    });
  }
}
