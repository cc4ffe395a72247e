// The service objects, built once per process over one store. Routes and the server receive this bundle.
import { AdminService } from './admin/accounts.js';
import { ClientService } from './registry/clients.js';
import { ScopeService } from './registry/scopes.js';
import { SpaceService } from './registry/spaces.js';
import type { Store } from './store/db.js';
import type { MasterKey } from './vault/crypto.js';

export interface Services {
  store: Store;
  masterKey: MasterKey;
  spaces: SpaceService;
  scopes: ScopeService;
  clients: ClientService;
  admins: AdminService;
}

export function createServices(store: Store, masterKey: MasterKey): Services {
  const scopes = new ScopeService(store.db);
  return {
    store,
    masterKey,
    spaces: new SpaceService(store.db),
    scopes,
    clients: new ClientService(store.db, masterKey, scopes),
    admins: new AdminService(store.db),
  };
}
