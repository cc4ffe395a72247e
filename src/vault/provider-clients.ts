// Provider clients (seed 001's "OAuth 2.0 client"): one per app the company registered at a provider. The client
// secret and private key are sealed and never read back; the answers show the redirect URI to paste into the
// provider's app registration (seed 003's two-way exchange), so a client may be created before the provider has
// issued its client ID and completed by PATCH.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { conflict, invalid, notFound } from '../errors.js';
import { diff, recordAudit, type Actor } from '../events/audit.js';
import type { Db, Executor } from '../store/db.js';
import { isForeignKeyViolation } from '../store/errors.js';
import type { Page, PageRequest } from '../store/paging.js';
import { mapPage } from '../store/paging.js';
import {
  connectionsUsing,
  deleteProviderClient,
  findProviderClient,
  insertProviderClient,
  listProviderClients,
  updateProviderClient,
  type NewProviderClientRow,
  type ProviderClientRow,
} from '../store/provider-clients.js';
import { sealedAad } from '../store/sealed-columns.js';
import type { Catalog } from './catalog/index.js';
import type { ProviderEntry, TokenEndpointAuthMethod } from './catalog/types.js';
import { discover } from './outbound/index.js';
import { checkedUrl } from './urls.js';
import type { Sealer } from './sealer.js';

type SpaceRef = { id: string; slug: string };

export interface ProviderClientInput {
  provider?: string;
  name?: string;
  client_id?: string;
  client_secret?: string | null;
  private_key?: string | null;
  authorization_url?: string | null;
  token_url?: string | null;
  api_base_url?: string | null;
  token_endpoint_auth_method?: string;
  scope?: string;
  access_token_expires_in?: number | null;
  refresh_token_expires_in?: number | null;
  expires_in_unit?: string;
  config?: Record<string, string>;
}

export interface ProviderClientView {
  id: string;
  provider: string;
  name: string;
  client_id: string;
  has_client_secret: boolean;
  has_private_key: boolean;
  /** private_key_jwt: the public key to register at the provider. */
  jwks: { keys: Record<string, unknown>[] } | null;
  authorization_url: string | null;
  token_url: string | null;
  api_base_url: string | null;
  token_endpoint_auth_method: string;
  scope: string;
  access_token_expires_in: number | null;
  refresh_token_expires_in: number | null;
  expires_in_unit: 's' | 'ms';
  config: Record<string, string>;
  redirect_uri: string;
  created_at: string;
  updated_at: string;
}

const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'];
const MAX_LIFETIME_MS = 10 * 365 * 86400 * 1000;

/** The redirect URI of a space's connections: one per space, registered at every provider. */
export const connectionsRedirectUri = (publicUrl: string, spaceSlug: string) => `${publicUrl}/spaces/${encodeURIComponent(spaceSlug)}/connections/callback`;

function lifetime(field: string, value: number | null | undefined, unit: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value <= 0)
    throw invalid(field, `${field} must be a whole number above 0 (in ${unit === 'ms' ? 'milliseconds' : 'seconds'})`);
  if (value * (unit === 'ms' ? 1 : 1000) > MAX_LIFETIME_MS) throw invalid(field, `${field} must be at most 10 years`);
  return value;
}

function text(field: string, value: string | undefined, max: number, required = false): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (required && v.length === 0) throw invalid(field, `${field} must not be empty`);
  if (v.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw invalid(field, `${field} must not contain control characters`);
  return v;
}

