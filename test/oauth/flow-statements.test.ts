// How many statements the full authorization code flow sends to PostgreSQL (the bench's `flow` workload: authorize →
// login page → consent → code → token, in a fresh browser each time). Counted at the driver, in this process where
// the server runs, so a change that adds a round trip to the flow shows here. BEGIN and COMMIT count: each is one
// round trip.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_URL, pgNotice } from '../helpers/store.js';
import { Browser, createUser, signIn } from './authorization-code-helpers.js';
import { startTestServer, type TestServer } from './server.js';

pgNotice();
const REDIRECT_URI = 'http://127.0.0.1:9/callback';

describe.skipIf(!PG_URL)('statements per authorization code flow (postgres)', () => {
  let s: TestServer;
  let clientId: string;
  const seen: string[] = [];
  let counting = false;
  const query = pg.Client.prototype.query;

  beforeAll(async () => {
    s = await startTestServer('postgres');
    await createUser(s, 'flow-user', 'flow user password');
    clientId = (
      await s.admin('POST', '/spaces/default/clients', {
        name: 'flow',
        grant_types: ['authorization_code'],
        client_type: 'public',
        redirect_uris: [REDIRECT_URI],
        scope: 'openid',
      })
    ).client_id;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (counting) {
        const q = args[0] as string | { text: string };
        seen.push(typeof q === 'string' ? q : q.text);
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await s?.close();
  });

  async function flow(): Promise<void> {
    const verifier = randomBytes(32).toString('base64url');
    const u = new URL(`${s.issuer}/authorize`);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      state: 'st',
      prompt: 'consent',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }))
      u.searchParams.set(k, v);
    const location = await signIn(new Browser(s.url), u.href, { username: 'flow-user', password: 'flow user password' });
    const code = new URL(location as string).searchParams.get('code')!;
    const res = await fetch(`${s.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, client_id: clientId }),
    });
    expect(res.status).toBe(200);
  }

  it('counts the statements of one flow', async () => {
    await flow(); // warm: caches (client, keys) filled, prepared statements made
    seen.length = 0;
    counting = true;
    try {
      await flow();
    } finally {
      counting = false;
    }
    // 21 before the stores of issue 9: the interaction's end wrote consent, mark and code in three statements, the
    // exchange read the user twice and marked the code in two. The list says which statement is new if this fails.
    expect(seen.length, seen.map((q) => q.replace(/\s+/g, ' ').slice(0, 100)).join('\n')).toBeLessThanOrEqual(16);
  });
});
