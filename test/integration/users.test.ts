// The users admin API: personal and service users, unique usernames, password handling, disabling, RBAC, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';
import { api, expectError, expectStatus, type Api } from './support.js';

pgNotice();
const U = '/spaces/default/users';

describe.each(STORE_KINDS)('admin API: users (%s)', (kind) => {
  let t: TestApp;
  let owner: Api;
  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = api(t);
  });
  afterAll(async () => t?.close());

  it('creates personal and service users; answers never carry a password or hash', async () => {
    const res = await owner.post(U, { username: 'Alice', password: 'alice-password-1', email: 'alice@example.com', name: 'Alice A.' });
    const alice = expectStatus(res, 201);
    expect(alice).toMatchObject({
      username: 'Alice',
      kind: 'personal',
      email: 'alice@example.com',
      email_verified: false,
      name: 'Alice A.',
      disabled: false,
      has_password: true,
      tokens_valid_after: null,
    });
    expect(res.body).not.toMatch(/argon2|password_hash|alice-password/);
    const svc = expectStatus(await owner.post(U, { username: 'ci-bot', password: 'bot-password-1', kind: 'service' }), 201);
    expect(svc.kind).toBe('service');
    const noPassword = expectStatus(await owner.post(U, { username: 'bob' }), 201);
    expect(noPassword.has_password).toBe(false);
    // By id and by username, case-insensitively.
    expect(expectStatus(await owner.get(`${U}/${alice.id}`), 200).username).toBe('Alice');
    expect(expectStatus(await owner.get(`${U}/alice`), 200).id).toBe(alice.id);
    const list = await owner.get(U);
    expect(list.body).not.toMatch(/argon2/);
  });

  it('refuses a username taken in any letter case with 409, but allows it in another space', async () => {
    expectStatus(await owner.post(U, { username: 'Carol', password: 'carol-password-1' }), 201);
    expect(expectError(await owner.post(U, { username: 'cAROL', password: 'carol-password-2' }), 409, 'username').error).toBe('conflict');
    expectStatus(await owner.post('/spaces', { slug: 'other' }), 201);
    expectStatus(await owner.post('/spaces/other/users', { username: 'carol' }), 201);
  });

  it('validates input with 400 and the field', async () => {
    expectError(await owner.post(U, { password: 'long-enough-1' }), 400, 'username');
    expectError(await owner.post(U, { username: 'has space' }), 400, 'username');
    expectError(await owner.post(U, { username: 'shorty', password: 'short' }), 400, 'password');
    expectError(await owner.post(U, { username: 'badmail', email: 'not-an-email' }), 400, 'email');
    expectError(await owner.post(U, { username: 'badkind', kind: 'robot' }), 400);
    expectError(await owner.post(U, { username: 'extra', is_admin: true }), 400);
    expectError(await owner.patch(`${U}/alice`, { kind: 'service' }), 400, 'kind');
    expectError(await owner.patch(`${U}/alice`, { username: 'alicia' }), 400, 'username');
    expectError(await owner.get(`${U}/nobody`), 404);
    expectError(await owner.get(`${U}/00000000-0000-0000-0000-000000000000`), 404);
  });

  describe('standard claims (OIDC Core §5.1)', () => {
    const claims = {
      given_name: 'Grace',
      family_name: 'Hopper',
      middle_name: 'Brewster',
      nickname: 'Amazing Grace',
      profile: 'https://example.com/grace',
      picture: 'https://example.com/grace.png',
      website: 'http://grace.example.org/',
      gender: 'female',
      birthdate: '1906-12-09',
      zoneinfo: 'America/New_York',
      locale: 'en-US',
      phone_number: '+1 (202) 555-0143;ext=12',
      phone_number_verified: true,
      address: { street_address: '1 Navy Yard', locality: 'Washington', region: 'DC', postal_code: '20374', country: 'US' },
    };

    it('creates, reads and updates them; stores them canonical; "" and null clear', async () => {
      const g = expectStatus(await owner.post(U, { username: 'grace', ...claims }), 201);
      expect(g).toMatchObject({ ...claims, phone_number: '+12025550143;ext=12' });
      expect(expectStatus(await owner.get(`${U}/grace`), 200)).toEqual(g);
      // Canonical forms: locale as Intl spells it, the zone as the IANA database spells it.
      const u = expectStatus(
        await owner.patch(`${U}/grace`, { locale: 'fr-ca', zoneinfo: 'europe/paris', nickname: '', gender: null, birthdate: '0000-02-29' }),
        200,
      );
      expect(u).toMatchObject({ locale: 'fr-CA', zoneinfo: 'Europe/Paris', nickname: null, gender: null, birthdate: '0000-02-29', given_name: 'Grace' });
      // Address fields are merged; a field null or "" goes; address null removes it all.
      const a = expectStatus(await owner.patch(`${U}/grace`, { address: { locality: 'Arlington', region: null, formatted: 'Line 1\r\nLine 2' } }), 200);
      expect(a.address).toEqual({ street_address: '1 Navy Yard', locality: 'Arlington', postal_code: '20374', country: 'US', formatted: 'Line 1\r\nLine 2' });
      expect(expectStatus(await owner.patch(`${U}/grace`, { address: null }), 200).address).toBeNull();
      expect(expectStatus(await owner.patch(`${U}/grace`, { address: { country: '' } }), 200).address).toBeNull();
      // A user without claims shows them as null (the admin view); tokens leave them out.
      const plain = expectStatus(await owner.post(U, { username: 'plain-claims' }), 201);
      expect(plain).toMatchObject({ given_name: null, locale: null, phone_number: null, phone_number_verified: false, address: null });
    });

    it('refuses bad values with 400 and the field', async () => {
      const bad: [string, unknown][] = [
        ['profile', 'not a url'],
        ['picture', 'ftp://example.com/p.png'],
        ['website', 'javascript:alert(1)'],
        ['website', 'https://user:pw@example.com/'],
        ['birthdate', '1906-13-01'],
        ['birthdate', '1906-02-30'],
        ['birthdate', '12/09/1906'],
        ['birthdate', '0000'],
        ['zoneinfo', 'Mars/Olympus'],
        ['zoneinfo', '+01:00'],
        ['locale', 'en_US'],
        ['locale', 'not a locale'],
        ['phone_number', '202-555-0143'],
        ['phone_number', '+12'],
        ['phone_number', '+1 202 555 0143 x12'],
        ['given_name', 'tab\there'],
        ['given_name', 'x'.repeat(201)],
        ['phone_number_verified', 'yes'],
      ];
      for (const [field, value] of bad) {
        expectError(await owner.post(U, { username: `bad-${field}`, [field]: value }), 400, field);
      }
      expectError(await owner.post(U, { username: 'bad-addr', address: { city: 'Paris' } }), 400);
      expectError(await owner.post(U, { username: 'bad-addr2', address: { locality: 'Par\u0000is' } }), 400, 'address.locality');
      expectError(await owner.post(U, { username: 'bad-addr3', address: 'Paris' }), 400);
      expectError(await owner.patch(`${U}/alice`, { birthdate: '2024-02-30' }), 400, 'birthdate');
    });

    it('changes are audited with from and to', async () => {
      expectStatus(await owner.post(U, { username: 'audited', locale: 'de-DE' }), 201);
      expectStatus(await owner.patch(`${U}/audited`, { locale: 'de-AT', phone_number: '+4930123456' }), 200);
      const entries = expectStatus(await owner.get('/audit-log?action=user.update&limit=50'), 200).items as { changes: Record<string, unknown> }[];
      expect(entries.some((e) => JSON.stringify(e.changes).includes('"de-AT"') && JSON.stringify(e.changes).includes('+4930123456'))).toBe(true);
    });
  });

  it('lists with pagination and filters', async () => {
    for (const n of ['p1', 'p2', 'p3']) expectStatus(await owner.post(U, { username: `page-${n}`, kind: 'service' }), 201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { username: string }[]; next_cursor: string | null } = expectStatus(
        await owner.get(`${U}?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
        200,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.username));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(['Alice', 'ci-bot', 'page-p1', 'page-p2', 'page-p3']));
    expect(new Set(seen).size).toBe(seen.length);
    const filtered = expectStatus(await owner.get(`${U}?q=PAGE-&kind=service`), 200).items.map((u: { username: string }) => u.username);
    expect(filtered.sort()).toEqual(['page-p1', 'page-p2', 'page-p3']);
    expectError(await owner.get(`${U}?cursor=garbage`), 400, 'cursor');
  });

  it('changes the password (Argon2id) and checks sign-in with checkPassword', async () => {
    const space = await t.services.spaces.get('default');
    const u = expectStatus(await owner.post(U, { username: 'dave', password: 'dave-password-1' }), 201);
    expect((await t.services.users.checkPassword(space.id, 'DAVE', 'dave-password-1'))?.id).toBe(u.id);
    expect((await t.services.users.checkPassword(space.id, 'dave', 'dave-password-1'))?.kind).toBe('personal');
    expectStatus(await owner.patch(`${U}/dave`, { password: 'dave-password-2' }), 200);
    expect(await t.services.users.checkPassword(space.id, 'dave', 'dave-password-1')).toBeUndefined();
    expect((await t.services.users.checkPassword(space.id, 'dave', 'dave-password-2'))?.kind).toBe('personal');
    expect(await t.services.users.checkPassword(space.id, 'nobody', 'dave-password-2')).toBeUndefined();
    const stored = await t.services.users.row(space, 'dave');
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('disabling sets tokens_valid_after and blocks sign-in; enabling keeps the cut-off', async () => {
    const space = await t.services.spaces.get('default');
    expectStatus(await owner.post(U, { username: 'erin', password: 'erin-password-1' }), 201);
    const off = expectStatus(await owner.patch(`${U}/erin`, { disabled: true }), 200);
    expect(off.disabled).toBe(true);
    expect(Date.parse(off.tokens_valid_after)).toBeGreaterThan(Date.now() - 10_000);
    expect(await t.services.users.checkPassword(space.id, 'erin', 'erin-password-1')).toBeUndefined();
    const on = expectStatus(await owner.patch(`${U}/erin`, { disabled: false, name: 'Erin' }), 200);
    expect(on).toMatchObject({ disabled: false, name: 'Erin', tokens_valid_after: off.tokens_valid_after });
    expect((await t.services.users.checkPassword(space.id, 'erin', 'erin-password-1'))?.kind).toBe('personal');
  });

  it('deletes a user', async () => {
    expectStatus(await owner.post(U, { username: 'frank' }), 201);
    expectStatus(await owner.del(`${U}/frank`), 204);
    expectError(await owner.get(`${U}/frank`), 404);
    expectError(await owner.del(`${U}/frank`), 404);
  });

  it('writes the audit log without secrets', async () => {
    const entries = expectStatus(await owner.get('/audit-log?space=default&limit=200'), 200).items as { action: string; changes: unknown }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['user.create', 'user.update', 'user.disable', 'user.enable', 'user.delete']) expect(actions).toContain(a);
    expect(JSON.stringify(entries)).not.toMatch(/argon2|dave-password/);
  });

  it('viewers read, admins write; client managers may not write users', async () => {
    const viewer = api(t, (await t.adminWith([{ space: 'default', role: 'viewer' }])).token);
    const manager = api(t, (await t.adminWith([{ space: 'default', role: 'client-manager' }])).token);
    const admin = api(t, (await t.adminWith([{ space: 'default', role: 'admin' }])).token);
    const outsider = api(t, (await t.adminWith([{ space: 'other', role: 'admin' }])).token);
    expectStatus(await viewer.get(U), 200);
    expectStatus(await viewer.get(`${U}/alice`), 200);
    expectError(await viewer.post(U, { username: 'nope' }), 403);
    expectError(await manager.post(U, { username: 'nope' }), 403);
    expectError(await manager.patch(`${U}/alice`, { disabled: true }), 403);
    expectError(await outsider.get(U), 403);
    expectStatus(await admin.post(U, { username: 'by-admin', kind: 'service' }), 201);
    expectStatus(await admin.del(`${U}/by-admin`), 204);
  });
});
