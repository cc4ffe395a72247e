// The connection vault, assembled: provider clients, connections, their renewal, tokens and the connect flow over
// one store, catalog and keyring. Routes (admin and app-facing) and the token exchange grant call this.
import { pino, type Logger } from 'pino';
import type { Actor } from '../events/audit.js';
import type { Db } from '../store/db.js';
import type { Catalog } from './catalog/index.js';
import { ConnectFlow } from './connect.js';
import type { ConnectionView } from './connection-view.js';
import { ConnectionService, type ConnectionInput } from './connections.js';
import { ProviderClientService } from './provider-clients.js';
import { ConnectionProxy } from './proxy.js';
import { DEFAULT_RENEWAL, Renewer, type RenewalOptions } from './renewal.js';
import type { Sealer } from './sealer.js';
import { ConnectionTokens } from './tokens.js';

type SpaceRef = { id: string; slug: string };

export interface VaultOptions {
  renewal?: Partial<RenewalOptions>;
  /** Renew a token asked for within this many milliseconds of its expiry (default 60 s). */
  marginMs?: number;
  linkTtlMs?: number;
}

export class Vault {
  readonly providerClients: ProviderClientService;
  readonly connections: ConnectionService;
  readonly renewer: Renewer;
  readonly tokens: ConnectionTokens;
  readonly connect: ConnectFlow;
  readonly proxy: ConnectionProxy;
  // The public URL and logger are the HTTP app's (the public URL is known only once the port is bound when it is
  // derived from port 0): the app attaches them when it mounts the vault's routes.
  private publicUrl: () => string = () => 'http://localhost:8080';
  private log: Logger = pino({ level: 'silent' });

  constructor(db: Db, catalog: Catalog, sealer: Sealer, options: VaultOptions = {}) {
    const publicUrl = () => this.publicUrl();
    this.providerClients = new ProviderClientService(db, catalog, sealer, publicUrl);
    this.connections = new ConnectionService(db, this.providerClients, sealer);
    this.renewer = new Renewer(db, catalog, sealer, () => this.log, { ...DEFAULT_RENEWAL, ...options.renewal });
    this.tokens = new ConnectionTokens(db, catalog, sealer, this.renewer, { marginMs: options.marginMs ?? 60_000 });
    this.connect = new ConnectFlow(db, catalog, sealer, publicUrl, { linkTtlMs: options.linkTtlMs ?? 60 * 60_000 });
    this.proxy = new ConnectionProxy(this.tokens);
  }

  /** The app's public URL, logger and vault settings (KEYWARD_VAULT_*). */
  attach(
    publicUrl: () => string,
    log: Logger | undefined,
    settings?: { refreshMarginMs: number; schedulerIntervalMs: number; providerTimeoutMs: number },
  ): void {
    this.publicUrl = publicUrl;
    if (log) this.log = log;
    if (settings) {
      this.tokens.options.marginMs = settings.refreshMarginMs;
      Object.assign(this.renewer.options, {
        intervalMs: settings.schedulerIntervalMs,
        providerTimeoutMs: settings.providerTimeoutMs,
        // Twice the provider's time plus 5 s: a live renewal is never taken over, a dead node's is soon.
        leaseMs: 2 * settings.providerTimeoutMs + 5_000,
      });
    }
  }

  /**
   * Creates a connection. Kinds that need no person (client credentials, an API-key exchange) fetch their first
   * token at once; a failure shows in the connection's status and last_error, and renewal retries it.
   */
  async createConnection(space: SpaceRef, input: ConnectionInput, actor: Actor): Promise<ConnectionView> {
    let row = await this.connections.create(space, input, actor);
    if ((row.kind === 'oauth2_client_credentials' || row.kind === 'api_key_exchange') && row.status === 'pending') {
      row = await this.renewer.renew(space.id, row.id, row.generation);
    }
    return this.connections.view(space, row);
  }

  async updateConnection(space: SpaceRef, id: string, input: ConnectionInput, actor: Actor): Promise<ConnectionView> {
    return this.connections.view(space, await this.connections.update(space, id, input, actor));
  }

  /**
   * Renews now (the admin's "refresh now"): the provider is asked for a new token unless it forbids a refresh yet
   * (then the connection is answered as it is). A connection in needs_reauth is tried once more.
   */
  async refreshNow(space: SpaceRef, id: string): Promise<ConnectionView> {
    const row = await this.connections.row(space.id, id);
    if (row.kind === 'api_key' || row.kind === 'basic') return this.connections.view(space, row);
    try {
      await this.tokens.resolve(space.id, id, { type: 'admin' }, true);
    } catch {
      // The state after the attempt (needs_reauth, error, disabled) is the answer; its last_error says why.
    }
    return this.connections.get(space, id);
  }

  async connectLink(space: SpaceRef, id: string): Promise<{ connect_url: string; expires_at: string }> {
    return this.connect.link(space, await this.connections.row(space.id, id));
  }
}
