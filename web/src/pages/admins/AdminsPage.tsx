import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function AdminsPage() {
  return (
    <Page title={t('shell.nav.admins')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
