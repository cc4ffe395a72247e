import type { Permission } from '../api/session';
import type { MessageKey } from '../i18n';

/** The navigation, in order; an entry shows only to roles with its permission in the current space. */
export const NAV: { path: string; label: MessageKey; permission: Permission }[] = [
  { path: '/', label: 'shell.nav.dashboard', permission: 'read' },
  { path: '/clients', label: 'shell.nav.clients', permission: 'read' },
  { path: '/scopes', label: 'shell.nav.scopes', permission: 'read' },
  { path: '/users', label: 'shell.nav.users', permission: 'read' },
  { path: '/tokens', label: 'shell.nav.tokens', permission: 'read' },
  { path: '/consents', label: 'shell.nav.consents', permission: 'read' },
  { path: '/connections', label: 'shell.nav.connections', permission: 'read' },
  { path: '/webhooks', label: 'shell.nav.webhooks', permission: 'audit:read' },
  { path: '/audit', label: 'shell.nav.audit', permission: 'audit:read' },
  { path: '/keys', label: 'shell.nav.keys', permission: 'read' },
  { path: '/settings', label: 'shell.nav.settings', permission: 'read' },
  { path: '/admins', label: 'shell.nav.admins', permission: 'admins:manage' },
  { path: '/spaces', label: 'shell.nav.spaces', permission: 'read' },
];
