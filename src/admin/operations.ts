// What the OpenAPI document says about each operation beyond its route schema: a stable operationId (what client
// generators name their methods after), the errors it can answer and, for every response, a description by status.
// One table of ids, so a new route without an id fails test/integration/openapi.test.ts rather than shipping a
// generated name; the errors follow from the route's own facts, with one table for the exceptions.
import { Type } from 'typebox';
import { ERROR_EXAMPLES } from './examples.js';

/** "method /path" (path with {params}, below the admin API prefix) → operationId. */
export const OPERATION_IDS: Record<string, string> = {
  'post /sign-in': 'signIn',
  'post /console/session': 'signInToConsole',
  'get /console/session': 'getConsoleSession',
  'delete /console/session': 'signOutOfConsole',
  'get /spaces': 'listSpaces',
  'post /spaces': 'createSpace',
  'get /spaces/{space}': 'getSpace',
  'patch /spaces/{space}': 'updateSpace',
  'delete /spaces/{space}': 'deleteSpace',
  'get /spaces/{space}/scopes': 'listScopes',
  'post /spaces/{space}/scopes': 'createScope',
  'get /spaces/{space}/scopes/{name}': 'getScope',
  'get /spaces/{space}/scopes/{name}/usage': 'getScopeUsage',
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
  'get /spaces/{space}/tokens/count': 'countTokens',
  'delete /spaces/{space}/tokens/{id}': 'revokeToken',
  'post /spaces/{space}/tokens/revoke': 'revokeTokensOf',
  'get /spaces/{space}/consents': 'listConsents',
  'delete /spaces/{space}/consents/{id}': 'revokeConsent',
  'get /spaces/{space}/initial-access-tokens': 'listInitialAccessTokens',
  'post /spaces/{space}/initial-access-tokens': 'createInitialAccessToken',
  'delete /spaces/{space}/initial-access-tokens/{id}': 'revokeInitialAccessToken',
  'get /spaces/{space}/keys': 'listKeys',
  'get /spaces/{space}/stats': 'getSpaceStats',
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
  'get /spaces/{space}/provider-clients': 'listProviderClients',
  'post /spaces/{space}/provider-clients': 'createProviderClient',
  'get /spaces/{space}/provider-clients/{id}': 'getProviderClient',
  'patch /spaces/{space}/provider-clients/{id}': 'updateProviderClient',
  'delete /spaces/{space}/provider-clients/{id}': 'deleteProviderClient',
  'get /spaces/{space}/connections': 'listConnections',
  'post /spaces/{space}/connections': 'createConnection',
  'get /spaces/{space}/connections/{id}': 'getConnection',
  'patch /spaces/{space}/connections/{id}': 'updateConnection',
  'delete /spaces/{space}/connections/{id}': 'deleteConnection',
  'post /spaces/{space}/connections/{id}/connect': 'createConnectLink',
  'post /spaces/{space}/connections/{id}/refresh': 'refreshConnection',
  'get /spaces/{space}/connections/{id}/token': 'getConnectionToken',
  'get /event-types': 'listEventTypes',
  'get /spaces/{space}/webhooks': 'listWebhooks',
  'post /spaces/{space}/webhooks': 'createWebhook',
  'get /spaces/{space}/webhooks/{id}': 'getWebhook',
  'patch /spaces/{space}/webhooks/{id}': 'updateWebhook',
  'delete /spaces/{space}/webhooks/{id}': 'deleteWebhook',
  'post /spaces/{space}/webhooks/{id}/rotate-secret': 'rotateWebhookSecret',
  'get /spaces/{space}/webhooks/{id}/deliveries': 'listWebhookDeliveries',
  'get /spaces/{space}/webhooks/{id}/deliveries/{delivery_id}': 'getWebhookDelivery',
  'post /spaces/{space}/webhooks/{id}/deliveries/{delivery_id}/retry': 'retryWebhookDelivery',
  'get /providers': 'listProviders',
  'get /providers/{provider}': 'getProvider',
  'get /vault/master-key': 'getMasterKeyStatus',
  'post /vault/rotate-key': 'resealUnderCurrentMasterKey',
};

