import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function SettingsPage() {
  return (
    <Page title={t('shell.nav.settings')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
