// Generated from the admin API's OpenAPI document by `npm run console:api`: do not edit.
export interface paths {
    "/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the spaces the caller may see */
        get: operations["listSpaces"];
        put?: never;
        /** Create a space (needs the admin role for all spaces) */
        post: operations["createSpace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a space (settings included), with its ETag */
        get: operations["getSpace"];
        put?: never;
        post?: never;
        /** Delete a space with everything in it */
        delete: operations["deleteSpace"];
        options?: never;
        head?: never;
        /** Update a space's display name, default token lifetimes or settings (with If-Match: only if unchanged since) */
        patch: operations["updateSpace"];
        trace?: never;
    };
    "/spaces/{space}/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List scopes */
        get: operations["listScopes"];
        put?: never;
        /** Create a scope */
        post: operations["createScope"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/scopes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a scope, with its ETag */
        get: operations["getScope"];
        put?: never;
        post?: never;
        /** Delete a scope (it is removed from every client) */
        delete: operations["deleteScope"];
        options?: never;
        head?: never;
        /** Update a scope's description or default flag (with If-Match: only if unchanged since) */
        patch: operations["updateScope"];
        trace?: never;
    };
    "/spaces/{space}/scopes/{name}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which clients have the scope: how many, and the first ten by name (what deleting it removes it from) */
        get: operations["getScopeUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients, filtered by name, active and grant type */
        get: operations["listClients"];
        put?: never;
        /** Register a client; a confidential client's client_secret is in this answer only */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/clients/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a client (never its secret), with its ETag */
        get: operations["getClient"];
        put?: never;
        post?: never;
        /** Delete a client with all its secrets, tokens, codes and consents */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        /**
         * Update a client (all but name); active=false deactivates, active=true reactivates
         * @description When client_type changes to confidential, the new client_secret is in this answer only. With If-Match, only if the client is unchanged since.
         */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/spaces/{space}/clients/{client_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a new client secret; the previous one stays valid for grace_period seconds */
        post: operations["rotateClientSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/clients/{client_id}/webhook-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate (or replace) the webhook signing secret, shown only in this answer */
        post: operations["createClientWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/clients/{client_id}/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scopes associated with the client */
        get: operations["listClientScopes"];
        put?: never;
        /** Associate existing scopes and/or create new scopes and associate them, in one call */
        post: operations["associateClientScopes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/clients/{client_id}/scopes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disassociate a scope from the client (the scope itself stays) */
        delete: operations["disassociateClientScope"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users, filtered by text, kind and disabled */
        get: operations["listUsers"];
        put?: never;
        /** Create a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user by id or username (never the password), with its ETag */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /** Delete a user with their grants, tokens and consents */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /** Update password, e-mail, name, standard claims; disabled=true cuts off every token issued before (with If-Match: only if unchanged since) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/spaces/{space}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List live grants (refresh token families) and stored access tokens, newest first */
        get: operations["listTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/tokens/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many entries the token listing has for a client, a user or the space (what deleting a client deletes)
         * @description JWT access tokens outside a grant are never stored, so they are not counted; they stop working when their client is deleted or deactivated.
         */
        get: operations["countTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one grant (with its refresh and access tokens) or one stored access token */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/tokens/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every token of a client or of a user (the client stays active, the user enabled) */
        post: operations["revokeTokensOf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List consents users gave to clients */
        get: operations["listConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/consents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a consent: the user is asked again next time (issued tokens stay) */
        delete: operations["revokeConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List admins (all for a global owner; else those sharing a space you own) */
        get: operations["listAdmins"];
        put?: never;
        /** Create an admin account with roles */
        post: operations["createAdmin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admins/{admin_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an admin ("me" for yourself), with their ETag */
        get: operations["getAdmin"];
        put?: never;
        post?: never;
        /** Delete an admin and their tokens (global owner) */
        delete: operations["deleteAdmin"];
        options?: never;
        head?: never;
        /** Change password (yourself or a global owner) or disable (global owner); with If-Match: only if unchanged since */
        patch: operations["updateAdmin"];
        trace?: never;
    };
    "/admins/{admin_id}/roles/{space}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Grant or change an admin's role in a space (* = every space); If-Match takes the admin's ETag */
        put: operations["grantAdminRole"];
        post?: never;
        /** Remove an admin's role in a space; If-Match takes the admin's ETag */
        delete: operations["revokeAdminRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admins/{admin_id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens (never their values) */
        get: operations["listAdminTokens"];
        put?: never;
        /** Create an API token for yourself; the value is in this answer only */
        post: operations["createAdminToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admins/{admin_id}/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["revokeAdminToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Admin mutations and vault events, newest first (global admins see all; others the spaces where they are admin or owner) */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/initial-access-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List initial access tokens (never the tokens themselves) */
        get: operations["listInitialAccessTokens"];
        put?: never;
        /** Create an initial access token for dynamic client registration (shown once) */
        post: operations["createInitialAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/initial-access-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an initial access token */
        delete: operations["revokeInitialAccessToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the signing keys of the space (pending, active, retired until expired) */
        get: operations["listKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a signing key that signs after publish_seconds (default: the space's key_publish_seconds); current keys retire then */
        post: operations["rotateKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The space's activity per hour over the last hours (tokens issued, sign-ins, failures) and its current totals */
        get: operations["getSpaceStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/provider-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the provider clients of the space (never their secrets) */
        get: operations["listProviderClients"];
        put?: never;
        /** Register a provider client (your app at a provider); the answer's redirect_uri is what to register there */
        post: operations["createProviderClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/provider-clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a provider client (never its secret) */
        get: operations["getProviderClient"];
        put?: never;
        post?: never;
        /** Delete a provider client (refused with 409 while connections use it) */
        delete: operations["deleteProviderClient"];
        options?: never;
        head?: never;
        /** Change a provider client (every field but provider); its connections use the change at once */
        patch: operations["updateProviderClient"];
        trace?: never;
    };
    "/spaces/{space}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the connections of the space, with their status (never a credential) */
        get: operations["listConnections"];
        put?: never;
        /** Create a connection; client credentials and API-key exchanges fetch their first token at once */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connection and its renewal state */
        get: operations["getConnection"];
        put?: never;
        post?: never;
        /** Delete a connection and its stored tokens */
        delete: operations["deleteConnection"];
        options?: never;
        head?: never;
        /** Change a connection (every field but kind); it applies at once wherever the connection is used */
        patch: operations["updateConnection"];
        trace?: never;
    };
    "/spaces/{space}/connections/{id}/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time link that runs the provider's consent for an oauth2_authorization_code connection and stores its tokens */
        post: operations["createConnectLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/connections/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew the token now (a failure shows in status and last_error); the connection after the attempt */
        post: operations["refreshConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/connections/{id}/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connection's current access token (renewed first when close to expiry, or with force_refresh=true) */
        get: operations["getConnectionToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the provider catalog (every entry; there are few, so no pages) */
        get: operations["listProviders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/providers/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one provider of the catalog */
        get: operations["getProvider"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vault/master-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show the current master key id, the previous ones still configured, and how many values remain under them */
        get: operations["getMasterKeyStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vault/rotate-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-seal a batch of values still under a previous master key with the current one; call until remaining is 0 */
        post: operations["resealUnderCurrentMasterKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the event types a webhook subscription may name (besides "*", every type, also those added later) */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the webhook subscriptions of the space (never their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a URL to events of the space; the answer shows the signing secret, this once */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook subscription (never its secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook subscription and its deliveries */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook subscription; active: true switches one on again that Keyward had switched off */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/spaces/{space}/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown this once; the previous one signs beside it for grace_period seconds */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of a subscription, newest first: status, attempts, answers */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/webhooks/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery with its attempts */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/spaces/{space}/webhooks/{id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now, with the same webhook-id (whatever its status); the answer has the new attempt */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; answers an admin API token that expires (shown only here) */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console session: who is signed in, their roles and the session's CSRF token */
        get: operations["getConsoleSession"];
        put?: never;
        /** Sign in to the console: sets the session's http-only cookie and answers the CSRF token */
        post: operations["signInToConsole"];
        /** Sign out of the console: ends the session and clears its cookie */
        delete: operations["signOutOfConsole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @example {
         *       "error": "invalid_request",
         *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
         *       "field": "redirect_uris[0]"
         *     }
         */
        Error: {
            /** @description machine-readable code: invalid_request, unauthorized, forbidden, not_found, conflict, precondition_failed (412: If-Match names another version), too_many_requests (429: sign-in attempts), server_error, temporarily_unavailable (503: the store is unreachable for now; retry after Retry-After seconds) */
            error: string;
            /** @description what is wrong, for people */
            message: string;
            /** @description the input field at fault */
            field?: string;
        };
        /**
         * @example {
         *       "slug": "staging",
         *       "display_name": "Staging",
         *       "access_token_ttl": 28800,
         *       "refresh_token_ttl": 2592000,
         *       "settings": {
         *         "signing_alg": "ES256",
         *         "key_rotation_days": 90,
         *         "key_publish_seconds": 3600,
         *         "require_pkce": true,
         *         "allow_plain_pkce": false,
         *         "require_par": false,
         *         "login_failure_limit": 10,
         *         "login_lockout_seconds": 900,
         *         "registration": "token",
         *         "id_token_ttl": 3600,
         *         "authorization_code_ttl": 60,
         *         "session_ttl": 86400,
         *         "device_code_ttl": 600,
         *         "refresh_reuse_grace_seconds": 0,
         *         "brand_logo_uri": null,
         *         "brand_accent_light": null,
         *         "brand_accent_dark": null
         *       },
         *       "issuer": "https://auth.example.com/spaces/staging",
         *       "created_at": "2026-03-02T09:15:00.000Z",
         *       "updated_at": "2026-03-09T17:40:12.000Z"
         *     }
         */
        Space: {
            slug: string;
            display_name: string;
            access_token_ttl: number;
            refresh_token_ttl: number;
            /** @description per-space authorization server settings (defaults filled in) */
            settings: {
                /** @enum {string} */
                signing_alg: "ES256" | "RS256" | "EdDSA";
                key_rotation_days: number;
                key_publish_seconds: number;
                require_pkce: boolean;
                allow_plain_pkce: boolean;
                require_par: boolean;
                login_failure_limit: number;
                login_lockout_seconds: number;
                /** @enum {string} */
                registration: "closed" | "open" | "token";
                id_token_ttl: number;
                authorization_code_ttl: number;
                session_ttl: number;
                device_code_ttl: number;
                refresh_reuse_grace_seconds: number;
                brand_logo_uri: string | null;
                brand_accent_light: string | null;
                brand_accent_dark: string | null;
            };
            /** @description the OAuth issuer URL of this space */
            issuer: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "name": "photos:read",
         *       "description": "See your photos",
         *       "default": false,
         *       "created_at": "2026-03-02T09:15:00.000Z",
         *       "updated_at": "2026-03-02T09:15:00.000Z"
         *     }
         */
        Scope: {
            name: string;
            description: string;
            default: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "client_id": "zqn7fvAaWJRCl7WMB6YHcQ",
         *       "space": "default",
         *       "name": "gallery",
         *       "version": null,
         *       "client_name": "Gallery",
         *       "description": "",
         *       "client_type": "confidential",
         *       "grant_types": [
         *         "authorization_code",
         *         "refresh_token"
         *       ],
         *       "response_types": [
         *         "code"
         *       ],
         *       "redirect_uris": [
         *         "https://gallery.example.com/callback"
         *       ],
         *       "post_logout_redirect_uris": [],
         *       "allowed_cors_origins": [],
         *       "token_endpoint_auth_method": "client_secret_basic",
         *       "scope": "openid photos:read",
         *       "jwks": null,
         *       "jwks_uri": null,
         *       "access_token_ttl": "default",
         *       "refresh_token_ttl": "default",
         *       "refresh_limit": null,
         *       "access_token_format": "jwt",
         *       "logo_uri": null,
         *       "client_uri": null,
         *       "policy_uri": null,
         *       "tos_uri": null,
         *       "webhook_url": null,
         *       "contacts": [],
         *       "active": true,
         *       "token_endpoint_auth_signing_alg": null,
         *       "id_token_signed_response_alg": "RS256",
         *       "application_type": "web",
         *       "software_id": null,
         *       "software_version": null,
         *       "default_max_age": null,
         *       "require_auth_time": false,
         *       "deactivated_at": null,
         *       "tokens_valid_after": null,
         *       "has_webhook_secret": false,
         *       "previous_secret_expires_at": null,
         *       "client_id_issued_at": 1772442900,
         *       "created_at": "2026-03-02T09:15:00.000Z",
         *       "updated_at": "2026-03-02T09:15:00.000Z"
         *     }
         */
        Client: {
            client_id: string;
            space: string;
            name: string;
            version: string | null;
            client_name: string;
            description: string;
            client_type: string;
            grant_types: string[];
            response_types: string[];
            redirect_uris: string[];
            post_logout_redirect_uris: string[];
            allowed_cors_origins: string[];
            token_endpoint_auth_method: string;
            scope: string;
            jwks: {
                keys: {
                    [key: string]: unknown;
                }[];
            } | null;
            jwks_uri: string | null;
            /** @description access token lifetime in seconds; null = never expires; "default" = the space's value */
            access_token_ttl: number | null | "default";
            /** @description refresh token lifetime in seconds; null = never expires; "default" = the space's value */
            refresh_token_ttl: number | null | "default";
            refresh_limit: number | null;
            access_token_format: string;
            logo_uri: string | null;
            client_uri: string | null;
            policy_uri: string | null;
            tos_uri: string | null;
            webhook_url: string | null;
            contacts: string[];
            active: boolean;
            token_endpoint_auth_signing_alg: string | null;
            id_token_signed_response_alg: string;
            application_type: string;
            software_id: string | null;
            software_version: string | null;
            default_max_age: number | null;
            require_auth_time: boolean;
            deactivated_at: string | null;
            tokens_valid_after: string | null;
            has_webhook_secret: boolean;
            previous_secret_expires_at: string | null;
            client_id_issued_at: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Admin: {
            id: string;
            email: string;
            disabled: boolean;
            has_password: boolean;
            roles: {
                space: string;
                role: string;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @example {
         *       "id": "b013cd80-a7c0-435a-9c5e-c142171be300",
         *       "name": "ci",
         *       "hint": "kw_24kQ",
         *       "created_at": "2026-03-02T09:15:00.000Z",
         *       "expires_at": "2026-04-01T09:15:00.000Z",
         *       "last_used_at": "2026-03-09T17:40:12.000Z",
         *       "revoked_at": null
         *     }
         */
        AdminToken: {
            id: string;
            name: string;
            /** @description first characters, to tell tokens apart */
            hint: string;
            /** Format: date-time */
            created_at: string;
            expires_at: string | null;
            last_used_at: string | null;
            revoked_at: string | null;
        };
        /**
         * @example {
         *       "id": "8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10",
         *       "provider": "exact-online",
         *       "name": "Exact Online (Netherlands)",
         *       "client_id": "2b3c6f0e-8d51-4b5e-9a5e-0f5d7c1e2a44",
         *       "has_client_secret": true,
         *       "has_private_key": false,
         *       "jwks": null,
         *       "authorization_url": "https://start.exactonline.{ext}/api/oauth2/auth",
         *       "token_url": "https://start.exactonline.{ext}/api/oauth2/token",
         *       "api_base_url": "https://start.exactonline.{ext}/api",
         *       "token_endpoint_auth_method": "client_secret_post",
         *       "scope": "",
         *       "access_token_expires_in": 3599999,
         *       "refresh_token_expires_in": 7775999999,
         *       "expires_in_unit": "ms",
         *       "config": {
         *         "ext": "nl"
         *       },
         *       "redirect_uri": "https://auth.example.com/spaces/default/connections/callback",
         *       "created_at": "2026-03-02T09:15:00.000Z",
         *       "updated_at": "2026-03-09T17:40:12.000Z"
         *     }
         */
        ProviderClient: {
            /** @description id of the provider client (a UUID) */
            id: string;
            /** @description catalog id of the provider */
            provider: string;
            /** @description display name */
            name: string;
            /** @description the client identifier the provider issued ("" until it is set) */
            client_id: string;
            /** @description whether a client secret is stored (the secret itself is never answered) */
            has_client_secret: boolean;
            /** @description whether a private key for private_key_jwt is stored (never answered) */
            has_private_key: boolean;
            /** @description private_key_jwt: the public key to register at the provider, as a JWK Set; null otherwise */
            jwks: {
                keys: {
                    [key: string]: unknown;
                }[];
            } | null;
            /** @description authorization endpoint, placeholders written {name} */
            authorization_url: string | null;
            /** @description token endpoint, placeholders written {name} */
            token_url: string | null;
            /** @description base URL of the provider's API (what the proxy forwards to) */
            api_base_url: string | null;
            /** @description client_secret_basic, client_secret_post or private_key_jwt */
            token_endpoint_auth_method: string;
            /** @description space-separated scopes asked for */
            scope: string;
            /** @description Access Token Expires In, in expires_in_unit; null: as the provider says */
            access_token_expires_in: number | null;
            /** @description Refresh Token Expires In, in expires_in_unit; null: as the provider says */
            refresh_token_expires_in: number | null;
            /** @description s (seconds) or ms (milliseconds) */
            expires_in_unit: "s" | "ms";
            /** @description placeholder values shared by its connections */
            config: {
                [key: string]: string;
            };
            /** @description the redirect URI to register in the app at the provider: {issuer}/connections/callback (one per space, the same for every provider) */
            redirect_uri: string;
            /**
             * Format: date-time
             * @description when it was created
             */
            created_at: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at: string;
        };
        /**
         * @example {
         *       "id": "0c9a7d3e-51f2-4f8e-b0a4-6d2e9c1b7a53",
         *       "name": "Exact Finance",
         *       "description": "Bookkeeping of the Dutch branch",
         *       "kind": "oauth2_authorization_code",
         *       "provider_client": "8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10",
         *       "provider": "exact-online",
         *       "environment": "production",
         *       "config": {},
         *       "availability": "global",
         *       "client_id": null,
         *       "renewal_rate": "1h",
         *       "status": "connected",
         *       "expires_at": "2026-03-09T18:40:11.999Z",
         *       "expiry_known": true,
         *       "last_refresh_at": "2026-03-09T17:40:12.000Z",
         *       "next_refresh_at": "2026-03-09T18:39:42.000Z",
         *       "refresh_count": 12,
         *       "last_error": null,
         *       "last_error_at": null,
         *       "refresh_token_expires_at": "2026-06-07T17:40:11.999Z",
         *       "has_credentials": false,
         *       "warning": null,
         *       "metadata": {},
         *       "connected_at": "2026-03-02T09:15:00.000Z",
         *       "created_at": "2026-03-02T09:15:00.000Z",
         *       "updated_at": "2026-03-02T09:15:00.000Z"
         *     }
         */
        Connection: {
            /** @description id of the connection (a UUID) */
            id: string;
            /** @description unique in the space */
            name: string;
            /** @description free text */
            description: string;
            /** @description oauth2_authorization_code, oauth2_client_credentials, api_key_exchange, api_key or basic */
            kind: string;
            /** @description id of its provider client */
            provider_client: string;
            /** @description catalog id of its provider client's provider */
            provider: string;
            /** @description label such as production or sandbox ("" when none) */
            environment: string;
            /** @description placeholder values of this connection */
            config: {
                [key: string]: string;
            };
            /** @description global or application */
            availability: string;
            /** @description availability application: the client that may use it; null when global */
            client_id: string | null;
            /** @description disabled, 15m, 30m, 1h or whole seconds */
            renewal_rate: string | number;
            /** @description pending: no token yet (open the connect link, or the first fetch is under way); connected: a valid token is kept and renewed; needs_reauth: the provider refused the refresh token, a person must connect again; error: the last renewal failed and is retried; disabled: not renewed nor used */
            status: "pending" | "connected" | "needs_reauth" | "error" | "disabled";
            /** @description when the access token expires; null when there is none or it never expires */
            expires_at: string | null;
            /** @description false when the provider gave no lifetime and an assumed one is used */
            expiry_known: boolean;
            /** @description when a token was last fetched or renewed */
            last_refresh_at: string | null;
            /** @description when the next scheduled renewal is due; null when none is scheduled */
            next_refresh_at: string | null;
            /** @description renewals so far */
            refresh_count: number;
            /** @description why the last renewal or consent failed (as the provider said it); null after a success */
            last_error: string | null;
            /** @description when the last failure happened */
            last_error_at: string | null;
            /** @description when the refresh token expires, when known: connect again before then */
            refresh_token_expires_at: string | null;
            /** @description whether credentials are stored (they are never answered) */
            has_credentials: boolean;
            /** @description something a person should act on soon, such as a refresh token about to expire */
            warning: string | null;
            /** @description extra facts from the provider's answers that calls need (Salesforce instance_url, QuickBooks realmId) */
            metadata: {
                [key: string]: unknown;
            };
            /** @description when the connection was last made (consent or first token) */
            connected_at: string | null;
            /**
             * Format: date-time
             * @description when it was created
             */
            created_at: string;
            /**
             * Format: date-time
             * @description when its settings last changed
             */
            updated_at: string;
        };
        /**
         * @example {
         *       "id": "3f0c2a9e-6b1d-4c0e-9d5e-1a2b3c4d5e6f",
         *       "url": "https://hooks.example.com/keyward",
         *       "events": [
         *         "client.deactivated",
         *         "connection.needs_reauth"
         *       ],
         *       "description": "Operations alerts",
         *       "active": true,
         *       "disabled_reason": null,
         *       "previous_secret_expires_at": null,
         *       "created_at": "2026-12-01T09:00:00.000Z",
         *       "updated_at": "2026-12-01T09:00:00.000Z"
         *     }
         */
        Webhook: {
            /** @description id of the subscription */
            id: string;
            /** @description where messages are POSTed */
            url: string;
            /** @description the event types it receives, or ["*"] for all */
            events: string[];
            /** @description what the subscription is for */
            description: string;
            /** @description false: deliveries wait (paused by an admin, or switched off by Keyward, see disabled_reason) */
            active: boolean;
            /** @description why Keyward switched the subscription off (its deliveries failed for days); null otherwise */
            disabled_reason: string | null;
            /** @description after a rotation: until when the previous secret still signs (both signatures are sent) */
            previous_secret_expires_at: string | null;
            /**
             * Format: date-time
             * @description when it was made
             */
            created_at: string;
            /**
             * Format: date-time
             * @description when it last changed
             */
            updated_at: string;
        };
        WebhookDelivery: {
            /** @description id of the delivery */
            id: string;
            /** @description the type of the event delivered */
            event_type: string;
            /** @description the webhook-id header of every attempt: receivers drop duplicates by it */
            webhook_id: string;
            /** @description pending (first attempt or a retry to come), succeeded (answered 2xx), failed (every retry spent) */
            status: "pending" | "succeeded" | "failed";
            /** @description every attempt, oldest first (the last 50) */
            attempts: {
                /**
                 * Format: date-time
                 * @description when the attempt was made
                 */
                at: string;
                /** @description the receiver's status code (absent when no answer came) */
                response_status?: number;
                /** @description how long the attempt took, from connecting to the end of the answer */
                duration_ms: number;
                /** @description why no answer came: a timeout, a refused connection, a blocked address */
                error?: string;
                /** @description the first 512 characters of the answer */
                response_body?: string;
                /** @description true for an attempt asked for by an admin */
                manual?: boolean;
            }[];
            /** @description when the next attempt is due (pending only) */
            next_attempt_at: string | null;
            /**
             * Format: date-time
             * @description when the event was written
             */
            created_at: string;
        };
        /**
         * Keyward provider catalog entry
         * @description One provider of the connection vault's catalog (catalog/providers/<id>.json). Mirrors ProviderEntry in src/vault/catalog/types.ts; URLs may hold {placeholder}s declared in config.
         * @example {
         *       "id": "github",
         *       "name": "GitHub",
         *       "description": "OAuth apps get tokens that do not expire and no refresh token; GitHub App user tokens expire after 8 hours with a single-use refresh token valid 6 months. Token errors come back with HTTP 200 and an error field; the token endpoint answers JSON only when asked with Accept: application/json.",
         *       "docs_url": "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
         *       "kinds": [
         *         "oauth2_authorization_code"
         *       ],
         *       "authorization_url": "https://github.com/login/oauth/authorize",
         *       "token_url": "https://github.com/login/oauth/access_token",
         *       "api_base_url": "https://api.github.com",
         *       "scopes": {
         *         "separator": " "
         *       },
         *       "token_endpoint_auth_method": "client_secret_post",
         *       "pkce": true,
         *       "token_response": {
         *         "refresh_token_expires_in": [
         *           "refresh_token_expires_in"
         *         ]
         *       },
         *       "errors": {
         *         "error": "error",
         *         "error_description": "error_description",
         *         "invalid_grant_codes": [
         *           "bad_refresh_token",
         *           "bad_verification_code"
         *         ]
         *       },
         *       "refresh": {
         *         "rotates": true,
         *         "reuse_grace_seconds": 0
         *       },
         *       "api_auth": {
         *         "scheme": "Bearer"
         *       },
         *       "sources": [
         *         "docs.github.com \"Refreshing user access tokens\": user access tokens of GitHub Apps expire after 8 hours (expires_in always 28800), refresh tokens after 6 months (refresh_token_expires_in); once used, the refresh token and the old access token stop working; refresh at POST https://github.com/login/oauth/access_token with client_id, client_secret, grant_type=refresh_token",
         *         "orgs/community discussion #24745: \"bad_refresh_token\" answers when refreshing user-to-server tokens",
         *         "authorize and token URLs, api.github.com: github.com/NangoHQ/nango packages/providers/providers.yaml @2f4c0af (URLs and quirks cross-checked; an integration platform's catalog, not the provider)"
         *       ],
         *       "unverified": [
         *         "HTTP 200 on token errors and the code bad_verification_code: from the research notes, not re-read from docs.github.com here",
         *         "PKCE support at github.com/login/oauth (announced by GitHub in 2025; not checked here)"
         *       ]
         *     }
         */
        Provider: {
            /** @description stable id used in the API, also the file name */
            id: string;
            name: string;
            description?: string;
            /** @description an https URL; {name} placeholders allowed */
            docs_url?: string;
            /** @description pages or client code each fact was checked against */
            sources: string[];
            /** @description facts of this entry that could not be checked */
            unverified?: string[];
            kinds: ("oauth2_authorization_code" | "oauth2_client_credentials" | "api_key_exchange" | "api_key" | "basic")[];
            /** @description an https URL; {name} placeholders allowed */
            authorization_url?: string;
            /** @description an https URL; {name} placeholders allowed */
            token_url?: string;
            /** @description an https URL; {name} placeholders allowed */
            api_base_url?: string;
            /** @description an https URL; {name} placeholders allowed */
            revocation_url?: string;
            /** @description an https URL; {name} placeholders allowed */
            discovery_url?: string;
            config?: {
                [key: string]: {
                    description: string;
                    values?: string[];
                    default?: string;
                    /** @description a regular expression the whole value must match */
                    pattern?: string;
                };
            };
            scopes?: {
                default?: string[];
                separator?: string;
            };
            /** @enum {unknown} */
            token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
            token_endpoint_auth_signing_alg?: string;
            client_assertion_audience?: string;
            pkce: boolean;
            authorize_params?: {
                [key: string]: string;
            };
            token_params?: {
                [key: string]: string;
            };
            /** @enum {unknown} */
            token_request_format?: "form" | "json";
            token_response?: {
                /** @description dotted path into a JSON body */
                access_token?: string;
                /** @description dotted path into a JSON body */
                refresh_token?: string;
                /** @description dotted path into a JSON body */
                token_type?: string;
                /** @description dotted path into a JSON body */
                scope?: string;
                /** @description dotted path into a JSON body */
                expires_in?: string;
                /** @enum {unknown} */
                expires_in_format?: "seconds" | "milliseconds" | "date";
                refresh_token_expires_in?: string[];
                /** @enum {unknown} */
                refresh_token_expires_in_format?: "seconds" | "milliseconds" | "date";
                metadata?: string[];
            };
            errors?: {
                /** @description dotted path into a JSON body */
                error?: string;
                /** @description dotted path into a JSON body */
                error_description?: string;
                success_flag?: {
                    /** @description dotted path into a JSON body */
                    path: string;
                    value: string | number | boolean;
                };
                invalid_grant_codes?: string[];
                too_early_codes?: string[];
            };
            refresh?: {
                rotates: boolean;
                reuse_grace_seconds?: number;
                earliest_before_expiry_seconds?: number;
                unused_lifetime_seconds?: number;
                refresh_token_lifetime_seconds?: number;
                assumed_access_token_lifetime_seconds?: number;
                params?: {
                    [key: string]: string;
                };
            };
            redirect_metadata?: string[];
            api_key_exchange?: {
                /** @description an https URL; {name} placeholders allowed */
                url: string;
                body: {
                    [key: string]: string;
                };
                refresh?: {
                    /** @description an https URL; {name} placeholders allowed */
                    url: string;
                    body: {
                        [key: string]: string;
                    };
                };
                response: {
                    /** @description dotted path into a JSON body */
                    access_token?: string;
                    /** @description dotted path into a JSON body */
                    refresh_token?: string;
                    /** @description dotted path into a JSON body */
                    token_type?: string;
                    /** @description dotted path into a JSON body */
                    scope?: string;
                    /** @description dotted path into a JSON body */
                    expires_in?: string;
                    /** @enum {unknown} */
                    expires_in_format?: "seconds" | "milliseconds" | "date";
                    refresh_token_expires_in?: string[];
                    /** @enum {unknown} */
                    refresh_token_expires_in_format?: "seconds" | "milliseconds" | "date";
                    metadata?: string[];
                };
            };
            api_auth?: {
                name?: string;
                /** @enum {unknown} */
                in?: "header" | "query";
                scheme?: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listSpaces: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Space"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSpace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "slug": "staging",
                 *       "display_name": "Staging",
                 *       "settings": {
                 *         "registration": "token"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description URL-safe identifier, part of the issuer URL; fixed once created */
                    slug?: string;
                    /** @description name shown to people */
                    display_name?: string;
                    /** @description default access token lifetime in seconds (28800 = 8 h) */
                    access_token_ttl?: number;
                    /** @description default refresh token lifetime in seconds (2592000 = 30 days) */
                    refresh_token_ttl?: number;
                    /** @description settings to change (the others keep their value), e.g. { "registration": "open" }. Branding: brand_logo_uri (https URL or data: URL of a PNG, JPEG, GIF, WebP or SVG up to 32 KiB), brand_accent_light and brand_accent_dark (#rrggbb with at least 4.5:1 contrast where used; a colour below is refused with the nearest that passes); null resets one */
                    settings?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSpace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSpace: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateSpace: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "slug": "staging",
                 *       "display_name": "Staging",
                 *       "settings": {
                 *         "registration": "token"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description URL-safe identifier, part of the issuer URL; fixed once created */
                    slug?: string;
                    /** @description name shown to people */
                    display_name?: string;
                    /** @description default access token lifetime in seconds (28800 = 8 h) */
                    access_token_ttl?: number;
                    /** @description default refresh token lifetime in seconds (2592000 = 30 days) */
                    refresh_token_ttl?: number;
                    /** @description settings to change (the others keep their value), e.g. { "registration": "open" }. Branding: brand_logo_uri (https URL or data: URL of a PNG, JPEG, GIF, WebP or SVG up to 32 KiB), brand_accent_light and brand_accent_dark (#rrggbb with at least 4.5:1 contrast where used; a colour below is refused with the nearest that passes); null resets one */
                    settings?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Space"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listScopes: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                name?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Scope"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "photos:read",
                 *       "description": "See your photos",
                 *       "default": false
                 *     }
                 */
                "application/json": {
                    /** @description scope name (RFC 6749 scope-token); fixed once created */
                    name?: string;
                    /** @description shown on the consent page */
                    description?: string;
                    /** @description granted when a client asks for no scope */
                    default?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scope"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getScope: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scope"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteScope: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateScope: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "photos:read",
                 *       "description": "See your photos",
                 *       "default": false
                 *     }
                 */
                "application/json": {
                    /** @description scope name (RFC 6749 scope-token); fixed once created */
                    name?: string;
                    /** @description shown on the consent page */
                    description?: string;
                    /** @description granted when a client asks for no scope */
                    default?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scope"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getScopeUsage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description how many clients have the scope */
                        total: number;
                        /** @description the first ten, by name */
                        clients: {
                            client_id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description case-insensitive part of the name */
                name?: string;
                active?: "true" | "false";
                /** @description only clients whose grant_types include this one */
                grant_type?: "authorization_code" | "refresh_token" | "client_credentials" | "password" | "implicit" | "urn:ietf:params:oauth:grant-type:device_code" | "urn:ietf:params:oauth:grant-type:token-exchange";
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Client"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "gallery",
                 *       "client_name": "Gallery",
                 *       "redirect_uris": [
                 *         "https://gallery.example.com/callback"
                 *       ],
                 *       "grant_types": [
                 *         "authorization_code",
                 *         "refresh_token"
                 *       ],
                 *       "scope": "openid photos:read"
                 *     }
                 */
                "application/json": {
                    /** @description unique per space together with version, case-insensitive; fixed once saved */
                    name?: string;
                    version?: string | null;
                    /** @description display name shown on the consent page (defaults to name) */
                    client_name?: string;
                    /** @description free text */
                    description?: string;
                    /** @description default confidential */
                    client_type?: "confidential" | "public";
                    /** @description default ["authorization_code"] */
                    grant_types?: ("authorization_code" | "refresh_token" | "client_credentials" | "password" | "implicit" | "urn:ietf:params:oauth:grant-type:device_code" | "urn:ietf:params:oauth:grant-type:token-exchange")[];
                    /** @description derived from grant_types when omitted; only what the authorization endpoint serves (no hybrid flow) */
                    response_types?: ("code" | "token" | "id_token" | "id_token token")[];
                    /** @description exact redirect URIs: https, http on loopback, or a private-use scheme for public clients */
                    redirect_uris?: string[];
                    /** @description where RP-initiated logout may return to */
                    post_logout_redirect_uris?: string[];
                    /** @description browser origins (scheme://host[:port]) that may call the token, userinfo, revocation and device endpoints, besides the origins of the redirect URIs */
                    allowed_cors_origins?: string[];
                    /**
                     * @description default client_secret_basic (confidential) or none (public)
                     * @enum {string}
                     */
                    token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
                    /** @description space-separated names of existing scopes to associate (replaces the set); openid and offline_access may be listed too (protocol scopes, granted by default when listed) */
                    scope?: string;
                    jwks?: {
                        keys: {
                            [key: string]: string | string[] | number | boolean;
                        }[];
                    } | null;
                    jwks_uri?: string | null;
                    /** @description access token lifetime in seconds; null = never expires; "default" = the space's value */
                    access_token_ttl?: number | null | "default";
                    /** @description refresh token lifetime in seconds; null = never expires; "default" = the space's value */
                    refresh_token_ttl?: number | null | "default";
                    refresh_limit?: number | null;
                    /** @description default jwt */
                    access_token_format?: "jwt" | "opaque";
                    logo_uri?: string | null;
                    client_uri?: string | null;
                    policy_uri?: string | null;
                    tos_uri?: string | null;
                    webhook_url?: string | null;
                    /** @description e-mail addresses */
                    contacts?: string[];
                    /** @description false deactivates: every token issued before stays invalid for good */
                    active?: boolean;
                    token_endpoint_auth_signing_alg?: ("ES256" | "ES384" | "ES512" | "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" | "EdDSA") | null;
                    /**
                     * @description algorithm of the ID tokens issued to this client (default RS256)
                     * @enum {string}
                     */
                    id_token_signed_response_alg?: "ES256" | "RS256" | "EdDSA";
                    /**
                     * @description web or native (default: native when a redirect URI uses a private-use scheme, else web)
                     * @enum {string}
                     */
                    application_type?: "web" | "native";
                    software_id?: string | null;
                    software_version?: string | null;
                    default_max_age?: number | null;
                    /** @description auth_time is always in the ID token (Keyward includes it whenever it knows it) */
                    require_auth_time?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client_id": "zqn7fvAaWJRCl7WMB6YHcQ",
                     *       "space": "default",
                     *       "name": "gallery",
                     *       "version": null,
                     *       "client_name": "Gallery",
                     *       "description": "",
                     *       "client_type": "confidential",
                     *       "grant_types": [
                     *         "authorization_code",
                     *         "refresh_token"
                     *       ],
                     *       "response_types": [
                     *         "code"
                     *       ],
                     *       "redirect_uris": [
                     *         "https://gallery.example.com/callback"
                     *       ],
                     *       "post_logout_redirect_uris": [],
                     *       "allowed_cors_origins": [],
                     *       "token_endpoint_auth_method": "client_secret_basic",
                     *       "scope": "openid photos:read",
                     *       "jwks": null,
                     *       "jwks_uri": null,
                     *       "access_token_ttl": "default",
                     *       "refresh_token_ttl": "default",
                     *       "refresh_limit": null,
                     *       "access_token_format": "jwt",
                     *       "logo_uri": null,
                     *       "client_uri": null,
                     *       "policy_uri": null,
                     *       "tos_uri": null,
                     *       "webhook_url": null,
                     *       "contacts": [],
                     *       "active": true,
                     *       "token_endpoint_auth_signing_alg": null,
                     *       "id_token_signed_response_alg": "RS256",
                     *       "application_type": "web",
                     *       "software_id": null,
                     *       "software_version": null,
                     *       "default_max_age": null,
                     *       "require_auth_time": false,
                     *       "deactivated_at": null,
                     *       "tokens_valid_after": null,
                     *       "has_webhook_secret": false,
                     *       "previous_secret_expires_at": null,
                     *       "client_id_issued_at": 1772442900,
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "updated_at": "2026-03-02T09:15:00.000Z",
                     *       "client_secret": "igOsE-xh-MG8SgMxqJFwGunBLVbaYLitaAzmxRx0ct4",
                     *       "client_secret_expires_at": 0
                     *     }
                     */
                    "application/json": {
                        client_id: string;
                        space: string;
                        name: string;
                        version: string | null;
                        client_name: string;
                        description: string;
                        client_type: string;
                        grant_types: string[];
                        response_types: string[];
                        redirect_uris: string[];
                        post_logout_redirect_uris: string[];
                        allowed_cors_origins: string[];
                        token_endpoint_auth_method: string;
                        scope: string;
                        jwks: {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        } | null;
                        jwks_uri: string | null;
                        /** @description access token lifetime in seconds; null = never expires; "default" = the space's value */
                        access_token_ttl: number | null | "default";
                        /** @description refresh token lifetime in seconds; null = never expires; "default" = the space's value */
                        refresh_token_ttl: number | null | "default";
                        refresh_limit: number | null;
                        access_token_format: string;
                        logo_uri: string | null;
                        client_uri: string | null;
                        policy_uri: string | null;
                        tos_uri: string | null;
                        webhook_url: string | null;
                        contacts: string[];
                        active: boolean;
                        token_endpoint_auth_signing_alg: string | null;
                        id_token_signed_response_alg: string;
                        application_type: string;
                        software_id: string | null;
                        software_version: string | null;
                        default_max_age: number | null;
                        require_auth_time: boolean;
                        deactivated_at: string | null;
                        tokens_valid_after: string | null;
                        has_webhook_secret: boolean;
                        previous_secret_expires_at: string | null;
                        client_id_issued_at: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description shown only in this answer */
                        client_secret?: string;
                        /** @description 0: the secret does not expire */
                        client_secret_expires_at?: number;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "redirect_uris": [
                 *         "https://gallery.example.com/callback",
                 *         "https://gallery.example.com/cb2"
                 *       ],
                 *       "active": true
                 *     }
                 */
                "application/json": {
                    /** @description unique per space together with version, case-insensitive; fixed once saved */
                    name?: string;
                    version?: string | null;
                    /** @description display name shown on the consent page (defaults to name) */
                    client_name?: string;
                    /** @description free text */
                    description?: string;
                    /** @description default confidential */
                    client_type?: "confidential" | "public";
                    /** @description default ["authorization_code"] */
                    grant_types?: ("authorization_code" | "refresh_token" | "client_credentials" | "password" | "implicit" | "urn:ietf:params:oauth:grant-type:device_code" | "urn:ietf:params:oauth:grant-type:token-exchange")[];
                    /** @description derived from grant_types when omitted; only what the authorization endpoint serves (no hybrid flow) */
                    response_types?: ("code" | "token" | "id_token" | "id_token token")[];
                    /** @description exact redirect URIs: https, http on loopback, or a private-use scheme for public clients */
                    redirect_uris?: string[];
                    /** @description where RP-initiated logout may return to */
                    post_logout_redirect_uris?: string[];
                    /** @description browser origins (scheme://host[:port]) that may call the token, userinfo, revocation and device endpoints, besides the origins of the redirect URIs */
                    allowed_cors_origins?: string[];
                    /**
                     * @description default client_secret_basic (confidential) or none (public)
                     * @enum {string}
                     */
                    token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";
                    /** @description space-separated names of existing scopes to associate (replaces the set); openid and offline_access may be listed too (protocol scopes, granted by default when listed) */
                    scope?: string;
                    jwks?: {
                        keys: {
                            [key: string]: string | string[] | number | boolean;
                        }[];
                    } | null;
                    jwks_uri?: string | null;
                    /** @description access token lifetime in seconds; null = never expires; "default" = the space's value */
                    access_token_ttl?: number | null | "default";
                    /** @description refresh token lifetime in seconds; null = never expires; "default" = the space's value */
                    refresh_token_ttl?: number | null | "default";
                    refresh_limit?: number | null;
                    /** @description default jwt */
                    access_token_format?: "jwt" | "opaque";
                    logo_uri?: string | null;
                    client_uri?: string | null;
                    policy_uri?: string | null;
                    tos_uri?: string | null;
                    webhook_url?: string | null;
                    /** @description e-mail addresses */
                    contacts?: string[];
                    /** @description false deactivates: every token issued before stays invalid for good */
                    active?: boolean;
                    token_endpoint_auth_signing_alg?: ("ES256" | "ES384" | "ES512" | "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" | "EdDSA") | null;
                    /**
                     * @description algorithm of the ID tokens issued to this client (default RS256)
                     * @enum {string}
                     */
                    id_token_signed_response_alg?: "ES256" | "RS256" | "EdDSA";
                    /**
                     * @description web or native (default: native when a redirect URI uses a private-use scheme, else web)
                     * @enum {string}
                     */
                    application_type?: "web" | "native";
                    software_id?: string | null;
                    software_version?: string | null;
                    default_max_age?: number | null;
                    /** @description auth_time is always in the ID token (Keyward includes it whenever it knows it) */
                    require_auth_time?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client_id": "zqn7fvAaWJRCl7WMB6YHcQ",
                     *       "space": "default",
                     *       "name": "gallery",
                     *       "version": null,
                     *       "client_name": "Gallery",
                     *       "description": "",
                     *       "client_type": "confidential",
                     *       "grant_types": [
                     *         "authorization_code",
                     *         "refresh_token"
                     *       ],
                     *       "response_types": [
                     *         "code"
                     *       ],
                     *       "redirect_uris": [
                     *         "https://gallery.example.com/callback"
                     *       ],
                     *       "post_logout_redirect_uris": [],
                     *       "allowed_cors_origins": [],
                     *       "token_endpoint_auth_method": "client_secret_basic",
                     *       "scope": "openid photos:read",
                     *       "jwks": null,
                     *       "jwks_uri": null,
                     *       "access_token_ttl": "default",
                     *       "refresh_token_ttl": "default",
                     *       "refresh_limit": null,
                     *       "access_token_format": "jwt",
                     *       "logo_uri": null,
                     *       "client_uri": null,
                     *       "policy_uri": null,
                     *       "tos_uri": null,
                     *       "webhook_url": null,
                     *       "contacts": [],
                     *       "active": true,
                     *       "token_endpoint_auth_signing_alg": null,
                     *       "id_token_signed_response_alg": "RS256",
                     *       "application_type": "web",
                     *       "software_id": null,
                     *       "software_version": null,
                     *       "default_max_age": null,
                     *       "require_auth_time": false,
                     *       "deactivated_at": null,
                     *       "tokens_valid_after": null,
                     *       "has_webhook_secret": false,
                     *       "previous_secret_expires_at": null,
                     *       "client_id_issued_at": 1772442900,
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "updated_at": "2026-03-02T09:15:00.000Z",
                     *       "client_secret": "igOsE-xh-MG8SgMxqJFwGunBLVbaYLitaAzmxRx0ct4",
                     *       "client_secret_expires_at": 0
                     *     }
                     */
                    "application/json": {
                        client_id: string;
                        space: string;
                        name: string;
                        version: string | null;
                        client_name: string;
                        description: string;
                        client_type: string;
                        grant_types: string[];
                        response_types: string[];
                        redirect_uris: string[];
                        post_logout_redirect_uris: string[];
                        allowed_cors_origins: string[];
                        token_endpoint_auth_method: string;
                        scope: string;
                        jwks: {
                            keys: {
                                [key: string]: unknown;
                            }[];
                        } | null;
                        jwks_uri: string | null;
                        /** @description access token lifetime in seconds; null = never expires; "default" = the space's value */
                        access_token_ttl: number | null | "default";
                        /** @description refresh token lifetime in seconds; null = never expires; "default" = the space's value */
                        refresh_token_ttl: number | null | "default";
                        refresh_limit: number | null;
                        access_token_format: string;
                        logo_uri: string | null;
                        client_uri: string | null;
                        policy_uri: string | null;
                        tos_uri: string | null;
                        webhook_url: string | null;
                        contacts: string[];
                        active: boolean;
                        token_endpoint_auth_signing_alg: string | null;
                        id_token_signed_response_alg: string;
                        application_type: string;
                        software_id: string | null;
                        software_version: string | null;
                        default_max_age: number | null;
                        require_auth_time: boolean;
                        deactivated_at: string | null;
                        tokens_valid_after: string | null;
                        has_webhook_secret: boolean;
                        previous_secret_expires_at: string | null;
                        client_id_issued_at: number;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description shown only in this answer */
                        client_secret?: string;
                        /** @description 0: the secret does not expire */
                        client_secret_expires_at?: number;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateClientSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description seconds the previous secret stays valid (default 0) */
                    grace_period?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client_id: string;
                        /** @description shown only in this answer */
                        client_secret: string;
                        client_secret_expires_at: number;
                        /** Format: date-time */
                        previous_secret_expires_at: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createClientWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client_id: string;
                        /** @description shown only in this answer */
                        webhook_secret: string;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listClientScopes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Scope"][];
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    associateClientScopes: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description names of existing scopes to associate */
                    scopes?: string[];
                    /** @description new scopes to create and associate */
                    create?: {
                        /** @description scope name (RFC 6749 scope-token); fixed once created */
                        name?: string;
                        /** @description shown on the consent page */
                        description?: string;
                        /** @description granted when a client asks for no scope */
                        default?: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Scope"][];
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    disassociateClientScope: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                client_id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description case-insensitive part of the username, e-mail or name */
                q?: string;
                /** @description personal: signs in through the browser; service: only through the password grant */
                kind?: "personal" | "service";
                disabled?: "true" | "false";
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            space: string;
                            username: string;
                            email: string | null;
                            email_verified: boolean;
                            name: string | null;
                            given_name: string | null;
                            family_name: string | null;
                            middle_name: string | null;
                            nickname: string | null;
                            profile: string | null;
                            picture: string | null;
                            website: string | null;
                            gender: string | null;
                            birthdate: string | null;
                            zoneinfo: string | null;
                            locale: string | null;
                            phone_number: string | null;
                            phone_number_verified: boolean;
                            address: {
                                formatted?: string;
                                street_address?: string;
                                locality?: string;
                                region?: string;
                                postal_code?: string;
                                country?: string;
                            } | null;
                            kind: string;
                            disabled: boolean;
                            has_password: boolean;
                            tokens_valid_after: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "alice",
                 *       "password": "correct horse battery staple",
                 *       "email": "alice@example.com",
                 *       "name": "Alice Liddell"
                 *     }
                 */
                "application/json": {
                    /** @description unique per space, not case-sensitive; fixed once created */
                    username?: string;
                    password?: string | null;
                    email?: string | null;
                    email_verified?: boolean;
                    name?: string | null;
                    given_name?: string | null;
                    family_name?: string | null;
                    middle_name?: string | null;
                    nickname?: string | null;
                    profile?: string | null;
                    picture?: string | null;
                    website?: string | null;
                    gender?: string | null;
                    birthdate?: string | null;
                    zoneinfo?: string | null;
                    locale?: string | null;
                    phone_number?: string | null;
                    /** @description whether the phone number is verified */
                    phone_number_verified?: boolean;
                    address?: {
                        formatted?: string | null;
                        street_address?: string | null;
                        locality?: string | null;
                        region?: string | null;
                        postal_code?: string | null;
                        country?: string | null;
                    } | null;
                    /** @description personal: signs in through the browser; service: only through the password grant */
                    kind?: "personal" | "service";
                    /** @description true disables: every token issued before stays invalid for good */
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2cd8e766-259f-49d9-851f-e2b0d3b0d81c",
                     *       "space": "default",
                     *       "username": "alice",
                     *       "email": "alice@example.com",
                     *       "email_verified": false,
                     *       "name": "Alice Liddell",
                     *       "given_name": "Alice",
                     *       "family_name": "Liddell",
                     *       "middle_name": null,
                     *       "nickname": null,
                     *       "profile": null,
                     *       "picture": null,
                     *       "website": null,
                     *       "gender": null,
                     *       "birthdate": null,
                     *       "zoneinfo": "Europe/London",
                     *       "locale": "en-GB",
                     *       "phone_number": null,
                     *       "phone_number_verified": false,
                     *       "address": null,
                     *       "kind": "personal",
                     *       "disabled": false,
                     *       "has_password": true,
                     *       "tokens_valid_after": null,
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "updated_at": "2026-03-09T17:40:12.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        space: string;
                        username: string;
                        email: string | null;
                        email_verified: boolean;
                        name: string | null;
                        given_name: string | null;
                        family_name: string | null;
                        middle_name: string | null;
                        nickname: string | null;
                        profile: string | null;
                        picture: string | null;
                        website: string | null;
                        gender: string | null;
                        birthdate: string | null;
                        zoneinfo: string | null;
                        locale: string | null;
                        phone_number: string | null;
                        phone_number_verified: boolean;
                        address: {
                            formatted?: string;
                            street_address?: string;
                            locality?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        } | null;
                        kind: string;
                        disabled: boolean;
                        has_password: boolean;
                        tokens_valid_after: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description user id or username */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2cd8e766-259f-49d9-851f-e2b0d3b0d81c",
                     *       "space": "default",
                     *       "username": "alice",
                     *       "email": "alice@example.com",
                     *       "email_verified": false,
                     *       "name": "Alice Liddell",
                     *       "given_name": "Alice",
                     *       "family_name": "Liddell",
                     *       "middle_name": null,
                     *       "nickname": null,
                     *       "profile": null,
                     *       "picture": null,
                     *       "website": null,
                     *       "gender": null,
                     *       "birthdate": null,
                     *       "zoneinfo": "Europe/London",
                     *       "locale": "en-GB",
                     *       "phone_number": null,
                     *       "phone_number_verified": false,
                     *       "address": null,
                     *       "kind": "personal",
                     *       "disabled": false,
                     *       "has_password": true,
                     *       "tokens_valid_after": null,
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "updated_at": "2026-03-09T17:40:12.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        space: string;
                        username: string;
                        email: string | null;
                        email_verified: boolean;
                        name: string | null;
                        given_name: string | null;
                        family_name: string | null;
                        middle_name: string | null;
                        nickname: string | null;
                        profile: string | null;
                        picture: string | null;
                        website: string | null;
                        gender: string | null;
                        birthdate: string | null;
                        zoneinfo: string | null;
                        locale: string | null;
                        phone_number: string | null;
                        phone_number_verified: boolean;
                        address: {
                            formatted?: string;
                            street_address?: string;
                            locality?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        } | null;
                        kind: string;
                        disabled: boolean;
                        has_password: boolean;
                        tokens_valid_after: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                /** @description user id or username */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                space: string;
                /** @description user id or username */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "alice",
                 *       "password": "correct horse battery staple",
                 *       "email": "alice@example.com",
                 *       "name": "Alice Liddell"
                 *     }
                 */
                "application/json": {
                    /** @description unique per space, not case-sensitive; fixed once created */
                    username?: string;
                    password?: string | null;
                    email?: string | null;
                    email_verified?: boolean;
                    name?: string | null;
                    given_name?: string | null;
                    family_name?: string | null;
                    middle_name?: string | null;
                    nickname?: string | null;
                    profile?: string | null;
                    picture?: string | null;
                    website?: string | null;
                    gender?: string | null;
                    birthdate?: string | null;
                    zoneinfo?: string | null;
                    locale?: string | null;
                    phone_number?: string | null;
                    /** @description whether the phone number is verified */
                    phone_number_verified?: boolean;
                    address?: {
                        formatted?: string | null;
                        street_address?: string | null;
                        locality?: string | null;
                        region?: string | null;
                        postal_code?: string | null;
                        country?: string | null;
                    } | null;
                    /** @description personal: signs in through the browser; service: only through the password grant */
                    kind?: "personal" | "service";
                    /** @description true disables: every token issued before stays invalid for good */
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2cd8e766-259f-49d9-851f-e2b0d3b0d81c",
                     *       "space": "default",
                     *       "username": "alice",
                     *       "email": "alice@example.com",
                     *       "email_verified": false,
                     *       "name": "Alice Liddell",
                     *       "given_name": "Alice",
                     *       "family_name": "Liddell",
                     *       "middle_name": null,
                     *       "nickname": null,
                     *       "profile": null,
                     *       "picture": null,
                     *       "website": null,
                     *       "gender": null,
                     *       "birthdate": null,
                     *       "zoneinfo": "Europe/London",
                     *       "locale": "en-GB",
                     *       "phone_number": null,
                     *       "phone_number_verified": false,
                     *       "address": null,
                     *       "kind": "personal",
                     *       "disabled": false,
                     *       "has_password": true,
                     *       "tokens_valid_after": null,
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "updated_at": "2026-03-09T17:40:12.000Z"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        space: string;
                        username: string;
                        email: string | null;
                        email_verified: boolean;
                        name: string | null;
                        given_name: string | null;
                        family_name: string | null;
                        middle_name: string | null;
                        nickname: string | null;
                        profile: string | null;
                        picture: string | null;
                        website: string | null;
                        gender: string | null;
                        birthdate: string | null;
                        zoneinfo: string | null;
                        locale: string | null;
                        phone_number: string | null;
                        phone_number_verified: boolean;
                        address: {
                            formatted?: string;
                            street_address?: string;
                            locality?: string;
                            region?: string;
                            postal_code?: string;
                            country?: string;
                        } | null;
                        kind: string;
                        disabled: boolean;
                        has_password: boolean;
                        tokens_valid_after: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                client_id?: string;
                /** @description user id or username */
                user_id?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description grant id, or "at_<...>" for a stored access token outside a grant */
                            id: string;
                            /** @description grant (refresh token family) or access_token */
                            kind: string;
                            grant_type: string;
                            scope: string;
                            client_id: string | null;
                            client_name: string | null;
                            user_id: string | null;
                            username: string | null;
                            /** Format: date-time */
                            issued_at: string;
                            /** @description date-time, or "never" */
                            expires_at: string;
                            refresh_count: number | null;
                            /** @description refreshes allowed (grants only) */
                            refresh_limit: number | "unlimited" | null;
                            /** @description false once it expired, or when the server refuses it anyway: its client deactivated, its user disabled, or issued before a "revoke all" */
                            active: boolean;
                            revoked_at: string | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    countTokens: {
        parameters: {
            query?: {
                client_id?: string;
                /** @description user id or username */
                user_id?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description live grants (refresh token families), as the listing shows them */
                        grants: number;
                        /** @description stored access tokens outside a grant, neither revoked nor expired */
                        access_tokens: number;
                        /** @description grants + access_tokens: the entries of GET …/tokens with the same filter */
                        total: number;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeTokensOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    client_id?: string;
                    /** @description user id or username */
                    user_id?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        revoked_grants: number;
                        revoked_access_tokens: number;
                        /** Format: date-time */
                        tokens_valid_after: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConsents: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                client_id?: string;
                user_id?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            client_id: string;
                            client_name: string;
                            user_id: string;
                            username: string;
                            scope: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAdmins: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Admin"][];
                    };
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    /** @description for console sign-in; at least 12 characters */
                    password?: string;
                    roles?: {
                        /** @description a space slug, or * for every space */
                        space: string;
                        /** @enum {string} */
                        role: "viewer" | "client-manager" | "admin" | "owner";
                    }[];
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admin"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description admin id, or "me" */
                admin_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admin"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAdmin: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                /** @description admin id, or "me" */
                admin_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAdmin: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                /** @description admin id, or "me" */
                admin_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email?: string;
                    /** @description for console sign-in; at least 12 characters */
                    password?: string;
                    roles?: {
                        /** @description a space slug, or * for every space */
                        space: string;
                        /** @enum {string} */
                        role: "viewer" | "client-manager" | "admin" | "owner";
                    }[];
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admin"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    grantAdminRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                admin_id: string;
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "viewer" | "client-manager" | "admin" | "owner";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admin"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeAdminRole: {
        parameters: {
            query?: never;
            header?: {
                /** @description change only if the resource's current ETag is one of these entity tags (from a GET or an earlier answer), else 412 precondition_failed and nothing changes; "*" matches any existing resource */
                "if-match"?: string;
            };
            path: {
                admin_id: string;
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description strong entity tag of this version of the resource; send it as If-Match */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Admin"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description If-Match names none of the resource's current ETag: it changed since; nothing was changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "precondition_failed",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" has changed since the version your If-Match names (or the tag is not one of its versions); nothing was changed: read it again for the current ETag"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAdminTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description admin id, or "me" */
                admin_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AdminToken"][];
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAdminToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description admin id, or "me" */
                admin_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "ci",
                 *       "expires_in": 2592000
                 *     }
                 */
                "application/json": {
                    name?: string;
                    expires_in?: number | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "b013cd80-a7c0-435a-9c5e-c142171be300",
                     *       "name": "ci",
                     *       "hint": "kw_24kQ",
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "expires_at": "2026-04-01T09:15:00.000Z",
                     *       "last_used_at": null,
                     *       "revoked_at": null,
                     *       "token": "kw_24kQstVMEDGAHyhfUrTSblenOEdo7Qus3y3bsqAQzTQ"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description first characters, to tell tokens apart */
                        hint: string;
                        /** Format: date-time */
                        created_at: string;
                        expires_at: string | null;
                        last_used_at: string | null;
                        revoked_at: string | null;
                        /** @description shown only in this answer */
                        token: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeAdminToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                admin_id: string;
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                cursor?: string;
                space?: string;
                action?: string;
                /** @description only entries of this event type (client.deactivated, connection.needs_reauth, …) */
                type?: string;
                /** @description only changes made by this admin (e-mail, any case, or id) */
                actor?: string;
                /** @description only entries about this kind of object (client, scope, admin, signing_key, …) */
                target_type?: string;
                /** @description only entries about the object with this id (a client_id, a scope name, …) */
                target_id?: string;
                /** @description only entries at or after this moment */
                since?: string;
                /** @description only entries before this moment */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: number;
                            /** Format: date-time */
                            at: string;
                            actor: {
                                type: string;
                                id: string | null;
                                email: string | null;
                            };
                            space: string | null;
                            action: string;
                            /** @description the event type webhooks carry ({resource}.{past tense}) */
                            type: string;
                            target: {
                                type: string;
                                id: string | null;
                            };
                            /** @description the client the change concerns, when there is one */
                            client_id?: string;
                            changes: {
                                [key: string]: unknown;
                            } | null;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInitialAccessTokens: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            /** Format: date-time */
                            created_at: string;
                            expires_at: string | null;
                            uses_left: number | null;
                            revoked_at: string | null;
                            /** @description usable now: not revoked, expired or used up */
                            active: boolean;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createInitialAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expires_in?: number | null;
                    uses?: number | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** Format: date-time */
                        created_at: string;
                        expires_at: string | null;
                        uses_left: number | null;
                        revoked_at: string | null;
                        /** @description usable now: not revoked, expired or used up */
                        active: boolean;
                        /** @description the token, shown only in this answer */
                        token: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeInitialAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            kid: string;
                            alg: string;
                            state: "pending" | "active" | "retired";
                            created_at: string;
                            active_at: string;
                            retired_at: string | null;
                            expires_at: string | null;
                        }[];
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description make this the space's signing_alg (access tokens); every algorithm the space signs with gets a new key */
                    alg?: "ES256" | "RS256" | "EdDSA";
                    publish_seconds?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kid: string;
                        alg: string;
                        state: "pending" | "active" | "retired";
                        created_at: string;
                        active_at: string;
                        retired_at: string | null;
                        expires_at: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSpaceStats: {
        parameters: {
            query?: {
                /** @description how many hours back, the current one included: 1 to 720 (default 24) */
                hours?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the start of each hour of the window (UTC), oldest first */
                        hour_starts: string[];
                        /** @description access tokens issued, by grant type */
                        tokens_issued: {
                            [key: string]: number[];
                        };
                        /** @description successful password sign-ins, by where (login_page, device, password_grant) */
                        logins: {
                            [key: string]: number[];
                        };
                        /** @description refused password sign-ins, by why (invalid_credentials, locked, wrong_user_kind) */
                        login_failures: {
                            [key: string]: number[];
                        };
                        /** @description connection renewals that failed, by outcome (refresh_failed: retried later; needs_reauth: a person must connect again) */
                        renewal_failures: {
                            [key: string]: number[];
                        };
                        /** @description webhook delivery attempts without a 2xx answer, by outcome (retrying: another attempt follows; failed: given up) */
                        webhook_failures: {
                            [key: string]: number[];
                        };
                        /** @description access tokens live now, by grant type, as token management lists them (a client credentials JWT is not stored, so it is not counted) */
                        active_tokens: {
                            [key: string]: number;
                        };
                        /** @description connections of the space now, by status */
                        connections: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProviderClients: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only provider clients of this catalog provider */
                provider?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProviderClient"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createProviderClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "provider": "exact-online",
                 *       "name": "Exact Online (Netherlands)",
                 *       "client_id": "2b3c6f0e-8d51-4b5e-9a5e-0f5d7c1e2a44",
                 *       "client_secret": "Xq3v-ExampleSecret",
                 *       "access_token_expires_in": 3599999,
                 *       "refresh_token_expires_in": 7775999999,
                 *       "expires_in_unit": "ms",
                 *       "config": {
                 *         "ext": "nl"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description catalog id of the provider (GET /providers), such as exact-online, github or custom; fixed once created */
                    provider?: string;
                    /** @description display name of the provider client in Keyward */
                    name?: string;
                    /** @description the client identifier the provider issued for your app; may be left empty at first and set by PATCH once the provider has issued it */
                    client_id?: string;
                    /** @description the client secret the provider issued; write-only (stored encrypted, never answered: answers say has_client_secret); null removes it */
                    client_secret?: string | null;
                    /** @description private_key_jwt: a PEM private key to sign client assertions with; write-only. Left out, Keyward makes one and answers its public key in jwks; null removes it */
                    private_key?: string | null;
                    /** @description the provider's authorization endpoint; pre-filled from the catalog, placeholders written {name}; null clears it */
                    authorization_url?: string | null;
                    /** @description the provider's token endpoint; pre-filled from the catalog, placeholders written {name}; null clears it */
                    token_url?: string | null;
                    /** @description base URL of the provider's API, where the connection proxy forwards calls; pre-filled from the catalog; null clears it */
                    api_base_url?: string | null;
                    /** @description how Keyward authenticates at the provider's token endpoint: client_secret_basic (HTTP Basic; the default unless the catalog entry says otherwise), client_secret_post (in the body) or private_key_jwt (a signed assertion) */
                    token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                    /** @description space-separated scopes to ask the provider for (default: the catalog entry's default scopes) */
                    scope?: string;
                    /** @description Access Token Expires In: the token's lifetime in expires_in_unit, for providers whose token answer does not say it; null: as the provider says. Set it to the value of your app at the provider (Exact Online, in milliseconds: 3599999) */
                    access_token_expires_in?: number | null;
                    /** @description Refresh Token Expires In: the token's lifetime in expires_in_unit, for providers whose token answer does not say it; null: as the provider says. Set it to the value of your app at the provider (Exact Online, in milliseconds: 7775999999) */
                    refresh_token_expires_in?: number | null;
                    /** @description unit of access_token_expires_in and refresh_token_expires_in: s (seconds, the default) or ms (milliseconds, as Exact Online states them) */
                    expires_in_unit?: "s" | "ms";
                    /** @description values of the provider's placeholders shared by every connection through this client, such as { "ext": "nl" } for Exact Online; checked against the catalog */
                    config?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderClient"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProviderClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the provider client */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderClient"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteProviderClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the provider client */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Connections still use this provider client: delete them first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateProviderClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the provider client */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "provider": "exact-online",
                 *       "name": "Exact Online (Netherlands)",
                 *       "client_id": "2b3c6f0e-8d51-4b5e-9a5e-0f5d7c1e2a44",
                 *       "client_secret": "Xq3v-ExampleSecret",
                 *       "access_token_expires_in": 3599999,
                 *       "refresh_token_expires_in": 7775999999,
                 *       "expires_in_unit": "ms",
                 *       "config": {
                 *         "ext": "nl"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description catalog id of the provider (GET /providers), such as exact-online, github or custom; fixed once created */
                    provider?: string;
                    /** @description display name of the provider client in Keyward */
                    name?: string;
                    /** @description the client identifier the provider issued for your app; may be left empty at first and set by PATCH once the provider has issued it */
                    client_id?: string;
                    /** @description the client secret the provider issued; write-only (stored encrypted, never answered: answers say has_client_secret); null removes it */
                    client_secret?: string | null;
                    /** @description private_key_jwt: a PEM private key to sign client assertions with; write-only. Left out, Keyward makes one and answers its public key in jwks; null removes it */
                    private_key?: string | null;
                    /** @description the provider's authorization endpoint; pre-filled from the catalog, placeholders written {name}; null clears it */
                    authorization_url?: string | null;
                    /** @description the provider's token endpoint; pre-filled from the catalog, placeholders written {name}; null clears it */
                    token_url?: string | null;
                    /** @description base URL of the provider's API, where the connection proxy forwards calls; pre-filled from the catalog; null clears it */
                    api_base_url?: string | null;
                    /** @description how Keyward authenticates at the provider's token endpoint: client_secret_basic (HTTP Basic; the default unless the catalog entry says otherwise), client_secret_post (in the body) or private_key_jwt (a signed assertion) */
                    token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                    /** @description space-separated scopes to ask the provider for (default: the catalog entry's default scopes) */
                    scope?: string;
                    /** @description Access Token Expires In: the token's lifetime in expires_in_unit, for providers whose token answer does not say it; null: as the provider says. Set it to the value of your app at the provider (Exact Online, in milliseconds: 3599999) */
                    access_token_expires_in?: number | null;
                    /** @description Refresh Token Expires In: the token's lifetime in expires_in_unit, for providers whose token answer does not say it; null: as the provider says. Set it to the value of your app at the provider (Exact Online, in milliseconds: 7775999999) */
                    refresh_token_expires_in?: number | null;
                    /** @description unit of access_token_expires_in and refresh_token_expires_in: s (seconds, the default) or ms (milliseconds, as Exact Online states them) */
                    expires_in_unit?: "s" | "ms";
                    /** @description values of the provider's placeholders shared by every connection through this client, such as { "ext": "nl" } for Exact Online; checked against the catalog */
                    config?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderClient"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConnections: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only connections in this status, or in any of several separated by commas (pending,needs_reauth) */
                status?: string;
                /** @description only connections through this provider client */
                provider_client?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Connection"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Exact Finance",
                 *       "description": "Bookkeeping of the Dutch branch",
                 *       "kind": "oauth2_authorization_code",
                 *       "provider_client": "8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10",
                 *       "environment": "production",
                 *       "availability": "global",
                 *       "renewal_rate": "1h"
                 *     }
                 */
                "application/json": {
                    /** @description letters, digits and spaces; unique in the space, not case-sensitive */
                    name?: string;
                    /** @description free text */
                    description?: string;
                    /** @description how the connection gets its credentials: oauth2_authorization_code (a person consents once through the connect link), oauth2_client_credentials (the provider client's own token), api_key_exchange (an API key and secret traded for a token, as Redox does), api_key (a static key), basic (a static user name and password); fixed once created */
                    kind?: "oauth2_authorization_code" | "oauth2_client_credentials" | "api_key_exchange" | "api_key" | "basic";
                    /** @description id of the provider client of this space the connection goes through */
                    provider_client?: string;
                    /** @description a label such as production or sandbox */
                    environment?: string;
                    /** @description values of the provider's placeholders for this connection (over the provider client's), such as { "subdomain": "acme" } */
                    config?: {
                        [key: string]: string;
                    };
                    /** @description global: any client of the space with the connections scope may use it (the default); application: only the client named by client_id */
                    availability?: "global" | "application";
                    /** @description availability application: the client_id of the registered client that may use the connection */
                    client_id?: string | null;
                    /** @description how often the access token is renewed ahead of need: disabled, 15m (every 15 minutes), 30m (every half an hour), 1h (every hour, the default) or a whole number of seconds from 60; a token is also renewed whenever it is asked for close to its expiry */
                    renewal_rate?: "disabled" | "15m" | "30m" | "1h" | number;
                    /** @description write-only credentials of the kinds that take them: api_key_exchange { api_key, secret }, api_key { api_key }, basic { username, password }. Stored encrypted and never answered (answers say has_credentials); giving them again replaces them */
                    credentials?: {
                        /** @description api_key_exchange and api_key: the API key */
                        api_key?: string;
                        /** @description api_key_exchange: the API secret traded with the key for a token */
                        secret?: string;
                        /** @description basic: the user name */
                        username?: string;
                        /** @description basic: the password */
                        password?: string;
                    };
                    /** @description true stops renewal and use (status disabled); false resumes */
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the connection */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the connection */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the connection */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Exact Finance",
                 *       "description": "Bookkeeping of the Dutch branch",
                 *       "kind": "oauth2_authorization_code",
                 *       "provider_client": "8f14e45f-ceea-467f-a8e3-3f5b2c9d7e10",
                 *       "environment": "production",
                 *       "availability": "global",
                 *       "renewal_rate": "1h"
                 *     }
                 */
                "application/json": {
                    /** @description letters, digits and spaces; unique in the space, not case-sensitive */
                    name?: string;
                    /** @description free text */
                    description?: string;
                    /** @description how the connection gets its credentials: oauth2_authorization_code (a person consents once through the connect link), oauth2_client_credentials (the provider client's own token), api_key_exchange (an API key and secret traded for a token, as Redox does), api_key (a static key), basic (a static user name and password); fixed once created */
                    kind?: "oauth2_authorization_code" | "oauth2_client_credentials" | "api_key_exchange" | "api_key" | "basic";
                    /** @description id of the provider client of this space the connection goes through */
                    provider_client?: string;
                    /** @description a label such as production or sandbox */
                    environment?: string;
                    /** @description values of the provider's placeholders for this connection (over the provider client's), such as { "subdomain": "acme" } */
                    config?: {
                        [key: string]: string;
                    };
                    /** @description global: any client of the space with the connections scope may use it (the default); application: only the client named by client_id */
                    availability?: "global" | "application";
                    /** @description availability application: the client_id of the registered client that may use the connection */
                    client_id?: string | null;
                    /** @description how often the access token is renewed ahead of need: disabled, 15m (every 15 minutes), 30m (every half an hour), 1h (every hour, the default) or a whole number of seconds from 60; a token is also renewed whenever it is asked for close to its expiry */
                    renewal_rate?: "disabled" | "15m" | "30m" | "1h" | number;
                    /** @description write-only credentials of the kinds that take them: api_key_exchange { api_key, secret }, api_key { api_key }, basic { username, password }. Stored encrypted and never answered (answers say has_credentials); giving them again replaces them */
                    credentials?: {
                        /** @description api_key_exchange and api_key: the API key */
                        api_key?: string;
                        /** @description api_key_exchange: the API secret traded with the key for a token */
                        secret?: string;
                        /** @description basic: the user name */
                        username?: string;
                        /** @description basic: the password */
                        password?: string;
                    };
                    /** @description true stops renewal and use (status disabled); false resumes */
                    disabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Another connection of the space has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createConnectLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the connection */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "connect_url": "https://auth.example.com/spaces/default/connections/connect/3oVh1c2Lr0S6eQm8yQ9kZpWbXn4uT7aJdF5gHsK1LmE",
                     *       "expires_at": "2026-03-09T18:40:12.000Z"
                     *     }
                     */
                    "application/json": {
                        /** @description one-time link that runs the provider's consent and stores the tokens; open it in a browser */
                        connect_url: string;
                        /**
                         * Format: date-time
                         * @description when the link stops working
                         */
                        expires_at: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The connection is disabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refreshConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the connection */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConnectionToken: {
        parameters: {
            query?: {
                /** @description true: renew first, even if the token is still valid (unless the provider forbids a refresh this early: then the current, valid token is answered and the provider is sent nothing) */
                force_refresh?: "true" | "false";
            };
            header?: never;
            path: {
                space: string;
                /** @description id of the connection */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "gAAAAABl-example-access-token",
                     *       "token_type": "Bearer",
                     *       "expires_at": "2026-03-09T18:40:11.999Z",
                     *       "metadata": {}
                     *     }
                     */
                    "application/json": {
                        /** @description the access token (api_key: the key; basic: base64 of username:password) — a secret */
                        access_token: string;
                        /** @description Bearer (or what the provider says), api_key or Basic: how to send it */
                        token_type: string;
                        /** @description when it expires; null when it does not */
                        expires_at: string | null;
                        /** @description extra facts calls need (such as instance_url) */
                        metadata: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid token now: the connection is disabled, needs to be connected again, was never connected, or its renewal failed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listProviders: {
        parameters: {
            query?: {
                /** @description only providers whose id or name contains this text (any case) */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Provider"][];
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description catalog id, such as exact-online or github */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Provider"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMasterKeyStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "current_key_id": "9f86d081",
                     *       "previous_key_ids": [
                     *         "2c26b46b"
                     *       ],
                     *       "remaining": 3400
                     *     }
                     */
                    "application/json": {
                        /** @description first 8 hex digits of the SHA-256 of the key (the key itself is never shown) */
                        current_key_id: string;
                        /** @description KEYWARD_MASTER_KEYS_PREVIOUS: keys that still open values, never seal */
                        previous_key_ids: string[];
                        /** @description sealed values not yet under the current key */
                        remaining: number;
                    };
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resealUnderCurrentMasterKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "batch_size": 200
                 *     }
                 */
                "application/json": {
                    /**
                     * @description values re-sealed by this call at most
                     * @default 200
                     */
                    batch_size?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "resealed": 200,
                     *       "skipped": 0,
                     *       "remaining": 3200
                     *     }
                     */
                    "application/json": {
                        resealed: number;
                        /** @description values changed by another writer between reading and writing: left as written, picked again if still under an older key */
                        skipped: number;
                        /** @description call again until 0 */
                        remaining: number;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A sealed value names a master key that is not configured, or does not open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "type": "client.created"
                     *         },
                     *         {
                     *           "type": "connection.needs_reauth"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description every event type Keyward emits, grouped by resource */
                        items: {
                            /** @description an event type, {resource}.{past tense} (client.deactivated, connection.needs_reauth) */
                            type: string;
                        }[];
                    };
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/keyward",
                 *       "events": [
                 *         "*"
                 *       ],
                 *       "description": "Everything"
                 *     }
                 */
                "application/json": {
                    /** @description where messages are POSTed: an http(s) URL at a public address */
                    url?: string;
                    /** @description event types to receive ({resource}.{past tense}, such as client.deactivated), or ["*"] for all, including types added later */
                    events?: string[];
                    /** @description what the subscription is for (shown to admins) */
                    description?: string;
                    /** @description false pauses deliveries; they wait and go out when it is true again (default true) */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description id of the subscription */
                        id: string;
                        /** @description where messages are POSTed */
                        url: string;
                        /** @description the event types it receives, or ["*"] for all */
                        events: string[];
                        /** @description what the subscription is for */
                        description: string;
                        /** @description false: deliveries wait (paused by an admin, or switched off by Keyward, see disabled_reason) */
                        active: boolean;
                        /** @description why Keyward switched the subscription off (its deliveries failed for days); null otherwise */
                        disabled_reason: string | null;
                        /** @description after a rotation: until when the previous secret still signs (both signatures are sent) */
                        previous_secret_expires_at: string | null;
                        /**
                         * Format: date-time
                         * @description when it was made
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description when it last changed
                         */
                        updated_at: string;
                        /** @description the signing secret (whsec_…), shown only in this answer: verify messages with any Standard Webhooks library */
                        secret: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/keyward",
                 *       "events": [
                 *         "*"
                 *       ],
                 *       "description": "Everything"
                 *     }
                 */
                "application/json": {
                    /** @description where messages are POSTed: an http(s) URL at a public address */
                    url?: string;
                    /** @description event types to receive ({resource}.{past tense}, such as client.deactivated), or ["*"] for all, including types added later */
                    events?: string[];
                    /** @description what the subscription is for (shown to admins) */
                    description?: string;
                    /** @description false pauses deliveries; they wait and go out when it is true again (default true) */
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description seconds the previous secret goes on signing beside the new one (default 86400; 0 stops it at once) */
                    grace_period?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description id of the subscription */
                        id: string;
                        /** @description the new signing secret, shown only in this answer */
                        secret: string;
                        /** @description until when the previous secret still signs */
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description page size, 1 to 200 (default 50) */
                limit?: string;
                /** @description next_cursor of the previous page */
                cursor?: string;
                /** @description only deliveries with this status */
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
                /** @description id of the delivery */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                space: string;
                /** @description id of the webhook subscription */
                id: string;
                /** @description id of the delivery */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "not_found",
                     *       "message": "client \"zqn7fvAaWJRCl7WMB6YHcQ\" not found"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The delivery is being sent right now; look at it again in a moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "conflict",
                     *       "message": "a client named \"gallery\" already exists in this space (names are not case-sensitive)",
                     *       "field": "name"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "a long admin passphrase"
                 *     }
                 */
                "application/json": {
                    email: string;
                    password: string;
                    /** @description to tell the token apart in listings (default "sign-in") */
                    token_name?: string;
                    /** @description seconds (default 604800, 7 days; at most 90 days) */
                    expires_in?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "b013cd80-a7c0-435a-9c5e-c142171be300",
                     *       "name": "sign-in",
                     *       "hint": "kw_24kQ",
                     *       "created_at": "2026-03-02T09:15:00.000Z",
                     *       "expires_at": "2026-03-09T09:15:00.000Z",
                     *       "last_used_at": null,
                     *       "revoked_at": null,
                     *       "token": "kw_24kQstVMEDGAHyhfUrTSblenOEdo7Qus3y3bsqAQzTQ",
                     *       "admin_id": "5b0e9a4c-8f0e-4a7e-9d1b-3c2a1f6e7d80",
                     *       "email": "ada@example.com"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        name: string;
                        /** @description first characters, to tell tokens apart */
                        hint: string;
                        /** Format: date-time */
                        created_at: string;
                        expires_at: string | null;
                        last_used_at: string | null;
                        revoked_at: string | null;
                        /** @description shown only in this answer */
                        token: string;
                        admin_id: string;
                        email: string;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong e-mail or password (or a disabled admin) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-in attempts; try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "too many failed sign-in attempts; try again in 840 seconds"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        admin_id: string;
                        email: string;
                        roles: {
                            /** @description a space slug, or * for every space */
                            space: string;
                            role: "viewer" | "client-manager" | "admin" | "owner";
                        }[];
                        /** @description roles from weakest to strongest */
                        role_order: ("viewer" | "client-manager" | "admin" | "owner")[];
                        /** @description each permission and the weakest role that has it */
                        permissions: {
                            [key: string]: "viewer" | "client-manager" | "admin" | "owner";
                        };
                        /** @description send it as the x-csrf-token header on every request that changes something */
                        csrf_token: string;
                        expires_at: string | null;
                    };
                };
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signInToConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        admin_id: string;
                        email: string;
                        roles: {
                            /** @description a space slug, or * for every space */
                            space: string;
                            role: "viewer" | "client-manager" | "admin" | "owner";
                        }[];
                        /** @description roles from weakest to strongest */
                        role_order: ("viewer" | "client-manager" | "admin" | "owner")[];
                        /** @description each permission and the weakest role that has it */
                        permissions: {
                            [key: string]: "viewer" | "client-manager" | "admin" | "owner";
                        };
                        /** @description send it as the x-csrf-token header on every request that changes something */
                        csrf_token: string;
                        expires_at: string | null;
                    };
                };
            };
            /** @description Bad input; `field` names the field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "redirect_uris[0] must be an https URL (http only on a loopback address)",
                     *       "field": "redirect_uris[0]"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Wrong e-mail or password (or a disabled admin) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is over 256 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The request body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_request",
                     *       "message": "content-type \"text/xml\" is not accepted here; send application/json"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many failed sign-in attempts; try again later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "too_many_requests",
                     *       "message": "too many failed sign-in attempts; try again in 840 seconds"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOutOfConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No admin API token, or one that is unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unauthorized",
                     *       "message": "the admin API token is unknown, revoked or expired"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The role of the token's admin does not allow this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "forbidden",
                     *       "message": "this action needs the client-manager role in space \"default\""
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The store is unreachable right now; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "temporarily_unavailable",
                     *       "message": "the store is unavailable right now; retry shortly"
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
