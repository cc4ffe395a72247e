// Pending authorization requests (auth_requests), by the SHA-256 of a random id: pushed ones (PAR, RFC 9126, kind
// 'par') and ones waiting for login or consent (kind 'interaction'). Both are single use: consuming is one
// conditional UPDATE, so of two browser tabs (or two requests with one request_uri) only one gets through.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { NewAuthorizationCode } from './authorization-codes.js';
import { upsertConsent, type Consent } from './consents.js';
import type { Db } from './db.js';
import { authorizationCodes, authRequests } from './schema.js';

export type AuthRequestKind = 'interaction' | 'par';
export type AuthRequestRow = typeof authRequests.$inferSelect;

export class InteractionStore {
  constructor(private readonly db: Db) {}

  async insert(row: {
    idHash: string;
    spaceId: string;
    clientPk: string;
    kind: AuthRequestKind;
    params: Record<string, string>;
    expiresAt: Date;
  }): Promise<void> {
    // created_at from this server's clock, like the sessions' auth_time it is compared with.
    await this.db.insert(authRequests).values({ ...row, createdAt: new Date() });
  }

  /** A pending interaction of the space: not used, not expired. */
  async findInteraction(idHash: string, spaceId: string): Promise<AuthRequestRow | undefined> {
    const r = authRequests;
    const [row] = await this.db
      .select()
      .from(r)
      .where(and(eq(r.idHash, idHash), eq(r.spaceId, spaceId), eq(r.kind, 'interaction'), isNull(r.consumedAt), gt(r.expiresAt, new Date())));
    return row;
  }

  /** The pushed parameters, used up by this call; undefined when unknown, expired, used, or another client's. */
  async takePushed(idHash: string, spaceId: string, clientPk: string): Promise<Record<string, string> | undefined> {
    const r = authRequests;
    const [row] = await this.db
      .update(r)
      .set({ consumedAt: new Date() })
      .where(and(eq(r.idHash, idHash), eq(r.spaceId, spaceId), eq(r.clientPk, clientPk), eq(r.kind, 'par'), isNull(r.consumedAt), gt(r.expiresAt, new Date())))
      .returning({ params: r.params });
    return row?.params;
  }

  /**
   * Ends an interaction and stores what it produced, in ONE statement: the consent given on its page and the
   * authorization code it answers with are written only if this call is the one that marks the interaction used
   * (one round trip where there were three, and nothing stored for a tab that lost the race). False when it was
   * used already. With nothing made, it only marks the interaction used.
   */
  async complete(idHash: string, made: { consent?: Consent; code?: NewAuthorizationCode }): Promise<boolean> {
    const { consent, code } = made;
    const parts = [
      sql`used as (update auth_requests set consumed_at = ${new Date().toISOString()}::timestamptz
        where id_hash = ${idHash} and kind = 'interaction' and consumed_at is null returning 1)`,
    ];
    if (consent) parts.push(sql`consent as (${upsertConsent(consent, 'used')})`);
    if (code) parts.push(sql`code as (${insertCode(code)})`);
    const result = await this.db.execute(sql`with ${sql.join(parts, sql`, `)} select count(*)::int as n from used`);
    return (result as unknown as { rows: { n: number }[] }).rows[0]?.n === 1;
  }
}

/** The code's INSERT, selecting from the CTE `used` (see complete()). */
function insertCode(c: NewAuthorizationCode): ReturnType<typeof sql> {
  const t = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  return sql`insert into authorization_codes (code_hash, space_id, client_pk, user_id, redirect_uri, scope, code_challenge,
      code_challenge_method, nonce, auth_time, acr, sid, expires_at)
    select ${c.codeHash}, ${c.spaceId}::uuid, ${c.clientPk}::uuid, ${c.userId}::uuid, ${c.redirectUri}, ${sql.param(c.scope, authorizationCodes.scope)}::text[],
      ${c.codeChallenge ?? null}, ${c.codeChallengeMethod ?? null}, ${c.nonce ?? null}, ${t(c.authTime)}, ${c.acr ?? null}, ${c.sid ?? null}, ${t(c.expiresAt)}
    from used`;
}
