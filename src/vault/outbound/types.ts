// What the vault's outbound protocol takes and gives back. The caller (the connection service) opens secrets, fills
// URL placeholders and decides what to do with a result; this folder only speaks to the provider and reads its answer.
import type { ProviderEntry, TokenEndpointAuthMethod } from '../catalog/types.js';

export interface ProviderSettings {
  entry: ProviderEntry;
  clientId: string;
  /** Opened by the caller. */
  clientSecret?: string;
  /** PKCS#8 (PKCS#1 and SEC1 PEMs are read too), for private_key_jwt. */
  privateKeyPem?: string;
  /** The `kid` of that key, put in the assertion's header. */
  keyId?: string;
  authMethod: TokenEndpointAuthMethod;
  /** Placeholders already filled by the caller. */
  authorizationUrl?: string;
  tokenUrl: string;
  /** Joined with entry.scopes.separator (default ' '). */
  scope: string[];
  /** From the provider client; used only when the answer names no lifetime. */
  overrides: { accessTokenTtlMs?: number; refreshTokenTtlMs?: number };
  /** Default 15000. */
  timeoutMs?: number;
}

export interface TokenSet {
  accessToken: string;
  /** Absent: the caller keeps the old one. */
  refreshToken?: string;
  /** Default 'Bearer'. */
  tokenType: string;
  scope?: string;
  /** From the answer, else the override, else entry.refresh.assumed_access_token_lifetime_seconds, else 1 hour. */
  expiresAt: Date;
  /** False when the answer named no (usable) lifetime. */
  expiryKnown: boolean;
  /** From the answer's paths, else the override, else entry.refresh.refresh_token_lifetime_seconds. */
  refreshTokenExpiresAt?: Date;
  /** entry.token_response.metadata paths, keyed by path. */
  metadata: Record<string, unknown>;
  /** What was odd in the answer and ignored (a negative expires_in, a date in the past); never holds a value. */
  notes?: string[];
}

export type ProviderFailureKind = 'invalid_grant' | 'too_early' | 'rate_limited' | 'transient' | 'rejected';

export interface ProviderFailure {
  kind: ProviderFailureKind;
  status?: number;
  code?: string;
  /** Never holds a secret or a token; at most 300 characters. */
  description?: string;
  retryAfterMs?: number;
}

export type TokenResult = { ok: true; tokens: TokenSet } | { ok: false; failure: ProviderFailure };

/** A failure found before anything was sent (a missing secret, an unusable key or URL): Keyward's own setup. */
export function configFailure(description: string): TokenResult {
  return { ok: false, failure: { kind: 'rejected', code: 'keyward_configuration', description } };
}
