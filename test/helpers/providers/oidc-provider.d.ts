// oidc-provider ships no TypeScript declarations (and @types/oidc-provider is not a dependency): the few parts the
// test peer uses, typed by hand from the library's source (lib/provider.js, lib/helpers/defaults.js).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface OidcContext {
    oidc: { params?: Record<string, unknown> };
  }
  interface OidcClient {
    grantTypeAllowed(grant: string): boolean;
  }
  interface TokenSource {
    scopes: Set<string>;
  }
  interface StoredToken {
    clientId: string;
    accountId?: string;
    scope?: string;
    isExpired: boolean;
  }
  interface TokenModel {
    find(value: string): Promise<StoredToken | undefined>;
  }
  interface OidcError extends Error {
    error?: string;
    error_description?: string;
    /** The reason behind a generic description ("refresh token already used"); never sent to the client. */
    error_detail?: string;
  }

  export interface Configuration {
    clients?: Record<string, unknown>[];
    findAccount?: (ctx: OidcContext, sub: string) => unknown;
    scopes?: string[];
    pkce?: { required?: (ctx: OidcContext, client: OidcClient) => boolean };
    rotateRefreshToken?: boolean | ((ctx: OidcContext) => boolean);
    issueRefreshToken?: (ctx: OidcContext, client: OidcClient, source: TokenSource) => Promise<boolean> | boolean;
    features?: Record<string, Record<string, unknown>>;
    enabledJWA?: Record<string, string[]>;
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    ttl?: Record<string, number>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    AccessToken: TokenModel;
    ClientCredentials: TokenModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: 'grant.success', listener: (ctx: OidcContext) => void): this;
    on(event: 'grant.error' | 'server_error', listener: (ctx: OidcContext, err: OidcError) => void): this;
    on(event: 'grant.revoked', listener: (ctx: OidcContext, grantId: string) => void): this;
  }
}
