// Users of the space: personal users (browser sign-in) and service users (password grant only). Search, filter by
// kind and status, create, set a new password, enable, disable (every token issued before dies) and delete.
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import type { paths } from '../../api/schema';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Select, TextField } from '../../ui/Fields';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { ConfirmDialog } from '../directory/ConfirmDialog';
import { PasswordDialog } from './PasswordDialog';
import { UserDialog } from './UserDialog';
import '../../styles/directory.css';

export type User = paths['/spaces/{space}/users/{user_id}']['get']['responses']['200']['content']['application/json'];

export function UsersPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const mayWrite = can('space:write', space);
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('all');
  const [status, setStatus] = useState('all');
  const pages = useCursorPages();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [disabling, setDisabling] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<User | null>(null);
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const query = useQuery({
    queryKey: ['users', space, q, kind, status, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/users', {
          params: {
            path: { space },
            query: {
              limit: '50',
              ...(q ? { q } : {}),
              ...(kind !== 'all' ? { kind: kind as 'personal' | 'service' } : {}),
              ...(status !== 'all' ? { disabled: status === 'disabled' ? 'true' : 'false' } : {}),
              ...(pages.cursor ? { cursor: pages.cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  // A disabled (or deleted) user's tokens are no longer accepted: token management reads them again too.
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['users', space] }), queryClient.invalidateQueries({ queryKey: ['tokens', space] })]);
  const setDisabled = (u: User, disabled: boolean) =>
    call(api.PATCH('/spaces/{space}/users/{user_id}', { params: { path: { space, user_id: u.id } }, body: { disabled } }));

  return (
    <Page
      title={t('users.title')}
      actions={
        mayWrite ? (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('users.add')}
          </Button>
        ) : null
      }
    >
      <div className="filters" role="search">
        <TextField
          label={t('users.searchLabel')}
          type="search"
          value={q}
          onChange={(v) => {
            setQ(v);
            pages.reset();
          }}
        />
        <Select
          label={t('users.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            pages.reset();
          }}
          options={[
            { id: 'all', label: t('common.all') },
            { id: 'personal', label: t('users.personal') },
            { id: 'service', label: t('users.service') },
          ]}
        />
        <Select
          label={t('users.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={[
            { id: 'all', label: t('common.all') },
            { id: 'enabled', label: t('users.enabled') },
            { id: 'disabled', label: t('users.disabled') },
          ]}
        />
      </div>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {failure ? <LoadError error={failure} /> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('users.listLabel')}
        rows={query.data?.items ?? []}
        rowKey={(u) => u.id}
        empty={query.isLoading ? t('common.loading') : t('users.noneFound')}
        columns={[
          { id: 'username', name: t('users.username'), render: (u) => u.username },
          { id: 'name', name: t('users.name'), render: (u) => u.name ?? '' },
          { id: 'email', name: t('users.email'), render: (u) => u.email ?? '' },
          { id: 'kind', name: t('users.kind'), render: (u) => (u.kind === 'service' ? t('users.service') : t('users.personal')) },
          {
            id: 'status',
            name: t('users.status'),
            render: (u) => <span className={u.disabled ? 'status-off' : 'status-live'}>{u.disabled ? t('users.disabled') : t('users.enabled')}</span>,
          },
          { id: 'created', name: t('users.created'), render: (u) => formatDate(u.created_at) },
          ...(mayWrite
            ? [
                {
                  id: 'actions',
                  name: t('common.actions'),
                  render: (u: User) => (
                    <div className="row-actions">
                      <Button variant="quiet" aria-label={t('users.resetLabel', { name: u.username })} onPress={() => setResetting(u)}>
                        {t('users.newPasswordAction')}
                      </Button>
                      {u.disabled ? (
                        <Button
                          variant="quiet"
                          aria-label={t('users.enableLabel', { name: u.username })}
                          onPress={async () => {
                            setFailure(null);
                            try {
                              await setDisabled(u, false);
                              setDone(t('users.enabledDone', { name: u.username }));
                              await refresh();
                            } catch (err) {
                              setFailure(err);
                            }
                          }}
                        >
                          {t('users.enable')}
                        </Button>
                      ) : (
                        <Button variant="quiet" aria-label={t('users.disableLabel', { name: u.username })} onPress={() => setDisabling(u)}>
                          {t('users.disable')}
                        </Button>
                      )}
                      <Button variant="quiet" aria-label={t('users.deleteLabel', { name: u.username })} onPress={() => setDeleting(u)}>
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
      {creating ? (
        <UserDialog
          space={space}
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setDone(t('users.created_', { name: u.username }));
            void refresh();
          }}
        />
      ) : null}
      {resetting ? (
        <PasswordDialog
          space={space}
          user={resetting}
          onClose={() => setResetting(null)}
          onSaved={(u) => {
            setResetting(null);
            setDone(t('users.passwordSet', { name: u.username }));
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={!!disabling}
        title={t('users.disableTitle', { name: disabling?.username ?? '' })}
        confirmLabel={t('users.disable')}
        onClose={() => setDisabling(null)}
        onConfirm={async () => {
          const u = disabling!;
          await setDisabled(u, true);
          setDone(t('users.disabledDone', { name: u.username }));
          await refresh();
        }}
      >
        <p>{t('users.disableText', { name: disabling?.username ?? '' })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={!!deleting}
        title={t('users.deleteTitle', { name: deleting?.username ?? '' })}
        confirmLabel={t('users.deleteConfirm')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          const u = deleting!;
          await call(api.DELETE('/spaces/{space}/users/{user_id}', { params: { path: { space, user_id: u.id } } }));
          setDone(t('users.deleted', { name: u.username }));
          await refresh();
        }}
      >
        <p>{t('users.deleteText')}</p>
      </ConfirmDialog>
    </Page>
  );
}
