// What users allowed each client: one row per (user, client) holding the union of every scope they consented to.
import { sql, type SQL } from 'drizzle-orm';
import { consents } from './schema.js';

export interface Consent {
  spaceId: string;
  userId: string;
  clientPk: string;
  scope: string[];
}

/**
 * The statement that remembers a consent, adding its scopes to those allowed before (sorted, without repeats).
 * `from`: a CTE name the row is selected from, so the consent is stored only if that CTE gave a row (see
 * InteractionStore.complete); without it the row is stored unconditionally.
 */
export function upsertConsent(c: Consent, from?: string): SQL {
  const values = sql`${c.spaceId}::uuid, ${c.userId}::uuid, ${c.clientPk}::uuid, ${sql.param(c.scope, consents.scope)}::text[]`;
  return sql`insert into consents (space_id, user_id, client_pk, scope) ${from ? sql`select ${values} from ${sql.identifier(from)}` : sql`values (${values})`}
    on conflict (user_id, client_pk) do update
    set scope = array(select distinct unnest(consents.scope || excluded.scope) order by 1), updated_at = now()`;
}
