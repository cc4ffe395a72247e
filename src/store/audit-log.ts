// The audit log's rows: appended in the transaction of the change they record, read newest first by id.
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Executor } from './db.js';
import { auditLog } from './schema.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Executor, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

export interface AuditFilter {
  /** Only these spaces' entries; undefined: all. */
  spaces?: string[];
  space?: string;
  action?: string;
  /** Entries with a smaller id (older) than this one. */
  before?: number;
  limit: number;
}

/** Newest first, at most `limit` entries. */
export async function listAuditEntries(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const conds: SQL[] = [];
  if (f.spaces) conds.push(inArray(auditLog.space, f.spaces));
  if (f.space) conds.push(eq(auditLog.space, f.space));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.before !== undefined) conds.push(lt(auditLog.id, f.before));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
