// KEYWARD_TRUST_PROXY: the client address behind the sign-in limits per address. A trusted proxy's
// X-Forwarded-For names the client; without the setting the header is ignored (anyone could choose an address).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server.js';

describe.each([
  ['loopback trusted', { KEYWARD_TRUST_PROXY: 'loopback' }, true],
  ['one hop trusted', { KEYWARD_TRUST_PROXY: '1' }, true],
  ['no proxy trusted', {}, false],
] as const)('X-Forwarded-For with %s', (_name, env, trusted) => {
  let s: TestServer;
  let pw: { client_id: string; client_secret: string };
  beforeAll(async () => {
    s = await startTestServer('pglite', { ...env });
    await s.admin('PATCH', '/spaces/default', { settings: { login_failure_limit: 2 } });
    pw = await s.admin('POST', '/spaces/default/clients', { name: 'pw', grant_types: ['password'] });
  });
  afterAll(async () => s?.close());

  const attempt = (username: string, forwardedFor: string) =>
    fetch(`${s.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': forwardedFor,
        authorization: `Basic ${Buffer.from(`${pw.client_id}:${pw.client_secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'password', username, password: 'guess' }),
    }).then((r) => r.status);

  it(trusted ? 'counts per forwarded address' : 'counts per connection address, whatever the header says', async () => {
    // Ten usernames (limit 2 each, tried once) from one address reach the address's limit of 5 x 2.
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push(await attempt(`sprayed${i}`, '203.0.113.7'));
    expect(statuses).toEqual([...Array(9).fill(400), 429]);
    // Another forwarded address: its own count when the proxy is trusted, the same (locked) one otherwise.
    expect(await attempt('someone-else', '198.51.100.9')).toBe(trusted ? 400 : 429);
  });
});
