import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function ClientPage() {
  return (
    <Page title={t('shell.nav.clients')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
