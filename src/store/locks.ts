// Row locks for read-modify-write. An update that reads a row, decides from it (merges settings, diffs for the
// audit log, checks an If-Match) and writes it back must hold the row from the read to the commit: otherwise two
// concurrent writers both read the same "before", the later write silently reverts the earlier one, and both
// audit entries name the same "from" value.
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './db.js';

/**
 * `no key update` for updates that keep the row's key: it waits for other writers of the row but not for inserts
 * that refer to it (foreign key checks take KEY SHARE), so it adds no waits beyond the UPDATE's own lock, only
 * earlier. `update` before a delete, which takes that lock anyway.
 */
export type RowLock = 'no key update' | 'update';

/**
 * The rows of `table` matching `where`, locked until the end of the transaction `tx` runs in (SELECT … FOR …).
 * Call it with a transaction: on a bare pool connection the lock ends with the statement and protects nothing.
 * A writer that waited for the lock reads the row as the previous writer committed it (READ COMMITTED re-reads
 * locked rows), so its decisions and its audit entry start from the committed state.
 */
export async function selectForUpdate<T extends PgTable>(
  tx: Executor,
  table: T,
  where: SQL | undefined,
  lock: RowLock = 'no key update',
): Promise<T['$inferSelect'][]> {
  const rows = await tx
    .select()
    .from(table as PgTable)
    .where(where)
    .for(lock);
  return rows as T['$inferSelect'][];
}

/** The rows of `table` matching `where`; with `lock`, locked as selectForUpdate locks them, else read plainly. */
export async function selectRows<T extends PgTable>(db: Executor, table: T, where: SQL | undefined, lock?: RowLock): Promise<T['$inferSelect'][]> {
  if (lock) return selectForUpdate(db, table, where, lock);
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(where);
  return rows as T['$inferSelect'][];
}
