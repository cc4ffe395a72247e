// The space's provider clients: its apps at other services. The redirect URI is the same for all of them (one per
// space), so it is shown once above the list; each row says whether the provider's half of the exchange (client ID,
// secret) is in, and what lifetimes Keyward assumes where the provider says none.
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, formatDuration, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { ConfirmActionDialog } from '../../ui/ConfirmActionDialog';
import { CopyField } from '../../ui/CopyButton';
import { LoadError, Notice } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { lifetimeFromApi, lifetimeSeconds } from './lifetimes';
import { ProviderClientDialog } from './ProviderClientDialog';
import { ProviderMark } from './ProviderPicker';
import { useProviders, type ProviderClient } from './vault-api';

function lifetimeText(value: number | null, unit: 's' | 'ms'): string {
  if (value === null) return t('connections.pc.asProviderSaysShort');
  const seconds = lifetimeSeconds(lifetimeFromApi(value, unit));
  return seconds ? formatDuration(seconds) : t('connections.pc.milliseconds', { n: value });
}

export function ProviderClientsTab({ space, onNewConnection }: { space: string; onNewConnection(providerClientId: string): void }) {
  const { can } = useSession();
  const mayWrite = can('clients:write', space);
  const queryClient = useQueryClient();
  const providers = useProviders();
  const pages = useCursorPages();
  const [dialog, setDialog] = useState<{ existing?: ProviderClient } | null>(null);
  const [deleting, setDeleting] = useState<ProviderClient | null>(null);
  const [saved, setSaved] = useState<{ pc: ProviderClient; created: boolean } | null>(null);
  const query = useQuery({
    queryKey: ['provider-clients', space, 'page', pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/provider-clients', {
          params: { path: { space }, query: { limit: '50', ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const providerName = (id: string) => providers.data?.find((p) => p.id === id)?.name ?? id;
  const items = query.data?.items ?? [];

  return (
    <div className="tab-body">
      <div className="tab-toolbar">
        <p className="hint">{t('connections.pc.intro')}</p>
        {mayWrite ? (
          <Button variant="primary" onPress={() => setDialog({})}>
            {t('connections.pc.add')}
          </Button>
        ) : null}
      </div>
      {items[0] ? (
        <div className="card redirect-card">
          <CopyField label={t('connections.pc.redirectUri')} value={items[0].redirect_uri} />
          <p className="hint">{t('connections.pc.redirectUriHint')}</p>
        </div>
      ) : null}
      {saved ? (
        <Notice kind="success">
          {saved.created ? t('connections.pc.registered', { name: saved.pc.name }) : t('connections.pc.saved', { name: saved.pc.name })}{' '}
          {saved.pc.client_id && can('clients:write', space) ? (
            <Button variant="quiet" onPress={() => onNewConnection(saved.pc.id)}>
              {t('connections.pc.nextConnection', { name: saved.pc.name })}
            </Button>
          ) : null}
        </Notice>
      ) : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('connections.pc.listLabel')}
        rows={items}
        rowKey={(pc) => pc.id}
        empty={query.isLoading ? t('common.loading') : t('connections.pc.none')}
        columns={[
          {
            id: 'name',
            name: t('connections.pc.name'),
            render: (pc) => (
              <span className="with-mark">
                <ProviderMark name={providerName(pc.provider)} />
                <span>
                  <strong>{pc.name}</strong>
                  <br />
                  <span className="hint">{providerName(pc.provider)}</span>
                </span>
              </span>
            ),
          },
          {
            id: 'client_id',
            name: t('connections.pc.clientId'),
            render: (pc) => (pc.client_id ? <code>{pc.client_id}</code> : <span className="badge badge-warning">{t('connections.pc.clientIdMissing')}</span>),
          },
          {
            id: 'secret',
            name: t('connections.pc.credential'),
            render: (pc) =>
              pc.token_endpoint_auth_method === 'private_key_jwt'
                ? t('connections.pc.keyPair')
                : pc.has_client_secret
                  ? t('connections.pc.secretStored')
                  : t('connections.pc.noSecret'),
          },
          { id: 'scope', name: t('connections.pc.scope'), render: (pc) => (pc.scope ? <code>{pc.scope}</code> : '—') },
          {
            id: 'lifetimes',
            name: t('connections.pc.lifetimesColumn'),
            render: (pc) => (
              <span>
                {t('connections.pc.accessShort', { value: lifetimeText(pc.access_token_expires_in, pc.expires_in_unit) })}
                <br />
                {t('connections.pc.refreshShort', { value: lifetimeText(pc.refresh_token_expires_in, pc.expires_in_unit) })}
              </span>
            ),
          },
          { id: 'updated', name: t('connections.pc.updated'), render: (pc) => formatDate(pc.updated_at) },
          {
            id: 'actions',
            name: t('common.actions'),
            render: (pc) =>
              mayWrite ? (
                <span className="row-actions">
                  <Button variant="quiet" aria-label={t('connections.pc.editLabel', { name: pc.name })} onPress={() => setDialog({ existing: pc })}>
                    {t('common.edit')}
                  </Button>
                  <Button variant="quiet" aria-label={t('connections.pc.connectLabel', { name: pc.name })} onPress={() => onNewConnection(pc.id)}>
                    {t('connections.pc.newConnection')}
                  </Button>
                  <Button variant="quiet" aria-label={t('connections.pc.deleteLabel', { name: pc.name })} onPress={() => setDeleting(pc)}>
                    {t('common.delete')}
                  </Button>
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />

      <ProviderClientDialog
        space={space}
        existing={dialog?.existing}
        isOpen={dialog !== null}
        onClose={() => setDialog(null)}
        onSaved={(pc, created) => {
          setDialog(null);
          setSaved({ pc, created });
        }}
      />
      <ConfirmActionDialog
        title={t('connections.pc.deleteTitle', { name: deleting?.name ?? '' })}
        isOpen={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel={t('common.delete')}
        onConfirm={async () => {
          await call(api.DELETE('/spaces/{space}/provider-clients/{id}', { params: { path: { space, id: deleting!.id } } }));
          setSaved(null);
          await queryClient.invalidateQueries({ queryKey: ['provider-clients', space] });
        }}
      >
        <p>{t('connections.pc.deleteText')}</p>
      </ConfirmActionDialog>
    </div>
  );
}
