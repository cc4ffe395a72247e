// Spaces: isolated issuers. The slug is part of the issuer URL, so it is fixed at creation.
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { recordAudit, diff, type Actor, SYSTEM } from '../events/audit.js';
import type { Executor } from '../store/db.js';
import { publishAfter, type ChangeBus } from '../store/changes.js';
import type { RowLock } from '../store/locks.js';
import { allSpaceSettings, deleteSpace, findSpace, insertSpace, listSpaces, lockSpaceById, updateSpace, type SpaceRow } from '../store/spaces.js';
import { requireMatch, type IfMatch } from './etag.js';
import { mapPage, type Page, type PageRequest } from './page.js';
import { mergeSettings, settingsOf, type SpaceSettings } from './space-settings.js';
import { seedStandardScopes, standardScopesSeeded } from './standard-scopes.js';

export const DEFAULT_SPACE = 'default';
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const MAX_TTL = 10 * 365 * 24 * 3600;

/** Whether `slug` has the form of a space slug (lowercase letters, digits, inner hyphens, at most 63). */
export const isSlug = (slug: string): boolean => SLUG.test(slug);

export type { SpaceRow };

export interface SpaceView {
  slug: string;
  display_name: string;
  access_token_ttl: number;
  refresh_token_ttl: number;
  /** The effective per-space settings (defaults filled in). */
  settings: SpaceSettings;
  created_at: string;
  updated_at: string;
}

export interface SpaceInput {
  slug?: string;
  display_name?: string;
  access_token_ttl?: number;
  refresh_token_ttl?: number;
  /** A partial update of the settings, checked by mergeSettings. */
  settings?: Record<string, unknown>;
}

export const spaceView = (s: SpaceRow): SpaceView => ({
  slug: s.slug,
  display_name: s.displayName,
  access_token_ttl: s.accessTokenTtl,
  refresh_token_ttl: s.refreshTokenTtl,
  settings: settingsOf(s.settings),
  created_at: s.createdAt.toISOString(),
  updated_at: s.updatedAt.toISOString(),
});

function checkTtl(field: string, v: number | undefined): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < 1 || v > MAX_TTL) {
    throw invalid(field, `${field} must be a whole number of seconds from 1 to ${MAX_TTL}`);
  }
}

function checkDisplayName(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (!t || t.length > 200) throw invalid('display_name', 'display_name must be 1 to 200 characters');
  return t;
}

export class SpaceService {
  constructor(
    private readonly db: Executor,
    private readonly bus?: ChangeBus,
  ) {}

  async list(req: PageRequest, onlySlugs?: string[]): Promise<Page<SpaceView>> {
    if (onlySlugs && onlySlugs.length === 0) return { items: [], next_cursor: null };
    return mapPage(await listSpaces(this.db, req, onlySlugs), spaceView);
  }

  /** The space's row; with `lock`, locked until the end of the transaction `db` (read-modify-write). */
  async find(slug: string, db: Executor = this.db, lock?: RowLock): Promise<SpaceRow | undefined> {
    return findSpace(db, slug, lock);
  }

  async get(slug: string, db: Executor = this.db, lock?: RowLock): Promise<SpaceRow> {
    const row = await this.find(slug, db, lock);
    if (!row) throw notFound(`space "${slug}"`);
    return row;
  }

  /** Locks the space for a change and checks If-Match against it as it is now (settings included). */
  private async lockedForChange(tx: Executor, slug: string, ifMatch: IfMatch | undefined, lock: RowLock = 'no key update'): Promise<SpaceRow> {
    const row = await this.get(slug, tx, lock);
    requireMatch(ifMatch, spaceView(row), `space "${slug}"`);
    return row;
  }

  async create(input: SpaceInput, actor: Actor): Promise<SpaceView> {
    const slug = input.slug ?? '';
    if (!isSlug(slug)) {
      throw invalid('slug', 'slug must be 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen');
    }
    checkTtl('access_token_ttl', input.access_token_ttl);
    checkTtl('refresh_token_ttl', input.refresh_token_ttl);
    const displayName = checkDisplayName(input.display_name) ?? slug;
    // Settings given at creation are checked and stored as an update would store them (defaults filled in).
    const settings = input.settings !== undefined ? mergeSettings({}, input.settings) : undefined;
    return this.db.transaction(async (tx) => {
      const row = await insertSpace(tx, {
        slug,
        displayName,
        ...(input.access_token_ttl ? { accessTokenTtl: input.access_token_ttl } : {}),
        ...(input.refresh_token_ttl ? { refreshTokenTtl: input.refresh_token_ttl } : {}),
        ...(settings ? { settings: settings as unknown as Record<string, unknown> } : {}),
      });
      if (!row) throw conflict(`space "${slug}" already exists`, 'slug');
      const view = spaceView(row);
      await recordAudit(tx, actor, { space: slug, action: 'space.create', targetType: 'space', targetId: slug, changes: view as never });
      await seedStandardScopes(tx, row, row.settings, actor);
      return view;
    });
  }

