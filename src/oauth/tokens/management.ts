// Token management (seed 004's Token Management page): what is issued in a space (grants, i.e. refresh token
// families, and stored access tokens outside a grant), revoking one or all of a client's or user's, and consents.
import { and, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../events/audit.js';
import { AppError, invalid, notFound } from '../../errors.js';
import type { ChangeBus } from '../../store/changes.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../store/db.js';
import { selectForUpdate } from '../../store/locks.js';
import { accessTokens, clients, consents, grants, refreshTokens, users } from '../../store/schema.js';
import { UserService } from '../../registry/users.js';

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
  private readonly userService: UserService;
  constructor(
    private readonly db: Executor,
    private readonly bus?: ChangeBus,
  ) {
    this.userService = new UserService(db);
  }

  private async clientPk(space: SpaceRef, clientId: string | undefined, db: Executor = this.db): Promise<string | undefined> {
    if (clientId === undefined) return undefined;
    const [row] = await db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.spaceId, space.id), eq(clients.clientId, clientId)));
    if (!row) throw notFound(`client "${clientId}"`);
    return row.id;
  }

  private async userId(space: SpaceRef, ref: string | undefined, db: Executor = this.db): Promise<string | undefined> {
    return ref === undefined ? undefined : (await this.userService.row(space, ref, db)).id;
  }

  async list(space: SpaceRef, q: TokenQuery): Promise<{ items: TokenEntry[]; next_cursor: string | null }> {
    const clientPk = await this.clientPk(space, q.client_id);
    const userId = await this.userId(space, q.user_id);
    const c = q.cursor ? decodeCursor(q.cursor) : undefined;
    const before = (at: PgColumn, id: SQL): SQL | undefined => (c ? sql`(${at}, ${id}) < (${c.at.toISOString()}::timestamptz, ${c.id})` : undefined);
    const now = new Date();
    const grantRows = await this.db
      .select({ g: grants, clientId: clients.clientId, clientName: clients.name, refreshLimit: clients.refreshLimit, username: users.username })
      .from(grants)
      .innerJoin(clients, eq(clients.id, grants.clientPk))
      .leftJoin(users, eq(users.id, grants.userId))
      .where(
        and(
          eq(grants.spaceId, space.id),
          isNull(grants.revokedAt),
          clientPk ? eq(grants.clientPk, clientPk) : undefined,
          userId ? eq(grants.userId, userId) : undefined,
          before(grants.createdAt, sql`${grants.id}::text collate "C"`),
        ),
      )
      .orderBy(desc(grants.createdAt), desc(sql`${grants.id}::text collate "C"`))
      .limit(q.limit + 1);
    const tokenRows = await this.db
      .select({ t: accessTokens, clientId: clients.clientId, clientName: clients.name, username: users.username })
      .from(accessTokens)
      .innerJoin(clients, eq(clients.id, accessTokens.clientPk))
      .leftJoin(users, eq(users.id, accessTokens.userId))
      .where(
        and(
          eq(accessTokens.spaceId, space.id),
          isNull(accessTokens.grantId),
          isNull(accessTokens.revokedAt),
          or(isNull(accessTokens.expiresAt), gt(accessTokens.expiresAt, now)),
          clientPk ? eq(accessTokens.clientPk, clientPk) : undefined,
          userId ? eq(accessTokens.userId, userId) : undefined,
          before(accessTokens.createdAt, sql`${accessTokens.id} collate "C"`),
        ),
      )
      .orderBy(desc(accessTokens.createdAt), desc(sql`${accessTokens.id} collate "C"`))
      .limit(q.limit + 1);

    // A grant lives as long as its unused refresh token (or, without one, its longest-lived access token).
    const ids = grantRows.map((r) => r.g.id);
    const rts = ids.length
      ? await this.db
          .select()
          .from(refreshTokens)
          .where(and(inArray(refreshTokens.grantId, ids), isNull(refreshTokens.usedAt)))
      : [];
    const ats = ids.length
      ? await this.db.select({ grantId: accessTokens.grantId, expiresAt: accessTokens.expiresAt }).from(accessTokens).where(inArray(accessTokens.grantId, ids))
      : [];
    type Merged = { at: Date; raw: string; entry: TokenEntry };
    const merged: Merged[] = [];
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
          active: alive,
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
          active: true,
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

  /** Revokes one grant (with its refresh and access tokens) or one stored access token. */
  async revoke(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      const now = new Date();
      if (id.startsWith(AT)) {
        const done = await tx
          .update(accessTokens)
          .set({ revokedAt: now })
          .where(and(eq(accessTokens.id, id.slice(AT.length)), eq(accessTokens.spaceId, space.id), isNull(accessTokens.revokedAt)))
          .returning({ id: accessTokens.id });
        if (done.length === 0) throw notFound(`token "${id}"`);
      } else {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound(`token "${id}"`);
        const done = await tx
          .update(grants)
          .set({ revokedAt: now })
          .where(and(eq(grants.id, id), eq(grants.spaceId, space.id), isNull(grants.revokedAt)))
          .returning({ id: grants.id });
        if (done.length === 0) throw notFound(`token "${id}"`);
        await tx
          .update(accessTokens)
          .set({ revokedAt: now })
          .where(and(eq(accessTokens.grantId, id), isNull(accessTokens.revokedAt)));
      }
      await recordAudit(tx, actor, { space: space.slug, action: 'token.revoke', targetType: 'token', targetId: id });
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
      const clientPk = await this.clientPk(space, by.client_id, tx);
      const userId = await this.userId(space, by.user_id, tx);
      const cutOff = clientPk ? await this.cutOffClient(tx, clientPk, now) : await this.userService.cutOffTokens(tx, userId!, now);
      const gs = await tx
        .update(grants)
        .set({ revokedAt: now })
        .where(and(eq(grants.spaceId, space.id), isNull(grants.revokedAt), clientPk ? eq(grants.clientPk, clientPk) : eq(grants.userId, userId!)))
        .returning({ id: grants.id });
      const ats = await tx
        .update(accessTokens)
        .set({ revokedAt: now })
        .where(
          and(
            eq(accessTokens.spaceId, space.id),
            isNull(accessTokens.revokedAt),
            clientPk ? eq(accessTokens.clientPk, clientPk) : eq(accessTokens.userId, userId!),
          ),
        )
        .returning({ id: accessTokens.id });
      const target = clientPk ? { targetType: 'client', targetId: by.client_id! } : { targetType: 'user', targetId: userId! };
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'token.revoke_all',
        ...target,
        changes: { revoked_grants: gs.length, revoked_access_tokens: ats.length },
      });
      return { revoked_grants: gs.length, revoked_access_tokens: ats.length, tokens_valid_after: cutOff.toISOString() };
    });
    // Caches hold the client row with its tokens_valid_after: drop it everywhere (no cache holds users).
    if (by.client_id !== undefined) await this.bus?.publish('client', by.client_id);
    return result;
  }

  /**
   * Invalidates every token of the client issued until `at`. The row is locked first (a concurrent PATCH of the
   * client waits, then sees the new cut-off), and the cut-off never moves back: a deactivation committed while
   * this waited may have set a later one.
   */
  private async cutOffClient(tx: Executor, clientPk: string, at: Date): Promise<Date> {
    const [row] = await selectForUpdate(tx, clients, eq(clients.id, clientPk));
    if (row?.tokensValidAfter && row.tokensValidAfter > at) return row.tokensValidAfter;
    await tx.update(clients).set({ tokensValidAfter: at }).where(eq(clients.id, clientPk));
    return at;
  }

  async listConsents(space: SpaceRef, q: TokenQuery) {
    const clientPk = await this.clientPk(space, q.client_id);
    const userId = await this.userId(space, q.user_id);
    const c = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rows = await this.db
      .select({ c: consents, clientId: clients.clientId, username: users.username })
      .from(consents)
      .innerJoin(clients, eq(clients.id, consents.clientPk))
      .innerJoin(users, eq(users.id, consents.userId))
      .where(
        and(
          eq(consents.spaceId, space.id),
          clientPk ? eq(consents.clientPk, clientPk) : undefined,
          userId ? eq(consents.userId, userId) : undefined,
          c ? sql`(${consents.createdAt}, ${consents.id}::text collate "C") < (${c.at.toISOString()}::timestamptz, ${c.id})` : undefined,
        ),
      )
      .orderBy(desc(consents.createdAt), desc(sql`${consents.id}::text collate "C"`))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.c.id,
        client_id: r.clientId,
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
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound(`consent "${id}"`);
    await this.db.transaction(async (tx) => {
      const done = await tx
        .delete(consents)
        .where(and(eq(consents.id, id), eq(consents.spaceId, space.id)))
        .returning();
      if (done.length === 0) throw new AppError('not_found', `consent "${id}" not found`);
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'consent.revoke',
        targetType: 'consent',
        targetId: id,
        changes: { user_id: done[0]!.userId, scope: done[0]!.scope.join(' ') },
      });
    });
  }
}
