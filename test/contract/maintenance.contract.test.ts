// Store contract: the hourly purge removes what has expired and keeps what still protects (used refresh tokens
// for reuse detection, revoked JWT jtis until their expiry).
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { purgeExpired } from '../../src/store/purge.js';
import { openStore } from '../../src/store/db.js';
import { accessTokens, auditLog, authorizationCodes, grants, refreshTokens, users, webhookDeliveries } from '../../src/store/schema.js';
import { useServices } from '../helpers/services.js';
import { createPgDatabase, openTestStore, PG_URL, pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();
const ago = (h: number) => new Date(Date.now() - h * 3600_000);
const ahead = (h: number) => new Date(Date.now() + h * 3600_000);

describe.each(STORE_KINDS)('purgeExpired (%s)', (kind) => {
  const env = useServices(kind);

  it('drops long-expired rows and keeps live and protective ones', async () => {
    const { ts, s } = env;
    const space = await s.spaces.get('default');
    const c = await s.clients.create(space, { name: 'purge', grant_types: ['client_credentials'] }, SYSTEM);
    const clientPk = (await s.clients.row(space, c.client_id)).id;
    const [u] = await ts.store.db.insert(users).values({ spaceId: space.id, username: 'u', usernameKey: 'u', kind: 'personal' }).returning();
    const [g] = await ts.store.db.insert(grants).values({ spaceId: space.id, clientPk, userId: u!.id, grantType: 'authorization_code', scope: [] }).returning();
    const base = { spaceId: space.id, clientPk, grantType: 'client_credentials', format: 'opaque', scope: [] as string[] };
    await ts.store.db.insert(accessTokens).values([
      { ...base, id: 'expired-long-ago', expiresAt: ago(48) },
      { ...base, id: 'live', expiresAt: ahead(1) },
      { ...base, id: 'jti:revoked-but-unexpired', format: 'jwt', expiresAt: ahead(1), revokedAt: ago(48) },
    ]);
    await ts.store.db.insert(refreshTokens).values([
      { tokenHash: 'rt-expired', grantId: g!.id, expiresAt: ago(48) },
      { tokenHash: 'rt-used-live', grantId: g!.id, expiresAt: ahead(100), usedAt: ago(48) },
    ]);
    const code = { spaceId: space.id, clientPk, userId: u!.id, redirectUri: 'https://a.example/cb', scope: [], authTime: new Date() };
    await ts.store.db.insert(authorizationCodes).values([
      { ...code, codeHash: 'code-old', expiresAt: ago(48) },
      { ...code, codeHash: 'code-new', expiresAt: ahead(1) },
    ]);
    // The delivery log: finished deliveries stay 30 days; a pending one stays whatever its age.
    const [event] = await ts.store.db.select({ id: auditLog.id }).from(auditLog).limit(1);
    await ts.store.db.insert(webhookDeliveries).values([
      { eventId: event!.id, status: 'succeeded', updatedAt: ago(31 * 24) },
      { eventId: event!.id, status: 'failed', updatedAt: ago(29 * 24) },
      { eventId: event!.id, status: 'pending', updatedAt: ago(40 * 24), nextAttemptAt: ago(1) },
    ]);
    expect(await purgeExpired(ts.store.db)).toBe(4);
    expect((await ts.store.db.select({ s: webhookDeliveries.status }).from(webhookDeliveries)).map((r) => r.s).sort()).toEqual(['failed', 'pending']);
    expect((await ts.store.db.select({ id: accessTokens.id }).from(accessTokens)).map((r) => r.id).sort()).toEqual(['jti:revoked-but-unexpired', 'live']);
    expect((await ts.store.db.select({ h: refreshTokens.tokenHash }).from(refreshTokens)).map((r) => r.h)).toEqual(['rt-used-live']);
    expect((await ts.store.db.select({ h: authorizationCodes.codeHash }).from(authorizationCodes)).map((r) => r.h)).toEqual(['code-new']);
  });
});

describe.each(STORE_KINDS)('Store.exclusive (%s)', (kind) => {
  it('runs the work, and hands back what it throws after releasing', async () => {
    const ts = await openTestStore(kind);
    try {
      let runs = 0;
      expect(await ts.store.exclusive('test:job', async () => void runs++)).toBe(true);
      await expect(ts.store.exclusive('test:job', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      // Released despite the failure: the next round runs.
      expect(await ts.store.exclusive('test:job', async () => void runs++)).toBe(true);
      expect(runs).toBe(2);
    } finally {
      await ts.close();
    }
  });
});

describe.skipIf(!PG_URL)('Store.exclusive across two nodes on one PostgreSQL database', () => {
  it('lets one of two simultaneous rounds run, and the other skip', async () => {
    const db = await createPgDatabase();
    const [a, b] = await Promise.all([openStore({ databaseUrl: db.url }), openStore({ databaseUrl: db.url })]);
    try {
      let running = 0;
      let ran = 0;
      const job = async () => {
        running++;
        ran++;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 300));
        running--;
      };
      const results = await Promise.all([a.exclusive('keyward:maintenance', job), b.exclusive('keyward:maintenance', job)]);
      expect(results.sort()).toEqual([false, true]);
      expect(ran).toBe(1);
      // Another name is not held by this one.
      expect(await b.exclusive('keyward:other', async () => {})).toBe(true);
      // Released after the round: the other node runs the next one.
      expect(await b.exclusive('keyward:maintenance', job)).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    }
  });
});
