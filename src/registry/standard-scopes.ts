// The standard scopes of OpenID Connect Core §5.4 (profile, email, address, phone): every space starts with them,
// as ordinary scope rows an admin may edit or delete. Here: their names, consent texts and the claims each releases,
// and the one-time seeding of a space (at its creation, and once at start-up for spaces older than this list).
import { recordAudit, type Actor } from '../events/audit.js';
import type { Executor } from '../store/db.js';
import { insertMissingScopes } from '../store/scopes.js';
import { updateSpace } from '../store/spaces.js';
import { SEEDED_KEY } from './space-settings.js';

export interface StandardScope {
  name: string;
  /** The consent text a new space starts with; also shown when an admin has cleared the description. */
  description: string;
  /** The claims the scope releases (userinfo and ID token), OIDC Core §5.4. */
  claims: readonly string[];
}

export const STANDARD_SCOPES: readonly StandardScope[] = [
  {
    name: 'profile',
    description: 'See your profile: your name, username, picture, and, where you have given them, your birthdate, gender, website, time zone and language',
    claims: [
      'name',
      'family_name',
      'given_name',
      'middle_name',
      'nickname',
      'preferred_username',
      'profile',
      'picture',
      'website',
      'gender',
      'birthdate',
      'zoneinfo',
      'locale',
      'updated_at',
    ],
  },
  { name: 'email', description: 'See your e-mail address and whether it is verified', claims: ['email', 'email_verified'] },
  { name: 'address', description: 'See your postal address', claims: ['address'] },
  { name: 'phone', description: 'See your phone number and whether it is verified', claims: ['phone_number', 'phone_number_verified'] },
];

export const STANDARD_SCOPE_NAMES: readonly string[] = STANDARD_SCOPES.map((s) => s.name);

/** Every claim a standard scope can release (discovery's claims_supported adds the ID token's own). */
export const STANDARD_CLAIMS: readonly string[] = STANDARD_SCOPES.flatMap((s) => s.claims);

export const standardScope = (name: string): StandardScope | undefined => STANDARD_SCOPES.find((s) => s.name === name);

/**
 * The scope a registered client needs to use the space's connections (DESIGN.md "Connection vault"): every space has
 * it from the start, like the standard scopes, and an admin associates it with the clients that may use connections.
 */
export const CONNECTIONS_SCOPE = {
  name: 'connections',
  description: "Use this space's connections to other services: get their access tokens and call their APIs through Keyward",
} as const;

// The names under which a space's settings record which scope sets were seeded. Recorded so that a seeded scope an
// admin deleted stays deleted: the start-up step seeds each set into a space once, never again. A set added later
// (the connections scope) is seeded once into spaces that were seeded before it existed.
const SEEDS: readonly { marker: string; scopes: readonly { name: string; description: string }[] }[] = [
  { marker: 'standard_scopes', scopes: STANDARD_SCOPES },
  { marker: 'connections_scope', scopes: [CONNECTIONS_SCOPE] },
];

type SpaceRef = { id: string; slug: string };

const seededMarkers = (settings: Record<string, unknown> | null | undefined): string[] =>
  Array.isArray(settings?.[SEEDED_KEY]) ? (settings![SEEDED_KEY] as string[]) : [];

/**
 * Creates the seeded scopes of `space` that are missing from the sets not seeded yet (within the caller's
 * transaction) and records that the space is seeded; returns the names created. Idempotent: an existing scope of
 * the same name (an admin's own "profile", say) is kept as it is.
 */
export async function seedStandardScopes(tx: Executor, space: SpaceRef, settings: Record<string, unknown>, actor: Actor): Promise<string[]> {
  const seeded = seededMarkers(settings);
  const due = SEEDS.filter((s) => !seeded.includes(s.marker));
  const wanted = due.flatMap((s) => s.scopes);
  const created = wanted.length
    ? await insertMissingScopes(
        tx,
        wanted.map((s) => ({ spaceId: space.id, name: s.name, description: s.description, isDefault: false })),
      )
    : [];
  for (const c of created) {
    await recordAudit(tx, actor, {
      space: space.slug,
      action: 'scope.create',
      targetType: 'scope',
      targetId: c.name,
      changes: { name: c.name, description: c.description, default: false },
    });
  }
  await updateSpace(tx, space.id, { settings: { ...settings, [SEEDED_KEY]: [...new Set([...seeded, ...due.map((s) => s.marker)])] } });
  return created.map((c) => c.name);
}

/** Whether every scope set has been seeded into the space (so a start-up must not create them again). */
export const standardScopesSeeded = (settings: Record<string, unknown> | null | undefined): boolean => {
  const seeded = seededMarkers(settings);
  return SEEDS.every((s) => seeded.includes(s.marker));
};