/** The tags of the document, in the order a reader meets them, each with what it groups. */
export const TAGS = [
  { name: 'spaces', description: 'Spaces: each is an OAuth issuer of its own, with its settings' },
  { name: 'clients', description: 'OAuth clients of a space, their secrets and their scopes' },
  { name: 'scopes', description: 'Scopes a space offers to its clients' },
  { name: 'users', description: 'Users who sign in at a space (personal) or use the password grant (service)' },
  { name: 'tokens', description: 'Grants, access tokens and consents of a space: list and revoke' },
  { name: 'registration', description: 'Initial access tokens for dynamic client registration' },
  { name: 'keys', description: 'Signing keys of a space: list and rotate' },
  { name: 'admins', description: 'Admin accounts, their roles and API tokens, and sign-in' },
  { name: 'audit', description: 'The audit log of admin changes' },
  { name: 'webhooks', description: 'Webhook subscriptions of a space: signed messages (Standard Webhooks) about its events, with a delivery log' },
  { name: 'providers', description: "The connection vault's provider catalog: external services and how to reach them" },
  {
    name: 'vault',
    description:
      'The connection vault: provider clients (your apps at other services), connections with their tokens and consent links, and the master keys that seal stored secrets',
  },
];

/** What each status means, wherever it is answered (the error body says the particulars). */
export const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  200: 'Success',
  201: 'Created',
  204: 'Done; no content',
  400: 'Bad input; `field` names the field at fault',
  401: 'No admin API token, or one that is unknown, revoked or expired',
  403: "The role of the token's admin does not allow this here",
  404: 'No such resource',
  409: 'Conflicts with the current state (a duplicate, a rule), or collided with a concurrent change: send it again',
  412: "If-Match names none of the resource's current ETag: it changed since; nothing was changed",
  413: 'The request body is over 256 KiB',
  415: 'The request body is not application/json',
  503: 'The store is unreachable right now; retry after Retry-After seconds',
};

/**
 * Operations whose errors differ from what their route facts give (see errorStatuses), by operationId: statuses
 * they add (with what the status means there) and statuses they cannot answer.
 */
export const ERROR_EXCEPTIONS: Record<string, { add?: Record<number, string>; omit?: number[] }> = {
  // Public, so no token to refuse and no role to check; but the password can be wrong, and failures are counted.
  signIn: {
    add: { 401: 'Wrong e-mail or password (or a disabled admin)', 429: 'Too many failed sign-in attempts; try again later' },
    omit: [409],
  },
  signInToConsole: {
    add: { 401: 'Wrong e-mail or password (or a disabled admin)', 429: 'Too many failed sign-in attempts; try again later' },
    omit: [409],
  },
  // Any signed-in admin reads and ends their own session; 401 when the cookie's session has ended.
  getConsoleSession: { omit: [403, 404] },
  signOutOfConsole: { omit: [404, 409] },
  // Lists the spaces the caller may see, none if none: never forbidden.
  listSpaces: { omit: [403] },
  // Only for yourself (403 for anybody else), who exist; a token's name need not be unique.
  createAdminToken: { omit: [404, 409] },
  // Creates with nothing unique to collide on (keys: one rotation at a time per space, under a lock).
  createInitialAccessToken: { omit: [409] },
  rotateKeys: { omit: [409] },
  // Provider clients have no unique field; one in use by connections cannot go.
  createProviderClient: { omit: [409] },
  deleteProviderClient: { add: { 409: 'Connections still use this provider client: delete them first' } },
  updateConnection: { add: { 409: 'Another connection of the space has that name' } },
  createConnectLink: { add: { 409: 'The connection is disabled' } },
  // A token can be refused for the connection's state, which a person must change (connect again, enable it).
  getConnectionToken: {
    add: { 409: 'No valid token now: the connection is disabled, needs to be connected again, was never connected, or its renewal failed' },
  },
  // The catalog is open to every signed-in admin, whatever their roles.
  listProviders: { omit: [403] },
  getProvider: { omit: [403] },
  // A subscription has no unique field; a delivery being sent by a node cannot be sent again at the same moment.
  createWebhook: { omit: [409] },
  // The event types are the same for everybody: open to every signed-in admin.
  listEventTypes: { omit: [403] },
  retryWebhookDelivery: { add: { 409: 'The delivery is being sent right now; look at it again in a moment' } },
  // A value sealed with a key that is not configured (or that does not open) stops the batch until it is.
  resealUnderCurrentMasterKey: { add: { 409: 'A sealed value names a master key that is not configured, or does not open' } },
};

