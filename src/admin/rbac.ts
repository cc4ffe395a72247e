// Roles per space. A role on no particular space (`*`) applies to every space. The effective role in a space is
// the stronger of the global role and the role held there.
import { AppError } from '../errors.js';

export const ROLES = ['viewer', 'client-manager', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];
export const GLOBAL = '*';

/** What each permission needs, weakest role first. */
export const PERMISSIONS = {
  read: 'viewer',
  // seed 004: "Access Control" permission: create, edit and delete clients (and scopes).
  'clients:write': 'client-manager',
  'space:write': 'admin',
  'audit:read': 'admin',
  'admins:manage': 'owner',
  'space:delete': 'owner',
  // Master key status and re-sealing: every space's secrets, so only an owner of all spaces.
  'master-key:manage': 'owner',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

const rank = (r: Role | undefined): number => (r ? ROLES.indexOf(r) : -1);

export interface Principal {
  adminId: string;
  email: string;
  tokenId: string | null;
  /** When the token expires (null: never); absent for principals not made from a token. */
  tokenExpiresAt?: Date | null;
  /** space slug or `*` → role */
  roles: Map<string, Role>;
}

export function effectiveRole(p: Principal, space: string): Role | undefined {
  const global = p.roles.get(GLOBAL);
  const local = p.roles.get(space);
  return rank(local) > rank(global) ? local : global;
}

export const can = (p: Principal, permission: Permission, space: string): boolean => rank(effectiveRole(p, space)) >= rank(PERMISSIONS[permission]);

export function requirePermission(p: Principal, permission: Permission, space: string): void {
  if (can(p, permission, space)) return;
  const needed = PERMISSIONS[permission];
  const where = space === GLOBAL ? 'for all spaces' : `in space "${space}"`;
  throw new AppError('forbidden', `this action needs the ${needed} role ${where}`);
}

/** Spaces the principal may see; undefined means all of them. */
export function visibleSpaces(p: Principal, permission: Permission = 'read'): string[] | undefined {
  if (can(p, permission, GLOBAL)) return undefined;
  return [...p.roles.keys()].filter((s) => s !== GLOBAL && can(p, permission, s));
}
