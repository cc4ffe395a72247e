// Initial access tokens for dynamic client registration (RFC 7591 §3): an admin creates them, a registering client
// spends one use. A registry rule (who may register), not an endpoint concern, so the admin API and the RFC 7591
// endpoint (oauth/registration.ts) share this one service. The token is shown once; the store keeps its SHA-256.
import { randomToken, sha256 } from '../crypto/secrets.js';
import { invalid, notFound } from '../errors.js';
import { recordAudit, type Actor } from '../events/audit.js';
import type { Executor } from '../store/db.js';
import {
  consumeInitialAccessToken,
  insertInitialAccessToken,
  listInitialAccessTokens,
  revokeInitialAccessToken,
  type InitialAccessTokenRow,
} from '../store/initial-access-tokens.js';
import { mapPage, type Page, type PageRequest } from './page.js';

export const INITIAL_TOKEN_PREFIX = 'kwiat_';
const MAX_EXPIRES_IN = 365 * 86400;
const MAX_USES = 1_000_000;

type SpaceRef = { id: string; slug: string };

export interface InitialAccessTokenView {
  id: string;
  created_at: string;
  expires_at: string | null;
  uses_left: number | null;
  revoked_at: string | null;
  /** Usable now: not revoked, expired or used up. */
  active: boolean;
}

const iatView = (r: InitialAccessTokenRow): InitialAccessTokenView => ({
  id: r.id,
  created_at: r.createdAt.toISOString(),
  expires_at: r.expiresAt?.toISOString() ?? null,
  uses_left: r.usesLeft,
  revoked_at: r.revokedAt?.toISOString() ?? null,
  active: !r.revokedAt && (!r.expiresAt || r.expiresAt.getTime() > Date.now()) && (r.usesLeft === null || r.usesLeft > 0),
});

export class InitialAccessTokenService {
  constructor(private readonly db: Executor) {}

  async listInitialTokens(space: SpaceRef, req: PageRequest): Promise<Page<InitialAccessTokenView>> {
    return mapPage(await listInitialAccessTokens(this.db, space.id, req), iatView);
  }

  async createInitialToken(space: SpaceRef, input: { expires_in?: number | null; uses?: number | null }, actor: Actor) {
    const { expires_in: expiresIn, uses } = input;
    if (expiresIn != null && (!Number.isInteger(expiresIn) || expiresIn < 60 || expiresIn > MAX_EXPIRES_IN)) {
      throw invalid('expires_in', `expires_in must be seconds from 60 to ${MAX_EXPIRES_IN}, or absent for no expiry`);
    }
    if (uses != null && (!Number.isInteger(uses) || uses < 1 || uses > MAX_USES))
      throw invalid('uses', `uses must be a whole number from 1 to ${MAX_USES}, or absent for unlimited`);
    const token = INITIAL_TOKEN_PREFIX + randomToken(32);
    return this.db.transaction(async (tx) => {
      const row = await insertInitialAccessToken(tx, {
        tokenHash: sha256(token),
        spaceId: space.id,
        expiresAt: expiresIn != null ? new Date(Date.now() + expiresIn * 1000) : null,
        usesLeft: uses ?? null,
      });
      const view = iatView(row);
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'initial_access_token.create',
        targetType: 'initial_access_token',
        targetId: row.id,
        changes: { expires_at: view.expires_at, uses_left: view.uses_left },
      });
      return { ...view, token };
    });
  }

  async revokeInitialToken(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`initial access token "${id}"`);
    await this.db.transaction(async (tx) => {
      if (!(await revokeInitialAccessToken(tx, space.id, id))) throw notFound(`initial access token "${id}"`);
      await recordAudit(tx, actor, { space: space.slug, action: 'initial_access_token.revoke', targetType: 'initial_access_token', targetId: id });
    });
  }

  /** Uses one of the token's uses, atomically; undefined when unknown, expired, revoked or used up. */
  async consumeInitialToken(spaceId: string, token: string): Promise<string | undefined> {
    return consumeInitialAccessToken(this.db, spaceId, sha256(token));
  }
}
