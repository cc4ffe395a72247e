// `keyward providers` against a real server: the catalog as a table, as JSON, searched, one entry shown, and the
// errors a user meets (an unknown id, a wrong token).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, startCliServer, type CliServer } from './helpers.js';

let s: CliServer;
beforeAll(async () => {
  assertBuilt();
  s = await startCliServer();
});
afterAll(async () => s?.close());

describe('keyward providers', () => {
  it('lists the catalog as a table with id, name and kinds', async () => {
    const r = await s.cli(['providers', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +KINDS$/);
    expect(lines.length).toBeGreaterThan(30);
    expect(r.stdout).toMatch(/^exact-online +Exact Online +oauth2_authorization_code$/m);
    expect(r.stdout).toMatch(/^redox +Redox +oauth2_client_credentials, api_key_exchange$/m);
  });

  it('prints one JSON document with --json, and searches with --search', async () => {
    const all = await s.json(['providers', 'list']);
    expect(Object.keys(all)).toEqual(['items']);
    expect(all.items.length).toBeGreaterThanOrEqual(30);
    const found = await s.json(['providers', 'list', '--search', 'exact']);
    expect(found.items.map((p: { id: string }) => p.id)).toEqual(['exact-online']);
    const none = await s.cli(['providers', 'list', '--search', 'no such provider']);
    expect(none.stdout).toBe('(no provider matches "no such provider")\n');
  });

  it('shows a provider with its placeholders and sources, or as JSON', async () => {
    const r = await s.cli(['providers', 'show', 'exact-online']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^token_url: +https:\/\/start\.exactonline\.\{ext\}\/api\/oauth2\/token$/m);
    expect(r.stdout).toContain('  {ext}: country extension');
    expect(r.stdout).toContain('one of nl, be, de, fr, es, co.uk, com');
    expect(r.stdout).toMatch(/^sources:\n {2}- /m);
    const json = await s.json(['providers', 'show', 'microsoft']);
    expect(json.config.tenant.default).toBe('common');
  });

  it('fails with exit 1 and a clear message for an unknown id or a wrong token', async () => {
    const unknown = await s.cli(['providers', 'show', 'nope']);
    expect(unknown).toMatchObject({ code: 1, stdout: '', stderr: 'keyward: provider "nope" not found\n' });
    const wrong = await s.cli(['providers', 'list'], { KEYWARD_ADMIN_TOKEN: 'kw_wrong-token-wrong-token-wrong-token-xx' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^keyward: the admin API token is unknown, revoked or expired/);
  });
});
