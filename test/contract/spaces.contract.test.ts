// Store contract: SpaceService behaves the same on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { SpaceService } from '../../src/registry/spaces.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('SpaceService contract (%s)', (kind) => {
  let ts: TestStore;
  let spaces: SpaceService;
  beforeAll(async () => {
    ts = await openTestStore(kind);
    spaces = new SpaceService(ts.store.db);
  });
  afterAll(async () => ts?.close());

  it('creates the default space once, even when asked concurrently', async () => {
    await Promise.all([spaces.ensureDefault(), spaces.ensureDefault(), spaces.ensureDefault()]);
    const d = await spaces.get('default');
    expect(d).toMatchObject({ slug: 'default', accessTokenTtl: 28800, refreshTokenTtl: 2592000 });
    const page = await spaces.list({ limit: 50 });
    expect(page.items.filter((s) => s.slug === 'default')).toHaveLength(1);
  });

  it('creates, reads, updates and deletes', async () => {
    const s = await spaces.create({ slug: 'acme', display_name: 'Acme', access_token_ttl: 600 }, SYSTEM);
    expect(s).toMatchObject({ slug: 'acme', display_name: 'Acme', access_token_ttl: 600, refresh_token_ttl: 2592000 });
    const u = await spaces.update('acme', { display_name: 'Acme Inc.', refresh_token_ttl: 86400 }, SYSTEM);
    expect(u).toMatchObject({ display_name: 'Acme Inc.', access_token_ttl: 600, refresh_token_ttl: 86400 });
    await spaces.delete('acme', SYSTEM);
    await expect(spaces.get('acme')).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a duplicate slug with 409 and keeps the first', async () => {
    await spaces.create({ slug: 'dup', display_name: 'First' }, SYSTEM);
    await expect(spaces.create({ slug: 'dup', display_name: 'Second' }, SYSTEM)).rejects.toMatchObject({ status: 409, field: 'slug' });
    expect((await spaces.get('dup')).displayName).toBe('First');
  });

  it('refuses to delete the default space or rename a slug', async () => {
    await expect(spaces.delete('default', SYSTEM)).rejects.toMatchObject({ status: 409 });
    await expect(spaces.update('default', { slug: 'other' }, SYSTEM)).rejects.toMatchObject({ status: 400, field: 'slug' });
  });

  it('pages through spaces in creation order without repeats', async () => {
    for (const n of ['p1', 'p2', 'p3', 'p4']) await spaces.create({ slug: n }, SYSTEM);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await spaces.list({ limit: 2, cursor });
      seen.push(...page.items.map((s) => s.slug));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.filter((s) => s.startsWith('p'))).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await spaces.list({ limit: 50 }, ['p2', 'p3'])).items.map((s) => s.slug)).toEqual(['p2', 'p3']);
  });
});
