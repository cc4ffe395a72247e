import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function WebhooksPage() {
  return (
    <Page title={t('shell.nav.webhooks')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
