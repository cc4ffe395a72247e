import { Outlet } from '@tanstack/react-router';
import { useSession } from '../api/session';
import { t } from '../i18n';
import { SignInPage } from './SignInPage';

/** Signed out, every address shows the sign-in form; after signing in, the page that was asked for opens. */
export function Root() {
  const { session, loading } = useSession();
  if (loading) {
    return (
      <main className="center" aria-busy="true">
        <p>{t('common.loading')}</p>
      </main>
    );
  }
  return session ? <Outlet /> : <SignInPage />;
}
