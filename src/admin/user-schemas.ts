// Route schemas of users and token management. Response schemas shape the output, so a password hash can never
// be serialized.
import { Type, type TSchema } from 'typebox';
import { PageQuery } from './schemas.js';
import { TOKEN_ENTRY_EXAMPLE, USER_EXAMPLE, USER_INPUT_EXAMPLE } from './examples.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Kind = Type.Union([Type.Literal('personal'), Type.Literal('service')], {
  description: 'personal: signs in through the browser; service: only through the password grant',
});

// The standard claims (OpenID Connect Core §5.1), released to clients by the profile, email, address and phone scopes.
const claimText = (description: string, maxLength = 200) =>
  Type.Optional(Nullable(Type.String({ maxLength, description: `${description}; null or "" clears it` })));
const ClaimInputs = {
  given_name: claimText('given name(s) or first name(s)'),
  family_name: claimText('surname(s) or last name(s)'),
  middle_name: claimText('middle name(s)'),
  nickname: claimText('casual name'),
  profile: claimText('URL of the profile page (absolute http or https)', 2000),
  picture: claimText('URL of a profile picture (absolute http or https)', 2000),
  website: claimText('URL of a web page or blog (absolute http or https)', 2000),
  gender: claimText('gender: female, male, or another value', 100),
  birthdate: claimText('YYYY-MM-DD, or YYYY; 0000-MM-DD when the year is not given', 10),
  zoneinfo: claimText('time zone of the IANA database, such as Europe/Paris', 100),
  locale: claimText('BCP 47 language tag, such as en-US (stored canonicalized)', 50),
  phone_number: claimText('E.164 number such as +14255551212 (separators are dropped), optionally ;ext=1234', 60),
  phone_number_verified: Type.Optional(Type.Boolean({ description: 'whether the phone number is verified' })),
  address: Type.Optional(
    Nullable(
      Type.Object(
        {
          formatted: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'the full address for display; may have line breaks' }))),
          street_address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          locality: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'city' }))),
          region: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'state, province or region' }))),
          postal_code: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          country: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
        },
        {
          additionalProperties: false,
          description: 'postal address (OIDC Core §5.1.1); an update changes the fields given (a field null or "" removes it), address null removes it all',
        },
      ),
    ),
  ),
};

const ClaimOutputs = {
  given_name: Nullable(Type.String()),
  family_name: Nullable(Type.String()),
  middle_name: Nullable(Type.String()),
  nickname: Nullable(Type.String()),
  profile: Nullable(Type.String()),
  picture: Nullable(Type.String()),
  website: Nullable(Type.String()),
  gender: Nullable(Type.String()),
  birthdate: Nullable(Type.String()),
  zoneinfo: Nullable(Type.String()),
  locale: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  phone_number_verified: Type.Boolean(),
  address: Nullable(
    Type.Object({
      formatted: Type.Optional(Type.String()),
      street_address: Type.Optional(Type.String()),
      locality: Type.Optional(Type.String()),
      region: Type.Optional(Type.String()),
      postal_code: Type.Optional(Type.String()),
      country: Type.Optional(Type.String()),
    }),
  ),
};

export const UserInput = Type.Object(
  {
    username: Type.Optional(Type.String({ maxLength: 200, description: 'unique per space, not case-sensitive; fixed once created' })),
    password: Type.Optional(Nullable(Type.String({ maxLength: 1024, description: 'at least 8 characters; stored as Argon2id; null removes it' }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 320 }))),
    email_verified: Type.Optional(Type.Boolean()),
    name: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    ...ClaimInputs,
    kind: Type.Optional(Kind),
    disabled: Type.Optional(Type.Boolean({ description: 'true disables: every token issued before stays invalid for good' })),
  },
  { additionalProperties: false, examples: [USER_INPUT_EXAMPLE] },
);

export const User = Type.Object(
  {
    id: Type.String(),
    space: Type.String(),
    username: Type.String(),
    email: Nullable(Type.String()),
    email_verified: Type.Boolean(),
    name: Nullable(Type.String()),
    ...ClaimOutputs,
    kind: Type.String(),
    disabled: Type.Boolean(),
    has_password: Type.Boolean(),
    tokens_valid_after: Nullable(Type.String({ format: 'date-time', description: 'tokens issued earlier are invalid' })),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { examples: [USER_EXAMPLE] },
);

export const UserParams = Type.Object({ space: Type.String({ maxLength: 100 }), user_id: Type.String({ maxLength: 200, description: 'user id or username' }) });

export const UserListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'case-insensitive part of the username, e-mail or name' })),
    kind: Type.Optional(Kind),
    disabled: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  },
  { additionalProperties: false },
);

export const TokenListQuery = Type.Object(
  {
    ...PageQuery.properties,
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    user_id: Type.Optional(Type.String({ maxLength: 200, description: 'user id or username' })),
  },
  { additionalProperties: false },
);

export const TokenCountQuery = Type.Object(
  {
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    user_id: Type.Optional(Type.String({ maxLength: 200, description: 'user id or username' })),
  },
  { additionalProperties: false },
);

export const TokenCount = Type.Object({
  grants: Type.Integer({ description: 'live grants (refresh token families), as the listing shows them' }),
  access_tokens: Type.Integer({ description: 'stored access tokens outside a grant, neither revoked nor expired' }),
  total: Type.Integer({ description: 'grants + access_tokens: the entries of GET …/tokens with the same filter' }),
});

export const TokenEntry = Type.Object(
  {
    id: Type.String({ description: 'grant id, or "at_<...>" for a stored access token outside a grant' }),
    kind: Type.String({ description: 'grant (refresh token family) or access_token' }),
    grant_type: Type.String(),
    scope: Type.String(),
    client_id: Nullable(Type.String()),
    client_name: Nullable(Type.String()),
    user_id: Nullable(Type.String()),
    username: Nullable(Type.String()),
    issued_at: Type.String({ format: 'date-time' }),
    expires_at: Type.String({ description: 'date-time, or "never"' }),
    refresh_count: Nullable(Type.Integer({ description: 'refreshes used (grants only)' })),
    refresh_limit: Type.Union([Type.Integer(), Type.Literal('unlimited'), Type.Null()], { description: 'refreshes allowed (grants only)' }),
    active: Type.Boolean({
      description: 'false once it expired, or when the server refuses it anyway: its client deactivated, its user disabled, or issued before a "revoke all"',
    }),
    revoked_at: Nullable(Type.String({ format: 'date-time' })),
  },
  { examples: [TOKEN_ENTRY_EXAMPLE] },
);

export const TokenParams = Type.Object({ space: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 200 }) });

export const RevokeAllInput = Type.Object(
  {
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    user_id: Type.Optional(Type.String({ maxLength: 200, description: 'user id or username' })),
  },
  { additionalProperties: false },
);

export const RevokeAllAnswer = Type.Object({
  revoked_grants: Type.Integer(),
  revoked_access_tokens: Type.Integer(),
  tokens_valid_after: Type.String({ format: 'date-time' }),
});

export const ConsentQuery = Type.Object(
  {
    ...PageQuery.properties,
    client_id: Type.Optional(Type.String({ maxLength: 200 })),
    user_id: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const Consent = Type.Object({
  id: Type.String(),
  client_id: Type.String(),
  client_name: Type.String(),
  user_id: Type.String(),
  username: Type.String(),
  scope: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
