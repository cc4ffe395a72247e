// Store contract for the browser flow's stores, on both stores: authorization codes are consumed once however many
// exchanges race (the losers' grants roll back and they learn the winner's), device codes move pending → approved |
// denied → consumed exactly once, an interaction ends once (its consent and code stored only by the call that ends
// it), and a session comes with its user's consent for a client.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { AuthorizationCodeStore, type NewAuthorizationCode } from '../../src/store/authorization-codes.js';
import { BrowserSessionStore } from '../../src/store/browser-sessions.js';
import { DeviceCodeStore } from '../../src/store/device-codes.js';
import type { Executor } from '../../src/store/db.js';
import { InteractionStore } from '../../src/store/interactions.js';
import { authorizationCodes, consents, grants } from '../../src/store/schema.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();
const RACERS = 6;

describe.each(STORE_KINDS)('flow stores (%s)', (kind) => {
  const env = useServices(kind);
  let n = 0;
  const db = () => env.ts.store.db;

  /** A client and a personal user of the default space. */
  async function parties() {
    const { s } = env;
    const space = await s.spaces.get('default');
    const c = await s.clients.create(space, { name: `flow-${++n}`, grant_types: ['authorization_code'], redirect_uris: ['https://app.example/cb'] }, SYSTEM);
    const clientPk = (await s.clients.row(space, c.client_id)).id;
    const user = await s.users.create(space, { username: `flow-user-${n}`, password: 'flow user password' }, SYSTEM);
    return { spaceId: space.id, clientPk, clientId: c.client_id, userId: user.id };
  }
  const codeRow = (p: { spaceId: string; clientPk: string; userId: string }, hash: string): NewAuthorizationCode => ({
    codeHash: hash,
    spaceId: p.spaceId,
    clientPk: p.clientPk,
    userId: p.userId,
    redirectUri: 'https://app.example/cb',
    scope: ['openid', 'profile'],
    codeChallenge: null,
    codeChallengeMethod: null,
    nonce: 'n-1',
    authTime: new Date(),
    acr: '1',
    sid: 'sid-1',
    expiresAt: new Date(Date.now() + 60_000),
  });
  const startGrant = (p: { spaceId: string; clientPk: string; userId: string }) => async (tx: Executor) => {
    const [g] = await tx
      .insert(grants)
      .values({ spaceId: p.spaceId, clientPk: p.clientPk, userId: p.userId, grantType: 'authorization_code', scope: ['openid'] })
      .returning();
    return { grantId: g!.id };
  };
  const grantsOf = async (clientPk: string) => db().select().from(grants).where(eq(grants.clientPk, clientPk));

  it('an authorization code is found with its user and consumed once, however many exchanges race', async () => {
    const p = await parties();
    const codes = new AuthorizationCodeStore(db());
    await codes.insert(codeRow(p, 'code-race'));
    expect(await codes.find('code-race', p.spaceId)).toMatchObject({ code: { codeHash: 'code-race', consumedAt: null }, user: { id: p.userId } });
    expect(await codes.find('code-race', randomUUID())).toBeUndefined();

    const outcomes = await Promise.all(Array.from({ length: RACERS }, () => codes.consume('code-race', startGrant(p))));
    const won = outcomes.filter((o) => o.status === 'consumed');
    expect(won).toHaveLength(1);
    const grantId = won[0]!.status === 'consumed' ? won[0]!.value.grantId : '';
    // The losers' grants were rolled back; each of them learned the winner's grant (to revoke it: a replay).
    expect((await grantsOf(p.clientPk)).map((g) => g.id)).toEqual([grantId]);
    for (const o of outcomes.filter((x) => x.status === 'used')) expect(o).toEqual({ status: 'used', grantId });
    const [row] = await db().select().from(authorizationCodes).where(eq(authorizationCodes.codeHash, 'code-race'));
    expect(row).toMatchObject({ grantId });
    expect(row!.consumedAt).toBeInstanceOf(Date);
    // Later, too: used, with the grant to revoke, and nothing written.
    expect(await codes.consume('code-race', startGrant(p))).toEqual({ status: 'used', grantId });
    expect(await grantsOf(p.clientPk)).toHaveLength(1);
  });

  it('a failure while the grant starts leaves the code unused', async () => {
    const p = await parties();
    const codes = new AuthorizationCodeStore(db());
    await codes.insert(codeRow(p, 'code-fail'));
    const failing = async (tx: Executor) => {
      await startGrant(p)(tx);
      throw new Error('grant start failed');
    };
    await expect(codes.consume('code-fail', failing)).rejects.toThrow('grant start failed');
    expect((await codes.find('code-fail', p.spaceId))!.code.consumedAt).toBeNull();
    expect(await grantsOf(p.clientPk)).toHaveLength(0);
    expect(await codes.consume('code-fail', startGrant(p))).toMatchObject({ status: 'consumed' });
  });

  it('device codes: pending → denied or approved → consumed, each step once; polls are spaced', async () => {
    const p = await parties();
    const device = new DeviceCodeStore(db());
    const add = (hash: string) =>
      device.insert({
        deviceCodeHash: hash,
        userCode: `user-${hash}`,
        spaceId: p.spaceId,
        clientPk: p.clientPk,
        scope: ['openid'],
        expiresAt: new Date(Date.now() + 60_000),
      });
    await add('dc-deny');
    await add('dc-allow');
    await expect(add('dc-allow')).rejects.toThrow();

    expect(await device.pendingByUserCode('user-dc-deny', p.spaceId)).toMatchObject({ code: { deviceCodeHash: 'dc-deny' }, clientId: p.clientId });
    expect(await device.pendingByUserCode('user-dc-deny', randomUUID())).toBeUndefined();
    expect(await device.poll('dc-deny', 4000)).toBe('polled');
    expect(await device.poll('dc-deny', 4000)).toBe('pending'); // too soon
    expect(await device.poll('dc-deny', 0)).toBe('polled');
    expect(await Promise.all([device.deny('dc-deny'), device.deny('dc-deny')])).toEqual(expect.arrayContaining([true, false]));
    expect(await device.approve('dc-deny', p.userId)).toBe(false);
    expect(await device.pendingByUserCode('user-dc-deny', p.spaceId)).toBeUndefined();
    expect(await device.consume('dc-deny')).toEqual({ status: 'denied' });
    expect(await device.poll('dc-deny', 0)).toBe('denied');

    expect(await device.consume('dc-allow')).toEqual({ status: 'pending' }); // not approved yet
    expect(await Promise.all([device.approve('dc-allow', p.userId), device.approve('dc-allow', p.userId)])).toEqual(expect.arrayContaining([true, false]));
    expect(await device.deny('dc-allow')).toBe(false);
    const outcomes = await Promise.all(Array.from({ length: RACERS }, () => device.consume('dc-allow')));
    const won = outcomes.filter((o) => 'row' in o);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ row: { status: 'consumed', userId: p.userId, scope: ['openid'] } });
    expect(outcomes.filter((o) => 'status' in o)).toEqual(Array(RACERS - 1).fill({ status: 'consumed' }));
    expect(await device.find('dc-allow', p.spaceId, p.clientPk)).toMatchObject({ status: 'consumed' });
    expect(await device.find('dc-allow', p.spaceId, randomUUID())).toBeUndefined();
  });

  it('an expired device code can be neither found by its user code nor approved', async () => {
    const p = await parties();
    const device = new DeviceCodeStore(db());
    await device.insert({
      deviceCodeHash: 'dc-old',
      userCode: 'user-dc-old',
      spaceId: p.spaceId,
      clientPk: p.clientPk,
      scope: [],
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await device.pendingByUserCode('user-dc-old', p.spaceId)).toBeUndefined();
    expect(await device.approve('dc-old', p.userId)).toBe(false);
    expect(await device.deny('dc-old')).toBe(false);
  });

  it('an interaction ends once: its consent and code are stored by the call that ends it, and by no other', async () => {
    const p = await parties();
    const interactions = new InteractionStore(db());
    const sessions = new BrowserSessionStore(db());
    const base = { spaceId: p.spaceId, clientPk: p.clientPk, expiresAt: new Date(Date.now() + 60_000) };
    await interactions.insert({ ...base, idHash: 'ia-1', kind: 'interaction', params: { scope: 'openid' } });
    expect(await interactions.findInteraction('ia-1', p.spaceId)).toMatchObject({ params: { scope: 'openid' }, consumedAt: null });

    const consent = { spaceId: p.spaceId, userId: p.userId, clientPk: p.clientPk, scope: ['profile', 'openid'] };
    const ends = await Promise.all(Array.from({ length: RACERS }, (_, i) => interactions.complete('ia-1', { consent, code: codeRow(p, `ia-code-${i}`) })));
    expect(ends.filter(Boolean)).toHaveLength(1);
    const winner = ends.indexOf(true);
    const stored = await db().select().from(authorizationCodes).where(eq(authorizationCodes.clientPk, p.clientPk));
    expect(stored.map((c) => c.codeHash)).toEqual([`ia-code-${winner}`]);
    expect(stored[0]).toMatchObject({ scope: ['openid', 'profile'], nonce: 'n-1', acr: '1', sid: 'sid-1', consumedAt: null });
    expect(await interactions.findInteraction('ia-1', p.spaceId)).toBeUndefined();
    expect(await interactions.complete('ia-1', {})).toBe(false);

    // A second consent adds its scopes to the first (sorted, no repeats); a session brings it along for its client.
    await interactions.insert({ ...base, idHash: 'ia-2', kind: 'interaction', params: {} });
    expect(await interactions.complete('ia-2', { consent: { ...consent, scope: ['email', 'openid'] } })).toBe(true);
    const [row] = await db().select().from(consents).where(eq(consents.clientPk, p.clientPk));
    expect(row!.scope).toEqual(['email', 'openid', 'profile']);
    const now = new Date();
    await sessions.insert({ idHash: 'sess-1', spaceId: p.spaceId, userId: p.userId, sid: 'sid-1', authTime: now, expiresAt: new Date(now.getTime() + 60_000) });
    expect(await sessions.find('sess-1', p.spaceId, p.clientPk)).toMatchObject({ session: { sid: 'sid-1' }, user: { id: p.userId }, consented: row!.scope });
    expect(await sessions.find('sess-1', p.spaceId, randomUUID())).toMatchObject({ consented: null });
    expect(await sessions.find('sess-1', p.spaceId)).toMatchObject({ consented: null });
    await sessions.delete('sess-1', p.spaceId);
    expect(await sessions.find('sess-1', p.spaceId)).toBeUndefined();
  });

  it('pushed requests are taken once, by their own client, before they expire', async () => {
    const p = await parties();
    const interactions = new InteractionStore(db());
    const base = { spaceId: p.spaceId, clientPk: p.clientPk, kind: 'par' as const, params: { scope: 'openid' } };
    await interactions.insert({ ...base, idHash: 'par-1', expiresAt: new Date(Date.now() + 60_000) });
    await interactions.insert({ ...base, idHash: 'par-old', expiresAt: new Date(Date.now() - 1000) });
    expect(await interactions.takePushed('par-1', p.spaceId, randomUUID())).toBeUndefined();
    const taken = await Promise.all([interactions.takePushed('par-1', p.spaceId, p.clientPk), interactions.takePushed('par-1', p.spaceId, p.clientPk)]);
    expect(taken).toEqual(expect.arrayContaining([{ scope: 'openid' }, undefined]));
    expect(await interactions.takePushed('par-old', p.spaceId, p.clientPk)).toBeUndefined();
    // A pushed request is not an interaction.
    expect(await interactions.findInteraction('par-1', p.spaceId)).toBeUndefined();
  });
});
