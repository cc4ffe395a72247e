// Registration access tokens (RFC 7592): one per dynamically registered client, stored as SHA-256 on its row, and
// presented to read, replace or delete the client's registration.
import { and, eq } from 'drizzle-orm';
import type { Executor } from './db.js';
import { clients } from './schema.js';

const clientOf = (spaceId: string, clientId: string) => and(eq(clients.spaceId, spaceId), eq(clients.clientId, clientId));

export async function setRegistrationToken(db: Executor, spaceId: string, clientId: string, hash: string): Promise<void> {
  await db.update(clients).set({ registrationTokenHash: hash }).where(clientOf(spaceId, clientId));
}

/** The client's key and its registration token's hash (null: none was issued); undefined for an unknown client. */
export async function registrationTokenOf(db: Executor, spaceId: string, clientId: string): Promise<{ clientPk: string; hash: string | null } | undefined> {
  const [row] = await db.select({ clientPk: clients.id, hash: clients.registrationTokenHash }).from(clients).where(clientOf(spaceId, clientId));
  return row;
}
