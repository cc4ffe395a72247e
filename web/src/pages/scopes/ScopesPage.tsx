import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function ScopesPage() {
  return (
    <Page title={t('shell.nav.scopes')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
