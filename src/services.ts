// The service objects, built once per process over one store. Routes and the server receive this bundle.
import { AdminService } from './admin/accounts.js';
import { ClientService } from './registry/clients.js';
import { ScopeService } from './registry/scopes.js';
import { UserService } from './registry/users.js';
import { TokenManagement } from './oauth/tokens/management.js';
import { SpaceService } from './registry/spaces.js';
import { InitialAccessTokenService } from './registry/initial-access-tokens.js';
import { ChangeBus } from './store/changes.js';
import { KeyService } from './oauth/tokens/keys.js';
import type { Store } from './store/db.js';
import { MemoryLimiter, type Limiter } from './store/counters.js';
import { open, seal, type MasterKey } from './crypto/seal.js';
import { defaultCatalog, type Catalog } from './vault/catalog/index.js';
import { Vault } from './vault/index.js';

export interface Services {
  store: Store;
  masterKey: MasterKey;
  bus: ChangeBus;
  spaces: SpaceService;
  scopes: ScopeService;
  clients: ClientService;
  admins: AdminService;
  keys: KeyService;
  users: UserService;
  tokenAdmin: TokenManagement;
  /** Initial access tokens of dynamic client registration: created by the admin API, spent by RFC 7591 registration. */
  initialTokens: InitialAccessTokenService;
  /** Failure counters of the sign-in limits: one per process (Redis-backed when configured, see server.ts). */
  limiter: Limiter;
  /** The provider catalog (catalog/providers/*.json), loaded and validated once: a broken entry stops the start. */
  catalog: Catalog;
  /** The connection vault: provider clients, connections, their renewal and tokens. */
  vault: Vault;
}

export function createServices(store: Store, masterKey: MasterKey, limiter: Limiter = new MemoryLimiter()): Services {
  const bus = new ChangeBus(store);
  const scopes = new ScopeService(store.db, bus);
  const clients = new ClientService(store.db, masterKey, scopes, bus);
  const users = new UserService(store.db);
  const catalog = defaultCatalog();
  const sealer = {
    seal: (plaintext: string, aad: string) => seal(masterKey, plaintext, aad),
    open: (sealed: string, aad: string) => open(masterKey, sealed, aad),
  };
  return {
    store,
    masterKey,
    bus,
    spaces: new SpaceService(store.db, bus),
    scopes,
    clients,
    admins: new AdminService(store.db),
    keys: new KeyService(store.db, masterKey, bus),
    users,
    tokenAdmin: new TokenManagement(store.db, clients, users, bus),
    initialTokens: new InitialAccessTokenService(store.db),
    limiter,
    catalog,
    vault: new Vault(store.db, catalog, sealer),
  };
}
