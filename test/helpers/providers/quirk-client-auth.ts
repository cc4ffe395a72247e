// Request bodies and client authentication at the quirk provider's token endpoint: a form or JSON body, and the
// client proven by HTTP Basic, by client_id and client_secret in the body, or by a private_key_jwt assertion checked
// with jose against the configured public key (RFC 7523: iss = sub = client_id, aud = the token URL, a fresh jti).
import type { IncomingMessage } from 'node:http';
import { importJWK, jwtVerify, type JWK } from 'jose';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

export interface PrivateKeyJwtOptions {
  /** The client's public key. */
  jwk: JWK;
  /** The one JWS algorithm accepted (Redox RS384 or ES384). */
  alg: string;
  /** The audience the assertion must name (default: the token URL). */
  audience?: string;
}

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The parameters of a form or JSON body; `undefined` when the body is not what `accept` allows or does not parse. */
export function parseParams(contentType: string | undefined, text: string, accept: 'form' | 'json' | 'any'): Record<string, string> | undefined {
  const isJson = (contentType ?? '').includes('json');
  if ((isJson && accept === 'form') || (!isJson && accept === 'json')) return undefined;
  if (!isJson) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed = JSON.parse(text || '{}') as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  } catch {
    return undefined;
  }
}

// RFC 6749 2.3.1: the id and secret are form-urlencoded before Basic encodes them.
const formDecode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));

export interface ClientAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Accepted methods; default basic and post. */
  methods: ClientAuthMethod[];
  privateKeyJwt?: PrivateKeyJwtOptions;
  tokenUrl: string;
}

export class ClientAuthenticator {
  private key: ReturnType<typeof importJWK> | undefined;
  private readonly seenJti = new Set<string>();

  constructor(private readonly config: () => ClientAuthConfig) {}

  /** The method used when the client is authenticated, or the reason it is not. */
  async authenticate(req: IncomingMessage, params: Record<string, string>): Promise<{ ok: true; method: ClientAuthMethod } | { ok: false; reason: string }> {
    const config = this.config();
    const header = req.headers.authorization;
    let method: ClientAuthMethod;
    let id: string | undefined;
    let secret: string | undefined;
    if (header?.startsWith('Basic ')) {
      method = 'client_secret_basic';
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return { ok: false, reason: 'malformed Basic credentials' };
      try {
        id = formDecode(decoded.slice(0, colon));
        secret = formDecode(decoded.slice(colon + 1));
      } catch {
        return { ok: false, reason: 'malformed Basic credentials' };
      }
    } else if (params.client_assertion !== undefined) {
      method = 'private_key_jwt';
      if (params.client_assertion_type !== JWT_BEARER) return { ok: false, reason: 'unsupported client_assertion_type' };
    } else {
      method = 'client_secret_post';
      id = params.client_id;
      secret = params.client_secret;
    }
    if (!config.methods.includes(method)) return { ok: false, reason: `${method} is not allowed for this client` };
    if (params.client_id !== undefined && id !== undefined && params.client_id !== id) return { ok: false, reason: 'client_id mismatch' };
    if (method === 'private_key_jwt') return this.verifyAssertion(config, params);
    if (id !== config.clientId || secret !== config.clientSecret) return { ok: false, reason: 'unknown client or wrong secret' };
    return { ok: true, method };
  }

  private async verifyAssertion(config: ClientAuthConfig, params: Record<string, string>) {
    const pkj = config.privateKeyJwt;
    if (!pkj) return { ok: false as const, reason: 'no key registered for private_key_jwt' };
    if (params.client_id !== undefined && params.client_id !== config.clientId) return { ok: false as const, reason: 'client_id mismatch' };
    this.key ??= importJWK(pkj.jwk, pkj.alg);
    try {
      const { payload } = await jwtVerify(params.client_assertion!, await this.key, {
        algorithms: [pkj.alg],
        audience: pkj.audience ?? config.tokenUrl,
        issuer: config.clientId,
        subject: config.clientId,
        requiredClaims: ['exp', 'jti'],
      });
      if (this.seenJti.has(payload.jti!)) return { ok: false as const, reason: 'client_assertion jti replayed' };
      this.seenJti.add(payload.jti!);
      return { ok: true as const, method: 'private_key_jwt' as const };
    } catch (err) {
      return { ok: false as const, reason: `client_assertion refused: ${(err as Error).message}` };
    }
  }
}
