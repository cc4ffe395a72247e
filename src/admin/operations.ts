// What the OpenAPI document says about each operation beyond its route schema: a stable operationId (what client
// generators name their methods after) and, for every response, a description by status. One table, so a new
// route without an id fails test/integration/openapi.test.ts rather than shipping a generated name.

/** "method /path" (path with {params}, below the admin API prefix) → operationId. */
export const OPERATION_IDS: Record<string, string> = {
  'post /sign-in': 'signIn',
  'get /spaces': 'listSpaces',
  'post /spaces': 'createSpace',
  'get /spaces/{space}': 'getSpace',
  'patch /spaces/{space}': 'updateSpace',
  'delete /spaces/{space}': 'deleteSpace',
  'get /spaces/{space}/scopes': 'listScopes',
  'post /spaces/{space}/scopes': 'createScope',
  'get /spaces/{space}/scopes/{name}': 'getScope',
  'patch /spaces/{space}/scopes/{name}': 'updateScope',
  'delete /spaces/{space}/scopes/{name}': 'deleteScope',
  'get /spaces/{space}/clients': 'listClients',
  'post /spaces/{space}/clients': 'createClient',
  'get /spaces/{space}/clients/{client_id}': 'getClient',
  'patch /spaces/{space}/clients/{client_id}': 'updateClient',
  'delete /spaces/{space}/clients/{client_id}': 'deleteClient',
  'post /spaces/{space}/clients/{client_id}/rotate-secret': 'rotateClientSecret',
  'post /spaces/{space}/clients/{client_id}/webhook-secret': 'createClientWebhookSecret',
  'get /spaces/{space}/clients/{client_id}/scopes': 'listClientScopes',
  'post /spaces/{space}/clients/{client_id}/scopes': 'associateClientScopes',
  'delete /spaces/{space}/clients/{client_id}/scopes/{name}': 'disassociateClientScope',
  'get /spaces/{space}/users': 'listUsers',
  'post /spaces/{space}/users': 'createUser',
  'get /spaces/{space}/users/{user_id}': 'getUser',
  'patch /spaces/{space}/users/{user_id}': 'updateUser',
  'delete /spaces/{space}/users/{user_id}': 'deleteUser',
  'get /spaces/{space}/tokens': 'listTokens',
  'delete /spaces/{space}/tokens/{id}': 'revokeToken',
  'post /spaces/{space}/tokens/revoke': 'revokeTokensOf',
  'get /spaces/{space}/consents': 'listConsents',
  'delete /spaces/{space}/consents/{id}': 'revokeConsent',
  'get /spaces/{space}/initial-access-tokens': 'listInitialAccessTokens',
  'post /spaces/{space}/initial-access-tokens': 'createInitialAccessToken',
  'delete /spaces/{space}/initial-access-tokens/{id}': 'revokeInitialAccessToken',
  'get /spaces/{space}/keys': 'listKeys',
  'post /spaces/{space}/keys/rotate': 'rotateKeys',
  'get /admins': 'listAdmins',
  'post /admins': 'createAdmin',
  'get /admins/{admin_id}': 'getAdmin',
  'patch /admins/{admin_id}': 'updateAdmin',
  'delete /admins/{admin_id}': 'deleteAdmin',
  'put /admins/{admin_id}/roles/{space}': 'grantAdminRole',
  'delete /admins/{admin_id}/roles/{space}': 'revokeAdminRole',
  'get /admins/{admin_id}/tokens': 'listAdminTokens',
  'post /admins/{admin_id}/tokens': 'createAdminToken',
  'delete /admins/{admin_id}/tokens/{token_id}': 'revokeAdminToken',
  'get /audit-log': 'listAuditLog',
};

/** What each status means, wherever it is answered (the error body says the particulars). */
export const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  200: 'Success',
  201: 'Created',
  204: 'Done; no content',
  400: 'Bad input; `field` names the field at fault',
  401: 'No admin API token, or one that is unknown, revoked or expired (sign-in: wrong e-mail or password)',
  403: "The role of the token's admin does not allow this here",
  404: 'No such resource (or route)',
  409: 'Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again',
  412: 'If-Match names a version that is no longer current; nothing was changed',
  429: 'Too many failed sign-in attempts; try again later',
  503: 'The store is unreachable right now; retry after Retry-After seconds',
};

/** The key of OPERATION_IDS for a Fastify route: its method and its path below `prefix`, `:param` as `{param}`. */
export function operationKey(method: string, url: string, prefix: string): string {
  return `${method.toLowerCase()} ${url.slice(prefix.length).replace(/:([A-Za-z_]+)/g, '{$1}')}`;
}

/** The route schema as the document shows it: its operationId and a description on every response. */
export function documented<S extends { response?: Record<string, unknown> }>(schema: S, key: string): S & { operationId?: string } {
  const response = schema.response
    ? Object.fromEntries(
        Object.entries(schema.response).map(([status, body]) => [
          status,
          { ...(body as object), description: (body as { description?: string }).description ?? RESPONSE_DESCRIPTIONS[status] ?? `HTTP ${status}` },
        ]),
      )
    : undefined;
  return { ...schema, ...(response ? { response } : {}), ...(OPERATION_IDS[key] ? { operationId: OPERATION_IDS[key] } : {}) };
}
