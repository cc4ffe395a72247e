// Dynamic client registration (RFC 7591) and its management protocol (RFC 7592). Initial access tokens are a
// registry service (registry/initial-access-tokens.ts) shared with the admin API.
// Registered clients go through services.clients like admin-created ones, so one set of client rules holds.
import type { Actor } from '../events/audit.js';
import { AppError } from '../errors.js';
import { bearerToken } from '../bearer.js';
import { hasPrivateScheme, type ClientInput } from '../registry/client-rules.js';
import type { ClientView, ClientWithSecret } from '../registry/clients.js';
import { randomToken, safeEqual, sha256 } from '../crypto/secrets.js';
import type { Services } from '../services.js';
import type { OAuthViews } from '../store/oauth-views.js';
import { registrationTokenOf, setRegistrationToken } from '../store/registration-tokens.js';
import type { OAuthSpace } from './cache.js';
import { OAuthError } from './errors.js';
import { secretMatches as liveSecretMatches } from './client-auth/secret.js';
import { DEFAULT_ID_TOKEN_ALG } from '../registry/capabilities.js';

export const REGISTRATION_TOKEN_PREFIX = 'kwrat_';

/** A 401 in the RFC 6750 shape: the same answer whatever was wrong, so nothing is revealed. */
export const invalidToken = (d: string) => new OAuthError('invalid_token', d, { headers: { 'www-authenticate': `Bearer error="invalid_token"` } });

export const bearerOf = (header: string | undefined): string | undefined => bearerToken(header);

/** The RFC 7591 client metadata Keyward accepts; anything else in a request is ignored (§2). */
const STRING_FIELDS = [
  'client_name',
  'token_endpoint_auth_method',
  'scope',
  'jwks_uri',
  'logo_uri',
  'client_uri',
  'policy_uri',
  'tos_uri',
  'token_endpoint_auth_signing_alg',
  'id_token_signed_response_alg',
  'application_type',
  'software_id',
  'software_version',
] as const;
const LIST_FIELDS = ['redirect_uris', 'post_logout_redirect_uris', 'allowed_cors_origins', 'grant_types', 'response_types', 'contacts'] as const;

function metadataError(field: string, message: string): OAuthError {
  const code = field === 'redirect_uris' || field === 'post_logout_redirect_uris' ? 'invalid_redirect_uri' : 'invalid_client_metadata';
  return new OAuthError(code, message.includes(field) ? message : `${field}: ${message}`);
}

/** Client rules answer with AppError; registration answers in RFC 7591 §3.2.2 terms. */
async function asRegistrationError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'invalid_request' || err.code === 'conflict')) throw metadataError(err.field ?? 'metadata', err.message);
    throw err;
  }
}

