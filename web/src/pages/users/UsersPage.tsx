import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function UsersPage() {
  return (
    <Page title={t('shell.nav.users')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
