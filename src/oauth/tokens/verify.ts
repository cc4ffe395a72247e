// Verifies JWTs this server signed (access tokens at introspection, id_token_hint at logout) with the space's
// published keys. Returns the claims, or undefined for anything invalid, expired or from another issuer.
import { decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { OAuthSpace } from '../cache.js';
import type { KeyService } from './keys.js';

export async function verifyOwnJwt(
  keys: KeyService,
  space: OAuthSpace,
  jwt: string,
  opts: { typ?: string; ignoreExpiry?: boolean } = {},
): Promise<JWTPayload | undefined> {
  try {
    const header = decodeProtectedHeader(jwt);
    if (typeof header.kid !== 'string' || typeof header.alg !== 'string') return undefined;
    const found = await keys.verificationKey(space.row.id, header.kid);
    if (!found || found.alg !== header.alg) return undefined;
    const { payload } = await jwtVerify(jwt, found.key, {
      issuer: space.issuer,
      algorithms: [header.alg],
      ...(opts.typ ? { typ: opts.typ } : {}),
      ...(opts.ignoreExpiry ? { currentDate: new Date(0) } : {}),
    });
    return payload;
  } catch {
    return undefined;
  }
}
