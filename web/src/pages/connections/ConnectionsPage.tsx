import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function ConnectionsPage() {
  return (
    <Page title={t('shell.nav.connections')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
