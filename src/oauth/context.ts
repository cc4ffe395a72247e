// What the authorization server's endpoints share: the store, caches, keys and token service of this node.
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';
import { AuthorizationCodeStore } from '../store/authorization-codes.js';
import { BrowserSessionStore } from '../store/browser-sessions.js';
import { ClientAssertionStore } from '../store/client-assertions.js';
import type { Executor } from '../store/db.js';
import { DeviceCodeStore } from '../store/device-codes.js';
import { InteractionStore } from '../store/interactions.js';
import { OAuthViews } from '../store/oauth-views.js';
import { OAuthCache } from './cache.js';
import { LoginGuard } from './login-guard.js';
import { KeyService } from './tokens/keys.js';
import { TokenService } from './tokens/service.js';

export interface OAuth {
  config: Config;
  services: Services;
  cache: OAuthCache;
  keys: KeyService;
  tokens: TokenService;
  /** Every password check goes through it (brute-force limits). */
  logins: LoginGuard;
  codes: AuthorizationCodeStore;
  deviceCodes: DeviceCodeStore;
  sessions: BrowserSessionStore;
  /** Pending authorization requests: pushed (PAR) and waiting for login or consent. */
  interactions: InteractionStore;
  /**
   * Runs `work` in one store transaction, for the calls that take an Executor (TokenService's grant writes): what
   * belongs together (a grant and its first refresh token, a grant's revocation) commits or rolls back together.
   */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  /** The registry's rows as the authorization server reads them (users, clients, spaces). */
  views: OAuthViews;
  /** The jtis of private_key_jwt assertions already accepted (each is accepted once). */
  assertions: ClientAssertionStore;
}

export function createOAuth(config: Config, services: Services): OAuth {
  const db = services.store.db;
  const views = new OAuthViews(db);
  const cache = new OAuthCache(views, () => config.publicUrl, services.bus);
  const keys = services.keys;
  const logins = new LoginGuard(services.users, services.limiter);
  return {
    config,
    services,
    cache,
    keys,
    tokens: new TokenService(services.store, keys, cache, views, services.activity),
    logins,
    codes: new AuthorizationCodeStore(db),
    deviceCodes: new DeviceCodeStore(db),
    sessions: new BrowserSessionStore(db),
    interactions: new InteractionStore(db),
    transaction: (work) => db.transaction(work),
    views,
    assertions: new ClientAssertionStore(db),
  };
}
