import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function DashboardPage() {
  return (
    <Page title={t('shell.nav.dashboard')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
