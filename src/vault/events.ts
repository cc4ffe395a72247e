// The vault's events (DESIGN.md "Events and webhooks"): a connection connected, failing to refresh, needing a new
// consent, recovered. Each is written in the transaction of the change it reports (the renewal's outcome, a
// consent's tokens), so a webhook hears of every such change once, and of none that was rolled back. A routine
// refresh is not an event: it changes nothing a person acts on.
import { recordEvents, SYSTEM, type Actor } from '../events/audit.js';
import type { ConnectionEvent } from '../events/types.js';
import type { ConnectionRow, NewConnectionRow } from '../store/connections.js';
import type { Executor } from '../store/db.js';
import type { Outcome } from './renewal-outcome.js';

export interface ConnectionChange {
  type: ConnectionEvent;
  spaceId: string;
  id: string;
  changes: Record<string, unknown>;
}

/** The event a renewal's outcome calls for, if any: only a change of state (a second failure in a row is not news). */
export function connectionEventOf(row: ConnectionRow, outcome: Outcome): ConnectionChange | undefined {
  const to = outcome.set.status;
  const type: ConnectionEvent | undefined =
    outcome.event === 'connected'
      ? 'connection.connected'
      : outcome.event === 'recovered'
        ? 'connection.recovered'
        : outcome.event === 'refresh_failed' && row.status !== 'error'
          ? 'connection.refresh_failed'
          : outcome.event === 'needs_reauth' && row.status !== 'needs_reauth'
            ? 'connection.needs_reauth'
            : undefined;
  return type ? changeOf(type, row, outcome.set, to) : undefined;
}

export function changeOf(type: ConnectionEvent, row: ConnectionRow, set: Partial<NewConnectionRow>, to = set.status): ConnectionChange {
  return {
    type,
    spaceId: row.spaceId,
    id: row.id,
    changes: {
      name: row.name,
      ...(to && to !== row.status ? { status: { from: row.status, to } } : {}),
      ...(set.lastError ? { last_error: set.lastError } : {}),
    },
  };
}

export async function recordConnectionEvents(tx: Executor, changes: readonly ConnectionChange[], actor: Actor = SYSTEM): Promise<void> {
  if (!changes.length) return;
  await recordEvents(
    tx,
    actor,
    changes.map((c) => ({ spaceId: c.spaceId, action: c.type, type: c.type, targetType: 'connection', targetId: c.id, changes: c.changes })),
  );
}