/** Type-checks the known metadata of a request body and maps it to a ClientInput (a full replacement). */
export function metadataInput(body: unknown): ClientInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new OAuthError('invalid_client_metadata', 'send the client metadata as a JSON object');
  const m = body as Record<string, unknown>;
  for (const f of STRING_FIELDS) if (m[f] !== undefined && m[f] !== null && typeof m[f] !== 'string') throw metadataError(f, `${f} must be a string`);
  for (const f of LIST_FIELDS) {
    if (m[f] !== undefined && m[f] !== null && (!Array.isArray(m[f]) || !(m[f] as unknown[]).every((v) => typeof v === 'string'))) {
      throw metadataError(f, `${f} must be an array of strings`);
    }
  }
  if (m.jwks !== undefined && m.jwks !== null && (typeof m.jwks !== 'object' || Array.isArray(m.jwks)))
    throw metadataError('jwks', 'jwks must be a JWK Set object');
  if (m.default_max_age !== undefined && m.default_max_age !== null && !Number.isInteger(m.default_max_age))
    throw metadataError('default_max_age', 'default_max_age must be a whole number of seconds');
  if (m.require_auth_time !== undefined && m.require_auth_time !== null && typeof m.require_auth_time !== 'boolean')
    throw metadataError('require_auth_time', 'require_auth_time must be true or false');
  const str = (f: (typeof STRING_FIELDS)[number]) => (m[f] as string | null | undefined) ?? undefined;
  const list = (f: (typeof LIST_FIELDS)[number]) => (m[f] as string[] | null | undefined) ?? undefined;
  // RFC 7591 §2 defaults: client_secret_basic, the authorization_code grant, the code response type.
  const method = str('token_endpoint_auth_method') ?? 'client_secret_basic';
  return {
    client_type: method === 'none' ? 'public' : 'confidential',
    token_endpoint_auth_method: method,
    grant_types: list('grant_types') ?? ['authorization_code'],
    ...(list('response_types') ? { response_types: list('response_types') } : {}),
    redirect_uris: list('redirect_uris') ?? [],
    post_logout_redirect_uris: list('post_logout_redirect_uris') ?? [],
    allowed_cors_origins: list('allowed_cors_origins') ?? [],
    contacts: list('contacts') ?? [],
    ...(str('scope') !== undefined ? { scope: str('scope') } : {}),
    jwks: (m.jwks as ClientInput['jwks']) ?? null,
    jwks_uri: str('jwks_uri') ?? null,
    logo_uri: str('logo_uri') ?? null,
    client_uri: str('client_uri') ?? null,
    policy_uri: str('policy_uri') ?? null,
    tos_uri: str('tos_uri') ?? null,
    ...(str('client_name') !== undefined ? { client_name: str('client_name') } : {}),
    // OpenID Connect Registration §2 defaults, so a replacement (RFC 7592) resets what it leaves out.
    // Some relying parties send it whatever their method; it means something only for private_key_jwt.
    token_endpoint_auth_signing_alg: method === 'private_key_jwt' ? (str('token_endpoint_auth_signing_alg') ?? null) : null,
    id_token_signed_response_alg: str('id_token_signed_response_alg') ?? DEFAULT_ID_TOKEN_ALG,
    application_type: str('application_type') ?? (hasPrivateScheme(list('redirect_uris') ?? []) ? 'native' : 'web'),
    software_id: str('software_id') ?? null,
    software_version: str('software_version') ?? null,
    default_max_age: (m.default_max_age as number | null | undefined) ?? null,
    require_auth_time: (m.require_auth_time as boolean | null | undefined) ?? false,
  };
}

/** The RFC 7591 §3.2.1 view of a client: standard metadata only, empty values left out. */
export function registrationView(v: ClientView | ClientWithSecret, issuer: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    client_id: v.client_id,
    client_id_issued_at: v.client_id_issued_at,
    client_name: v.client_name,
    token_endpoint_auth_method: v.token_endpoint_auth_method,
    grant_types: v.grant_types,
    response_types: v.response_types,
    redirect_uris: v.redirect_uris,
    registration_client_uri: `${issuer}/register/${encodeURIComponent(v.client_id)}`,
  };
  if (v.post_logout_redirect_uris.length) out.post_logout_redirect_uris = v.post_logout_redirect_uris;
  if (v.allowed_cors_origins.length) out.allowed_cors_origins = v.allowed_cors_origins;
  if (v.scope) out.scope = v.scope;
  if (v.contacts.length) out.contacts = v.contacts;
  for (const f of [
    'jwks',
    'jwks_uri',
    'logo_uri',
    'client_uri',
    'policy_uri',
    'tos_uri',
    'token_endpoint_auth_signing_alg',
    'software_id',
    'software_version',
  ] as const)
    if (v[f]) out[f] = v[f];
  out.application_type = v.application_type;
  out.id_token_signed_response_alg = v.id_token_signed_response_alg;
  if (v.default_max_age !== null) out.default_max_age = v.default_max_age;
  if (v.require_auth_time) out.require_auth_time = true;
  if ('client_secret' in v && v.client_secret) Object.assign(out, { client_secret: v.client_secret, client_secret_expires_at: 0 });
  return out;
}

export class RegistrationService {
  constructor(
    private readonly services: Services,
    private readonly views: OAuthViews,
  ) {}

  // --- RFC 7591 registration ---

