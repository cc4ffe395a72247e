// Checks of the client metadata that RFC 7591 and OpenID Connect Registration §2 standardize beyond the basics:
// response types (only what /authorize serves), protocol scopes, application type, signing algorithms,
// default_max_age, require_auth_time, software_id/version. Pure functions, used by client-rules.ts.
import { invalid } from '../errors.js';
import {
  ASSERTION_SIGNING_ALGS,
  DEFAULT_ID_TOKEN_ALG,
  isOneOf,
  isProtocolScope,
  RESPONSE_TYPES,
  SIGNING_ALGS,
  type AssertionSigningAlg,
  type AuthMethod,
  type GrantType,
  type SigningAlg,
} from './capabilities.js';

/** default_max_age: at most a year, like the other lifetimes a person would set. */
export const MAX_DEFAULT_MAX_AGE = 365 * 24 * 3600;

export function defaultResponseTypes(grants: GrantType[]): string[] {
  const out: string[] = [];
  if (grants.includes('authorization_code')) out.push('code');
  if (grants.includes('implicit')) out.push('token', 'id_token', 'id_token token');
  return out;
}

/** Response types as /authorize compares them: `token id_token` and `id_token token` are one type. */
export function normalizeResponseType(rt: string): string {
  return rt
    .split(' ')
    .filter(Boolean)
    .sort((a, b) => (a === 'id_token' ? -1 : b === 'id_token' ? 1 : 0))
    .join(' ');
}

export function checkResponseTypes(list: unknown, grantTypes: GrantType[]): string[] {
  if (!Array.isArray(list) || list.length > 10) throw invalid('response_types', 'response_types must be a list of at most 10 response types');
  const out: string[] = [];
  for (const given of list) {
    const rt = typeof given === 'string' ? normalizeResponseType(given) : '';
    if (!isOneOf(RESPONSE_TYPES, rt)) {
      throw invalid(
        'response_types',
        `"${String(given)}" is not a response type the authorization endpoint serves (supported: ${RESPONSE_TYPES.join(', ')}; the hybrid flow is not served)`,
      );
    }
    const parts = rt.split(' ');
    if (parts.includes('code') && !grantTypes.includes('authorization_code')) {
      throw invalid('response_types', `response type "${rt}" needs the authorization_code grant`);
    }
    if ((parts.includes('token') || parts.includes('id_token')) && !grantTypes.includes('implicit')) {
      throw invalid('response_types', `response type "${rt}" needs the implicit grant`);
    }
    if (!out.includes(rt)) out.push(rt);
  }
  return out;
}

/** Splits a client's scope into the space's scopes and the protocol's (openid, offline_access). */
export function splitScope(names: string[]): { scopes: string[]; protocolScopes: string[] } {
  return { scopes: names.filter((n) => !isProtocolScope(n)), protocolScopes: names.filter(isProtocolScope) };
}

/** Whether a redirect URI uses a private-use scheme (neither https nor http): the mark of a native app. */
export const hasPrivateScheme = (uris: string[]) => uris.some((u) => !/^https?:/i.test(u));

/** software_id, software_version: up to 200 printable characters; "" or null clears. */
export function optionalText(field: string, v: string | null | undefined, current: string | null): string | null {
  if (v === undefined) return current;
  if (v === null) return null;
  if (typeof v !== 'string') throw invalid(field, `${field} must be a string`);
  const t = v.trim();
  if (t.length > 200) throw invalid(field, `${field} must be at most 200 characters`);
  if (/[\x00-\x1f\x7f]/.test(t)) throw invalid(field, `${field} must not contain control characters`);
  return t || null;
}

export function checkDefaultMaxAge(v: number | null | undefined, current: number | null): number | null {
  if (v === undefined) return current;
  if (v === null) return null;
  if (!Number.isInteger(v) || v < 0 || v > MAX_DEFAULT_MAX_AGE) {
    throw invalid('default_max_age', `default_max_age must be seconds from 0 to ${MAX_DEFAULT_MAX_AGE}, or null for none`);
  }
  return v;
}

export function checkIdTokenAlg(v: string | undefined, current: SigningAlg | undefined): SigningAlg {
  if (v === undefined) return current ?? DEFAULT_ID_TOKEN_ALG;
  if (v === 'none') throw invalid('id_token_signed_response_alg', 'id_token_signed_response_alg "none" is not allowed: ID tokens are always signed');
  if (!isOneOf(SIGNING_ALGS, v)) throw invalid('id_token_signed_response_alg', `id_token_signed_response_alg must be one of ${SIGNING_ALGS.join(', ')}`);
  return v;
}

export function checkAssertionAlg(v: string | null | undefined, current: AssertionSigningAlg | null, method: AuthMethod): AssertionSigningAlg | null {
  if (v === undefined) return method === 'private_key_jwt' ? current : null;
  if (v === null) return null;
  if (!isOneOf(ASSERTION_SIGNING_ALGS, v)) {
    throw invalid('token_endpoint_auth_signing_alg', `token_endpoint_auth_signing_alg must be one of ${ASSERTION_SIGNING_ALGS.join(', ')}`);
  }
  if (method !== 'private_key_jwt') {
    throw invalid('token_endpoint_auth_signing_alg', `token_endpoint_auth_signing_alg applies to private_key_jwt only (this client uses ${method})`);
  }
  return v;
}

export function checkBoolean(field: string, v: boolean | undefined, current: boolean): boolean {
  if (v === undefined) return current;
  if (typeof v !== 'boolean') throw invalid(field, `${field} must be true or false`);
  return v;
}
