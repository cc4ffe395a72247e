// What the authorization server's endpoints share: the store, caches, keys and token service of this node.
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';
import type { Db } from '../store/db.js';
import { OAuthViews } from '../store/oauth-views.js';
import { OAuthCache } from './cache.js';
import { LoginGuard } from './login-guard.js';
import { KeyService } from './tokens/keys.js';
import { TokenService } from './tokens/service.js';

export interface OAuth {
  db: Db;
  config: Config;
  services: Services;
  cache: OAuthCache;
  keys: KeyService;
  tokens: TokenService;
  /** Every password check goes through it (brute-force limits). */
  logins: LoginGuard;
  /** The registry's rows as the authorization server reads them (users, clients, spaces). */
  views: OAuthViews;
}

export function createOAuth(config: Config, services: Services): OAuth {
  const db = services.store.db;
  const views = new OAuthViews(db);
  const cache = new OAuthCache(views, () => config.publicUrl, services.bus);
  const keys = services.keys;
  const logins = new LoginGuard(services.users, services.limiter);
  return { db, config, services, cache, keys, tokens: new TokenService(services.store, keys, cache, views), logins, views };
}
