import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function SpacesPage() {
  return (
    <Page title={t('shell.nav.spaces')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
