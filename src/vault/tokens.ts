// A valid access token for a connection, to an admin or to a registered client allowed to use it. A token within
// the margin of its expiry (or asked for with force_refresh) is renewed first, unless the provider forbids a refresh
// yet (Exact Online: only in the last 30 seconds): then the current, still valid token is the answer and the
// provider is sent nothing. Static credentials (an API key, basic) are handed out as they are.
import { AppError } from '../errors.js';
import { BatchReader } from '../store/batch.js';
import { findConnectionsWithClient, type ConnectionRow, type ConnectionWithClient } from '../store/connections.js';
import type { Db } from '../store/db.js';
import type { ProviderClientRow } from '../store/provider-clients.js';
import { sealedAad } from '../store/sealed-columns.js';
import type { Catalog } from './catalog/index.js';
import type { ProviderEntry } from './catalog/types.js';
import { placeholderValues } from './provider-settings.js';
import type { Renewer } from './renewal.js';
import type { Sealer } from './sealer.js';

/** Who asks: an admin (any connection of the space), or a registered client of the space (by primary key). */
export type TokenCaller = { type: 'admin' } | { type: 'client'; clientPk: string };

export interface ConnectionToken {
  access_token: string;
  token_type: string;
  expires_at: string | null;
  metadata: Record<string, unknown>;
}

/** What the proxy needs besides the token. */
export interface ResolvedConnection {
  token: ConnectionToken;
  connection: ConnectionRow;
  providerClient: ProviderClientRow;
  entry: ProviderEntry;
  /** The API base URL with the connection's placeholders filled in; undefined when none is configured. */
  apiBaseUrl: string | undefined;
}

export interface TokenOptions {
  /** Renew when the token expires within this many milliseconds. */
  marginMs: number;
}

const NOT_USABLE = 'The connection does not exist or this client may not use it.';

/** May `caller` use this connection? A global connection serves every client of its space, an application one only its bound client. */
export const mayUse = (row: Pick<ConnectionRow, 'availability' | 'boundClientPk'>, caller: TokenCaller): boolean =>
  caller.type === 'admin' || row.availability === 'global' || row.boundClientPk === caller.clientPk;

export class ConnectionTokens {
  /** The reads of one event-loop turn share one statement (bench vault-read: a round trip each cost a third of a read). */
  private readonly reader: BatchReader<ConnectionWithClient>;

  constructor(
    db: Db,
    private readonly catalog: Catalog,
    private readonly sealer: Sealer,
    private readonly renewer: Renewer,
    readonly options: TokenOptions = { marginMs: 60_000 },
  ) {
    this.reader = new BatchReader((ids) => findConnectionsWithClient(db, ids));
  }

  async token(spaceId: string, id: string, caller: TokenCaller, force = false): Promise<ConnectionToken> {
    return this.answer((await this.usableRow(spaceId, id, caller, force)).row);
  }

  /** The token and what the proxy needs besides it. */
  async resolve(spaceId: string, id: string, caller: TokenCaller, force = false): Promise<ResolvedConnection> {
    const { row, providerClient, entry } = await this.usableRow(spaceId, id, caller, force);
    const apiBase = providerClient.apiBaseUrl ?? undefined;
    return {
      token: this.answer(row),
      connection: row,
      providerClient,
      entry,
      apiBaseUrl: apiBase ? this.catalog.fillTemplate(apiBase, placeholderValues(entry, providerClient, row)) : undefined,
    };
  }

  /** The connection when `caller` may use it, renewed first when its token is near expiry (or `force`). */
  private async usableRow(
    spaceId: string,
    id: string,
    caller: TokenCaller,
    force: boolean,
  ): Promise<{ row: ConnectionRow; providerClient: ProviderClientRow; entry: ProviderEntry }> {
    const read = await this.reader.get(id);
    const found = read?.connection.spaceId === spaceId ? read : undefined;
    // A client learns nothing about connections it may not use: unknown and forbidden read the same.
    if (!found || !mayUse(found.connection, caller)) {
      throw caller.type === 'admin' ? new AppError('not_found', `connection "${id}" not found`) : new AppError('forbidden', NOT_USABLE);
    }
    const entry = this.catalog.get(found.providerClient.provider);
    if (!entry) throw new AppError('conflict', `the connection's provider "${found.providerClient.provider}" is no longer in the catalog`);
    let row = found.connection;
    // Static credentials need no renewal, but a disabled connection hands out nothing, whatever its kind.
    if (row.kind === 'api_key' || row.kind === 'basic') usable(row);
    else row = await this.fresh(row, found.providerClient, entry, force);
    return { row, providerClient: found.providerClient, entry };
  }

  /** The row with an access token good for at least the margin, renewing first when needed and allowed. */
  private async fresh(row: ConnectionRow, providerClient: ProviderClientRow, entry: ProviderEntry, force: boolean): Promise<ConnectionRow> {
    usable(row);
    const now = Date.now();
    const left = row.expiresAt ? row.expiresAt.getTime() - now : -1;
    const earliest = (entry.refresh?.earliest_before_expiry_seconds ?? 0) * 1000;
    const margin = earliest ? Math.min(this.options.marginMs, earliest - 1000) : this.options.marginMs;
    const wanted = force || !row.accessTokenSealed || left < margin;
    // The provider refuses a refresh this early and would count it against the app: keep the valid token.
    const tooEarly = row.accessTokenSealed && earliest > 0 && left > earliest;
    if (wanted && !tooEarly) {
      const renewed = await this.renewer.renew(row.spaceId, row.id, row.generation, providerClient);
      usable(renewed);
      row = renewed;
    }
    if (!row.accessTokenSealed || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) {
      throw new AppError('conflict', `The connection has no valid access token right now${row.lastError ? `: ${row.lastError}` : ''}`);
    }
    return row;
  }

  private answer(row: ConnectionRow): ConnectionToken {
    if (row.kind === 'api_key' || row.kind === 'basic') {
      const creds = JSON.parse(this.sealer.open(row.credentialsSealed!, sealedAad.connection(row.id, 'credentials'))) as Record<string, string>;
      return row.kind === 'api_key'
        ? { access_token: creds.api_key!, token_type: 'api_key', expires_at: null, metadata: row.metadata }
        : {
            access_token: Buffer.from(`${creds.username}:${creds.password}`).toString('base64'),
            token_type: 'Basic',
            expires_at: null,
            metadata: row.metadata,
          };
    }
    return {
      access_token: this.sealer.open(row.accessTokenSealed!, sealedAad.connection(row.id, 'access_token')),
      token_type: row.tokenType ?? 'Bearer',
      expires_at: row.expiresAt?.toISOString() ?? null,
      metadata: row.metadata,
    };
  }
}

/** Throws the reason a connection cannot give tokens now (a state a person must act on). */
function usable(row: ConnectionRow): void {
  if (row.status === 'disabled') throw new AppError('conflict', 'The connection is disabled.');
  if (row.status === 'needs_reauth') throw new AppError('conflict', `The connection needs to be connected again${row.lastError ? `: ${row.lastError}` : '.'}`);
  if (row.status === 'pending' && row.kind === 'oauth2_authorization_code')
    throw new AppError('conflict', 'The connection has not been connected yet: open its connect link first.');
}
