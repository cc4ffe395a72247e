// Every column of the schema that holds a value sealed with a master key (crypto/seal.ts), with how its additional
// data (AAD) is formed: the one list master key rotation walks, and the one place the AAD strings are written, so
// the code that seals a value and the rotation that re-seals it cannot disagree. A new sealed column belongs here
// (test/contract/sealed-columns.contract.test.ts fails on a `*_sealed` column missing from the list).
import { and, eq, getTableColumns, getTableName, isNotNull, ne, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';
import { clients, connectAttempts, connections, providerClients, signingKeys, webhookDeliveries, webhookSubscriptions } from './schema.js';

/** The additional data of each sealed column: it binds a value to its row and purpose. */
export const sealedAad = {
  clientWebhook: (clientPk: string) => `client-webhook:${clientPk}`,
  signingKey: (kid: string) => `signing-key:${kid}`,
  providerClient: (id: string, column: 'client_secret' | 'private_key') => `provider-client:${id}:${column}`,
  connection: (id: string, column: 'credentials' | 'access_token' | 'refresh_token') => `connection:${id}:${column}`,
  connectAttempt: (id: string) => `connect-attempt:${id}:verifier`,
  // The current and the previous secret share one AAD: a rotation moves the sealed value from one column to the other.
  webhookSubscription: (id: string) => `webhook-subscription:${id}`,
};

interface SealedColumn {
  /** SQL names, as progress and errors show them. */
  table: string;
  column: string;
  drizzleTable: PgTable;
  /** The column's property in the drizzle table (what `update().set()` takes). */
  property: string;
  sealed: PgColumn;
  id: PgColumn;
  /** The column the AAD is formed from (the row id, or a signing key's kid). */
  aadSource: PgColumn;
  aad: (source: string) => string;
}

function sealedColumn(table: PgTable, property: string, aad: (source: string) => string, aadFrom = 'id'): SealedColumn {
  const columns = getTableColumns(table);
  const sealed = columns[property]!;
  return { table: getTableName(table), column: sealed.name, drizzleTable: table, property, sealed, id: columns.id!, aadSource: columns[aadFrom]!, aad };
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  sealedColumn(clients, 'webhookSecretSealed', sealedAad.clientWebhook),
  sealedColumn(signingKeys, 'privateSealed', sealedAad.signingKey, 'kid'),
  sealedColumn(providerClients, 'clientSecretSealed', (id) => sealedAad.providerClient(id, 'client_secret')),
  sealedColumn(providerClients, 'privateKeySealed', (id) => sealedAad.providerClient(id, 'private_key')),
  sealedColumn(connections, 'credentialsSealed', (id) => sealedAad.connection(id, 'credentials')),
  sealedColumn(connections, 'accessTokenSealed', (id) => sealedAad.connection(id, 'access_token')),
  sealedColumn(connections, 'refreshTokenSealed', (id) => sealedAad.connection(id, 'refresh_token')),
  sealedColumn(connectAttempts, 'verifierSealed', sealedAad.connectAttempt),
  sealedColumn(webhookSubscriptions, 'secretSealed', sealedAad.webhookSubscription),
  sealedColumn(webhookSubscriptions, 'previousSecretSealed', sealedAad.webhookSubscription),
  // A delivery to a client holds a copy of the client's sealed webhook secret (for when the client is deleted).
  sealedColumn(webhookDeliveries, 'secretSealed', sealedAad.clientWebhook, 'clientPk'),
];

/** One sealed value as it is stored, with the AAD it opens with. */
export interface SealedValue {
  table: string;
  column: string;
  id: string;
  aad: string;
  sealed: string;
}

// The key id is the second dot-separated part of `v1.<keyId>.<nonce>.<body>` (crypto/seal.ts).
const notUnder = (c: SealedColumn, keyId: string) => and(isNotNull(c.sealed), ne(sql`split_part(${c.sealed}, '.', 2)`, keyId));

function columnOf(table: string, column: string): SealedColumn {
  const c = SEALED_COLUMNS.find((s) => s.table === table && s.column === column);
  if (!c) throw new Error(`${table}.${column} is not a sealed column`);
  return c;
}

/** How many sealed values are not under the key `keyId` (what a rotation has left to do). */
export async function countSealedNotUnder(db: Executor, keyId: string): Promise<number> {
  let total = 0;
  for (const c of SEALED_COLUMNS) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(c.drizzleTable)
      .where(notUnder(c, keyId));
    total += row?.n ?? 0;
  }
  return total;
}

/**
 * Up to `limit` sealed values not under the key `keyId`, column by column in SEALED_COLUMNS' order. No cursor: a
 * value re-sealed drops out and one skipped (changed meanwhile, still under an older key) comes back, so a run that
 * stops anywhere continues where it is by asking again.
 */
export async function sealedNotUnder(db: Executor, keyId: string, limit: number): Promise<SealedValue[]> {
  const found: SealedValue[] = [];
  for (const c of SEALED_COLUMNS) {
    if (found.length >= limit) break;
    const rows = await db
      .select({ id: sql<string>`${c.id}::text`, source: sql<string>`${c.aadSource}::text`, sealed: sql<string>`${c.sealed}` })
      .from(c.drizzleTable)
      .where(notUnder(c, keyId))
      .limit(limit - found.length);
    for (const r of rows) found.push({ table: c.table, column: c.column, id: r.id, aad: c.aad(r.source), sealed: r.sealed });
  }
  return found;
}

/**
 * Replaces one sealed value by `next` only if the column still holds the value that was read (compare-and-set):
 * a concurrent writer (a renewal storing a new refresh token) is never overwritten. False when it had changed.
 */
export async function replaceSealed(db: Executor, value: SealedValue, next: string): Promise<boolean> {
  const c = columnOf(value.table, value.column);
  const updated = await db
    .update(c.drizzleTable)
    .set({ [c.property]: next })
    .where(and(eq(c.id, value.id), eq(c.sealed, value.sealed)))
    .returning({ id: c.id });
  return updated.length === 1;
}
