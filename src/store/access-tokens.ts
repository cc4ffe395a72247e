// Stored access tokens: opaque ones by SHA-256, JWTs of a grant (and revoked JWTs) by "jti:<jti>". The token
// endpoint and introspection are the hot path, so their three statements are built once and go by name (prepared
// once per connection on PostgreSQL): the group-commit INSERT, the grouped lookup by hash and the lookup by id.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor, Store } from './db.js';
import { accessTokens } from './schema.js';

export type AccessRow = typeof accessTokens.$inferInsert;
export type StoredAccessToken = typeof accessTokens.$inferSelect;

/** A PostgreSQL array literal: every element double-quoted with `"` and `\` escaped; null as unquoted NULL. */
export function arrayLiteral(values: readonly (string | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    out += v === null || v === undefined ? 'NULL' : '"' + v.replace(/[\\"]/g, '\\$&') + '"';
  }
  return out + '}';
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// The group-commit INSERT: one statement whose text and parameter count do not depend on the batch size. Each
// column travels as one array parameter and `unnest` turns the arrays back into rows. A multi-row VALUES list with
// 10 parameters per row made PostgreSQL parse and plan a new, long statement for every batch (and the driver
// serialize thousands of parameters); this one stays 10 text parameters for 1 or 500 rows. The arrays are sent as
// array literals (text), which PGlite and node-postgres pass through alike.
const INSERT = `insert into access_tokens (id, space_id, client_pk, user_id, grant_id, grant_type, format, scope, created_at, expires_at)
  select id, space_id, client_pk, user_id, grant_id, grant_type, format, scope::text[], coalesce(created_at, now()), expires_at
  from unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
    as t(id, space_id, client_pk, user_id, grant_id, grant_type, format, scope, created_at, expires_at)`;

export async function insertAccessTokens(store: Pick<Store, 'run'>, rows: readonly AccessRow[]): Promise<void> {
  const col = <T extends string | null | undefined>(f: (r: AccessRow) => T) => arrayLiteral(rows.map(f));
  await store.run('keyward_insert_access_tokens', INSERT, [
    col((r) => r.id),
    col((r) => r.spaceId),
    col((r) => r.clientPk),
    col((r) => r.userId),
    col((r) => r.grantId),
    col((r) => r.grantType),
    col((r) => r.format),
    col((r) => arrayLiteral(r.scope)),
    col((r) => iso(r.createdAt)),
    col((r) => iso(r.expiresAt)),
  ]);
}

function prepareLookups(db: Store['db']) {
  return {
    // One statement of constant text for 1 or 500 ids (introspection groups its lookups).
    byIds: db
      .select()
      .from(accessTokens)
      .where(sql`${accessTokens.id} = any(${sql.placeholder('ids')}::text[])`)
      .prepare('keyward_token_batch'),
  };
}

export class AccessTokenStore {
  private readonly db: Store['db'];
  private readonly lookups: ReturnType<typeof prepareLookups>;

  constructor(private readonly store: Pick<Store, 'db' | 'run'>) {
    this.db = store.db;
    this.lookups = prepareLookups(store.db);
  }

  /** Stores the rows in one statement (the group commit's write). */
  insert(rows: readonly AccessRow[]): Promise<void> {
    return insertAccessTokens(this.store, rows);
  }

  /** The stored tokens among `ids`, by id. */
  async findMany(ids: readonly string[]): Promise<Map<string, StoredAccessToken>> {
    const rows = await this.lookups.byIds.execute({ ids: arrayLiteral(ids) });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Marks a token revoked unless it already is; `clientPk` limits it to that client's token. */
  async revoke(id: string, clientPk?: string): Promise<void> {
    await this.db
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(accessTokens.id, id), clientPk ? eq(accessTokens.clientPk, clientPk) : undefined, isNull(accessTokens.revokedAt)));
  }

  /**
   * Records a JWT as revoked by its jti (the row `row.id` is "jti:<jti>"): inserted if it was never stored (tokens
   * outside a grant are not), otherwise marked revoked.
   */
  async revokeJwt(row: AccessRow & { revokedAt: Date }): Promise<void> {
    await this.db
      .insert(accessTokens)
      .values(row)
      .onConflictDoUpdate({ target: accessTokens.id, set: { revokedAt: row.revokedAt } });
  }
}

/** Revokes one live token of the space (token management), in the caller's transaction; false when there is none. */
/** Revokes a stored access token of the space; its client's row id, or undefined when there was none to revoke. */
export async function revokeAccessTokenInSpace(db: Executor, spaceId: string, id: string, at: Date): Promise<string | undefined> {
  const [done] = await db
    .update(accessTokens)
    .set({ revokedAt: at })
    .where(and(eq(accessTokens.id, id), eq(accessTokens.spaceId, spaceId), isNull(accessTokens.revokedAt)))
    .returning({ clientPk: accessTokens.clientPk });
  return done?.clientPk;
}