/** What a route's schema tells about its input, as the error derivation reads it. */
export interface RouteSchema {
  body?: unknown;
  params?: unknown;
  querystring?: unknown;
  headers?: unknown;
  security?: unknown;
  response?: unknown;
}

/**
 * The error statuses an operation can answer, from its route's facts: 400 with any input to validate (path,
 * query, If-Match, body); 401 and 403 behind a token; 404 when the path names a resource; 409 for a create (a
 * duplicate) or a conditional write (a rule, a concurrent change); 412 with If-Match; 413 and 415 when the method
 * carries a body (Fastify reads it whatever the schema); 503 always (every operation reads the store).
 * ERROR_EXCEPTIONS then adds and removes.
 */
export function errorStatuses(method: string, key: string, schema: RouteSchema): number[] {
  const takesBody = ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase());
  const conditional = !!(schema.headers as { properties?: Record<string, unknown> } | undefined)?.properties?.['if-match'];
  const authenticated = !(Array.isArray(schema.security) && schema.security.length === 0);
  const creates = Object.keys(schema.response ?? {}).includes('201');
  const statuses = new Set([503]);
  const when = (yes: boolean, ...codes: number[]) => yes && codes.forEach((c) => statuses.add(c));
  when(takesBody || !!schema.params || !!schema.querystring || conditional, 400);
  when(authenticated, 401, 403);
  when(!!schema.params, 404);
  when(creates || conditional, 409);
  when(conditional, 412);
  when(takesBody, 413, 415);
  const exception = ERROR_EXCEPTIONS[OPERATION_IDS[key] ?? ''];
  for (const code of Object.keys(exception?.add ?? {})) statuses.add(Number(code));
  for (const code of exception?.omit ?? []) statuses.delete(code);
  return [...statuses].sort((a, b) => a - b);
}

/** The route schema with a response for each error it can answer (the Error body), next to its own answers. */
export function withErrorResponses<S extends RouteSchema>(method: string, key: string, schema: S): S {
  const added = ERROR_EXCEPTIONS[OPERATION_IDS[key] ?? '']?.add ?? {};
  const errors = Object.fromEntries(
    errorStatuses(method, key, schema).map((code) => [
      code,
      Type.Ref('Error', { ...(added[code] ? { description: added[code] } : {}), ...(ERROR_EXAMPLES[code] ? { examples: [ERROR_EXAMPLES[code]] } : {}) }),
    ]),
  );
  return { ...schema, response: { ...errors, ...(schema.response as object) } };
}

/** The key of OPERATION_IDS for a Fastify route: its method and its path below `prefix`, `:param` as `{param}`. */
export function operationKey(method: string, url: string, prefix: string): string {
  return `${method.toLowerCase()} ${url.slice(prefix.length).replace(/:([A-Za-z_]+)/g, '{$1}')}`;
}

/**
 * One response as the document shows it, with a description. @fastify/swagger drops what stands next to a $ref,
 * so a referenced body with examples (the errors) is given in its content form, which keeps the example.
 */
function documentedResponse(status: string, body: { description?: string; $ref?: string; examples?: unknown[] }) {
  const description = body.description ?? RESPONSE_DESCRIPTIONS[status] ?? `HTTP ${status}`;
  if (!body.$ref || !body.examples?.length) return { ...body, description };
  return { description, content: { 'application/json': { schema: { $ref: body.$ref }, example: body.examples[0] } } };
}

/** The route schema as the document shows it: its operationId and a description on every response. */
export function documented<S extends { response?: Record<string, unknown> }>(schema: S, key: string): S & { operationId?: string } {
  const response = schema.response
    ? Object.fromEntries(Object.entries(schema.response).map(([status, body]) => [status, documentedResponse(status, body as object)]))
    : undefined;
  return { ...schema, ...(response ? { response } : {}), ...(OPERATION_IDS[key] ? { operationId: OPERATION_IDS[key] } : {}) };
}
