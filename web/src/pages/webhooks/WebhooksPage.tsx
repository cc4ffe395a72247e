// Webhooks of the space: subscriptions (where signed messages about the space's events go) and the delivery log
// of each, one tab each. Subscriptions carry every event of the space, so the page is an admin's (audit:read).
import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { useSession } from '../../api/session';
import { t } from '../../i18n';
import { Notice, Page } from '../../ui/Page';
import { PageTabs } from '../../ui/PageTabs';
import { DeliveriesTab } from './DeliveriesTab';
import { SubscriptionsTab } from './SubscriptionsTab';
import '../../styles/vault.css';

export function WebhooksPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const [tab, setTab] = useState('subscriptions');
  const [selected, setSelected] = useState<string | null>(null);
  if (!can('audit:read', space))
    return (
      <Page title={t('webhooks.title')}>
        <Notice>{t('webhooks.needsAdmin')}</Notice>
      </Page>
    );
  return (
    <Page title={t('webhooks.title')}>
      <PageTabs
        label={t('webhooks.tabs')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'subscriptions',
            label: t('webhooks.tabSubscriptions'),
            content: (
              <SubscriptionsTab
                space={space}
                onShowDeliveries={(id) => {
                  setSelected(id);
                  setTab('deliveries');
                }}
              />
            ),
          },
          { id: 'deliveries', label: t('webhooks.tabDeliveries'), content: <DeliveriesTab space={space} selected={selected} onSelect={setSelected} /> },
        ]}
      />
    </Page>
  );
}
