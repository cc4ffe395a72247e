// The standard claims a user carries (OpenID Connect Core §5.1) beyond username, e-mail and name: how the admin API
// names them, how each is checked, and how they map to the users columns. Checked values are stored in their
// canonical form (a locale as Intl spells it, a time zone as the IANA database spells it, a phone number in E.164),
// so the claims released to clients are uniform. An empty string clears a claim like null: a claim is released
// only when it has a value, never as "" or null.
import { invalid } from '../errors.js';
import type { UserRow } from '../store/users.js';

export const ADDRESS_FIELDS = ['formatted', 'street_address', 'locality', 'region', 'postal_code', 'country'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type Address = Partial<Record<AddressField, string>>;

/** The claim fields of the admin API (snake_case, as the claims are named) and their users column. */
export const TEXT_CLAIMS = {
  given_name: 'givenName',
  family_name: 'familyName',
  middle_name: 'middleName',
  nickname: 'nickname',
  profile: 'profile',
  picture: 'picture',
  website: 'website',
  gender: 'gender',
  birthdate: 'birthdate',
  zoneinfo: 'zoneinfo',
  locale: 'locale',
  phone_number: 'phoneNumber',
} as const satisfies Record<string, keyof UserRow>;
export type TextClaim = keyof typeof TEXT_CLAIMS;

/** An address as given: a field null or "" is left out. */
export type AddressInput = Partial<Record<AddressField, string | null>>;
export type ClaimsInput = Partial<Record<TextClaim, string | null>> & { phone_number_verified?: boolean; address?: AddressInput | null };
export type ClaimsView = Record<TextClaim, string | null> & { phone_number_verified: boolean; address: Address | null };

/**
 * The columns to set for the claims present in `input` (checked; throws a 400 naming the field). The address is
 * merged into `currentAddress` field by field (a field null or "" removes it; `address: null` removes it all), so an
 * update can change the city alone.
 */
export function claimColumns(input: ClaimsInput, currentAddress: Address | null = null): Partial<UserRow> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(TEXT_CLAIMS) as [TextClaim, string][]) {
    const value = input[field];
    if (value === undefined) continue;
    out[column] = value === null || value.trim() === '' ? null : CHECKS[field](field, value.trim());
  }
  if (input.phone_number_verified !== undefined) out.phoneNumberVerified = input.phone_number_verified;
  if (input.address !== undefined) out.address = checkAddress(input.address, currentAddress);
  return out as Partial<UserRow>;
}

export function claimsView(u: UserRow): ClaimsView {
  const out = Object.fromEntries(Object.entries(TEXT_CLAIMS).map(([field, column]) => [field, (u[column as keyof UserRow] as string | null) ?? null]));
  return {
    ...out,
    phone_number_verified: u.phoneNumberVerified,
    address: u.address && Object.keys(u.address).length ? (u.address as Address) : null,
  } as ClaimsView;
}

const text = (max: number) => (field: string, v: string) => {
  if (v.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw invalid(field, `${field} must not contain control characters`);
  return v;
};

function url(field: string, v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw invalid(field, `${field} must be an absolute http or https URL`);
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || v.length > 2000)
    throw invalid(field, `${field} must be an absolute http or https URL of at most 2000 characters`);
  if (u.username || u.password) throw invalid(field, `${field} must not contain a user name or password`);
  return v;
}

// OIDC Core §5.1: YYYY-MM-DD, or YYYY alone; 0000 as the year when only month and day are known.
function birthdate(field: string, v: string): string {
  const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(v);
  const bad = () => invalid(field, `${field} must be a date as YYYY-MM-DD, or a year as YYYY (0000-MM-DD when the year is not given)`);
  if (!m) throw bad();
  if (m[2] === undefined) {
    if (m[1] === '0000') throw bad();
    return v;
  }
  const year = m[1] === '0000' ? 2000 : Number(m[1]); // 2000 is a leap year: 0000-02-29 is a valid birthday
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw bad();
  return v;
}

// A name of the IANA time zone database (OIDC Core §5.1 zoneinfo), as Intl knows it; offsets like +01:00 are not names.
function zoneinfo(field: string, v: string): string {
  const bad = () => invalid(field, `${field} must be a time zone name of the IANA database, such as Europe/Paris or America/Los_Angeles`);
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(v) || v.length > 100) throw bad();
  try {
    return new Intl.DateTimeFormat('en', { timeZone: v }).resolvedOptions().timeZone;
  } catch {
    throw bad();
  }
}

// A BCP 47 language tag (OIDC Core §5.1 locale), stored as Intl canonicalizes it (en-us → en-US).
function locale(field: string, v: string): string {
  const bad = () => invalid(field, `${field} must be a BCP 47 language tag such as en-US or fr-CA (with a hyphen, not an underscore)`);
  if (v.length > 50) throw bad();
  try {
    const [canonical] = Intl.getCanonicalLocales(v);
    if (!canonical) throw bad();
    return canonical;
  } catch {
    throw bad();
  }
}

// OIDC Core §5.1 recommends E.164 (+ and up to 15 digits), with an RFC 3966 extension when there is one. Spaces,
// dots, hyphens and parentheses between the digits are accepted and dropped: +1 (425) 555-1212 → +14255551212.
function phoneNumber(field: string, v: string): string {
  const m = /^\+([0-9 ().-]+?)(?:;ext=([0-9]{1,10}))?$/.exec(v);
  const digits = m?.[1]!.replace(/[ ().-]/g, '');
  if (!m || !digits || !/^[1-9][0-9]{6,14}$/.test(digits)) {
    throw invalid(
      field,
      `${field} must be an international number in E.164 form: + then the country code and number (7 to 15 digits), such as +14255551212, optionally ;ext=1234`,
    );
  }
  return `+${digits}${m[2] ? `;ext=${m[2]}` : ''}`;
}

const CHECKS: Record<TextClaim, (field: string, v: string) => string> = {
  given_name: text(200),
  family_name: text(200),
  middle_name: text(200),
  nickname: text(200),
  profile: url,
  picture: url,
  website: url,
  gender: text(100),
  birthdate,
  zoneinfo,
  locale,
  phone_number: phoneNumber,
};

function checkAddress(a: AddressInput | null, current: Address | null): Address | null {
  if (a === null) return null;
  if (typeof a !== 'object' || Array.isArray(a)) throw invalid('address', 'address must be an object or null');
  const out: Address = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(a)) {
    const field = `address.${key}`;
    if (!(ADDRESS_FIELDS as readonly string[]).includes(key)) throw invalid(field, `${field} is not an address field (${ADDRESS_FIELDS.join(', ')})`);
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string') throw invalid(field, `${field} must be a string or null`);
    const v = value?.trim();
    if (!v) {
      delete out[key as AddressField];
      continue;
    }
    const max = key === 'formatted' ? 1000 : 200;
    if (v.length > max) throw invalid(field, `${field} must be at most ${max} characters`);
    // formatted may span lines (OIDC Core §5.1.1); no other control characters anywhere.
    const control = key === 'formatted' ? /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
    if (control.test(v)) throw invalid(field, `${field} must not contain control characters${key === 'formatted' ? ' other than line breaks' : ''}`);
    out[key as AddressField] = v;
  }
  return Object.keys(out).length ? out : null;
}
