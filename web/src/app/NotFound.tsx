import { Link } from '@tanstack/react-router';
import { t } from '../i18n';

export function NotFound() {
  return (
    <main className="center">
      <h1>{t('shell.notFound')}</h1>
      <p>
        <Link to="/">{t('shell.nav.dashboard')}</Link>
      </p>
    </main>
  );
}
