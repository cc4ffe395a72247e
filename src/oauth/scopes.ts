// Which scopes a request gets: only scopes associated with the client (seed 004); none asked means the client's
// default scopes. OIDC's openid and offline_access are protocol scopes (registry/capabilities.ts): any client may
// ask for them where a user signs in, and those the client lists in its own scope are part of its default scope.
import { isProtocolScope, PROTOCOL_SCOPES } from '../registry/capabilities.js';
import type { OAuthClient } from './cache.js';
import { invalidScope } from './errors.js';

export { PROTOCOL_SCOPES };

export function grantedScopes(client: OAuthClient, requested: string | undefined, opts: { allowProtocol?: boolean } = {}): string[] {
  const allowed = new Set(client.scopes.map((s) => s.name));
  if (requested === undefined) {
    const defaults = client.scopes.filter((s) => s.isDefault).map((s) => s.name);
    // Without a user (client_credentials) there is nobody for openid to identify: protocol scopes stay out.
    return opts.allowProtocol ? [...defaults, ...client.row.protocolScopes].sort() : defaults;
  }
  const names = [...new Set(requested.split(' ').filter(Boolean))];
  for (const n of names) {
    if (allowed.has(n)) continue;
    if (opts.allowProtocol && isProtocolScope(n)) continue;
    throw invalidScope(`scope "${n}" is not allowed for this client`);
  }
  return names.sort();
}
