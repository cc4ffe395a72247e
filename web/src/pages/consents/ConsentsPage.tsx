import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function ConsentsPage() {
  return (
    <Page title={t('shell.nav.consents')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
