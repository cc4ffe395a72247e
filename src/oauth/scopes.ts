// Which scopes a request gets: only scopes associated with the client (seed 004); none asked means the client's
// default scopes. OIDC's openid is a protocol scope and needs no association.
import type { OAuthClient } from './cache.js';
import { invalidScope } from './errors.js';

export const PROTOCOL_SCOPES = new Set(['openid', 'offline_access']);

export function grantedScopes(client: OAuthClient, requested: string | undefined, opts: { allowProtocol?: boolean } = {}): string[] {
  const allowed = new Set(client.scopes.map((s) => s.name));
  if (requested === undefined) return client.scopes.filter((s) => s.isDefault).map((s) => s.name);
  const names = [...new Set(requested.split(' ').filter(Boolean))];
  for (const n of names) {
    if (allowed.has(n)) continue;
    if (opts.allowProtocol && PROTOCOL_SCOPES.has(n)) continue;
    throw invalidScope(`scope "${n}" is not allowed for this client`);
  }
  return names.sort();
}
