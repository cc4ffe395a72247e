// The audit log: every admin mutation, written in the same transaction as the change itself, so a change and
// its record land together or not at all. Entries name fields that changed; secrets never appear in them. Each
// entry is an event of the outbox (store/events.ts): the webhook deliveries it calls for are queued with it.
import { appendEvents, listEvents, type EventFilter, type NewEventRow } from '../store/events.js';
import type { Executor } from '../store/db.js';
import { CLIENT_WEBHOOK_EVENTS, eventTypeOf } from './types.js';

export interface Actor {
  type: 'admin' | 'system' | 'setup' | 'client';
  id?: string;
  email?: string;
}

export const SYSTEM: Actor = { type: 'system' };

export interface AuditEntryInput {
  space?: string | null;
  /** The space by id, where the caller has no slug at hand (vault events); `space` wins. */
  spaceId?: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  changes?: Record<string, unknown> | null;
  /** The client the change concerns, when it is not the target itself: its webhook receives the event. */
  client?: { clientId: string } | { pk: string };
  /** The event type, when it does not follow from the action (eventTypeOf). */
  type?: string;
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
  await recordEvents(tx, actor, [entry]);
}

/** Several audited changes (or vault events) of one transaction, in one statement. */
export async function recordEvents(tx: Executor, actor: Actor, entries: readonly AuditEntryInput[]): Promise<void> {
  await appendEvents(
    tx,
    entries.map((e) => eventRow(actor, e)),
    CLIENT_WEBHOOK_EVENTS,
  );
}

function eventRow(actor: Actor, entry: AuditEntryInput): NewEventRow {
  const client = entry.client ?? (entry.targetType === 'client' && entry.targetId ? { clientId: entry.targetId } : undefined);
  return {
    actorType: actor.type,
    actorId: actor.id ?? null,
    actorEmail: actor.email ?? null,
    space: entry.space ?? null,
    spaceId: entry.spaceId,
    action: entry.action,
    type: entry.type ?? eventTypeOf(entry.action),
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    client,
    changes: entry.changes ? redact(entry.changes) : null,
  };
}

/** What listAudit reads: `spaces` undefined means every entry (a global admin); an empty list, none. */
export type AuditQuery = EventFilter;

export async function listAudit(db: Executor, q: AuditQuery) {
  if (q.spaces?.length === 0) return { items: [], next_cursor: null };
  const rows = await listEvents(db, { ...q, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { type: r.actorType, id: r.actorId, email: r.actorEmail },
      space: r.space,
      action: r.action,
      type: r.type,
      target: { type: r.targetType, id: r.targetId },
      ...(r.clientId ? { client_id: r.clientId } : {}),
      changes: r.changes,
    })),
    next_cursor: rows.length > q.limit && page.length ? String(page[page.length - 1]!.id) : null,
  };
}
