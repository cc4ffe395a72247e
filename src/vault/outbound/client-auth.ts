// Client authentication at the provider's token endpoint: oauth4webapi's ClientSecretPost and PrivateKeyJwt, a Basic
// header of our own (see clientSecretBasic), and an HMAC assertion signed with the client secret for entries whose
// private_key_jwt algorithm is HS256/384/512 (Redox accepts HS384). The key is imported for the entry's algorithm
// (RS384 needs an RSA key bound to SHA-384 in WebCrypto); without an algorithm in the entry it follows from the key
// (RSA → RS256, P-256 → ES256, …).
import { createHmac, createPrivateKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type { ProviderSettings } from './types.js';

export type AuthResult = { ok: true; auth: oauth.ClientAuth; secrets: string[] } | { ok: false; description: string };

const HMAC_HASH: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

function importParams(alg: string): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams | webcrypto.Algorithm | undefined {
  const bits = alg.slice(2);
  if (alg.startsWith('RS') && ['256', '384', '512'].includes(bits)) return { name: 'RSASSA-PKCS1-v1_5', hash: `SHA-${bits}` };
  if (alg.startsWith('PS') && ['256', '384', '512'].includes(bits)) return { name: 'RSA-PSS', hash: `SHA-${bits}` };
  if (alg === 'ES256') return { name: 'ECDSA', namedCurve: 'P-256' };
  if (alg === 'ES384') return { name: 'ECDSA', namedCurve: 'P-384' };
  if (alg === 'ES512') return { name: 'ECDSA', namedCurve: 'P-521' };
  if (alg === 'EdDSA' || alg === 'Ed25519') return { name: 'Ed25519' };
  return undefined;
}

function algorithmOfKey(key: KeyObject): string | undefined {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'rsa-pss') return 'PS256';
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === 'prime256v1' ? 'ES256' : curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : undefined;
  }
  return undefined;
}

function b64u(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** The claims oauth4webapi puts in its assertions, with the audience the entry names. */
function assertionClaims(clientId: string, audience: string) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: clientId, sub: clientId, aud: audience, jti: randomBytes(16).toString('base64url'), iat: now, nbf: now, exp: now + 60 };
}

function hmacAssertion(alg: string, secret: string, keyId: string | undefined, audience: string): oauth.ClientAuth {
  const hash = HMAC_HASH[alg] as string;
  return (_as, client, body) => {
    const header = keyId ? { alg, typ: 'JWT', kid: keyId } : { alg, typ: 'JWT' };
    const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(assertionClaims(client.client_id, audience)))}`;
    const signature = createHmac(hash, secret).update(input).digest('base64url');
    body.set('client_id', client.client_id);
    body.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    body.set('client_assertion', `${input}.${signature}`);
  };
}

async function privateKeyJwt(s: ProviderSettings, audience: string): Promise<AuthResult> {
  const wanted = s.entry.token_endpoint_auth_signing_alg;
  if (wanted !== undefined && HMAC_HASH[wanted]) {
    if (!s.clientSecret) return { ok: false, description: `${wanted} client assertions are signed with the client secret, and none is set` };
    return { ok: true, auth: hmacAssertion(wanted, s.clientSecret, s.keyId, audience), secrets: [s.clientSecret] };
  }
  if (!s.privateKeyPem) return { ok: false, description: 'private_key_jwt needs a private key, and none is set' };
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey(s.privateKeyPem);
  } catch {
    return { ok: false, description: 'the private key is not a readable PEM private key' };
  }
  const alg = wanted ?? algorithmOfKey(keyObject);
  const params = alg === undefined ? undefined : importParams(alg);
  if (alg === undefined || params === undefined)
    return { ok: false, description: `signing algorithm ${alg ?? 'of this key'} is not supported for client assertions` };
  let key: webcrypto.CryptoKey;
  try {
    const der = keyObject.export({ format: 'der', type: 'pkcs8' });
    key = await webcrypto.subtle.importKey('pkcs8', der, params, false, ['sign']);
  } catch {
    return { ok: false, description: `the private key does not fit signing algorithm ${alg}` };
  }
  const auth = oauth.PrivateKeyJwt(s.keyId ? { key, kid: s.keyId } : { key }, {
    [oauth.modifyAssertion]: (header, payload) => {
      // oauth4webapi names Ed25519 keys "Ed25519"; an entry that says "EdDSA" (the older name) gets that.
      if (alg === 'EdDSA') header.alg = 'EdDSA';
      payload.aud = audience;
    },
  });
  return { ok: true, auth, secrets: [] };
}

/** Percent-escapes only what a form decoder would misread: '%', '+', and ':' in the client id (the separator). */
function basicPart(value: string, isId: boolean): string {
  return value.replace(isId ? /[%+:]/g : /[%+]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * client_secret_basic. RFC 6749 2.3.1 form-encodes id and secret before Basic, and oauth4webapi does so fully, down
 * to '-', '.' and '_'; many servers never decode (oauth4webapi issues #148 and #199, Spring Security OAuth), and a
 * GUID client id (Exact Online's) then fails there. Escaping only the characters a decoder would change gives the
 * same values to servers that decode and to servers that do not, for every credential without '%' or '+'.
 */
function clientSecretBasic(secret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    const pair = `${basicPart(client.client_id, true)}:${basicPart(secret, false)}`;
    headers.set('authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  };
}

export async function clientAuthFor(s: ProviderSettings): Promise<AuthResult> {
  if (!s.clientId) return { ok: false, description: 'the provider client has no client ID' };
  if (s.authMethod === 'private_key_jwt') return privateKeyJwt(s, s.entry.client_assertion_audience ?? s.tokenUrl);
  // Without a secret the client is public (PKCE only): its client_id goes in the body and the provider decides.
  if (!s.clientSecret) return { ok: true, auth: oauth.None(), secrets: [] };
  const auth = s.authMethod === 'client_secret_post' ? oauth.ClientSecretPost(s.clientSecret) : clientSecretBasic(s.clientSecret);
  return { ok: true, auth, secrets: [s.clientSecret] };
}
