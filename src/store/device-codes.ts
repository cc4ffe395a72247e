// Device codes of the device authorization grant (RFC 8628), stored as SHA-256 with the SHA-256 of their user code.
// A code goes pending → approved | denied (on the verification page) → consumed (exchanged once, at the token
// endpoint). Every change of status is one conditional UPDATE, so two requests racing for it cannot both win.
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from './db.js';
import { clients, deviceCodes } from './schema.js';

export type DeviceCodeRow = typeof deviceCodes.$inferSelect;
export type NewDeviceCode = Pick<typeof deviceCodes.$inferInsert, 'deviceCodeHash' | 'userCode' | 'spaceId' | 'clientPk' | 'scope' | 'expiresAt'>;

export class DeviceCodeStore {
  constructor(private readonly db: Db) {}

  /** Throws a unique violation when the user code is taken (the caller draws another). */
  async insert(row: NewDeviceCode): Promise<void> {
    await this.db.insert(deviceCodes).values(row);
  }

  /** The code as its client polls it. */
  async find(hash: string, spaceId: string, clientPk: string): Promise<DeviceCodeRow | undefined> {
    const d = deviceCodes;
    const [row] = await this.db
      .select()
      .from(d)
      .where(and(eq(d.deviceCodeHash, hash), eq(d.spaceId, spaceId), eq(d.clientPk, clientPk)));
    return row;
  }

  private async statusOf(hash: string): Promise<string | undefined> {
    const [row] = await this.db.select({ status: deviceCodes.status }).from(deviceCodes).where(eq(deviceCodes.deviceCodeHash, hash));
    return row?.status;
  }

  /**
   * Records a poll of a pending code unless the last one was less than `minIntervalMs` ago (of two concurrent polls
   * only one moves last_polled_at). Answers 'polled', or the code's status now ('pending': polled too fast).
   */
  async poll(hash: string, minIntervalMs: number): Promise<'polled' | string | undefined> {
    const d = deviceCodes;
    const now = new Date();
    const [polled] = await this.db
      .update(d)
      .set({ lastPolledAt: now })
      .where(and(eq(d.deviceCodeHash, hash), eq(d.status, 'pending'), or(isNull(d.lastPolledAt), lte(d.lastPolledAt, new Date(now.getTime() - minIntervalMs)))))
      .returning({ status: d.status });
    return polled ? 'polled' : this.statusOf(hash);
  }

  /** Exchanges an approved code: exactly one caller gets the row; the others get its status now. */
  async consume(hash: string): Promise<{ row: DeviceCodeRow } | { status: string | undefined }> {
    const d = deviceCodes;
    const [won] = await this.db
      .update(d)
      .set({ status: 'consumed' })
      .where(and(eq(d.deviceCodeHash, hash), eq(d.status, 'approved')))
      .returning();
    return won ? { row: won } : { status: await this.statusOf(hash) };
  }

  /** A pending, unexpired code of the space by the SHA-256 of its user code, with its client's client_id. */
  async pendingByUserCode(userCodeHash: string, spaceId: string): Promise<{ code: DeviceCodeRow; clientId: string } | undefined> {
    const d = deviceCodes;
    const [row] = await this.db
      .select({ code: d, clientId: clients.clientId })
      .from(d)
      .innerJoin(clients, eq(clients.id, d.clientPk))
      .where(and(eq(d.userCode, userCodeHash), eq(d.spaceId, spaceId), eq(d.status, 'pending'), gt(d.expiresAt, new Date())));
    return row;
  }

  private pending(hash: string) {
    const d = deviceCodes;
    return and(eq(d.deviceCodeHash, hash), eq(d.status, 'pending'), gt(d.expiresAt, new Date()));
  }

  /** The user allowed the request on the verification page; false when it was no longer pending. */
  async approve(hash: string, userId: string): Promise<boolean> {
    const rows = await this.db
      .update(deviceCodes)
      .set({ status: 'approved', userId, authTime: new Date() })
      .where(this.pending(hash))
      .returning({ hash: deviceCodes.deviceCodeHash });
    return rows.length === 1;
  }

  /** The user denied the request; false when it was no longer pending. */
  async deny(hash: string): Promise<boolean> {
    const rows = await this.db.update(deviceCodes).set({ status: 'denied' }).where(this.pending(hash)).returning({ hash: deviceCodes.deviceCodeHash });
    return rows.length === 1;
  }
}
