// The group-commit INSERT for access-token rows. One statement whose text and parameter count do not depend on the
// batch size: each column travels as one array parameter and `unnest` turns the arrays back into rows. A multi-row
// VALUES list with 10 parameters per row made PostgreSQL parse and plan a new, long statement for every batch (and
// the driver serialize thousands of parameters); this one stays 10 text parameters for 1 or 500 rows.
// The arrays are sent as PostgreSQL array literals (text), which PGlite and node-postgres pass through alike; the
// statement goes by name (Store.run), prepared once per connection.
import type { Store } from '../../store/db.js';
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
