// Scopes of a space (seed 004): a name, the description shown on the consent page, and a default flag.
import { conflict, invalid, notFound } from '../errors.js';
import { diff, recordAudit, type Actor } from '../events/audit.js';
import type { Executor } from '../store/db.js';
import { publishAfter, type ChangeBus } from '../store/changes.js';
import { isUniqueViolation } from '../store/errors.js';
import type { RowLock } from '../store/locks.js';
import { clientsWithScope, deleteScope, findScope, insertScope, listScopes, updateScope, type ScopeRow } from '../store/scopes.js';
import { SCOPE_TOKEN } from './client-rules.js';
import { requireMatch, type IfMatch } from './etag.js';
import { mapPage, type Page, type PageRequest } from './page.js';

export type { ScopeRow };

export interface ScopeInput {
  name?: string;
  description?: string;
  default?: boolean;
}

export interface ScopeView {
  name: string;
  description: string;
  default: boolean;
  created_at: string;
  updated_at: string;
}

export const scopeView = (s: ScopeRow): ScopeView => ({
  name: s.name,
  description: s.description,
  default: s.isDefault,
  created_at: s.createdAt.toISOString(),
  updated_at: s.updatedAt.toISOString(),
});

function checkDescription(d: string | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (d.length > 1000) throw invalid('description', 'description must be at most 1000 characters');
  return d.trim();
}

export class ScopeService {
  constructor(
    private readonly db: Executor,
    private readonly bus?: ChangeBus,
  ) {}

  async list(spaceId: string, req: PageRequest & { name?: string }): Promise<Page<ScopeView>> {
    return mapPage(await listScopes(this.db, spaceId, req), scopeView);
  }

  /** The scope's row; with `lock`, locked until the end of the transaction `db` (read-modify-write). */
  async get(spaceId: string, name: string, db: Executor = this.db, lock?: RowLock): Promise<ScopeRow> {
    const row = await findScope(db, spaceId, name, lock);
    if (!row) throw notFound(`scope "${name}"`);
    return row;
  }

  /** The clients that have the scope: how many, and the first ten by name (a confirmation before deleting it says them). */
  async usage(spaceId: string, name: string): Promise<{ total: number; clients: { client_id: string; name: string }[] }> {
    const row = await this.get(spaceId, name);
    const u = await clientsWithScope(this.db, row.id, 10);
    return { total: u.total, clients: u.clients.map((c) => ({ client_id: c.clientId, name: c.name })) };
  }

  /** Locks the scope for a change and checks If-Match against it as it is now. */
  private async lockedForChange(tx: Executor, spaceId: string, name: string, ifMatch: IfMatch | undefined, lock: RowLock = 'no key update'): Promise<ScopeRow> {
    const row = await this.get(spaceId, name, tx, lock);
    requireMatch(ifMatch, scopeView(row), `scope "${name}"`);
    return row;
  }

  /** Inserts within the caller's transaction (used by create-and-associate too). */
  async insert(tx: Executor, space: { id: string; slug: string }, input: ScopeInput, actor: Actor): Promise<ScopeRow> {
    const name = input.name ?? '';
    if (!SCOPE_TOKEN.test(name)) {
      throw invalid('name', 'name must be 1 to 100 printable characters without spaces, quotes or backslashes (RFC 6749 scope-token)');
    }
    const description = checkDescription(input.description) ?? '';
    let row: ScopeRow;
    try {
      row = await insertScope(tx, { spaceId: space.id, name, description, isDefault: input.default ?? false });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`scope "${name}" already exists in this space`, 'name');
      throw err;
    }
    await recordAudit(tx, actor, { space: space.slug, action: 'scope.create', targetType: 'scope', targetId: name, changes: { ...scopeView(row) } });
    return row;
  }

  async create(space: { id: string; slug: string }, input: ScopeInput, actor: Actor): Promise<ScopeView> {
    // Published: discovery's scopes_supported lists the space's scopes.
    return scopeView(
      await publishAfter(
        this.bus,
        'scope',
        space.id,
        this.db.transaction((tx) => this.insert(tx, space, input, actor)),
      ),
    );
  }

  async update(space: { id: string; slug: string }, name: string, input: ScopeInput, actor: Actor, ifMatch?: IfMatch): Promise<ScopeView> {
    if (input.name !== undefined && input.name !== name) throw invalid('name', 'a scope cannot be renamed: clients and tokens refer to it');
    const description = checkDescription(input.description);
    return publishAfter(
      this.bus,
      'scope',
      space.id,
      this.db.transaction(async (tx) => {
        const before = await this.lockedForChange(tx, space.id, name, ifMatch);
        const row = await updateScope(tx, before.id, {
          ...(description !== undefined ? { description } : {}),
          ...(input.default !== undefined ? { isDefault: input.default } : {}),
          updatedAt: new Date(),
        });
        const { updated_at: _a, ...b } = scopeView(before);
        const { updated_at: _b, ...a } = scopeView(row);
        await recordAudit(tx, actor, { space: space.slug, action: 'scope.update', targetType: 'scope', targetId: name, changes: diff(b, a) });
        return scopeView(row);
      }),
    );
  }

  async delete(space: { id: string; slug: string }, name: string, actor: Actor, ifMatch?: IfMatch): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.lockedForChange(tx, space.id, name, ifMatch, 'update');
      await deleteScope(tx, row.id);
      await recordAudit(tx, actor, { space: space.slug, action: 'scope.delete', targetType: 'scope', targetId: name });
    });
    await this.bus?.publish('scope', space.id);
  }
}
