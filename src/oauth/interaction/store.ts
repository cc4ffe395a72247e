// Pending authorization requests (store/interactions.ts), by the SHA-256 of a random id: pushed ones (PAR, RFC 9126)
// and ones waiting for login or consent (the page URL carries only the id). Both are single use.
import { randomToken, sha256 } from '../../crypto/secrets.js';
import type { InteractionStore } from '../../store/interactions.js';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';

export const PAR_PREFIX = 'urn:ietf:params:oauth:request_uri:';
export const PAR_TTL = 60;
const INTERACTION_TTL = 600;

export interface Interaction {
  id: string;
  params: Record<string, string>;
  /** SHA-256 of the binding secret of the browser that started it. */
  bindingHash: string;
  createdAt: Date;
}

export async function createInteraction(
  oauth: OAuth,
  space: OAuthSpace,
  client: OAuthClient,
  params: Record<string, string>,
  bindingHash: string,
): Promise<string> {
  const id = randomToken(24);
  await oauth.interactions.insert({
    idHash: sha256(id),
    spaceId: space.row.id,
    clientPk: client.row.id,
    kind: 'interaction',
    params: { ...params, _bind: bindingHash },
    expiresAt: new Date(Date.now() + INTERACTION_TTL * 1000),
  });
  return id;
}

export async function loadInteraction(oauth: OAuth, space: OAuthSpace, id: string): Promise<Interaction | undefined> {
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(id)) return undefined;
  const row = await oauth.interactions.findInteraction(sha256(id), space.row.id);
  if (!row) return undefined;
  const { _bind, ...params } = row.params;
  return { id, params, bindingHash: _bind ?? '', createdAt: row.createdAt };
}

/** Marks an interaction used (storing what it made: see InteractionStore.complete); false when another request got there first. */
export const completeInteraction = (oauth: OAuth, id: string, made: Parameters<InteractionStore['complete']>[1] = {}): Promise<boolean> =>
  oauth.interactions.complete(sha256(id), made);

export async function pushRequest(oauth: OAuth, space: OAuthSpace, client: OAuthClient, params: Record<string, string>): Promise<string> {
  const uri = PAR_PREFIX + randomToken(32);
  await oauth.interactions.insert({
    idHash: sha256(uri),
    spaceId: space.row.id,
    clientPk: client.row.id,
    kind: 'par',
    params,
    expiresAt: new Date(Date.now() + PAR_TTL * 1000),
  });
  return uri;
}

/** The pushed parameters, used up by this call; undefined when unknown, expired, used, or another client's. */
export async function takePushed(oauth: OAuth, space: OAuthSpace, client: OAuthClient, uri: string): Promise<Record<string, string> | undefined> {
  if (!uri.startsWith(PAR_PREFIX)) return undefined;
  return oauth.interactions.takePushed(sha256(uri), space.row.id, client.row.id);
}
