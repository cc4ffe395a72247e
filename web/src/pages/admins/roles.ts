// Roles in words: each role's name, and what it may do, read from the session's permission table (the server's
// own rbac.ts), so the explanation cannot drift from what the server enforces.
import type { components } from '../../api/schema';
import { rank, type ConsoleSession } from '../../api/session';
import { t, type MessageKey } from '../../i18n';
import { admins as catalogue } from '../../i18n/en/admins';

export type Admin = components['schemas']['Admin'];
/** A role name as the API takes it. */
export type RoleName = 'viewer' | 'client-manager' | 'admin' | 'owner';
export const asRole = (role: string) => role as RoleName;
export const ALL = '*';

export const roleLabel = (role: string) => (role in catalogue.roleNames ? t(`admins.roleNames.${role}` as MessageKey) : role);
export const spaceLabel = (space: string) => (space === ALL ? t('admins.allSpaces') : space);
/** "Owner in every space", "Viewer in default". */
export const roleInSpace = (role: string, space: string) =>
  space === ALL ? t('admins.roleEverywhere', { role: roleLabel(role) }) : t('admins.roleIn', { role: roleLabel(role), space });

/** The permissions a role has, in the words of the catalogue ("see everything in the space", …). */
export function permissionsOf(session: ConsoleSession, role: string): string[] {
  return Object.entries(session.permissions)
    .filter(([, needed]) => rank(session, role) >= rank(session, needed))
    .map(([permission]) => (permission in catalogue.permissions ? t(`admins.permissions.${permission}` as MessageKey) : permission));
}

/** "May see everything in the space, create, change and delete clients and scopes." */
export const explainRole = (session: ConsoleSession, role: string) => t('admins.mayDo', { list: permissionsOf(session, role).join('; ') });

export const roleOptions = (session: ConsoleSession) => session.role_order.map((id) => ({ id, label: roleLabel(id) }));
