// What the client pages read: the space's default lifetimes, one client with its ETag (for If-Match), its scopes,
// and the space's discovery document (same origin: the console and the issuer are one server).
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, call } from '../../api/client';
import type { Client } from './form-model';

export function useSpaceDefaults(space: string) {
  return useQuery({
    queryKey: ['space', space],
    queryFn: () => call(api.GET('/spaces/{space}', { params: { path: { space } } })),
    staleTime: 60_000,
  });
}

/** The client and its entity tag: a save sends If-Match, so a change made meanwhile by someone else is not lost. */
export function useClient(space: string, clientId: string) {
  return useQuery({
    queryKey: ['client', space, clientId],
    queryFn: async (): Promise<{ client: Client; etag: string | null }> => {
      const pending = api.GET('/spaces/{space}/clients/{client_id}', { params: { path: { space, client_id: clientId } } });
      const client = await call(pending);
      return { client, etag: (await pending).response.headers.get('etag') };
    },
    retry: (n, err) => !(err instanceof ApiError && err.status === 404) && n < 2,
  });
}

export function useClientScopes(space: string, clientId: string) {
  return useQuery({
    queryKey: ['client-scopes', space, clientId],
    queryFn: async () => (await call(api.GET('/spaces/{space}/clients/{client_id}/scopes', { params: { path: { space, client_id: clientId } } }))).items,
  });
}

export interface Discovery {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  userinfo_endpoint?: string;
  jwks_uri?: string;
  introspection_endpoint?: string;
  revocation_endpoint?: string;
}

/** The space's OpenID Provider metadata, read from this origin at the issuer's path. */
export function useDiscovery(issuer: string | undefined) {
  return useQuery({
    queryKey: ['discovery', issuer],
    enabled: !!issuer,
    staleTime: 300_000,
    queryFn: async (): Promise<{ url: string; doc: Discovery }> => {
      const path = `${new URL(issuer!).pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const res = await fetch(path, { credentials: 'omit' });
      if (!res.ok) throw new ApiError(res.status, 'discovery', res.statusText);
      return { url: `${issuer!.replace(/\/$/, '')}/.well-known/openid-configuration`, doc: (await res.json()) as Discovery };
    },
  });
}
