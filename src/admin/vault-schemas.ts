// Route schemas of the connection vault: provider clients, connections, their tokens and connect links. Response
// schemas shape the output, and none of them has a secret field (client_secret, private_key, credentials): the
// serializer drops whatever a schema does not name, so a secret cannot reach an answer even by mistake.
import { Type, type TSchema } from 'typebox';
import { CONNECT_LINK_EXAMPLE, CONNECTION_EXAMPLE, CONNECTION_INPUT_EXAMPLE, CONNECTION_TOKEN_EXAMPLE } from './examples.js';
import { PROVIDER_CLIENT_EXAMPLE, PROVIDER_CLIENT_INPUT_EXAMPLE } from './examples.js';
import { PageQuery } from './schemas.js';

const Nullable = <T extends TSchema>(t: T, description?: string) => Type.Union([t, Type.Null()], description ? { description } : {});
const DateTime = (description: string) => Type.String({ format: 'date-time', description });
const Uuid = (description: string) =>
  Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', maxLength: 36, description });

const AUTH_METHOD = Type.Union([Type.Literal('client_secret_basic'), Type.Literal('client_secret_post'), Type.Literal('private_key_jwt')], {
  description:
    "how Keyward authenticates at the provider's token endpoint: client_secret_basic (HTTP Basic; the default unless the catalog entry says otherwise), client_secret_post (in the body) or private_key_jwt (a signed assertion)",
});
const UNIT = Type.Union([Type.Literal('s'), Type.Literal('ms')], {
  description: 'unit of access_token_expires_in and refresh_token_expires_in: s (seconds, the default) or ms (milliseconds, as Exact Online states them)',
});
const KIND = Type.Union(
  [
    Type.Literal('oauth2_authorization_code'),
    Type.Literal('oauth2_client_credentials'),
    Type.Literal('api_key_exchange'),
    Type.Literal('api_key'),
    Type.Literal('basic'),
  ],
  {
    description:
      "how the connection gets its credentials: oauth2_authorization_code (a person consents once through the connect link), oauth2_client_credentials (the provider client's own token), api_key_exchange (an API key and secret traded for a token, as Redox does), api_key (a static key), basic (a static user name and password); fixed once created",
  },
);
const STATUS = Type.Union([Type.Literal('pending'), Type.Literal('connected'), Type.Literal('needs_reauth'), Type.Literal('error'), Type.Literal('disabled')], {
  description:
    'pending: no token yet (open the connect link, or the first fetch is under way); connected: a valid token is kept and renewed; needs_reauth: the provider refused the refresh token, a person must connect again; error: the last renewal failed and is retried; disabled: not renewed nor used',
});
const AVAILABILITY = Type.Union([Type.Literal('global'), Type.Literal('application')], {
  description: 'global: any client of the space with the connections scope may use it (the default); application: only the client named by client_id',
});
const RENEWAL_RATE = Type.Union(
  [Type.Literal('disabled'), Type.Literal('15m'), Type.Literal('30m'), Type.Literal('1h'), Type.Integer({ minimum: 60, maximum: 31536000 })],
  {
    description:
      'how often the access token is renewed ahead of need: disabled, 15m (every 15 minutes), 30m (every half an hour), 1h (every hour, the default) or a whole number of seconds from 60; a token is also renewed whenever it is asked for close to its expiry',
  },
);
const CONFIG = (description: string) =>
  Type.Record(Type.String({ maxLength: 100, pattern: '^[A-Za-z0-9_]+$' }), Type.String({ maxLength: 2000 }), {
    maxProperties: 50,
    description,
  });
/** A lifetime or null, described on the union (what generators and the reference page show). */
const LIFETIME = (what: string, example: number) =>
  Nullable(
    Type.Integer({ minimum: 1 }),
    `${what}: the token's lifetime in expires_in_unit, for providers whose token answer does not say it; null: as the provider says. Set it to the value of your app at the provider (Exact Online, in milliseconds: ${example})`,
  );

