// The bench's flow client (bench/flow-client.mjs) drives Keyward's real login and consent pages: if they change
// (fields, CSRF, redirects) this fails here, not silently in `npm run bench`. One loop for one second.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../oauth/authorization-code-helpers.js';
import { startTestServer, type TestServer } from '../oauth/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REDIRECT_URI = 'http://127.0.0.1:9/callback';

describe('bench flow client against Keyward', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite');
  });
  afterAll(async () => s?.close());

  it('runs complete authorization code + PKCE flows without a failure', async () => {
    await createUser(s, 'bench-user', 'bench user password');
    const client = await s.admin('POST', '/spaces/default/clients', {
      name: 'bench-flow',
      grant_types: ['authorization_code'],
      client_type: 'public',
      redirect_uris: [REDIRECT_URI],
      scope: 'openid',
    });
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bench', 'flow-client.mjs')], {
      env: {
        PATH: process.env.PATH ?? '',
        AUTHORIZE: `${s.issuer}/authorize`,
        TOKEN: `${s.issuer}/token`,
        CLIENT_ID: client.client_id,
        REDIRECT_URI,
        USERNAME: 'bench-user',
        PASSWORD: 'bench user password',
        LOOPS: '1',
        DURATION: '1',
      },
      timeout: 30_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { flows: number; failed: number; error?: string };
    expect(result.error ?? null).toBeNull();
    expect(result.failed).toBe(0);
    expect(result.flows).toBeGreaterThan(0);
  });
});
