// Two Keyward nodes on one PostgreSQL database: a change made through one node reaches the other's caches at
// once (LISTEN/NOTIFY), so a deactivated client is refused everywhere without waiting for cache expiry.
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type TestNode } from '../helpers/node.js';
import { createPgDatabase, PG_URL } from '../helpers/store.js';

describe.skipIf(!PG_URL)('several nodes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let a: TestNode;
  let b: TestNode;
  beforeAll(async () => {
    db = await createPgDatabase();
    const key = randomBytes(32);
    a = await startNode(db.url, key);
    b = await startNode(db.url, key);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it("drops a deactivated client from the other node's cache at once", async () => {
    const first = await a.services.admins.createFirstOwner({ email: 'o@example.com', withToken: true, tokenName: 't' }, { type: 'system' });
    const auth = { authorization: `Bearer ${first!.token!.token}`, 'content-type': 'application/json' };
    const created = (await (
      await fetch(`${a.base}/admin/api/v1/spaces/default/clients`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ name: 'multi', grant_types: ['client_credentials'] }),
      })
    ).json()) as { client_id: string; client_secret: string };
    // Node B learns the client (and caches it) by serving a token.
    const onB = await client.discovery(new URL(`${b.base}/spaces/default`), created.client_id, undefined, client.ClientSecretBasic(created.client_secret), {
      execute: [client.allowInsecureRequests],
    });
    expect((await client.clientCredentialsGrant(onB)).access_token).toBeTruthy();
    // Deactivate through node A.
    const res = await fetch(`${a.base}/admin/api/v1/spaces/default/clients/${created.client_id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    // The notice travels through PostgreSQL; allow it a moment, far below the cache's own expiry (30 s).
    let refused = false;
    for (let i = 0; i < 20 && !refused; i++) {
      refused = await client.clientCredentialsGrant(onB).then(
        () => false,
        (err: { error?: string }) => err.error === 'invalid_client',
      );
      if (!refused) await new Promise((r) => setTimeout(r, 100));
    }
    expect(refused).toBe(true);
  });
});
