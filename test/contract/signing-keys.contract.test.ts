// Store contract: SigningKeyStore on both stores. The key lock makes two creators of one space take turns; live
// algorithms are the keys not retired by the given moment; retiring at a moment leaves keys already retired earlier
// alone; expired keys are deleted; the lifetimes of a space's JWT clients say when one never expires.
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { SigningKeyStore, type NewKeyRow } from '../../src/store/signing-keys.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();
const at = (s: number) => new Date(Date.now() + s * 1000);

describe.each(STORE_KINDS)('SigningKeyStore (%s)', (kind) => {
  const env = useServices(kind);
  let n = 0;

  async function space() {
    const created = await env.s.spaces.create({ slug: `keys-${++n}` }, SYSTEM);
    return (await env.s.spaces.get(created.slug)).id;
  }
  const key = (spaceId: string, alg: string, activeAt: Date): NewKeyRow => ({
    spaceId,
    kid: `kid-${kind}-${++n}`,
    alg,
    publicJwk: { kty: 'EC' },
    privateSealed: 'sealed',
    activeAt,
  });

  it('the key lock serializes work on one space', async () => {
    const store = new SigningKeyStore(env.ts.store.db);
    const spaceId = await space();
    const order: string[] = [];
    const work = (name: string) =>
      store.locked(spaceId, async (tx) => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 100));
        await store.insert(tx, key(spaceId, 'ES256', new Date()));
        order.push(`${name} out`);
      });
    await Promise.all([work('a'), work('b')]);
    expect(order.join(' ')).toMatch(/^(a in a out b in b out|b in b out a in a out)$/);
    expect(await store.list(spaceId)).toHaveLength(2);
  });

  it('live algorithms, retirement, expiry and listing order', async () => {
    const store = new SigningKeyStore(env.ts.store.db);
    const db = env.ts.store.db;
    const spaceId = await space();
    const old = await store.insert(db, key(spaceId, 'RS256', at(-60)));
    const current = await store.insert(db, key(spaceId, 'ES256', at(-30)));
    await store.retireAt(db, spaceId, at(-10), at(-5)); // both retired 10 s ago, expired 5 s ago
    const next = await store.insert(db, key(spaceId, 'ES256', at(30)));
    expect(await store.liveAlgs(db, spaceId, new Date())).toEqual(['ES256']);
    expect((await store.liveAlgs(db, spaceId, at(-20))).sort()).toEqual(['ES256', 'ES256', 'RS256']);
    // Retiring at a later moment leaves the keys retired before it as they were.
    await store.retireAt(db, spaceId, at(60), null);
    const rows = await store.list(spaceId);
    expect(rows.map((r) => r.kid)).toEqual([old.kid, current.kid, next.kid]);
    expect(rows.map((r) => r.expiresAt === null)).toEqual([false, false, true]);
    expect(await store.deleteExpired(new Date())).toBe(2);
    expect((await store.list(spaceId)).map((r) => r.kid)).toEqual([next.kid]);
  });

  it("space fields: settings written under the lock, the JWT clients' lifetimes", async () => {
    const store = new SigningKeyStore(env.ts.store.db);
    const db = env.ts.store.db;
    const spaceId = await space();
    const slug = `keys-${n}`;
    expect(await store.jwtClientLifetimes(db, spaceId)).toEqual({ never: false, max: null });
    const ref = { id: spaceId, slug };
    await env.s.clients.create(ref, { name: 'jwt-long', grant_types: ['client_credentials'], access_token_ttl: 7200 }, SYSTEM);
    await env.s.clients.create(
      ref,
      { name: 'opaque-forever', grant_types: ['client_credentials'], access_token_format: 'opaque', access_token_ttl: null },
      SYSTEM,
    );
    expect(await store.jwtClientLifetimes(db, spaceId)).toEqual({ never: false, max: 7200 });
    await env.s.clients.create(ref, { name: 'jwt-forever', grant_types: ['client_credentials'], access_token_ttl: null }, SYSTEM);
    expect((await store.jwtClientLifetimes(db, spaceId)).never).toBe(true);

    await store.locked(spaceId, (tx) => store.setSpaceSettings(tx, spaceId, { signing_alg: 'PS256' }));
    expect(await store.space(db, spaceId)).toMatchObject({ id: spaceId, slug, settings: { signing_alg: 'PS256' } });
    expect((await store.spaces()).map((s) => s.slug)).toContain(slug);
  });
});
