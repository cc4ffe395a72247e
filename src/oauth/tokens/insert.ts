// The group-commit INSERT for access-token rows. One statement whose text and parameter count do not depend on the
// batch size: each column travels as one array parameter and `unnest` turns the arrays back into rows. A multi-row
// VALUES list with 10 parameters per row made PostgreSQL parse and plan a new, long statement for every batch (and
// the driver serialize thousands of parameters); this one stays 10 text parameters for 1 or 500 rows.
// The arrays are sent as PostgreSQL array literals (text), which PGlite and node-postgres pass through alike.
import { sql } from 'drizzle-orm';
import type { Db } from '../../store/db.js';
import type { accessTokens } from '../../store/schema.js';

export type AccessRow = typeof accessTokens.$inferInsert;

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

export async function insertAccessTokens(db: Db, rows: readonly AccessRow[]): Promise<void> {
  const col = <T>(f: (r: AccessRow) => T) => rows.map(f);
  await db.execute(sql`
    insert into access_tokens (id, space_id, client_pk, user_id, grant_id, grant_type, format, scope, created_at, expires_at)
    select id, space_id, client_pk, user_id, grant_id, grant_type, format, scope::text[], coalesce(created_at, now()), expires_at
    from unnest(
      ${arrayLiteral(col((r) => r.id))}::text[],
      ${arrayLiteral(col((r) => r.spaceId))}::uuid[],
      ${arrayLiteral(col((r) => r.clientPk))}::uuid[],
      ${arrayLiteral(col((r) => r.userId))}::uuid[],
      ${arrayLiteral(col((r) => r.grantId))}::uuid[],
      ${arrayLiteral(col((r) => r.grantType))}::text[],
      ${arrayLiteral(col((r) => r.format))}::text[],
      ${arrayLiteral(col((r) => arrayLiteral(r.scope)))}::text[],
      ${arrayLiteral(col((r) => iso(r.createdAt)))}::timestamptz[],
      ${arrayLiteral(col((r) => iso(r.expiresAt)))}::timestamptz[]
    ) as t(id, space_id, client_pk, user_id, grant_id, grant_type, format, scope, created_at, expires_at)`);
}
