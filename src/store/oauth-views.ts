// The registry's rows as the authorization server reads them: what its in-memory caches are filled from (a space by
// slug, a client by client_id with its secrets' hashes and its scopes, a space's scope names and CORS sources), and
// the user and client a stored token names. Reads only: the registry's services write these rows.
import { and, asc, eq } from 'drizzle-orm';
import { scopesOfClient, type ClientRow } from './clients.js';
import type { Executor } from './db.js';
import { clients, clientSecrets, scopes, users } from './schema.js';
import type { ScopeRow } from './scopes.js';
import { findSpace, type SpaceRow } from './spaces.js';
import type { UserRow } from './users.js';

export type { ClientRow, ScopeRow, SpaceRow, UserRow };
export type SecretHash = { hash: string; expiresAt: Date | null };

export class OAuthViews {
  constructor(private readonly db: Executor) {}

  space(slug: string): Promise<SpaceRow | undefined> {
    return findSpace(this.db, slug);
  }

  /** Client ids are unique across spaces: the caller checks the space. */
  async client(clientId: string): Promise<ClientRow | undefined> {
    const [row] = await this.db.select().from(clients).where(eq(clients.clientId, clientId));
    return row;
  }

  async clientId(clientPk: string): Promise<string | undefined> {
    const [row] = await this.db.select({ clientId: clients.clientId }).from(clients).where(eq(clients.id, clientPk));
    return row?.clientId;
  }

  secretHashes(clientPk: string): Promise<SecretHash[]> {
    return this.db
      .select({ hash: clientSecrets.secretHash, expiresAt: clientSecrets.expiresAt })
      .from(clientSecrets)
      .where(eq(clientSecrets.clientPk, clientPk));
  }

  /** The scopes associated with the client, by name. */
  clientScopes(clientPk: string): Promise<ScopeRow[]> {
    return scopesOfClient(this.db, clientPk);
  }

  async scopeNames(spaceId: string): Promise<string[]> {
    const rows = await this.db.select({ name: scopes.name }).from(scopes).where(eq(scopes.spaceId, spaceId)).orderBy(asc(scopes.name));
    return rows.map((r) => r.name);
  }

  /** Redirect URIs and allowed CORS origins of the space's active clients. */
  corsSources(spaceId: string): Promise<Pick<ClientRow, 'redirectUris' | 'allowedCorsOrigins'>[]> {
    return this.db
      .select({ redirectUris: clients.redirectUris, allowedCorsOrigins: clients.allowedCorsOrigins })
      .from(clients)
      .where(and(eq(clients.spaceId, spaceId), eq(clients.active, true)));
  }

  /** The user by id; with `spaceId`, only a user of that space. */
  async user(userId: string, spaceId?: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(and(eq(users.id, userId), spaceId ? eq(users.spaceId, spaceId) : undefined));
    return row;
  }
}
