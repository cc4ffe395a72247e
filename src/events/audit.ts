// The audit log: every admin mutation, written in the same transaction as the change itself, so a change and
// its record land together or not at all. Entries name fields that changed; secrets never appear in them.
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../store/db.js';
import { auditLog } from '../store/schema.js';

export interface Actor {
  type: 'admin' | 'system' | 'setup' | 'client';
  id?: string;
  email?: string;
}

export const SYSTEM: Actor = { type: 'system' };

export interface AuditEntryInput {
  space?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  changes?: Record<string, unknown> | null;
}

// Field names whose values are never written to the log, whatever the caller passes.
const SECRET_FIELDS = /secret|password|token_hash|hash|sealed|^token$/i;

export function redact(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : v;
  return out;
}

/** Fields whose value differs between two views of a record, as { field: { from, to } }. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key], to: after[key] };
  }
  return redact(out);
}

export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorEmail: actor.email ?? null,
    space: entry.space ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    changes: entry.changes ? redact(entry.changes) : null,
  });
}

export interface AuditQuery {
  /** Restrict to these spaces' entries. Undefined: every entry (a global admin). */
  spaces?: string[];
  space?: string;
  action?: string;
  before?: number;
  limit: number;
}

export async function listAudit(db: Executor, q: AuditQuery) {
  const conds: SQL[] = [];
  if (q.spaces) {
    if (q.spaces.length === 0) return { items: [], next_cursor: null };
    conds.push(inArray(auditLog.space, q.spaces));
  }
  if (q.space) conds.push(eq(auditLog.space, q.space));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.before !== undefined) conds.push(lt(auditLog.id, q.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { type: r.actorType, id: r.actorId, email: r.actorEmail },
      space: r.space,
      action: r.action,
      target: { type: r.targetType, id: r.targetId },
      changes: r.changes,
    })),
    next_cursor: rows.length > q.limit && page.length ? String(page[page.length - 1]!.id) : null,
  };
}
