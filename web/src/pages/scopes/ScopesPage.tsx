// Scopes of the space (seed 004): search, create, edit the description and default flag, delete with a
// confirmation. A scope's name is fixed once created (clients and tokens refer to it).
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import type { components } from '../../api/schema';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Fields';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { ConfirmDialog } from '../directory/ConfirmDialog';
import { ScopeDialog } from './ScopeDialog';
import { ScopeUsage } from './ScopeUsage';
import '../../styles/directory.css';

type Scope = components['schemas']['Scope'];

export function ScopesPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const mayWrite = can('clients:write', space);
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const pages = useCursorPages();
  const [editing, setEditing] = useState<Scope | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Scope | null>(null);
  const [done, setDone] = useState('');
  const query = useQuery({
    queryKey: ['scopes', space, name, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/scopes', {
          params: { path: { space }, query: { limit: '50', ...(name ? { name } : {}), ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['scopes', space] });

  return (
    <Page
      title={t('scopes.title')}
      actions={
        mayWrite ? (
          <Button variant="primary" onPress={() => setEditing('new')}>
            {t('scopes.add')}
          </Button>
        ) : null
      }
    >
      <div className="filters" role="search">
        <TextField
          label={t('scopes.searchLabel')}
          type="search"
          value={name}
          onChange={(v) => {
            setName(v);
            pages.reset();
          }}
        />
      </div>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('scopes.listLabel')}
        rows={query.data?.items ?? []}
        rowKey={(s) => s.name}
        empty={query.isLoading ? t('common.loading') : t('scopes.noneFound')}
        columns={[
          { id: 'name', name: t('scopes.name'), render: (s) => <code>{s.name}</code> },
          { id: 'description', name: t('scopes.description'), render: (s) => s.description || <span className="muted">{t('common.none')}</span> },
          { id: 'default', name: t('scopes.defaultCol'), render: (s) => (s.default ? t('common.yes') : t('common.no')) },
          { id: 'created', name: t('scopes.created'), render: (s) => formatDate(s.created_at) },
          ...(mayWrite
            ? [
                {
                  id: 'actions',
                  name: t('common.actions'),
                  render: (s: Scope) => (
                    <div className="row-actions">
                      <Button variant="quiet" aria-label={t('scopes.editLabel', { name: s.name })} onPress={() => setEditing(s)}>
                        {t('common.edit')}
                      </Button>
                      <Button variant="quiet" aria-label={t('scopes.deleteLabel', { name: s.name })} onPress={() => setDeleting(s)}>
                        {t('common.delete')}
                      </Button>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />
      {editing ? (
        <ScopeDialog
          space={space}
          scope={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(s, created) => {
            setEditing(null);
            setDone(created ? t('scopes.created_', { name: s.name }) : t('scopes.saved', { name: s.name }));
            void refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={!!deleting}
        title={t('scopes.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('scopes.deleteConfirm')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const s = deleting!;
          await call(api.DELETE('/spaces/{space}/scopes/{name}', { params: { path: { space, name: s.name } } }));
          setDone(t('scopes.deleted', { name: s.name }));
          await refresh();
        }}
      >
        {deleting ? <ScopeUsage space={space} name={deleting.name} /> : null}
        <p>{t('scopes.deleteText')}</p>
      </ConfirmDialog>
    </Page>
  );
}
