// Compact JWS signing on the hot path with node:crypto (about 4x faster than WebCrypto for ES256, DESIGN.md).
// Verification of foreign JWTs (client assertions) uses jose.
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signer } from './sign-worker.js';

import { SIGNING_ALGS, type SigningAlg } from '../../registry/capabilities.js';

export { SIGNING_ALGS, type SigningAlg };

export interface SigningKey {
  kid: string;
  alg: SigningAlg;
  privateKey: KeyObject;
}

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');

// The encoded header depends only on the key and typ: made once per key (keys are cached objects) and typ.
const headers = new WeakMap<SigningKey, Map<string, string>>();
function encodedHeader(key: SigningKey, typ: string): string {
  let byTyp = headers.get(key);
  if (!byTyp) headers.set(key, (byTyp = new Map()));
  let header = byTyp.get(typ);
  if (header === undefined) byTyp.set(typ, (header = b64(JSON.stringify({ alg: key.alg, typ, kid: key.kid }))));
  return header;
}

/** The JWS signing input: encoded header and payload. */
const signingInput = (key: SigningKey, payload: Record<string, unknown>, typ: string) => `${encodedHeader(key, typ)}.${b64(JSON.stringify(payload))}`;

/** A signed JWT, its signature made in a group with the other tokens of this event-loop turn (sign-worker.ts). */
export async function signJwtGrouped(key: SigningKey, payload: Record<string, unknown>, typ = 'JWT'): Promise<string> {
  const input = signingInput(key, payload, typ);
  return `${input}.${await signer().sign(key, input)}`;
}

export function generateSigningKey(alg: SigningAlg): { privatePem: string; publicJwk: Record<string, unknown> } {
  const pair =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === 'RS256'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privatePem, publicJwk: pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown> };
}

export const privateKeyFromPem = (pem: string): KeyObject => createPrivateKey(pem);

/** OIDC at_hash / c_hash: left half of the hash of the ASCII value, with the hash of the signing algorithm. */
export function halfHash(alg: SigningAlg, value: string): string {
  // ES256 and RS256 use SHA-256; EdDSA (Ed25519) uses SHA-512 per OIDC's EdDSA profile.
  const digest = createHash(alg === 'EdDSA' ? 'sha512' : 'sha256')
    .update(value)
    .digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
