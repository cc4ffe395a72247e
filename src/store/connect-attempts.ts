// Connect attempts: a one-time connect link (stored hashed), then, once the link is opened, the state and sealed
// PKCE verifier of the provider's consent. Each step is one conditional UPDATE, so a link opens once and a state
// completes once, whatever races.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from './db.js';
import { connectAttempts } from './schema.js';

export type ConnectAttemptRow = typeof connectAttempts.$inferSelect;

export async function insertConnectAttempt(db: Executor, row: { connectionId: string; linkHash: string; expiresAt: Date }): Promise<ConnectAttemptRow> {
  const [inserted] = await db.insert(connectAttempts).values(row).returning();
  return inserted!;
}

/** Marks an unused, unexpired link used and records its state; the attempt, or undefined when it cannot be used. */
export async function openLink(db: Executor, linkHash: string, stateHash: string): Promise<ConnectAttemptRow | undefined> {
  const [row] = await db
    .update(connectAttempts)
    .set({ linkUsedAt: new Date(), stateHash })
    .where(and(eq(connectAttempts.linkHash, linkHash), isNull(connectAttempts.linkUsedAt), gt(connectAttempts.expiresAt, sql`now()`)))
    .returning();
  return row;
}

/** Stores the sealed PKCE verifier (sealed with the attempt's id in its additional data, so after the insert). */
export async function setVerifier(db: Executor, id: string, verifierSealed: string): Promise<void> {
  await db.update(connectAttempts).set({ verifierSealed }).where(eq(connectAttempts.id, id));
}

/** Completes the attempt of this state once; undefined when unknown, completed already or expired. */
export async function completeState(db: Executor, stateHash: string): Promise<ConnectAttemptRow | undefined> {
  const [row] = await db
    .update(connectAttempts)
    .set({ completedAt: new Date() })
    .where(and(eq(connectAttempts.stateHash, stateHash), isNull(connectAttempts.completedAt), gt(connectAttempts.expiresAt, sql`now()`)))
    .returning();
  return row;
}
