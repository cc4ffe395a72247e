// Store contract: GrantStore and the access token revocations on both stores. Revoking a grant revokes its stored
// access tokens (again, when it already was: a late group-commit write is caught); a revocation limited to a space
// leaves other spaces' grants and their tokens alone; "revoke all" ends one holder's grants and tokens only; a
// client's cut-off never moves back; and all of it rolls back with the caller's transaction.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { AccessTokenStore, revokeAccessTokenInSpace, type AccessRow } from '../../src/store/access-tokens.js';
import { GrantStore } from '../../src/store/grants.js';
import { accessTokens, clients, grants } from '../../src/store/schema.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('GrantStore and access token revocation (%s)', (kind) => {
  const env = useServices(kind);
  let n = 0;

  /** A new client of the default space, a grant of it and `tokens` stored access tokens in that grant. */
  async function setup(tokens = 1) {
    const { ts, s } = env;
    const space = await s.spaces.get('default');
    const c = await s.clients.create(space, { name: `grants-${++n}`, grant_types: ['client_credentials'] }, SYSTEM);
    const clientPk = (await s.clients.row(space, c.client_id)).id;
    const store = new GrantStore(ts.store.db);
    const grantId = await store.create(ts.store.db, { spaceId: space.id, clientPk, grantType: 'password', scope: ['a'] });
    const row = (id: string, grant: string | null = grantId): AccessRow => ({
      id,
      spaceId: space.id,
      clientPk,
      grantId: grant,
      grantType: 'password',
      format: 'jwt',
      scope: ['a'],
      createdAt: new Date(),
      expiresAt: null,
    });
    const ids = Array.from({ length: tokens }, (_, i) => `jti:g${n}-${i}`);
    if (ids.length) await new AccessTokenStore(ts.store).insert(ids.map((id) => row(id)));
    return { space, clientPk, grantId, store, ids, row, access: new AccessTokenStore(ts.store) };
  }
  /** The id of a new space besides the default one. */
  const otherSpace = async () => (await env.s.spaces.get((await env.s.spaces.create({ slug: `other-${++n}` }, SYSTEM)).slug)).id;
  const revokedAt = async (ids: string[]) =>
    (await env.ts.store.db.select({ id: accessTokens.id, at: accessTokens.revokedAt }).from(accessTokens).where(inArray(accessTokens.id, ids))).map(
      (r) => r.at,
    );
  const grantRevokedAt = async (id: string) => (await env.ts.store.db.select().from(grants).where(eq(grants.id, id)))[0]!.revokedAt;

  it('revoke ends the grant and its tokens; a token stored late is caught by a second revoke', async () => {
    const { grantId, store, ids, row, access } = await setup(2);
    expect(await store.isLive(grantId)).toBe(true);
    await store.revoke(env.ts.store.db, grantId);
    expect(await store.isLive(grantId)).toBe(false);
    expect((await revokedAt(ids)).every((d) => d instanceof Date)).toBe(true);
    const first = (await grantRevokedAt(grantId))!;
    await access.insert([row(`jti:late-${n}`)]);
    await store.revoke(env.ts.store.db, grantId);
    expect((await revokedAt([`jti:late-${n}`]))[0]).toBeInstanceOf(Date);
    // The grant keeps its first revocation time.
    expect((await grantRevokedAt(grantId))!.getTime()).toBe(first.getTime());
    expect(await store.isLive('00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('revokeInSpace touches only a live grant of that space', async () => {
    const { space, grantId, store, ids, clientPk } = await setup(1);
    const db = env.ts.store.db;
    expect(await store.revokeInSpace(db, await otherSpace(), grantId, new Date())).toBeUndefined();
    expect(await grantRevokedAt(grantId)).toBeNull();
    expect(await revokedAt(ids)).toEqual([null]);
    // The grant's client is named: its own webhook is told of the revocation.
    expect(await store.revokeInSpace(db, space.id, grantId, new Date())).toBe(clientPk);
    expect(await revokedAt(ids)).not.toEqual([null]);
    expect(await store.revokeInSpace(db, space.id, grantId, new Date())).toBeUndefined();
  });

  it("revokeAll ends one client's grants and tokens, counted; other clients keep theirs", async () => {
    const a = await setup(2);
    const b = await setup(1);
    const at = new Date();
    await a.access.insert([a.row(`opaque-${n}`, null)]);
    const done = await env.ts.store.db.transaction((tx) => a.store.revokeAll(tx, a.space.id, { clientPk: a.clientPk }, at));
    expect(done).toEqual({ grants: 1, accessTokens: 3 });
    expect(await a.store.isLive(a.grantId)).toBe(false);
    expect(await b.store.isLive(b.grantId)).toBe(true);
    expect(await revokedAt(b.ids)).toEqual([null]);
    expect(await a.store.revokeAll(env.ts.store.db, a.space.id, { clientPk: a.clientPk }, at)).toEqual({ grants: 0, accessTokens: 0 });
  });

  it("a client's cut-off moves forward only", async () => {
    const { clientPk, store } = await setup(0);
    const db = env.ts.store.db;
    const later = new Date(Date.now() + 60_000);
    const cutOff = async () => (await db.select({ at: clients.tokensValidAfter }).from(clients).where(eq(clients.id, clientPk)))[0]!.at;
    expect((await db.transaction((tx) => store.cutOffClient(tx, clientPk, later))).getTime()).toBe(later.getTime());
    expect((await db.transaction((tx) => store.cutOffClient(tx, clientPk, new Date()))).getTime()).toBe(later.getTime());
    expect((await cutOff())!.getTime()).toBe(later.getTime());
  });

  it("writes in the caller's transaction roll back with it", async () => {
    const { space, grantId, store, ids } = await setup(1);
    const db = env.ts.store.db;
    const other = await setup(0);
    await expect(
      db.transaction(async (tx) => {
        await store.revoke(tx, grantId);
        expect(await revokeAccessTokenInSpace(tx, space.id, ids[0]!, new Date())).toBeUndefined();
        await store.create(tx, { spaceId: space.id, clientPk: other.clientPk, grantType: 'x', scope: [] });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.isLive(grantId)).toBe(true);
    expect(await revokedAt(ids)).toEqual([null]);
  });

  it('access tokens: a client revokes only its own; a JWT jti is recorded as revoked whether stored or not', async () => {
    const { space, clientPk, ids, row, access } = await setup(1);
    const other = await setup(0);
    await access.insert([row(`opaque-own-${n}`, null)]);
    await access.revoke(`opaque-own-${n}`, other.clientPk);
    expect((await access.findMany([`opaque-own-${n}`])).get(`opaque-own-${n}`)!.revokedAt).toBeNull();
    await access.revoke(`opaque-own-${n}`, clientPk);
    expect((await access.findMany([`opaque-own-${n}`])).get(`opaque-own-${n}`)!.revokedAt).toBeInstanceOf(Date);

    const at = new Date();
    await access.revokeJwt({ ...row(`jti:never-stored-${n}`, null), revokedAt: at });
    await access.revokeJwt({ ...row(ids[0]!), revokedAt: at });
    const found = await access.findMany([`jti:never-stored-${n}`, ids[0]!, 'unknown']);
    expect([...found.keys()].sort()).toEqual([ids[0]!, `jti:never-stored-${n}`].sort());
    expect([...found.values()].every((r) => r.revokedAt?.getTime() === at.getTime())).toBe(true);

    const mgmt = `opaque-mgmt-${n}`;
    await access.insert([row(mgmt, null)]);
    expect(await revokeAccessTokenInSpace(env.ts.store.db, await otherSpace(), mgmt, at)).toBeUndefined();
    expect(await revokeAccessTokenInSpace(env.ts.store.db, space.id, mgmt, at)).toBe(clientPk);
    expect(await revokeAccessTokenInSpace(env.ts.store.db, space.id, mgmt, at)).toBeUndefined();
  });
});
