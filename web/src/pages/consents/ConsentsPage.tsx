// Consents people gave to clients, of the whole space, one client or one user; revoking one makes the consent page
// ask again (tokens already issued stay: token management revokes those).
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import type { paths } from '../../api/schema';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable, Pager } from '../../ui/Table';
import { ConfirmDialog } from '../directory/ConfirmDialog';
import { HolderPicker, useHolderFilter } from '../directory/HolderPicker';
import { ScopeList } from '../directory/labels';
import '../../styles/directory.css';

type Consent = paths['/spaces/{space}/consents']['get']['responses']['200']['content']['application/json']['items'][number];

export function ConsentsPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const mayRevoke = can('space:write', space);
  const queryClient = useQueryClient();
  const { ready, lookupError, pages, picker, waiting, filter } = useHolderFilter(space);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [done, setDone] = useState('');
  const query = useQuery({
    queryKey: ['consents', space, filter, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/consents', {
          params: { path: { space }, query: { limit: '50', ...filter, ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: !waiting,
  });

  return (
    <Page title={t('consents.title')}>
      <p>{t('consents.intro')}</p>
      <div className="filters" role="search">
        {ready ? <HolderPicker {...picker} /> : null}
      </div>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {lookupError ? <LoadError error={lookupError} /> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('consents.listLabel')}
        rows={waiting ? [] : (query.data?.items ?? [])}
        rowKey={(c) => c.id}
        empty={waiting ? t('tokens.pickFirst') : query.isLoading ? t('common.loading') : t('consents.noneFound')}
        columns={[
          { id: 'user', name: t('consents.user'), render: (c) => c.username },
          {
            id: 'client',
            name: t('consents.client'),
            render: (c) => (
              <span className="when">
                <span>{c.client_name}</span>
                <small>
                  <code>{c.client_id}</code>
                </small>
              </span>
            ),
          },
          { id: 'scopes', name: t('consents.scopes'), render: (c) => <ScopeList scope={c.scope} /> },
          { id: 'given', name: t('consents.given'), render: (c) => formatDate(c.created_at) },
          { id: 'updated', name: t('consents.updated'), render: (c) => formatDate(c.updated_at) },
          ...(mayRevoke
            ? [
                {
                  id: 'actions',
                  name: t('common.actions'),
                  render: (c: Consent) => (
                    <Button variant="quiet" aria-label={t('consents.revokeLabel', { user: c.username, client: c.client_name })} onPress={() => setRevoking(c)}>
                      {t('consents.revoke')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pager pages={pages} nextCursor={waiting ? null : query.data?.next_cursor} />
      <ConfirmDialog
        isOpen={!!revoking}
        title={t('consents.revokeTitle')}
        confirmLabel={t('consents.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          const c = revoking!;
          await call(api.DELETE('/spaces/{space}/consents/{id}', { params: { path: { space, id: c.id } } }));
          setDone(t('consents.revoked', { user: c.username, client: c.client_name }));
          await queryClient.invalidateQueries({ queryKey: ['consents', space] });
        }}
      >
        {revoking ? (
          <p>{t('consents.revokeText', { user: revoking.username, client: revoking.client_name, scopes: revoking.scope || t('tokens.noScope') })}</p>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}
