// In-memory views of spaces and clients for the hot paths (token, introspection). Entries are dropped when a
// change notice arrives (this node at once, others through NOTIFY) and expire after CACHE_MS regardless.
import type { ChangeBus } from '../store/changes.js';
import { OAuthViews, type ClientRow, type ScopeRow, type SecretHash, type SpaceRow } from '../store/oauth-views.js';
import { settingsOf, type SpaceSettings } from '../registry/space-settings.js';
import { isSlug } from '../registry/spaces.js';
import { originsOfClient } from './cors.js';

export type { ClientRow, ScopeRow, SpaceRow };

export interface OAuthSpace {
  row: SpaceRow;
  settings: SpaceSettings;
  issuer: string;
}

export interface OAuthClient {
  row: ClientRow;
  secrets: SecretHash[];
  /** Scopes associated with the client: the only ones it may be granted. */
  scopes: ScopeRow[];
}

const CACHE_MS = 30_000;

export class OAuthCache {
  private readonly spaceCache = new Map<string, { at: number; value: OAuthSpace }>();
  private readonly clientCache = new Map<string, { at: number; spaceId: string; value: OAuthClient }>();
  private readonly scopeNameCache = new Map<string, { at: number; value: string[] }>();
  /** Per space: every origin some active client may use (CORS preflights carry no client_id). */
  private readonly corsCache = new Map<string, { at: number; value: ReadonlySet<string> }>();

  constructor(
    private readonly views: OAuthViews,
    private readonly publicUrl: () => string,
    private readonly bus: ChangeBus,
  ) {
    const clearAll = () => {
      this.spaceCache.clear();
      this.clientCache.clear();
      this.scopeNameCache.clear();
      this.corsCache.clear();
    };
    bus.on('space', clearAll);
    bus.onReset(clearAll);
    bus.on('client', (clientId) => {
      this.clientCache.delete(clientId);
      // The notice names the client, not its space; the sets are cheap to rebuild.
      this.corsCache.clear();
    });
    bus.on('scope', (spaceId) => {
      this.scopeNameCache.delete(spaceId);
      for (const [k, v] of this.clientCache) if (v.spaceId === spaceId) this.clientCache.delete(k);
    });
  }

  /** Young enough, and change notices are arriving: while they cannot, every read goes to the store. */
  private fresh<T extends { at: number }>(hit: T | undefined): hit is T {
    return !!hit && this.bus.live && Date.now() - hit.at < CACHE_MS;
  }

  /** The space when it is cached and fresh: lets the hot path skip a promise per request. */
  cachedSpace(slug: string): OAuthSpace | undefined {
    const hit = this.spaceCache.get(slug);
    return this.fresh(hit) ? hit.value : undefined;
  }

  async space(slug: string): Promise<OAuthSpace | undefined> {
    const hit = this.cachedSpace(slug);
    if (hit) return hit;
    // No space has another form: garbage in the URL (a NUL byte the database refuses, say) is an unknown space.
    if (!isSlug(slug)) return undefined;
    const row = await this.views.space(slug);
    if (!row) return undefined;
    const value = { row, settings: settingsOf(row.settings), issuer: `${this.publicUrl()}/spaces/${row.slug}` };
    this.spaceCache.set(slug, { at: Date.now(), value });
    return value;
  }

  /** The client and its space when cached and fresh (the caller compares the space): the hot path stays synchronous. */
  cachedClient(clientId: string): { spaceId: string; value: OAuthClient } | undefined {
    const hit = this.clientCache.get(clientId);
    return this.fresh(hit) ? hit : undefined;
  }

  /** The client with its secrets' hashes and scopes; undefined when unknown in this space. */
  async client(spaceId: string, clientId: string): Promise<OAuthClient | undefined> {
    const hit = this.cachedClient(clientId);
    if (hit) return hit.spaceId === spaceId ? hit.value : undefined;
    const row = await this.views.client(clientId);
    if (!row) return undefined;
    const [secrets, scopeRows] = await Promise.all([this.views.secretHashes(row.id), this.views.clientScopes(row.id)]);
    const value = { row, secrets, scopes: scopeRows };
    this.clientCache.set(clientId, { at: Date.now(), spaceId: row.spaceId, value });
    return row.spaceId === spaceId ? value : undefined;
  }

  /** The names of a space's scopes, sorted (discovery's scopes_supported). */
  async scopeNames(spaceId: string): Promise<string[]> {
    const hit = this.scopeNameCache.get(spaceId);
    if (this.fresh(hit)) return hit.value;
    const value = await this.views.scopeNames(spaceId);
    this.scopeNameCache.set(spaceId, { at: Date.now(), value });
    return value;
  }

  /** The CORS origin set of a space when it is cached and fresh (the hot path stays synchronous). */
  cachedCorsOrigins(spaceId: string): ReadonlySet<string> | undefined {
    const hit = this.corsCache.get(spaceId);
    return this.fresh(hit) ? hit.value : undefined;
  }

  /** The origins of the redirect URIs and allowed_cors_origins of the space's active clients. */
  async corsOrigins(spaceId: string): Promise<ReadonlySet<string>> {
    const hit = this.cachedCorsOrigins(spaceId);
    if (hit) return hit;
    const value = new Set((await this.views.corsSources(spaceId)).flatMap((r) => [...originsOfClient(r)]));
    this.corsCache.set(spaceId, { at: Date.now(), value });
    return value;
  }
}
