// `keyward users` and `keyward tokens` against a real server; tokens come from openid-client's password grant.
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, startCliServer, type CliServer } from './helpers.js';

let s: CliServer;
beforeAll(async () => {
  assertBuilt();
  s = await startCliServer();
});
afterAll(async () => s?.close());

describe('keyward users', () => {
  it('creates a service user with --password-stdin; output never shows the password', async () => {
    const r = await s.cli(
      ['users', 'create', 'build-bot', '--kind', 'service', '--email', 'bot@example.com', '--password-stdin', '--json'],
      {},
      'bot-password-1\n',
    );
    expect(r.code, r.stderr).toBe(0);
    const u = JSON.parse(r.stdout);
    expect(u).toMatchObject({ username: 'build-bot', kind: 'service', email: 'bot@example.com', has_password: true, disabled: false });
    expect(r.stdout).not.toMatch(/bot-password-1|argon2/);
    const text = await s.cli(['users', 'get', 'BUILD-BOT']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/username:\s+build-bot/);
  });

  it('lists, filters, updates, disables, enables and deletes', async () => {
    await s.json(['users', 'create', 'pat', '--name', 'Pat']);
    const all = await s.json<{ items: { username: string }[] }>(['users', 'list']);
    expect(all.items.map((u) => u.username)).toEqual(expect.arrayContaining(['build-bot', 'pat']));
    const services = await s.json<{ items: { username: string }[] }>(['users', 'list', '--kind', 'service']);
    expect(services.items.map((u) => u.username)).toEqual(['build-bot']);
    expect((await s.json(['users', 'update', 'pat', '--email', 'pat@example.com', '--email-verified', 'true'])).email_verified).toBe(true);
    const off = await s.json(['users', 'disable', 'pat']);
    expect(off.disabled).toBe(true);
    expect(off.tokens_valid_after).toBeTypeOf('string');
    expect((await s.json(['users', 'enable', 'pat'])).disabled).toBe(false);
    const table = await s.cli(['users', 'list', '--search', 'pat']);
    expect(table.stdout).toMatch(/USERNAME/);
    expect(table.stdout).toMatch(/pat/);
    const refused = await s.cli(['users', 'delete', 'pat']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect((await s.cli(['users', 'delete', 'pat', '--yes'])).code).toBe(0);
    const gone = await s.cli(['users', 'get', 'pat']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/not found/);
  });

  it('reports a duplicate username and a short password as errors', async () => {
    const dup = await s.cli(['users', 'create', 'Build-Bot']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
    const short = await s.cli(['users', 'create', 'shorty', '--password-stdin'], {}, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password/);
    expect((await s.cli(['users', 'update', 'build-bot'])).stderr).toMatch(/nothing to update/);
  });
});

describe('keyward users: standard claims', () => {
  it('sets, changes and clears the profile, phone and address through flags', async () => {
    const u = await s.json([
      'users',
      'create',
      'lin',
      '--given-name',
      'Lin',
      '--family-name',
      'Chen',
      '--nickname',
      'lc',
      '--picture',
      'https://example.com/lin.png',
      '--birthdate',
      '1990-04-01',
      '--zoneinfo',
      'Asia/Taipei',
      '--locale',
      'zh-tw',
      '--phone-number',
      '+886 2 2345 6789',
      '--phone-number-verified',
      'true',
      '--street-address',
      '7 Xinyi Rd',
      '--locality',
      'Taipei',
      '--country',
      'Taiwan',
      '--address-formatted',
      '7 Xinyi Rd\\nTaipei',
    ]);
    expect(u).toMatchObject({
      given_name: 'Lin',
      family_name: 'Chen',
      nickname: 'lc',
      picture: 'https://example.com/lin.png',
      birthdate: '1990-04-01',
      zoneinfo: 'Asia/Taipei',
      locale: 'zh-TW',
      phone_number: '+886223456789',
      phone_number_verified: true,
      address: { street_address: '7 Xinyi Rd', locality: 'Taipei', country: 'Taiwan', formatted: '7 Xinyi Rd\nTaipei' },
    });
    const changed = await s.json(['users', 'update', 'lin', '--nickname', '', '--locality', 'Taichung', '--website', 'https://lin.example.org/']);
    expect(changed).toMatchObject({
      nickname: null,
      website: 'https://lin.example.org/',
      given_name: 'Lin',
      address: { street_address: '7 Xinyi Rd', locality: 'Taichung', country: 'Taiwan' },
    });
    expect((await s.json(['users', 'update', 'lin', '--no-address'])).address).toBeNull();
    const text = await s.cli(['users', 'get', 'lin']);
    expect(text.stdout).toMatch(/given_name:\s+Lin/);
    expect(text.stdout).toMatch(/phone_number:\s+\+886223456789/);
  });

  it('reports a bad claim with its field, and --help documents the flags', async () => {
    const bad = await s.cli(['users', 'update', 'lin', '--zoneinfo', 'Nowhere/City']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/zoneinfo/);
    const badPhone = await s.cli(['users', 'create', 'bad-phone', '--phone-number', '555-1234']);
    expect(badPhone.code).toBe(1);
    expect(badPhone.stderr).toMatch(/phone_number.*E\.164/);
    const help = await s.cli(['users', 'update', '--help']);
    for (const flag of [
      '--given-name',
      '--family-name',
      '--picture',
      '--birthdate',
      '--zoneinfo',
      '--locale',
      '--phone-number',
      '--phone-number-verified',
      '--locality',
      '--no-address',
    ]) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe('keyward tokens', () => {
  it('lists, revokes one and revokes all of a user', async () => {
    await s.json(['scopes', 'create', 'files:read']);
    const c = await s.json(['clients', 'create', '--name', 'cli-tokens', '--grant-type', 'password', '--grant-type', 'refresh_token', '--scope', 'files:read']);
    const config = await client.discovery(
      new URL(`${s.url.replace('127.0.0.1', 'localhost')}/spaces/default`),
      c.client_id,
      undefined,
      client.ClientSecretBasic(c.client_secret),
      { execute: [client.allowInsecureRequests] },
    );
    const login = () => client.genericGrantRequest(config, 'password', { username: 'build-bot', password: 'bot-password-1', scope: 'files:read' });
    const t1 = await login();
    const t2 = await login();

    const listed = await s.json<{ items: { id: string; username: string; grant_type: string }[] }>(['tokens', 'list', '--client', c.client_id]);
    expect(listed.items).toHaveLength(2);
    expect(listed.items[0]).toMatchObject({ username: 'build-bot', grant_type: 'password' });
    const text = await s.cli(['tokens', 'list', '--user', 'build-bot']);
    expect(text.stdout).toMatch(/GRANT TYPE/);
    expect(text.stdout).toMatch(/0\/unlimited/);

    const oldest = listed.items[1]!.id;
    expect((await s.json(['tokens', 'revoke', oldest])).revoked).toBe(oldest);
    expect((await client.tokenIntrospection(config, t1.access_token)).active).toBe(false);
    expect((await client.tokenIntrospection(config, t2.access_token)).active).toBe(true);

    const all = await s.cli(['tokens', 'revoke-all', '--user', 'build-bot']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/Revoked every token of user build-bot: 1 grant/);
    expect((await client.tokenIntrospection(config, t2.access_token)).active).toBe(false);
    expect((await s.json<{ items: unknown[] }>(['tokens', 'list', '--client', c.client_id])).items).toEqual([]);

    const neither = await s.cli(['tokens', 'revoke-all']);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toMatch(/--client or --user/);
    const unknown = await s.cli(['tokens', 'revoke', 'no-such-token']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not found/);
  });

  it('lists consents (none yet) and refuses to revoke an unknown one', async () => {
    expect((await s.json<{ items: unknown[] }>(['tokens', 'consents'])).items).toEqual([]);
    expect((await s.cli(['tokens', 'consents'])).stdout).toMatch(/no consents/);
    const r = await s.cli(['tokens', 'revoke-consent', '00000000-0000-0000-0000-000000000000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not found/);
  });
});
