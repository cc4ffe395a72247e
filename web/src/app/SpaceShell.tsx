// The frame around a space's pages: the space switcher, the navigation the role allows, who is signed in, the
// theme, and sign-out. A skip link leads past it to the page.
import { Link, Outlet, useNavigate, useParams, useRouterState } from '@tanstack/react-router';
import { useSession } from '../api/session';
import { useSpaces } from '../api/spaces';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { Select } from '../ui/Fields';
import { NAV } from './nav';
import { ThemeSwitch } from './theme';

export function SpaceShell() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { session, can, signOut } = useSession();
  const spaces = useSpaces();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // The part of the address below the space, kept when switching spaces ("/clients" stays "/clients").
  const below =
    pathname
      .replace(/^\/console/, '')
      .replace(/^\/spaces\/[^/]+/, '')
      .split('/')
      .slice(0, 2)
      .join('/') || '/';

  const options = (spaces.data ?? [{ slug: space, display_name: space }]).map((s) => ({ id: s.slug, label: `${s.display_name} (${s.slug})` }));
  if (!options.some((o) => o.id === space)) options.push({ id: space, label: space });

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('shell.product')}</span>
        <div className="space-switch">
          <Select
            label={t('shell.switchSpace')}
            options={options}
            value={space}
            onChange={(next) => void navigate({ to: `/spaces/$space${below === '/' ? '' : below}` as '/spaces/$space', params: { space: next } })}
          />
        </div>
        <div className="topbar-end">
          <span className="who">{t('shell.signedInAs', { email: session?.email ?? '' })}</span>
          {/* Every role's own page (its API tokens): not in the navigation, which follows the role in the space. */}
          <Link className="who-link" to="/spaces/$space/account" params={{ space }} activeProps={{ 'aria-current': 'page' }}>
            {t('shell.account')}
          </Link>
          <ThemeSwitch />
          <Button variant="quiet" onPress={() => void signOut()}>
            {t('shell.signOut')}
          </Button>
        </div>
      </header>
      <div className="body">
        <nav className="sidenav" aria-label={t('shell.mainNav')}>
          <ul>
            {NAV.filter((n) => can(n.permission, space)).map((n) => (
              <li key={n.path}>
                <Link
                  to={`/spaces/$space${n.path === '/' ? '' : n.path}` as '/spaces/$space'}
                  params={{ space }}
                  activeOptions={{ exact: n.path === '/' }}
                  activeProps={{ 'aria-current': 'page', className: 'active' }}
                >
                  {t(n.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