export const ProviderClientInput = Type.Object(
  {
    provider: Type.Optional(
      Type.String({ maxLength: 100, description: 'catalog id of the provider (GET /providers), such as exact-online, github or custom; fixed once created' }),
    ),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'display name of the provider client in Keyward' })),
    client_id: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'the client identifier the provider issued for your app; may be left empty at first and set by PATCH once the provider has issued it',
      }),
    ),
    client_secret: Type.Optional(
      Nullable(
        Type.String({ maxLength: 4000 }),
        'the client secret the provider issued; write-only (stored encrypted, never answered: answers say has_client_secret); null removes it',
      ),
    ),
    private_key: Type.Optional(
      Nullable(
        Type.String({ maxLength: 20000 }),
        'private_key_jwt: a PEM private key to sign client assertions with; write-only. Left out, Keyward makes one and answers its public key in jwks; null removes it',
      ),
    ),
    authorization_url: Type.Optional(
      Nullable(
        Type.String({ maxLength: 2000 }),
        "the provider's authorization endpoint; pre-filled from the catalog, placeholders written {name}; null clears it",
      ),
    ),
    token_url: Type.Optional(
      Nullable(Type.String({ maxLength: 2000 }), "the provider's token endpoint; pre-filled from the catalog, placeholders written {name}; null clears it"),
    ),
    api_base_url: Type.Optional(
      Nullable(
        Type.String({ maxLength: 2000 }),
        "base URL of the provider's API, where the connection proxy forwards calls; pre-filled from the catalog; null clears it",
      ),
    ),
    token_endpoint_auth_method: Type.Optional(AUTH_METHOD),
    scope: Type.Optional(
      Type.String({ maxLength: 2000, description: "space-separated scopes to ask the provider for (default: the catalog entry's default scopes)" }),
    ),
    access_token_expires_in: Type.Optional(LIFETIME('Access Token Expires In', 3599999)),
    refresh_token_expires_in: Type.Optional(LIFETIME('Refresh Token Expires In', 7775999999)),
    expires_in_unit: Type.Optional(UNIT),
    config: Type.Optional(
      CONFIG(
        'values of the provider\'s placeholders shared by every connection through this client, such as { "ext": "nl" } for Exact Online; checked against the catalog',
      ),
    ),
  },
  { additionalProperties: false, examples: [PROVIDER_CLIENT_INPUT_EXAMPLE] },
);

export const ProviderClient = Type.Object(
  {
    id: Type.String({ description: 'id of the provider client (a UUID)' }),
    provider: Type.String({ description: 'catalog id of the provider' }),
    name: Type.String({ description: 'display name' }),
    client_id: Type.String({ description: 'the client identifier the provider issued ("" until it is set)' }),
    has_client_secret: Type.Boolean({ description: 'whether a client secret is stored (the secret itself is never answered)' }),
    has_private_key: Type.Boolean({ description: 'whether a private key for private_key_jwt is stored (never answered)' }),
    jwks: Nullable(
      Type.Object({ keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
      'private_key_jwt: the public key to register at the provider, as a JWK Set; null otherwise',
    ),
    authorization_url: Nullable(Type.String(), 'authorization endpoint, placeholders written {name}'),
    token_url: Nullable(Type.String(), 'token endpoint, placeholders written {name}'),
    api_base_url: Nullable(Type.String(), "base URL of the provider's API (what the proxy forwards to)"),
    token_endpoint_auth_method: Type.String({ description: 'client_secret_basic, client_secret_post or private_key_jwt' }),
    scope: Type.String({ description: 'space-separated scopes asked for' }),
    access_token_expires_in: Nullable(Type.Integer(), 'Access Token Expires In, in expires_in_unit; null: as the provider says'),
    refresh_token_expires_in: Nullable(Type.Integer(), 'Refresh Token Expires In, in expires_in_unit; null: as the provider says'),
    expires_in_unit: Type.Union([Type.Literal('s'), Type.Literal('ms')], { description: 's (seconds) or ms (milliseconds)' }),
    config: Type.Record(Type.String(), Type.String(), { description: 'placeholder values shared by its connections' }),
    redirect_uri: Type.String({
      description: 'the redirect URI to register in the app at the provider: {issuer}/connections/callback (one per space, the same for every provider)',
    }),
    created_at: DateTime('when it was created'),
    updated_at: DateTime('when it last changed'),
  },
  { $id: 'ProviderClient', examples: [PROVIDER_CLIENT_EXAMPLE] },
);

export const ProviderClientParams = Type.Object({
  space: Type.String({ maxLength: 100 }),
  id: Type.String({ maxLength: 200, description: 'id of the provider client' }),
});

export const ProviderClientListQuery = Type.Object(
  { ...PageQuery.properties, provider: Type.Optional(Type.String({ maxLength: 100, description: 'only provider clients of this catalog provider' })) },
  { additionalProperties: false },
);

const Credentials = Type.Object(
  {
    api_key: Type.Optional(Type.String({ maxLength: 8000, description: 'api_key_exchange and api_key: the API key' })),
    secret: Type.Optional(Type.String({ maxLength: 8000, description: 'api_key_exchange: the API secret traded with the key for a token' })),
    username: Type.Optional(Type.String({ maxLength: 8000, description: 'basic: the user name' })),
    password: Type.Optional(Type.String({ maxLength: 8000, description: 'basic: the password' })),
  },
  {
    additionalProperties: false,
    description:
      'write-only credentials of the kinds that take them: api_key_exchange { api_key, secret }, api_key { api_key }, basic { username, password }. Stored encrypted and never answered (answers say has_credentials); giving them again replaces them',
  },
);

export const ConnectionInput = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100, description: 'letters, digits and spaces; unique in the space, not case-sensitive' })),
    description: Type.Optional(Type.String({ maxLength: 4000, description: 'free text' })),
    kind: Type.Optional(KIND),
    provider_client: Type.Optional(Uuid('id of the provider client of this space the connection goes through')),
    environment: Type.Optional(Type.String({ maxLength: 100, description: 'a label such as production or sandbox' })),
    config: Type.Optional(CONFIG('values of the provider\'s placeholders for this connection (over the provider client\'s), such as { "subdomain": "acme" }')),
    availability: Type.Optional(AVAILABILITY),
    client_id: Type.Optional(
      Nullable(Type.String({ maxLength: 200 }), 'availability application: the client_id of the registered client that may use the connection'),
    ),
    renewal_rate: Type.Optional(RENEWAL_RATE),
    credentials: Type.Optional(Credentials),
    disabled: Type.Optional(Type.Boolean({ description: 'true stops renewal and use (status disabled); false resumes' })),
  },
  { additionalProperties: false, examples: [CONNECTION_INPUT_EXAMPLE] },
);