  async update(slug: string, input: SpaceInput, actor: Actor, ifMatch?: IfMatch): Promise<SpaceView> {
    if (input.slug !== undefined && input.slug !== slug) {
      throw invalid('slug', 'slug cannot be changed: it is part of the issuer URL');
    }
    checkTtl('access_token_ttl', input.access_token_ttl);
    checkTtl('refresh_token_ttl', input.refresh_token_ttl);
    const displayName = checkDisplayName(input.display_name);
    return publishAfter(
      this.bus,
      'space',
      slug,
      this.db.transaction(async (tx) => {
        // Locked: settings are merged into what is stored, so two concurrent changes of different settings both stay.
        const before = await this.lockedForChange(tx, slug, ifMatch);
        const row = await updateSpace(tx, before.id, {
          ...(displayName !== undefined ? { displayName } : {}),
          ...(input.access_token_ttl !== undefined ? { accessTokenTtl: input.access_token_ttl } : {}),
          ...(input.refresh_token_ttl !== undefined ? { refreshTokenTtl: input.refresh_token_ttl } : {}),
          ...(input.settings !== undefined ? { settings: mergeSettings(before.settings ?? {}, input.settings) as unknown as Record<string, unknown> } : {}),
          updatedAt: new Date(),
        });
        const view = spaceView(row);
        const { updated_at: _a, settings: sb, ...b } = spaceView(before);
        const { updated_at: _b, settings: sa, ...a } = view;
        // Settings are logged key by key (settings.<key>), so an entry names exactly what changed.
        const settingsDiff = Object.fromEntries(Object.entries(diff(sb as never, sa as never)).map(([k, v]) => [`settings.${k}`, v]));
        await recordAudit(tx, actor, { space: slug, action: 'space.update', targetType: 'space', targetId: slug, changes: { ...diff(b, a), ...settingsDiff } });
        return view;
      }),
    );
  }

  async delete(slug: string, actor: Actor, ifMatch?: IfMatch): Promise<void> {
    if (slug === DEFAULT_SPACE) throw new AppError('conflict', 'the default space cannot be deleted');
    await this.db.transaction(async (tx) => {
      const row = await this.lockedForChange(tx, slug, ifMatch, 'update');
      // Foreign keys cascade: clients, scopes, secrets, roles of this space go with it.
      await deleteSpace(tx, row.id);
      await recordAudit(tx, actor, { space: slug, action: 'space.delete', targetType: 'space', targetId: slug });
    });
    await this.bus?.publish('space', slug);
  }

  /** Creates the default space when missing; idempotent and safe when several nodes start at once. */
  async ensureDefault(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await insertSpace(tx, { slug: DEFAULT_SPACE, displayName: 'Default' });
      if (row) {
        await recordAudit(tx, SYSTEM, { space: DEFAULT_SPACE, action: 'space.create', targetType: 'space', targetId: DEFAULT_SPACE });
        await seedStandardScopes(tx, row, row.settings, SYSTEM);
      }
    });
  }

  /**
   * Start-up step: gives the standard scopes (OIDC Core §5.4) to each space created before Keyward had them, once.
   * A space records that it was seeded, so a standard scope an admin deleted afterwards is not created again. Safe
   * when several nodes start at once: each space is seeded under its row lock, and a seeded space is skipped.
   */
  async seedStandardScopes(): Promise<string[]> {
    const all = await allSpaceSettings(this.db);
    const seeded: string[] = [];
    for (const candidate of all.filter((s) => !standardScopesSeeded(s.settings))) {
      const slug = await this.db.transaction(async (tx) => {
        const row = await lockSpaceById(tx, candidate.id);
        if (!row || standardScopesSeeded(row.settings)) return undefined;
        await seedStandardScopes(tx, row, row.settings, SYSTEM);
        return row.slug;
      });
      if (slug) {
        seeded.push(slug);
        // Discovery's scopes_supported of the nodes already serving lists them now.
        await this.bus?.publish('scope', candidate.id);
      }
    }
    return seeded;
  }
}
