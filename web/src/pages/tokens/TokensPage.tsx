import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function TokensPage() {
  return (
    <Page title={t('shell.nav.tokens')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
