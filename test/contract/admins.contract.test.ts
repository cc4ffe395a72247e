// Store contract: AdminService (accounts, roles, API tokens) and the audit log on PGlite and PostgreSQL.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminService } from '../../src/admin/accounts.js';
import { listAudit, SYSTEM } from '../../src/events/audit.js';
import { SpaceService } from '../../src/registry/spaces.js';
import { adminTokens } from '../../src/store/schema.js';
import { openTestStore, pgNotice, STORE_KINDS, type TestStore } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('AdminService contract (%s)', (kind) => {
  let ts: TestStore;
  let admins: AdminService;
  beforeAll(async () => {
    ts = await openTestStore(kind);
    admins = new AdminService(ts.store.db);
    await new SpaceService(ts.store.db).ensureDefault();
  });
  afterAll(async () => ts?.close());

  it('creates exactly one first owner when several starts race', async () => {
    const results = await Promise.all(
      [0, 1, 2].map((i) => admins.createFirstOwner({ email: `first${i}@example.com`, withToken: true, tokenName: 'boot' }, SYSTEM)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await admins.count()).toBe(1);
  });

  it('stores API tokens hashed; revoked, expired and disabled tokens stop working', async () => {
    const a = await admins.create({ email: 'Tok@Example.com', password: 'correct horse battery', roles: [{ space: 'default', role: 'viewer' }] }, SYSTEM);
    const t = await admins.createToken(a.id, { name: 'ci' }, SYSTEM);
    const [row] = await ts.store.db.select().from(adminTokens).where(eq(adminTokens.id, t.id));
    expect(row!.tokenHash).not.toBe(t.token);
    expect(JSON.stringify(await admins.listTokens(a.id))).not.toContain(t.token);
    const p = await admins.authenticate(t.token);
    expect(p?.roles.get('default')).toBe('viewer');
    await admins.revokeToken(a.id, t.id, SYSTEM);
    expect(await admins.authenticate(t.token)).toBeUndefined();

    const t2 = await admins.createToken(a.id, { name: 'short', expires_in: 60 }, SYSTEM);
    await ts.store.db
      .update(adminTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(adminTokens.id, t2.id));
    expect(await admins.authenticate(t2.token)).toBeUndefined();

    const t3 = await admins.createToken(a.id, { name: 'third' }, SYSTEM);
    await admins.update(a.id, { disabled: true }, SYSTEM);
    expect(await admins.authenticate(t3.token)).toBeUndefined();
  });

  it('compares e-mail addresses case-insensitively', async () => {
    await admins.create({ email: 'case@example.com' }, SYSTEM);
    await expect(admins.create({ email: 'CASE@example.com' }, SYSTEM)).rejects.toMatchObject({ status: 409, field: 'email' });
  });

  it('grants, changes and revokes roles per space and globally', async () => {
    const a = await admins.create({ email: 'roles@example.com' }, SYSTEM);
    await admins.setRole(a.id, 'default', 'client-manager', SYSTEM);
    await admins.setRole(a.id, '*', 'viewer', SYSTEM);
    expect((await admins.setRole(a.id, 'default', 'admin', SYSTEM)).roles).toEqual([
      { space: '*', role: 'viewer' },
      { space: 'default', role: 'admin' },
    ]);
    expect((await admins.setRole(a.id, '*', null, SYSTEM)).roles).toEqual([{ space: 'default', role: 'admin' }]);
    await expect(admins.setRole(a.id, '*', null, SYSTEM)).rejects.toMatchObject({ status: 404 });
    await expect(admins.setRole(a.id, 'nowhere', 'viewer', SYSTEM)).rejects.toMatchObject({ status: 400 });
  });

  it('writes an audit entry per mutation and never a password', async () => {
    await admins.create({ email: 'audited@example.com', password: 'a very secret passphrase' }, SYSTEM);
    const log = await listAudit(ts.store.db, { limit: 200 });
    expect(log.items.some((e) => e.action === 'admin.create' && JSON.stringify(e.changes).includes('audited@example.com'))).toBe(true);
    expect(JSON.stringify(log)).not.toContain('a very secret passphrase');
  });
});
