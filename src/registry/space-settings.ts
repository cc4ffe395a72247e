// Per-space settings of the authorization server, kept in spaces.settings (JSON). Where the seeds or RFCs
// leave a choice, it is a setting here with a safe default (RFC 9700).
import { invalid } from '../errors.js';
import { checkAccent, checkLogo } from './branding.js';
import { SIGNING_ALGS, type SigningAlg } from './capabilities.js';

export interface SpaceSettings {
  /** Algorithm of access tokens (and of ID tokens for clients that ask for it); RS256 keys exist besides. */
  signing_alg: SigningAlg;
  /** Scheduled rotation: a key older than this many days is replaced (0 = never). */
  key_rotation_days: number;
  /** Seconds a new key is published in the JWKS before it signs (so caches pick it up first). */
  key_publish_seconds: number;
  /** PKCE for confidential clients too (public clients always need it). */
  require_pkce: boolean;
  /** Accept code_challenge_method=plain (RFC 9700 advises against). */
  allow_plain_pkce: boolean;
  /** Authorization requests only through PAR (RFC 9126 §5: require_pushed_authorization_requests). */
  require_par: boolean;
  /** Failed sign-ins (login page, device page, password grant) of one username before it is locked for a while; 0 = no limit. */
  login_failure_limit: number;
  /** How long the failures count and a locked username stays locked, in seconds. */
  login_lockout_seconds: number;
  /** Dynamic client registration: closed, open, or with an initial access token. */
  registration: 'closed' | 'open' | 'token';
  id_token_ttl: number;
  authorization_code_ttl: number;
  session_ttl: number;
  device_code_ttl: number;
  /**
   * Seconds after a refresh token's rotation within which the same client may present it again and get a new pair
   * (a client that raced itself or lost the answer) instead of being treated as a thief; 0 = never (RFC 9700 §4.14.2).
   */
  refresh_reuse_grace_seconds: number;
  /** The logo on the sign-in pages: an https URL or a small image as a data: URL (branding.ts); null = none. */
  brand_logo_uri: string | null;
  /** Accent colour (#rrggbb) of buttons and links on light pages; null = Keyward's. Refused below 4.5:1 contrast. */
  brand_accent_light: string | null;
  /** Accent colour (#rrggbb) of buttons and links on dark pages (prefers-color-scheme: dark); null = Keyward's. */
  brand_accent_dark: string | null;
}

export const DEFAULT_SETTINGS: SpaceSettings = {
  signing_alg: 'ES256',
  key_rotation_days: 90,
  key_publish_seconds: 3600,
  require_pkce: true,
  allow_plain_pkce: false,
  require_par: false,
  login_failure_limit: 10,
  login_lockout_seconds: 900,
  registration: 'closed',
  id_token_ttl: 3600,
  authorization_code_ttl: 60,
  session_ttl: 86400,
  device_code_ttl: 600,
  refresh_reuse_grace_seconds: 0,
  brand_logo_uri: null,
  brand_accent_light: null,
  brand_accent_dark: null,
};

/** Settings whose value is checked by a function of their own (it returns the value to store). */
const CHECKS: Partial<Record<keyof SpaceSettings, (field: string, value: unknown) => unknown>> = {
  brand_logo_uri: checkLogo,
  brand_accent_light: (field, value) => checkAccent(field, value, 'light'),
  brand_accent_dark: (field, value) => checkAccent(field, value, 'dark'),
};

export const INT_LIMITS: Partial<Record<keyof SpaceSettings, [number, number]>> = {
  key_rotation_days: [0, 3650],
  key_publish_seconds: [0, 7 * 86400],
  login_failure_limit: [0, 1000],
  login_lockout_seconds: [60, 86400],
  id_token_ttl: [60, 86400],
  authorization_code_ttl: [10, 600],
  session_ttl: [60, 90 * 86400],
  device_code_ttl: [60, 3600],
  refresh_reuse_grace_seconds: [0, 60],
};
export const ENUMS: Partial<Record<keyof SpaceSettings, readonly string[]>> = {
  signing_alg: SIGNING_ALGS,
  registration: ['closed', 'open', 'token'],
};

/**
 * Bookkeeping kept beside the settings in spaces.settings: the one-time data steps done for the space (e.g. the
 * standard scopes seeded). Never shown as a setting nor settable; kept across settings updates.
 */
export const SEEDED_KEY = '_seeded';

export const settingsOf = (raw: Record<string, unknown> | null | undefined): SpaceSettings => {
  const { [SEEDED_KEY]: _seeded, ...rest } = raw ?? {};
  return { ...DEFAULT_SETTINGS, ...rest } as SpaceSettings;
};

/** Checks a partial update and returns the merged settings. */
export function mergeSettings(current: Record<string, unknown>, patch: Record<string, unknown>): SpaceSettings {
  const out = settingsOf(current) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const field = `settings.${key}`;
    if (!(key in DEFAULT_SETTINGS)) throw invalid(field, `${field} is not a known setting`);
    const def = DEFAULT_SETTINGS[key as keyof SpaceSettings];
    const limits = INT_LIMITS[key as keyof SpaceSettings];
    const allowed = ENUMS[key as keyof SpaceSettings];
    if (limits && (!Number.isInteger(value) || (value as number) < limits[0] || (value as number) > limits[1])) {
      throw invalid(field, `${field} must be a whole number from ${limits[0]} to ${limits[1]}`);
    }
    if (allowed && !allowed.includes(value as string)) throw invalid(field, `${field} must be one of ${allowed.join(', ')}`);
    if (typeof def === 'boolean' && typeof value !== 'boolean') throw invalid(field, `${field} must be true or false`);
    const check = CHECKS[key as keyof SpaceSettings];
    out[key] = check ? check(field, value) : value;
  }
  if (current[SEEDED_KEY] !== undefined) out[SEEDED_KEY] = current[SEEDED_KEY];
  return out as unknown as SpaceSettings;
}
