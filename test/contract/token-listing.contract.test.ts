// Store contract: TokenListing and the client assertion jtis on both stores. Listings are newest first, keyset-paged
// by (created_at, id) so equal timestamps neither repeat nor skip a row, filtered by client or user, and skip revoked
// grants and revoked or expired tokens; expiries come from unused refresh tokens and the grant's access tokens; a
// consent is deleted only in its space. An assertion jti is accepted once per client.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { AccessTokenStore } from '../../src/store/access-tokens.js';
import { ClientAssertionStore } from '../../src/store/client-assertions.js';
import { GrantStore } from '../../src/store/grants.js';
import { RefreshTokenStore } from '../../src/store/refresh-tokens.js';
import { consents, users } from '../../src/store/schema.js';
import { TokenListing } from '../../src/store/token-listing.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('TokenListing and client assertions (%s)', (kind) => {
  const env = useServices(kind);
  let n = 0;

  async function fixture() {
    const { ts, s } = env;
    const created = await s.spaces.create({ slug: `listing-${++n}` }, SYSTEM);
    const space = await s.spaces.get(created.slug);
    const client = async (name: string) =>
      (await s.clients.row(space, (await s.clients.create(space, { name, grant_types: ['client_credentials'] }, SYSTEM)).client_id)).id;
    const [a, b] = [await client('a'), await client('b')];
    const [user] = await ts.store.db.insert(users).values({ spaceId: space.id, username: 'u', usernameKey: 'u', kind: 'personal' }).returning();
    return { space, a, b, userId: user!.id, db: ts.store.db, listing: new TokenListing(ts.store.db) };
  }

  it('pages grants newest first through equal timestamps, filtered, without revoked ones', async () => {
    const { space, a, b, userId, db, listing } = await fixture();
    const grants = new GrantStore(db);
    const same = new Date('2026-01-01T00:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await grants.create(db, { spaceId: space.id, clientPk: i < 4 ? a : b, userId: i % 2 ? userId : null, grantType: 'password', scope: [] }));
    }
    await db.execute(sql`update grants set created_at = ${same.toISOString()}::timestamptz where space_id = ${space.id}`);
    await grants.revoke(db, ids[3]!);

    const seen: string[] = [];
    let before: { at: Date; id: string } | undefined;
    for (;;) {
      const rows = await listing.grants(space.id, { limit: 2, before });
      const page = rows.slice(0, 2);
      seen.push(...page.map((r) => r.g.id));
      if (rows.length <= 2) break;
      before = { at: page[1]!.g.createdAt, id: page[1]!.g.id };
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set([ids[0], ids[1], ids[2], ids[4]]));
    expect(seen).toEqual([...seen].sort().reverse());
    expect((await listing.grants(space.id, { limit: 10, clientPk: b })).map((r) => r.g.id)).toEqual([ids[4]]);
    expect((await listing.grants(space.id, { limit: 10, userId })).map((r) => r.g.id)).toEqual([ids[1]]);
  });

  it('lists live access tokens outside grants and the expiries of grants', async () => {
    const { space, a, db, listing } = await fixture();
    const grantId = await new GrantStore(db).create(db, { spaceId: space.id, clientPk: a, grantType: 'password', scope: [] });
    const row = (id: string, expiresAt: Date | null, grant: string | null = null) => ({
      id,
      spaceId: space.id,
      clientPk: a,
      grantId: grant,
      grantType: 'client_credentials',
      format: 'opaque',
      scope: [],
      createdAt: new Date(),
      expiresAt,
    });
    const later = new Date(Date.now() + 3600_000);
    const access = new AccessTokenStore(env.ts.store);
    await access.insert([
      row(`live-${n}`, later),
      row(`expired-${n}`, new Date(Date.now() - 1000)),
      row(`revoked-${n}`, null),
      row(`in-grant-${n}`, later, grantId),
    ]);
    await access.revoke(`revoked-${n}`);
    expect((await listing.accessTokens(space.id, { limit: 10 }, new Date())).map((r) => r.t.id)).toEqual([`live-${n}`]);

    const refresh = new RefreshTokenStore(db);
    await refresh.insert(db, { hash: `rt-${n}`, grantId, expiresAt: later });
    expect(await listing.expiries([grantId])).toEqual({ refresh: [{ grantId, expiresAt: later }], access: [{ grantId, expiresAt: later }] });
    expect(await listing.expiries([])).toEqual({ refresh: [], access: [] });
  });

  it('lists consents and deletes one only in its space', async () => {
    const { space, a, userId, db, listing } = await fixture();
    const [c] = await db
      .insert(consents)
      .values({ spaceId: space.id, userId, clientPk: a, scope: ['openid'] })
      .returning();
    expect((await listing.consents(space.id, { limit: 10, clientPk: a })).map((r) => [r.c.id, r.clientId !== null, r.username])).toEqual([[c!.id, true, 'u']]);
    const other = await fixture();
    expect(await listing.deleteConsent(db, other.space.id, c!.id)).toBeUndefined();
    expect(await listing.deleteConsent(db, space.id, c!.id)).toMatchObject({ id: c!.id, scope: ['openid'] });
    expect(await listing.consents(space.id, { limit: 10 })).toEqual([]);
  });

  it('accepts a client assertion jti once per client', async () => {
    const { a, b, db } = await fixture();
    const expiresAt = new Date(Date.now() + 60_000);
    expect(await new ClientAssertionStore(db).remember({ clientPk: a, jti: 'j1', expiresAt })).toBe(true);
    expect(await new ClientAssertionStore(db).remember({ clientPk: a, jti: 'j1', expiresAt })).toBe(false);
    expect(await new ClientAssertionStore(db).remember({ clientPk: b, jti: 'j1', expiresAt })).toBe(true);
    // Other failures are not taken for a replay.
    await expect(new ClientAssertionStore(db).remember({ clientPk: '00000000-0000-4000-8000-000000000000', jti: 'j2', expiresAt })).rejects.toThrow();
  });
});
