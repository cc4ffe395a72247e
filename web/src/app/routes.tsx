// The console's pages. Each page is its own chunk, loaded when first opened (issue 12: JavaScript for charts only
// where they are shown). A space's pages live under /spaces/{space}/…; admins, spaces and the signed-in admin's own
// account are global, shown in the frame of the space one came from.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Navigate } from '@tanstack/react-router';
import { Root } from './Root';
import { SpaceShell } from './SpaceShell';
import { NotFound } from './NotFound';

const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFound });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: () => <Navigate to="/spaces/$space" params={{ space: 'default' }} replace />,
});

export const spaceRoute = createRoute({ getParentRoute: () => rootRoute, path: '/spaces/$space', component: SpaceShell });

const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
  createRoute({ getParentRoute: () => spaceRoute, path, component: lazyRouteComponent(load as never, name as never) });

const spacePages = [
  page('/', () => import('../pages/dashboard/DashboardPage'), 'DashboardPage'),
  page('/clients', () => import('../pages/clients/ClientsPage'), 'ClientsPage'),
  page('/clients/$clientId', () => import('../pages/clients/ClientPage'), 'ClientPage'),
  page('/scopes', () => import('../pages/scopes/ScopesPage'), 'ScopesPage'),
  page('/users', () => import('../pages/users/UsersPage'), 'UsersPage'),
  page('/tokens', () => import('../pages/tokens/TokensPage'), 'TokensPage'),
  page('/consents', () => import('../pages/consents/ConsentsPage'), 'ConsentsPage'),
  page('/connections', () => import('../pages/connections/ConnectionsPage'), 'ConnectionsPage'),
  page('/webhooks', () => import('../pages/webhooks/WebhooksPage'), 'WebhooksPage'),
  page('/audit', () => import('../pages/audit/AuditPage'), 'AuditPage'),
  page('/keys', () => import('../pages/keys/KeysPage'), 'KeysPage'),
  page('/settings', () => import('../pages/settings/SettingsPage'), 'SettingsPage'),
  page('/admins', () => import('../pages/admins/AdminsPage'), 'AdminsPage'),
  page('/account', () => import('../pages/account/AccountPage'), 'AccountPage'),
  page('/spaces', () => import('../pages/spaces/SpacesPage'), 'SpacesPage'),
];

const routeTree = rootRoute.addChildren([indexRoute, spaceRoute.addChildren(spacePages)]);

export const router = createRouter({ routeTree, basepath: '/console', defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
