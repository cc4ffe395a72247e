import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function KeysPage() {
  return (
    <Page title={t('shell.nav.keys')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