export class ProviderClientService {
  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    private readonly sealer: Sealer,
    private readonly publicUrl: () => string,
  ) {}

  view(space: { slug: string }, row: ProviderClientRow): ProviderClientView {
    return {
      id: row.id,
      provider: row.provider,
      name: row.name,
      client_id: row.clientId,
      has_client_secret: row.clientSecretSealed !== null,
      has_private_key: row.privateKeySealed !== null,
      jwks: row.publicJwk ? { keys: [row.publicJwk] } : null,
      authorization_url: row.authorizationUrl,
      token_url: row.tokenUrl,
      api_base_url: row.apiBaseUrl,
      token_endpoint_auth_method: row.tokenEndpointAuthMethod,
      scope: row.scope,
      access_token_expires_in: row.accessTokenExpiresIn,
      refresh_token_expires_in: row.refreshTokenExpiresIn,
      expires_in_unit: row.expiresInUnit === 'ms' ? 'ms' : 's',
      config: row.config,
      redirect_uri: connectionsRedirectUri(this.publicUrl(), space.slug),
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    };
  }

  entryOf(provider: string): ProviderEntry {
    const entry = this.catalog.get(provider);
    if (!entry) throw invalid('provider', `provider "${provider}" is not in the catalog (GET /admin/api/v1/providers lists them)`);
    return entry;
  }

  /** Every placeholder the provider's URLs use has a valid value among `values` (a connection's and its client's). */
  checkPlaceholders(entry: ProviderEntry, values: Record<string, string>): void {
    this.catalog.checkConfig(entry, values);
  }

  async list(space: SpaceRef, req: PageRequest & { provider?: string }): Promise<Page<ProviderClientView>> {
    return mapPage(await listProviderClients(this.db, space.id, req), (r) => this.view(space, r));
  }

  async row(spaceId: string, id: string, db: Executor = this.db): Promise<ProviderClientRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await findProviderClient(db, spaceId, id) : undefined;
    if (!row) throw notFound(`provider client "${id}"`);
    return row;
  }

  async get(space: SpaceRef, id: string): Promise<ProviderClientView> {
    return this.view(space, await this.row(space.id, id));
  }

  /**
   * The columns an input sets, checked. `before` is the row being changed (PATCH), absent on create. Catalog
   * defaults fill what a create leaves out; the provider's own placeholders are checked against the catalog.
   */
  private columns(id: string, entry: ProviderEntry, input: ProviderClientInput, before?: ProviderClientRow): Partial<NewProviderClientRow> {
    const set: Partial<NewProviderClientRow> = {};
    const name = text('name', input.name, 200, true);
    if (name !== undefined) set.name = name;
    else if (!before) throw invalid('name', 'name is required');
    const clientId = text('client_id', input.client_id, 500);
    if (clientId !== undefined) set.clientId = clientId;
    if (input.config !== undefined) {
      if (typeof input.config !== 'object' || input.config === null || Array.isArray(input.config))
        throw invalid('config', 'config must be an object of strings');
      for (const [k, v] of Object.entries(input.config)) if (typeof v !== 'string') throw invalid('config', `config.${k} must be a string`);
      this.catalog.checkConfig(entry, input.config, { partial: true });
      set.config = input.config;
    }
    for (const [field, column, template] of [
      ['authorization_url', 'authorizationUrl', entry.authorization_url],
      ['token_url', 'tokenUrl', entry.token_url],
      ['api_base_url', 'apiBaseUrl', entry.api_base_url],
    ] as const) {
      const given = input[field];
      if (given !== undefined) set[column] = given === null || given === '' ? null : checkedUrl(field, given, true);
      else if (!before) set[column] = template ?? null;
    }
    const method = input.token_endpoint_auth_method;
    if (method !== undefined) {
      if (!AUTH_METHODS.includes(method as TokenEndpointAuthMethod))
        throw invalid('token_endpoint_auth_method', `token_endpoint_auth_method must be one of ${AUTH_METHODS.join(', ')}`);
      set.tokenEndpointAuthMethod = method;
    } else if (!before) set.tokenEndpointAuthMethod = entry.token_endpoint_auth_method;
    const scope = text('scope', input.scope, 2000);
    if (scope !== undefined) set.scope = scope.split(/\s+/).filter(Boolean).join(' ');
    else if (!before) set.scope = (entry.scopes?.default ?? []).join(' ');
    const unit = input.expires_in_unit ?? before?.expiresInUnit ?? 's';
    if (unit !== 's' && unit !== 'ms') throw invalid('expires_in_unit', 'expires_in_unit must be "s" (seconds) or "ms" (milliseconds)');
    if (input.expires_in_unit !== undefined) set.expiresInUnit = unit;
    const at = lifetime('access_token_expires_in', input.access_token_expires_in, unit);
    if (at !== undefined) set.accessTokenExpiresIn = at;
    const rt = lifetime('refresh_token_expires_in', input.refresh_token_expires_in, unit);
    if (rt !== undefined) set.refreshTokenExpiresIn = rt;
    if (input.client_secret !== undefined) {
      const secret = input.client_secret === null ? null : text('client_secret', input.client_secret, 4000, true)!;
      set.clientSecretSealed = secret === null ? null : this.sealer.seal(secret, sealedAad.providerClient(id, 'client_secret'));
    }
    Object.assign(set, this.keyColumns(id, entry, input, set.tokenEndpointAuthMethod ?? before?.tokenEndpointAuthMethod, before));
    return set;
  }

  /** private_key_jwt: the given private key, or a new one made here whose public half the provider registers. */
  private keyColumns(
    id: string,
    entry: ProviderEntry,
    input: ProviderClientInput,
    method: string | undefined,
    before?: ProviderClientRow,
  ): Partial<NewProviderClientRow> {
    if (input.private_key === null) return { privateKeySealed: null, publicJwk: null };
    let pem = input.private_key;
    if (pem === undefined) {
      if (method !== 'private_key_jwt' || before?.privateKeySealed) return {};
      pem = generatePrivateKey(entry.token_endpoint_auth_signing_alg ?? 'RS256');
    }
    const jwk = publicJwkOf(pem, entry.token_endpoint_auth_signing_alg ?? 'RS256');
    return { privateKeySealed: this.sealer.seal(pem, sealedAad.providerClient(id, 'private_key')), publicJwk: jwk };
  }

  /**
   * `oidc` (an entry with a discovery URL): the authorization and token URLs the issuer's discovery document names,
   * read when the provider client is created or its issuer changes, unless given explicitly. A PATCH that leaves the
   * issuer as it was keeps the URLs the client has (they may have been set by hand).
   */
  private async discovered(entry: ProviderEntry, input: ProviderClientInput, before?: ProviderClientRow): Promise<ProviderClientInput> {
    if (!entry.discovery_url || (before && input.config === undefined)) return input;
    let url: string;
    try {
      url = this.catalog.fillTemplate(entry.discovery_url, { ...before?.config, ...input.config });
    } catch (err) {
      throw invalid('config', (err as Error).message);
    }
    if (before && url === discoveryUrlOf(this.catalog, entry.discovery_url, before.config)) return input;
    let found: Awaited<ReturnType<typeof discover>>;
    try {
      found = await discover(url);
    } catch (err) {
      throw invalid('config', `the discovery document at ${url} could not be read: ${(err as Error).message}`);
    }
    return { ...input, authorization_url: input.authorization_url ?? found.authorization_endpoint, token_url: input.token_url ?? found.token_endpoint };
  }

  async create(space: SpaceRef, given: ProviderClientInput, actor: Actor): Promise<ProviderClientView> {
    if (!given.provider) throw invalid('provider', 'provider is required (a catalog id such as exact-online, github or custom)');
    const entry = this.entryOf(given.provider);
    const input = await this.discovered(entry, given);
    const id = randomUUID();
    const cols = this.columns(id, entry, input);
    const row = await this.db.transaction(async (tx) => {
      const inserted = await insertProviderClient(tx, { ...cols, id, spaceId: space.id, provider: entry.id, name: cols.name! });
      await recordAudit(tx, actor, {
        space: space.slug,
        action: 'provider_client.create',
        targetType: 'provider_client',
        targetId: id,
        changes: auditable(this.view(space, inserted)),
      });
      return inserted;
    });
    return this.view(space, row);
  }

  async update(space: SpaceRef, id: string, given: ProviderClientInput, actor: Actor): Promise<ProviderClientView> {
    // Discovery asks the issuer over the network, so it runs before the transaction: no row stays locked (and
    // PGlite's one connection stays free) while an issuer answers. What it finds follows from the config sent.
    let input = given;
    if (given.config !== undefined) {
      const current = await this.row(space.id, id);
      input = await this.discovered(this.entryOf(current.provider), given, current);
    }
    return this.db.transaction(async (tx) => {
      const before = await findProviderClient(tx, space.id, id, 'no key update');
      if (!before) throw notFound(`provider client "${id}"`);
      if (input.provider !== undefined && input.provider !== before.provider)
        throw invalid('provider', 'provider cannot change; create another provider client');
      const cols = this.columns(id, this.entryOf(before.provider), input, before);
      const row = await updateProviderClient(tx, id, { ...cols, updatedAt: new Date() });
      const { updated_at: _a, ...b } = this.view(space, before);
      const { updated_at: _b, ...a } = this.view(space, row);
      await recordAudit(tx, actor, { space: space.slug, action: 'provider_client.update', targetType: 'provider_client', targetId: id, changes: diff(b, a) });
      return this.view(space, row);
    });
  }

  async delete(space: SpaceRef, id: string, actor: Actor): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const row = await findProviderClient(tx, space.id, id, 'update');
        if (!row) throw notFound(`provider client "${id}"`);
        const using = await connectionsUsing(tx, id);
        if (using > 0) throw conflict(`provider client "${row.name}" is used by ${using} connection${using === 1 ? '' : 's'}; delete them first`);
        await deleteProviderClient(tx, id);
        await recordAudit(tx, actor, { space: space.slug, action: 'provider_client.delete', targetType: 'provider_client', targetId: id });
      });
    } catch (err) {
      // A connection created between the count and the delete: the foreign key refuses, say so plainly.
      if (isForeignKeyViolation(err)) throw conflict('the provider client is used by a connection; delete it first');
      throw err;
    }
  }
}

