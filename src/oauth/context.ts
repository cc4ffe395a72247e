// What the authorization server's endpoints share: the store, caches, keys and token service of this node.
import type { Config } from '../config/index.js';
import type { Services } from '../services.js';
import type { Db } from '../store/db.js';
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
}

export function createOAuth(config: Config, services: Services): OAuth {
  const db = services.store.db;
  const cache = new OAuthCache(db, () => config.publicUrl, services.bus);
  const keys = services.keys;
  const logins = new LoginGuard(services.users, services.limiter);
  return { db, config, services, cache, keys, tokens: new TokenService(services.store, keys, cache), logins };
}
