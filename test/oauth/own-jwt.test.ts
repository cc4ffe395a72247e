// Keyward checks the signatures of its own JWT access tokens with node:crypto (src/oauth/tokens/verify.ts). Each
// forgery here is a well-known attack on hand-made JWT checks: a changed payload, "alg": "none", HS256 keyed with the
// public key, another key under the same kid, a DER-encoded ES256 signature. Introspection must call every one of
// them inactive, through real HTTP with openid-client as the resource server.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server.js';

let s: TestServer;
let config: client.Configuration;
let token: string;

beforeAll(async () => {
  s = await startTestServer('pglite');
  const c = await s.admin('POST', '/spaces/default/clients', { name: 'rs', grant_types: ['client_credentials'] });
  config = await client.discovery(new URL(s.issuer), c.client_id, undefined, client.ClientSecretBasic(c.client_secret), {
    execute: [client.allowInsecureRequests],
  });
  token = (await client.clientCredentialsGrant(config)).access_token;
});
afterAll(async () => s?.close());

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');
const parts = () => token.split('.') as [string, string, string];
const header = () => JSON.parse(Buffer.from(parts()[0], 'base64url').toString()) as Record<string, unknown>;
const active = async (jwt: string) => (await client.tokenIntrospection(config, jwt)).active;

/** An ECDSA signature from raw r || s to DER, as node:crypto makes by default. */
function der(raw: Buffer): Buffer {
  const int = (b: Buffer) => {
    let v = b;
    while (v.length > 1 && v[0] === 0 && !(v[1]! & 0x80)) v = v.subarray(1);
    if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
    return Buffer.concat([Buffer.from([0x02, v.length]), v]);
  };
  const body = Buffer.concat([int(raw.subarray(0, 32)), int(raw.subarray(32))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

describe("Keyward's own JWTs", () => {
  it('are active as issued', async () => {
    expect(header().alg).toBe('ES256');
    expect(await active(token)).toBe(true);
  });

  it('are inactive with a changed payload and the original signature', async () => {
    const [h, p, sig] = parts();
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    expect(await active(`${h}.${b64(JSON.stringify({ ...claims, scope: 'admin' }))}.${sig}`)).toBe(false);
  });

  it('are inactive with alg none or HS256 keyed with the published key', async () => {
    const [, p] = parts();
    const none = b64(JSON.stringify({ ...header(), alg: 'none' }));
    expect(await active(`${none}.${p}.`)).toBe(false);
    const jwks = (await (await fetch(`${s.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    const hs = b64(JSON.stringify({ ...header(), alg: 'HS256' }));
    const mac = createHmac('sha256', JSON.stringify(jwks.keys[0])).update(`${hs}.${p}`).digest();
    expect(await active(`${hs}.${p}.${b64(mac)}`)).toBe(false);
  });

  it('are inactive when signed by another key under the same kid', async () => {
    const [h, p] = parts();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = sign('sha256', Buffer.from(`${h}.${p}`), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(await active(`${h}.${p}.${b64(forged)}`)).toBe(false);
  });

  it('are inactive with the right ES256 signature in DER form, or with characters outside base64url', async () => {
    const [h, p, sig] = parts();
    expect(await active(`${h}.${p}.${b64(der(Buffer.from(sig, 'base64url')))}`)).toBe(false);
    expect(await active(`${h}.${p}.${sig}=`)).toBe(false);
    expect(await active(`${h}.${p}.${sig}`)).toBe(true);
  });
});
