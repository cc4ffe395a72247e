import { t } from '../../i18n';
import { Page } from '../../ui/Page';

export function AuditPage() {
  return (
    <Page title={t('shell.nav.audit')}>
      <p>{t('common.empty')}</p>
    </Page>
  );
}
