// The user's claims a token's scopes release (OpenID Connect Core §5.4), for the UserInfo answer and the ID token.
// Which claims belong to which scope is the registry's list (standard-scopes.ts), so discovery's claims_supported,
// the consent texts and what is released cannot drift apart. A claim without a value is left out, never null or "".
import { STANDARD_SCOPES } from '../registry/standard-scopes.js';
import type { UserRow } from '../registry/users.js';

/** What claims are made of: the username at least; any other column of the user when known. */
export type ClaimSource = { username: string } & Partial<Omit<UserRow, 'username'>>;

const VALUE: Record<string, (u: ClaimSource) => unknown> = {
  name: (u) => u.name,
  family_name: (u) => u.familyName,
  given_name: (u) => u.givenName,
  middle_name: (u) => u.middleName,
  nickname: (u) => u.nickname,
  preferred_username: (u) => u.username,
  profile: (u) => u.profile,
  picture: (u) => u.picture,
  website: (u) => u.website,
  gender: (u) => u.gender,
  birthdate: (u) => u.birthdate,
  zoneinfo: (u) => u.zoneinfo,
  locale: (u) => u.locale,
  // OIDC Core §5.1: seconds since the epoch.
  updated_at: (u) => (u.updatedAt ? Math.floor(u.updatedAt.getTime() / 1000) : undefined),
  email: (u) => u.email,
  // A verification flag means something only beside the value it verifies.
  email_verified: (u) => (u.email ? (u.emailVerified ?? false) : undefined),
  address: (u) => (u.address && Object.keys(u.address).length ? u.address : undefined),
  phone_number: (u) => u.phoneNumber,
  phone_number_verified: (u) => (u.phoneNumber ? (u.phoneNumberVerified ?? false) : undefined),
};

/** The claims of `user` that the granted `scope` releases. */
export function userClaims(user: ClaimSource, scope: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of STANDARD_SCOPES) {
    if (!scope.includes(s.name)) continue;
    for (const claim of s.claims) {
      const value = VALUE[claim]?.(user);
      if (value !== undefined && value !== null && value !== '') out[claim] = value;
    }
  }
  return out;
}
