// Webhooks' tables: the subscriptions of a space and the deliveries of events (rows of the outbox, audit_log) to
// them and to clients' webhook URLs; and the hourly activity counts the console's dashboard reads. Part of the one
// schema in ../schema.ts.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditLog, createdAt, spaceRef, updatedAt } from './registry.js';

export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: spaceRef(),
    url: text('url').notNull(),
    // Event types, or ["*"] for all of them.
    events: jsonb('events').$type<string[]>().notNull(),
    description: text('description').notNull().default(''),
    active: boolean('active').notNull().default(true),
    // Why the subscription was switched off by Keyward itself (deliveries kept failing); null when an admin did.
    disabledReason: text('disabled_reason'),
    secretSealed: text('secret_sealed').notNull(),
    // During a rotation the previous secret signs too, until it expires.
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_subscriptions_space_created').on(t.spaceId, t.createdAt, t.id)],
);

export interface DeliveryAttempt {
  at: string;
  /** The receiver's status code; absent when no answer came (timeout, refused connection, blocked address). */
  response_status?: number;
  duration_ms: number;
  error?: string;
  /** The first bytes of the answer's body. */
  response_body?: string;
}

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => auditLog.id, { onDelete: 'cascade' }),
    // One of two targets: a subscription, or a client's webhook_url.
    subscriptionId: uuid('subscription_id').references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    // A client target: its row id (no reference: the client.deleted event outlives the client), and copies of its
    // webhook_url and sealed secret, used only once the client is gone.
    clientPk: uuid('client_pk'),
    url: text('url'),
    secretSealed: text('secret_sealed'),
    // pending, succeeded, failed (every retry spent).
    status: text('status').notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    attempts: jsonb('attempts').$type<DeliveryAttempt[]>().notNull().default([]),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    // The node sending it now: the lease keeps a second node off the same attempt; a dead node's lease runs out.
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('webhook_deliveries_due')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_subscription').on(t.subscriptionId, t.createdAt, t.id),
    index('webhook_deliveries_event').on(t.eventId),
  ],
);

/**
 * What happened per space and hour that no other table keeps: access tokens issued (by grant type; a client
 * credentials JWT is not stored anywhere), password sign-ins and their failures (by where, and why), and failed
 * connection renewals (each one: the outbox has only the change of state). Counted in
 * memory and added here in one statement every few seconds (src/events/activity.ts), so the token endpoint pays no
 * write per token. `key`: the grant type, or where the sign-in was (login_page, device, password_grant), or the
 * failure's reason, or the renewal's outcome (refresh_failed, needs_reauth).
 */
export const activityCounts = pgTable(
  'activity_counts',
  {
    spaceId: spaceRef(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.hour, t.kind, t.key] })],
);