  async register(space: OAuthSpace, authorization: string | undefined, body: unknown): Promise<Record<string, unknown>> {
    const mode = space.settings.registration;
    if (mode === 'closed') throw new OAuthError('access_denied', 'dynamic client registration is closed in this space', { status: 403 });
    const actor: Actor = { type: 'client' };
    if (mode === 'token') {
      const token = bearerOf(authorization);
      const used = token ? await this.services.initialTokens.consumeInitialToken(space.row.id, token) : undefined;
      if (!used) throw invalidToken('a valid initial access token is required (Authorization: Bearer)');
      actor.id = `initial_access_token:${used}`;
    }
    const input = metadataInput(body);
    const ref = { id: space.row.id, slug: space.row.slug };
    const clientName = input.client_name?.trim() || undefined;
    let created: ClientWithSecret;
    try {
      created = await this.services.clients.create(ref, { ...input, name: clientName?.slice(0, 80) ?? `dcr-${randomToken(6)}` }, actor);
    } catch (err) {
      // Client names are unique in a space; several instances of one app register with the same client_name.
      if (!(err instanceof AppError && err.code === 'conflict' && err.field === 'name')) throw metadataErrorOf(err);
      created = await asRegistrationError(this.services.clients.create(ref, { ...input, name: `${clientName!.slice(0, 80)} dcr-${randomToken(6)}` }, actor));
    }
    const registrationToken = REGISTRATION_TOKEN_PREFIX + randomToken(32);
    await setRegistrationToken(this.services.store.db, space.row.id, created.client_id, sha256(registrationToken));
    return { ...registrationView(created, space.issuer), registration_access_token: registrationToken };
  }

  // --- RFC 7592 management ---

  /** The client the registration access token belongs to; the same 401 for an unknown client or a wrong token. */
  private async authorize(space: OAuthSpace, clientId: string, authorization: string | undefined) {
    const token = bearerOf(authorization);
    if (!token) throw invalidToken('the registration access token is required (Authorization: Bearer)');
    const row = await registrationTokenOf(this.services.store.db, space.row.id, clientId);
    // Compare against a stand-in when there is no client, so timing does not tell whether it exists.
    const ok = safeEqual(sha256(token), row?.hash ?? sha256(randomToken(16))) && !!row?.hash;
    if (!ok) throw invalidToken('the registration access token is not valid for this client');
    return { ref: { id: space.row.id, slug: space.row.slug }, actor: { type: 'client', id: clientId } satisfies Actor, token, clientPk: row.clientPk };
  }

  async read(space: OAuthSpace, clientId: string, authorization: string | undefined) {
    const { ref, token } = await this.authorize(space, clientId, authorization);
    // RFC 7592 §3 requires the token in the answer: the one presented stays valid, so it is echoed.
    return { ...registrationView(await this.services.clients.get(ref, clientId), space.issuer), registration_access_token: token };
  }

  async replace(space: OAuthSpace, clientId: string, authorization: string | undefined, body: unknown) {
    const { ref, actor, token, clientPk } = await this.authorize(space, clientId, authorization);
    const input = metadataInput(body);
    const m = body as Record<string, unknown>;
    if (m.client_id !== clientId) throw new OAuthError('invalid_request', "client_id in the body must be the client's client_id (RFC 7592 §2.2)");
    if (m.client_secret !== undefined && !(await this.secretMatches(clientPk, m.client_secret))) {
      throw new OAuthError('invalid_request', "client_secret in the body must be the client's current secret");
    }
    // The name is fixed; an omitted scope keeps the associations (RFC 7592 §2.2 lets the server ignore empty values).
    const updated = await asRegistrationError(this.services.clients.update(ref, clientId, input, actor));
    return { ...registrationView(updated, space.issuer), registration_access_token: token };
  }

  async remove(space: OAuthSpace, clientId: string, authorization: string | undefined): Promise<void> {
    const { ref, actor } = await this.authorize(space, clientId, authorization);
    await this.services.clients.delete(ref, clientId, actor);
  }

  /** The body's client_secret must be a live secret: an expired one (rotated out) is refused, as at the token endpoint. */
  private async secretMatches(clientPk: string, secret: unknown): Promise<boolean> {
    if (typeof secret !== 'string') return false;
    return liveSecretMatches({ secrets: await this.views.secretHashes(clientPk) }, secret);
  }
}

function metadataErrorOf(err: unknown): unknown {
  if (err instanceof AppError && (err.code === 'invalid_request' || err.code === 'conflict')) return metadataError(err.field ?? 'metadata', err.message);
  return err;
}
