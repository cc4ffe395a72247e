// Store contract: RefreshTokenStore.rotate() on both stores. One transaction counts the refresh, marks the token used
// and stores the successor; at the limit no successor is stored; a used token is reuse unless inside the grace
// period; a failure anywhere (a real SQL error, injected with a trigger on each statement and at COMMIT) leaves
// nothing behind.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { RefreshTokenStore } from '../../src/store/refresh-tokens.js';
import { grants, refreshTokens } from '../../src/store/schema.js';
import { injectRotationFault, ROTATION_FAULTS } from '../helpers/rotation-faults.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('RefreshTokenStore.rotate (%s)', (kind) => {
  const env = useServices(kind);
  let n = 0;

  /** A grant with one unused refresh token "<tag>-0". */
  async function family(tag: string) {
    const { ts, s } = env;
    const space = await s.spaces.get('default');
    const c = await s.clients.create(space, { name: `rt-${tag}-${++n}`, grant_types: ['client_credentials'] }, SYSTEM);
    const clientPk = (await s.clients.row(space, c.client_id)).id;
    const [g] = await ts.store.db
      .insert(grants)
      .values({ spaceId: space.id, clientPk, grantType: 'password', scope: ['a', 'b'] })
      .returning();
    const store = new RefreshTokenStore(ts.store.db);
    await store.insert(ts.store.db, { hash: `${tag}-0`, grantId: g!.id, expiresAt: null });
    return { store, grantId: g!.id };
  }
  const req = (grantId: string, hash: string, next: string | null, more: { limit?: number | null; graceSeconds?: number; grantScope?: string[] } = {}) => ({
    hash,
    grantId,
    limit: more.limit ?? null,
    graceSeconds: more.graceSeconds ?? 0,
    grantScope: more.grantScope ?? ['a', 'b'],
    next: next ? { hash: next, expiresAt: null } : null,
  });
  const grantRow = async (id: string) => (await env.ts.store.db.select().from(grants).where(eq(grants.id, id)))[0]!;
  const tokenRow = async (hash: string) => (await env.ts.store.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash)))[0];

  it('rotates: counts, marks used, stores the successor and the re-checked grant scope', async () => {
    const { store, grantId } = await family('rot');
    expect(await store.rotate(req(grantId, 'rot-0', 'rot-1', { grantScope: ['a'] }))).toEqual({
      status: 'rotated',
      refreshCount: 1,
      issued: true,
      withinGrace: false,
    });
    expect((await tokenRow('rot-0'))!.usedAt).toBeInstanceOf(Date);
    expect((await tokenRow('rot-1'))!.usedAt).toBeNull();
    expect(await grantRow(grantId)).toMatchObject({ refreshCount: 1, scope: ['a'] });
    expect(await store.rotate(req(grantId, 'rot-0', 'rot-x'))).toEqual({ status: 'reused' });
    expect(await tokenRow('rot-x')).toBeUndefined();
    expect(await store.rotate(req(grantId, 'nope', 'rot-y'))).toEqual({ status: 'unknown' });
  });

  it('the last refresh under the limit stores no successor; beyond it nothing changes', async () => {
    const { store, grantId } = await family('lim');
    expect(await store.rotate(req(grantId, 'lim-0', 'lim-1', { limit: 2 }))).toMatchObject({ status: 'rotated', issued: true });
    expect(await store.rotate(req(grantId, 'lim-1', 'lim-2', { limit: 2 }))).toMatchObject({ status: 'rotated', refreshCount: 2, issued: false });
    expect(await tokenRow('lim-2')).toBeUndefined();
    // A token left over from a higher limit: refused, not marked used.
    await store.insert(env.ts.store.db, { hash: 'lim-old', grantId, expiresAt: null });
    expect(await store.rotate(req(grantId, 'lim-old', 'lim-3', { limit: 2 }))).toEqual({ status: 'limit' });
    expect((await tokenRow('lim-old'))!.usedAt).toBeNull();
  });

  it('inside the grace period a used token rotates again, keeping its first use time', async () => {
    const { store, grantId } = await family('gr');
    await store.rotate(req(grantId, 'gr-0', 'gr-1', { graceSeconds: 30 }));
    const firstUse = (await tokenRow('gr-0'))!.usedAt!;
    expect(await store.rotate(req(grantId, 'gr-0', 'gr-2', { graceSeconds: 30 }))).toEqual({
      status: 'rotated',
      refreshCount: 2,
      issued: true,
      withinGrace: true,
    });
    expect((await tokenRow('gr-0'))!.usedAt!.getTime()).toBe(firstUse.getTime());
    expect(await tokenRow('gr-2')).toBeDefined();
    expect(await store.rotate(req(grantId, 'gr-0', 'gr-3', { graceSeconds: 0 }))).toEqual({ status: 'reused' });
  });

  it('a revoked grant is refused', async () => {
    const { store, grantId } = await family('rev');
    await env.ts.store.db.update(grants).set({ revokedAt: new Date() }).where(eq(grants.id, grantId));
    expect(await store.rotate(req(grantId, 'rev-0', 'rev-1'))).toEqual({ status: 'revoked' });
    expect((await tokenRow('rev-0'))!.usedAt).toBeNull();
  });

  // A failure after some of rotate()'s statements have run (or at COMMIT, after all of them) rolls every one back:
  // the presented token is not marked used, the count and the grant's scope are as before, no successor is stored,
  // and the retry is an ordinary rotation, not reuse.
  it.each(ROTATION_FAULTS)('a failure at %s rolls the whole rotation back: the retry rotates, it is not reuse', async (fault) => {
    const tag = `flt${ROTATION_FAULTS.indexOf(fault)}`;
    const { store, grantId } = await family(tag);
    const remove = await injectRotationFault(env.ts.store.db, fault);
    try {
      await expect(store.rotate(req(grantId, `${tag}-0`, `${tag}-1`, { grantScope: ['a'] }))).rejects.toThrow();
    } finally {
      await remove();
    }
    expect((await tokenRow(`${tag}-0`))!.usedAt).toBeNull();
    expect(await tokenRow(`${tag}-1`)).toBeUndefined();
    expect(await grantRow(grantId)).toMatchObject({ refreshCount: 0, scope: ['a', 'b'] });
    expect(await store.rotate(req(grantId, `${tag}-0`, `${tag}-1`))).toEqual({ status: 'rotated', refreshCount: 1, issued: true, withinGrace: false });
  });
});
