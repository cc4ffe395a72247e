// Removes rows that can no longer matter: expired codes, pending requests, sessions, device codes, assertion
// jtis, and tokens a day past their expiry. Used refresh tokens and revoked access tokens stay until they
// expire: the first keeps reuse detection working, the second keeps a revoked JWT's jti on the deny list.
// Finished webhook deliveries stay in the delivery log for 30 days, the dashboard's hourly counts 31 days. Runs with the server's hourly maintenance.
import { and, lt, ne } from 'drizzle-orm';
import { purgeActivity } from './activity.js';
import type { Executor } from './db.js';
import {
  accessTokens,
  assertionJtis,
  authorizationCodes,
  authRequests,
  browserSessions,
  connectAttempts,
  deviceCodes,
  refreshTokens,
  webhookDeliveries,
} from './schema.js';

const GRACE_MS = 24 * 3600_000;
const DELIVERY_LOG_MS = 30 * 24 * 3600_000;
const ACTIVITY_MS = 31 * 24 * 3600_000;

/** How many rows it removed. */
export async function purgeExpired(db: Executor, now = new Date()): Promise<number> {
  const old = new Date(now.getTime() - GRACE_MS);
  const counts = await Promise.all([
    db.delete(authorizationCodes).where(lt(authorizationCodes.expiresAt, old)).returning({ k: authorizationCodes.codeHash }),
    db.delete(authRequests).where(lt(authRequests.expiresAt, old)).returning({ k: authRequests.idHash }),
    db.delete(browserSessions).where(lt(browserSessions.expiresAt, now)).returning({ k: browserSessions.idHash }),
    db.delete(deviceCodes).where(lt(deviceCodes.expiresAt, old)).returning({ k: deviceCodes.deviceCodeHash }),
    db.delete(assertionJtis).where(lt(assertionJtis.expiresAt, now)).returning({ k: assertionJtis.jti }),
    db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, old)).returning({ k: refreshTokens.tokenHash }),
    db.delete(accessTokens).where(lt(accessTokens.expiresAt, old)).returning({ k: accessTokens.id }),
    db.delete(connectAttempts).where(lt(connectAttempts.expiresAt, old)).returning({ k: connectAttempts.id }),
    db
      .delete(webhookDeliveries)
      .where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.updatedAt, new Date(now.getTime() - DELIVERY_LOG_MS))))
      .returning({ k: webhookDeliveries.id }),
  ]);
  const activity = await purgeActivity(db, new Date(now.getTime() - ACTIVITY_MS));
  return counts.reduce((n, rows) => n + rows.length, activity);
}
