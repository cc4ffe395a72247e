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
import type { MasterKey } from './crypto/seal.js';
import { defaultCatalog, type Catalog } from './vault/catalog/index.js';
import { Vault } from './vault/index.js';
import { Keyring } from './crypto/keyring.js';
import { MasterKeyRotation } from './vault/rotate-key.js';
import { countVaultRefresh, countWebhookDelivery } from './events/metrics.js';
import { Webhooks } from './events/index.js';
import { ActivityCounter } from './events/activity.js';

export interface Services {
  store: Store;
  /** The master keys: the current one seals, older ones (KEYWARD_MASTER_KEYS_PREVIOUS) still open. */
  keyring: Keyring;
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
  /** Re-sealing under the current master key (`keyward vault rotate-key`). */
  masterKeyRotation: MasterKeyRotation;
  /** Webhook subscriptions, their deliveries and the dispatcher that sends them. */
  webhooks: Webhooks;
  /** The dashboard's hourly counts (tokens issued, sign-ins) and the figures read with them. */
  activity: ActivityCounter;
}

/** `keys`: a lone MasterKey is taken as a keyring of one (tests and tools that need no previous keys). */
export function createServices(store: Store, keys: Keyring | MasterKey, limiter: Limiter = new MemoryLimiter()): Services {
  const keyring = Keyring.from(keys);
  const bus = new ChangeBus(store);
  const scopes = new ScopeService(store.db, bus);
  const clients = new ClientService(store.db, keyring, scopes, bus);
  const users = new UserService(store.db);
  const catalog = defaultCatalog();
  const vault = new Vault(store.db, catalog, keyring);
  const activity = new ActivityCounter(store);
  vault.renewer.onOutcome((row, event) => {
    countVaultRefresh(event);
    if (event === 'refresh_failed' || event === 'needs_reauth') activity.count(row.spaceId, 'renewal_failure', event);
  });
  const webhooks = new Webhooks(store, keyring);
  webhooks.dispatcher.onAttempt = countWebhookDelivery;
  return {
    store,
    keyring,
    bus,
    spaces: new SpaceService(store.db, bus),
    scopes,
    clients,
    admins: new AdminService(store.db),
    keys: new KeyService(store.db, keyring, bus),
    users,
    tokenAdmin: new TokenManagement(store.db, clients, users, bus),
    initialTokens: new InitialAccessTokenService(store.db),
    limiter,
    catalog,
    vault,
    masterKeyRotation: new MasterKeyRotation(store.db, keyring),
    webhooks,
    activity,
  };
}