export const Connection = Type.Object(
  {
    id: Type.String({ description: 'id of the connection (a UUID)' }),
    name: Type.String({ description: 'unique in the space' }),
    description: Type.String({ description: 'free text' }),
    kind: Type.String({ description: 'oauth2_authorization_code, oauth2_client_credentials, api_key_exchange, api_key or basic' }),
    provider_client: Type.String({ description: 'id of its provider client' }),
    provider: Type.String({ description: "catalog id of its provider client's provider" }),
    environment: Type.String({ description: 'label such as production or sandbox ("" when none)' }),
    config: Type.Record(Type.String(), Type.String(), { description: 'placeholder values of this connection' }),
    availability: Type.String({ description: 'global or application' }),
    client_id: Nullable(Type.String(), 'availability application: the client that may use it; null when global'),
    renewal_rate: Type.Union([Type.String(), Type.Integer()], { description: 'disabled, 15m, 30m, 1h or whole seconds' }),
    status: STATUS,
    expires_at: Nullable(DateTime('expiry'), 'when the access token expires; null when there is none or it never expires'),
    expiry_known: Type.Boolean({ description: 'false when the provider gave no lifetime and an assumed one is used' }),
    last_refresh_at: Nullable(DateTime('time'), 'when a token was last fetched or renewed'),
    next_refresh_at: Nullable(DateTime('time'), 'when the next scheduled renewal is due; null when none is scheduled'),
    refresh_count: Type.Integer({ description: 'renewals so far' }),
    last_error: Nullable(Type.String(), 'why the last renewal or consent failed (as the provider said it); null after a success'),
    last_error_at: Nullable(DateTime('time'), 'when the last failure happened'),
    refresh_token_expires_at: Nullable(DateTime('time'), 'when the refresh token expires, when known: connect again before then'),
    has_credentials: Type.Boolean({ description: 'whether credentials are stored (they are never answered)' }),
    warning: Nullable(Type.String(), 'something a person should act on soon, such as a refresh token about to expire'),
    metadata: Type.Record(Type.String(), Type.Unknown(), {
      description: "extra facts from the provider's answers that calls need (Salesforce instance_url, QuickBooks realmId)",
    }),
    connected_at: Nullable(DateTime('time'), 'when the connection was last made (consent or first token)'),
    created_at: DateTime('when it was created'),
    updated_at: DateTime('when its settings last changed'),
  },
  { $id: 'Connection', examples: [CONNECTION_EXAMPLE] },
);

export const ConnectionParams = Type.Object({
  space: Type.String({ maxLength: 100 }),
  id: Type.String({ maxLength: 200, description: 'id of the connection' }),
});

export const ConnectionListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(
      Type.String({
        maxLength: 200,
        pattern: '^[a-z_]+(,[a-z_]+)*$',
        description: 'only connections in this status, or in any of several separated by commas (pending,needs_reauth)',
      }),
    ),
    provider_client: Type.Optional(Uuid('only connections through this provider client')),
  },
  { additionalProperties: false },
);

export const TokenQuery = Type.Object(
  {
    force_refresh: Type.Optional(
      Type.Union([Type.Literal('true'), Type.Literal('false')], {
        description:
          'true: renew first, even if the token is still valid (unless the provider forbids a refresh this early: then the current, valid token is answered and the provider is sent nothing)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ConnectionToken = Type.Object(
  {
    access_token: Type.String({ description: 'the access token (api_key: the key; basic: base64 of username:password) — a secret' }),
    token_type: Type.String({ description: 'Bearer (or what the provider says), api_key or Basic: how to send it' }),
    expires_at: Nullable(DateTime('expiry'), 'when it expires; null when it does not'),
    metadata: Type.Record(Type.String(), Type.Unknown(), { description: 'extra facts calls need (such as instance_url)' }),
  },
  { examples: [CONNECTION_TOKEN_EXAMPLE] },
);

export const ConnectLink = Type.Object(
  {
    connect_url: Type.String({ description: "one-time link that runs the provider's consent and stores the tokens; open it in a browser" }),
    expires_at: DateTime('when the link stops working'),
  },
  { examples: [CONNECT_LINK_EXAMPLE] },
);

/** The body of the actions that take none (connect, refresh): nothing, or an empty object. */
export const NoInput = Type.Object({}, { additionalProperties: false });
