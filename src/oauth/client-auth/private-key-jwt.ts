// private_key_jwt (RFC 7523 §2.2, OIDC Core §9): a JWT signed with the client's registered key, iss = sub =
// client_id, aud = our issuer or endpoint, short-lived, and a jti that is accepted only once.
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { ClientAssertionStore } from '../../store/client-assertions.js';
import { invalidClient } from '../errors.js';
import type { OAuthClient, OAuthSpace } from '../cache.js';
import { ASSERTION_SIGNING_ALGS } from '../../registry/capabilities.js';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const MAX_ASSERTION_AGE_S = 600;
const remoteSets = new Map<string, JWTVerifyGetKey>();

function keySet(client: OAuthClient): JWTVerifyGetKey {
  if (client.row.jwks) return createLocalJWKSet(client.row.jwks as never);
  const uri = client.row.jwksUri!;
  let set = remoteSets.get(uri);
  if (!set) {
    set = createRemoteJWKSet(new URL(uri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    remoteSets.set(uri, set);
  }
  return set;
}

export async function verifyAssertion(
  assertions: ClientAssertionStore,
  space: OAuthSpace,
  client: OAuthClient,
  assertion: string,
  endpointUrls: string[],
): Promise<void> {
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keySet(client), {
      issuer: client.row.clientId,
      subject: client.row.clientId,
      audience: [space.issuer, ...endpointUrls],
      // What discovery advertises, or the one algorithm the client registered (token_endpoint_auth_signing_alg).
      algorithms: client.row.tokenEndpointAuthSigningAlg ? [client.row.tokenEndpointAuthSigningAlg] : [...ASSERTION_SIGNING_ALGS],
      requiredClaims: ['exp', 'jti'],
      clockTolerance: 30,
    }));
  } catch (err) {
    throw invalidClient(`client assertion rejected: ${(err as Error).message}`, false);
  }
  const exp = payload.exp!;
  if (exp - Math.floor(Date.now() / 1000) > MAX_ASSERTION_AGE_S) {
    throw invalidClient(`client assertion must expire within ${MAX_ASSERTION_AGE_S} seconds`, false);
  }
  if (!(await assertions.remember({ clientPk: client.row.id, jti: String(payload.jti), expiresAt: new Date(exp * 1000) }))) {
    throw invalidClient('client assertion was already used (jti replay)', false);
  }
}
