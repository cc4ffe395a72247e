// The connection vault's page: connections (their health, connect and refresh) and provider clients (the apps the
// space holds at other services, where the two-way exchange of seed 003 happens), one tab each.
import { useState } from 'react';
import { useParams } from '@tanstack/react-router';
import { t } from '../../i18n';
import { Page } from '../../ui/Page';
import { PageTabs } from '../../ui/PageTabs';
import { ConnectionsTab } from './ConnectionsTab';
import { ProviderClientsTab } from './ProviderClientsTab';
import '../../styles/vault.css';

export function ConnectionsPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const [tab, setTab] = useState('connections');
  // "New connection" on a provider client's row opens the connection form on the other tab, for that client.
  const [newFor, setNewFor] = useState<string | null>(null);
  return (
    <Page title={t('connections.title')}>
      <PageTabs
        label={t('connections.tabs')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'connections',
            label: t('connections.tabConnections'),
            content: (
              <ConnectionsTab space={space} newFor={newFor} onNewHandled={() => setNewFor(null)} onShowProviderClients={() => setTab('provider-clients')} />
            ),
          },
          {
            id: 'provider-clients',
            label: t('connections.tabProviderClients'),
            content: (
              <ProviderClientsTab
                space={space}
                onNewConnection={(id) => {
                  setNewFor(id);
                  setTab('connections');
                }}
              />
            ),
          },
        ]}
      />
    </Page>
  );
}
