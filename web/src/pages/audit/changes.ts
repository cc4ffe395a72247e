// An audit entry's `changes` as rows of a before/after table. The server records a changed field as
// { from, to } (events/audit.ts diff); a created object's fields, or a deleted object's identifying fields, as plain
// values. A plain value is what the object had after a creation and before a deletion.
import type { operations } from '../../api/schema.js';

export type AuditEntry = operations['listAuditLog']['responses'][200]['content']['application/json']['items'][number];

export interface ChangeRow {
  field: string;
  /** Absent: the side has no value recorded (a creation has no "before"). */
  before?: unknown;
  after?: unknown;
}

const isFromTo = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 2 && 'from' in v && 'to' in v;

/** Actions whose plain values describe what was there before (the object is gone afterwards). */
const REMOVES = /\.(delete|revoke|revoke_all|revoke_role|disassociate_scope)$/;

export function changeRows(entry: Pick<AuditEntry, 'action' | 'changes'>): ChangeRow[] {
  if (!entry.changes) return [];
  const removes = REMOVES.test(entry.action);
  return Object.entries(entry.changes).map(([field, value]) => {
    if (isFromTo(value)) return { field, before: value.from, after: value.to };
    return removes ? { field, before: value } : { field, after: value };
  });
}
