// The body of a webhook message: `{ "type", "timestamp", "data" }` (DESIGN.md), made from the event's row alone, so
// every retry of a delivery sends the same bytes. The data names what changed and who changed it; the changes were
// redacted when the event was written, so no secret is ever in a message.
import type { EventRow } from '../store/events.js';

export function messageOf(event: EventRow): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.at.toISOString(),
    data: {
      event_id: String(event.id),
      space: event.space,
      object: event.targetType,
      id: event.targetId,
      ...(event.clientId ? { client_id: event.clientId } : {}),
      actor: { type: event.actorType, ...(event.actorId ? { id: event.actorId } : {}) },
      ...(event.changes ? { changes: event.changes } : {}),
    },
  });
}

/** The webhook-id of a delivery's messages: the same on every attempt, so a receiver drops duplicates. */
export const webhookIdOf = (deliveryId: string): string => `msg_${deliveryId.replaceAll('-', '')}`;
