// Store contract: the standard scopes (OIDC Core §5.4) on PGlite and PostgreSQL. New spaces start with them; a
// space from before they existed gets them once at start-up (prepareStore, as `keyward serve` runs it); a deleted
// standard scope stays deleted; an admin's own scope of the same name is kept as it is.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { loadConfig } from '../../src/config/index.js';
import { ScopeService } from '../../src/registry/scopes.js';
import { SpaceService } from '../../src/registry/spaces.js';
import { prepareStore } from '../../src/server.js';
import { openStore, type Store } from '../../src/store/db.js';
import { auditLog, scopes, spaces } from '../../src/store/schema.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';

pgNotice();

// The OIDC standard scopes and the vault's `connections` scope, which every space also starts with.
const STANDARD = ['address', 'connections', 'email', 'phone', 'profile'];

async function scopeNames(store: Store, slug: string): Promise<string[]> {
  const rows = await store.db.select({ name: scopes.name }).from(scopes).innerJoin(spaces, eq(spaces.id, scopes.spaceId)).where(eq(spaces.slug, slug));
  return rows.map((r) => r.name).sort();
}

/** A space as Keyward wrote it before the standard scopes existed: no scopes, nothing recorded. */
async function legacySpace(store: Store, slug: string): Promise<string> {
  const [row] = await store.db.insert(spaces).values({ slug, displayName: slug }).returning();
  return row!.id;
}

describe.each(STORE_KINDS)('standard scopes (%s)', (kind) => {
  let ts: TestStore;
  let svc: SpaceService;
  beforeAll(async () => {
    ts = await openTestStore(kind);
    svc = new SpaceService(ts.store.db);
  });
  afterAll(async () => ts?.close());

  it('the default space and every new space start with profile, email, address and phone', async () => {
    await Promise.all([svc.ensureDefault(), svc.ensureDefault()]);
    expect(await scopeNames(ts.store, 'default')).toEqual(STANDARD);
    await svc.create({ slug: 'new-one', settings: { require_par: true } }, SYSTEM);
    expect(await scopeNames(ts.store, 'new-one')).toEqual(STANDARD);
    // The bookkeeping is not a setting: the view shows the settings only, and they are kept.
    const view = (await svc.list({ limit: 50 })).items.find((s) => s.slug === 'new-one')!;
    expect(view.settings.require_par).toBe(true);
    expect(view.settings).not.toHaveProperty('_seeded');
  });

  it('a space from before gets them once, also when nodes seed at once; a deletion then sticks', async () => {
    const id = await legacySpace(ts.store, 'legacy');
    // An admin's own "email" scope from before: kept as it is.
    await ts.store.db.insert(scopes).values({ spaceId: id, name: 'email', description: 'Mail (custom)' });
    const runs = await Promise.all([svc.seedStandardScopes(), svc.seedStandardScopes()]);
    expect(runs.flat().filter((s) => s === 'legacy')).toHaveLength(1);
    expect(await scopeNames(ts.store, 'legacy')).toEqual(STANDARD);
    const [email] = await ts.store.db
      .select()
      .from(scopes)
      .where(and(eq(scopes.spaceId, id), eq(scopes.name, 'email')));
    expect(email!.description).toBe('Mail (custom)');
    const audited = await ts.store.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.space, 'legacy'), eq(auditLog.action, 'scope.create')));
    expect(audited.map((a) => a.targetId).sort()).toEqual(['address', 'connections', 'phone', 'profile']);

    await new ScopeService(ts.store.db).delete({ id, slug: 'legacy' }, 'phone', SYSTEM);
    await svc.update('legacy', { settings: { login_failure_limit: 5 } }, SYSTEM);
    expect(await svc.seedStandardScopes()).toEqual([]);
    expect(await scopeNames(ts.store, 'legacy')).toEqual(['address', 'connections', 'email', 'profile']);
  });

  it('a space seeded before the connections scope existed gets it once, and only it', async () => {
    const id = await legacySpace(ts.store, 'before-vault');
    await ts.store.db
      .update(spaces)
      .set({ settings: { _seeded: ['standard_scopes'] } })
      .where(eq(spaces.id, id));
    expect(await svc.seedStandardScopes()).toContain('before-vault');
    expect(await scopeNames(ts.store, 'before-vault')).toEqual(['connections']);
    expect(await svc.seedStandardScopes()).toEqual([]);
  });

  it('the start-up step (prepareStore) seeds spaces from before', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'keyward-seed-'));
    try {
      const env: Record<string, string> = { KEYWARD_DATA_DIR: dataDir, KEYWARD_LOG_LEVEL: 'silent' };
      let store: Store;
      if (kind === 'postgres') {
        env.KEYWARD_DATABASE_URL = ts.databaseUrl!;
        env.KEYWARD_MASTER_KEY = randomBytes(32).toString('base64');
        store = ts.store;
      } else {
        store = await openStore({ dataDir });
        await store.migrate();
      }
      await legacySpace(store, 'before-upgrade');
      expect(await scopeNames(store, 'before-upgrade')).toEqual([]);
      if (kind === 'pglite') await store.close();
      await prepareStore(loadConfig(env), () => {});
      if (kind === 'pglite') store = await openStore({ dataDir });
      try {
        expect(await scopeNames(store, 'before-upgrade')).toEqual(STANDARD);
        expect(await scopeNames(store, 'default')).toEqual(STANDARD);
      } finally {
        if (kind === 'pglite') await store.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