/** The discovery URL the row's config gives, or undefined when it gives none (a placeholder without a value). */
function discoveryUrlOf(catalog: Catalog, template: string, config: Record<string, string>): string | undefined {
  try {
    return catalog.fillTemplate(template, config);
  } catch {
    return undefined;
  }
}

const auditable = (v: ProviderClientView): Record<string, unknown> => {
  const { created_at: _c, updated_at: _u, redirect_uri: _r, jwks: _j, ...rest } = v;
  return rest;
};

function generatePrivateKey(alg: string): string {
  const pair = alg.startsWith('ES')
    ? generateKeyPairSync('ec', { namedCurve: alg === 'ES384' ? 'P-384' : alg === 'ES512' ? 'P-521' : 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The public JWK of a private key, with its RFC 7638 thumbprint as kid (what the provider registers). */
function publicJwkOf(pem: string, alg: string): Record<string, unknown> {
  let jwk: Record<string, string>;
  try {
    jwk = createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' }) as Record<string, string>;
  } catch {
    throw invalid('private_key', 'private_key must be a PEM-encoded private key (PKCS#8 or PKCS#1)');
  }
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  const kid = createHash('sha256').update(JSON.stringify(members)).digest('base64url');
  return { ...jwk, alg, use: 'sig', kid };
}
