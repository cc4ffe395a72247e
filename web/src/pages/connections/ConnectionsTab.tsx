// The space's connections as a health board: status, when the token expires (and whether that is the provider's
// word or an assumption), the last and next renewal, how many renewals so far and how often, the last error; with
// connect or reconnect (the provider's consent), refresh now, edit its settings, disable and delete.
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, formatRelative, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { ConfirmActionDialog } from '../../ui/ConfirmActionDialog';
import { Select } from '../../ui/Fields';
import { LoadError, Notice } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionDialog } from './ConnectionDialog';
import { errorText } from './place-error';
import {
  CONNECTION_STATUSES,
  kindLabel,
  needsConsent,
  providerDisplayName,
  renewalLabel,
  statusLabel,
  useAllProviderClients,
  useProviders,
  type Connection,
} from './vault-api';

/** A time both ways: "in 59 minutes" to read, the date and time on hover and for screen readers. */
function When({ iso, none = '—' }: { iso: string | null; none?: string }) {
  if (!iso) return <span>{none}</span>;
  return (
    <time dateTime={iso} title={formatDate(iso)}>
      {formatRelative(iso)}
      <span className="visually-hidden"> ({formatDate(iso)})</span>
    </time>
  );
}

export function StatusBadge({ status }: { status: Connection['status'] }) {
  return <span className={`badge badge-status-${status}`}>{statusLabel(status)}</span>;
}

export function ConnectionsTab({
  space,
  newFor,
  onNewHandled,
  onShowProviderClients,
}: {
  space: string;
  /** A provider client whose "New connection" was pressed on the other tab: open the form for it. */
  newFor: string | null;
  onNewHandled(): void;
  onShowProviderClients(): void;
}) {
  const { can } = useSession();
  const mayWrite = can('clients:write', space);
  const mayConnect = can('space:write', space);
  const queryClient = useQueryClient();
  const providers = useProviders();
  const clients = useAllProviderClients(space);
  const pages = useCursorPages();
  const [status, setStatus] = useState('all');
  const [creating, setCreating] = useState(false);
  const [connecting, setConnecting] = useState<Connection | null>(null);
  const [editing, setEditing] = useState<Connection | null>(null);
  const [deleting, setDeleting] = useState<Connection | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);

  const query = useQuery({
    queryKey: ['connections', space, status, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/connections', {
          params: {
            path: { space },
            query: { limit: '50', ...(status !== 'all' ? { status } : {}), ...(pages.cursor ? { cursor: pages.cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    // Renewals happen on the server's schedule: keep the times current while the page is open.
    refetchInterval: 30_000,
  });

  const refresh = useMutation({
    mutationFn: (c: Connection) => call(api.POST('/spaces/{space}/connections/{id}/refresh', { params: { path: { space, id: c.id } }, body: {} })),
    onSuccess: (after) => {
      setNotice(
        after.status === 'connected'
          ? {
              kind: 'success',
              text: after.expires_at
                ? t('connections.list.refreshed', { name: after.name, when: formatRelative(after.expires_at) })
                : t('connections.list.refreshedNoExpiry', { name: after.name }),
            }
          : { kind: 'error', text: t('connections.list.refreshFailed', { name: after.name, error: after.last_error ?? statusLabel(after.status) }) },
      );
      void queryClient.invalidateQueries({ queryKey: ['connections', space] });
    },
    onError: (err) => setNotice({ kind: 'error', text: errorText(err) }),
  });

  // Disabled: neither renewed nor handed out (the API's disabled flag); enabled again, it is as it was.
  const toggle = useMutation({
    mutationFn: (c: Connection) =>
      call(api.PATCH('/spaces/{space}/connections/{id}', { params: { path: { space, id: c.id } }, body: { disabled: c.status !== 'disabled' } })),
    onSuccess: (after) => {
      setNotice({
        kind: 'success',
        text: t(after.status === 'disabled' ? 'connections.list.disabledNotice' : 'connections.list.enabledNotice', {
          name: after.name,
          status: statusLabel(after.status),
        }),
      });
      void queryClient.invalidateQueries({ queryKey: ['connections', space] });
    },
    onError: (err) => setNotice({ kind: 'error', text: errorText(err) }),
  });

  const providerName = (c: Connection) => providers.data?.find((p) => p.id === c.provider)?.name ?? c.provider;
  const clientOf = (c: Connection) => clients.data?.find((pc) => pc.id === c.provider_client);
  const clientName = (c: Connection) => clientOf(c)?.name ?? '';
  const creatingFor = newFor ?? undefined;

  return (
    <div className="tab-body">
      <div className="tab-toolbar">
        <div className="filters">
          <Select
            label={t('connections.list.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              pages.reset();
            }}
            options={[{ id: 'all', label: t('common.all') }, ...CONNECTION_STATUSES.map((s) => ({ id: s, label: statusLabel(s) }))]}
          />
        </div>
        {mayWrite ? (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('connections.list.add')}
          </Button>
        ) : null}
      </div>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {clients.data?.length === 0 ? (
        <Notice kind="info">
          {t('connections.list.firstProviderClient')}{' '}
          <Button variant="quiet" onPress={onShowProviderClients}>
            {t('connections.list.toProviderClients')}
          </Button>
        </Notice>
      ) : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('connections.list.label')}
        rows={query.data?.items ?? []}
        rowKey={(c) => c.id}
        empty={query.isLoading ? t('common.loading') : t('connections.list.none')}
        columns={[
          {
            id: 'name',
            name: t('connections.list.name'),
            render: (c) => (
              <span>
                <strong>{c.name}</strong>
                <br />
                <span className="hint">{[providerName(c), clientName(c), kindLabel(c.kind), c.environment].filter(Boolean).join(' · ')}</span>
              </span>
            ),
          },
          {
            id: 'status',
            name: t('connections.list.status'),
            render: (c) => (
              <span>
                <StatusBadge status={c.status} />
                {c.warning ? <span className="cell-warning">{c.warning}</span> : null}
              </span>
            ),
          },
          {
            id: 'expires',
            name: t('connections.list.expires'),
            render: (c) => (
              <span>
                <When iso={c.expires_at} none={c.status === 'connected' ? t('common.never') : '—'} />
                {c.expires_at && !c.expiry_known ? <span className="hint"> {t('connections.list.assumed')}</span> : null}
              </span>
            ),
          },
          { id: 'last', name: t('connections.list.lastRefresh'), render: (c) => <When iso={c.last_refresh_at} /> },
          { id: 'next', name: t('connections.list.nextRefresh'), render: (c) => <When iso={c.next_refresh_at} none={t('connections.list.notScheduled')} /> },
          {
            id: 'renewals',
            name: t('connections.list.renewals'),
            render: (c) => (
              <span>
                {t('connections.list.renewalCount', { n: c.refresh_count })}
                <br />
                <span className="hint">{renewalLabel(c.renewal_rate)}</span>
              </span>
            ),
          },
          {
            id: 'error',
            name: t('connections.list.lastError'),
            render: (c) =>
              c.last_error ? (
                <span className="cell-error">
                  {c.last_error}
                  {c.last_error_at ? (
                    <span className="hint">
                      {' '}
                      (<When iso={c.last_error_at} />)
                    </span>
                  ) : null}
                </span>
              ) : (
                '—'
              ),
          },
          {
            id: 'actions',
            name: t('common.actions'),
            render: (c) => (
              <span className="row-actions">
                {mayConnect && needsConsent(c.kind) && c.status !== 'disabled' ? (
                  <Button
                    variant={c.status === 'pending' || c.status === 'needs_reauth' ? 'primary' : 'quiet'}
                    aria-label={t(c.status === 'pending' ? 'connections.list.connectLabel' : 'connections.list.reconnectLabel', { name: c.name })}
                    onPress={() => setConnecting(c)}
                  >
                    {c.status === 'pending' ? t('connections.list.connect') : t('connections.list.reconnect')}
                  </Button>
                ) : null}
                {mayWrite && !(needsConsent(c.kind) && c.status === 'pending') && c.status !== 'disabled' ? (
                  <Button
                    variant="quiet"
                    aria-label={t('connections.list.refreshLabel', { name: c.name })}
                    isDisabled={refresh.isPending && refresh.variables?.id === c.id}
                    onPress={() => refresh.mutate(c)}
                  >
                    {t('connections.list.refresh')}
                  </Button>
                ) : null}
                {mayWrite ? (
                  <Button variant="quiet" aria-label={t('connections.list.editLabel', { name: c.name })} onPress={() => setEditing(c)}>
                    {t('common.edit')}
                  </Button>
                ) : null}
                {mayWrite ? (
                  <Button
                    variant="quiet"
                    aria-label={t(c.status === 'disabled' ? 'connections.list.enableLabel' : 'connections.list.disableLabel', { name: c.name })}
                    isDisabled={toggle.isPending && toggle.variables?.id === c.id}
                    onPress={() => toggle.mutate(c)}
                  >
                    {c.status === 'disabled' ? t('connections.list.enable') : t('connections.list.disable')}
                  </Button>
                ) : null}
                {mayWrite ? (
                  <Button variant="quiet" aria-label={t('connections.list.deleteLabel', { name: c.name })} onPress={() => setDeleting(c)}>
                    {t('common.delete')}
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />

      <ConnectionDialog
        key={creatingFor ?? 'new'}
        space={space}
        providerClientId={creatingFor}
        isOpen={creating || newFor !== null}
        onClose={() => {
          setCreating(false);
          onNewHandled();
        }}
        onSaved={(c) => {
          setCreating(false);
          onNewHandled();
          if (needsConsent(c.kind) && mayConnect) setConnecting(c);
          else
            setNotice({
              kind: c.status === 'connected' ? 'success' : 'info',
              text: t('connections.list.created', { name: c.name, status: statusLabel(c.status) }),
            });
        }}
      />
      {editing ? (
        <ConnectionDialog
          key={editing.id}
          space={space}
          existing={editing}
          isOpen
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setNotice({ kind: 'success', text: t('connections.edit.saved', { name: c.name }) });
            // Through another provider client it starts over: offer the consent at once, as after creating it.
            if (c.status === 'pending' && needsConsent(c.kind) && mayConnect) setConnecting(c);
          }}
        />
      ) : null}
      <ConnectDialog
        space={space}
        connection={connecting}
        providerName={
          connecting
            ? providerDisplayName(
                providers.data?.find((p) => p.id === connecting.provider),
                clientOf(connecting),
                connecting.provider,
              )
            : ''
        }
        onClose={() => {
          setConnecting(null);
          void queryClient.invalidateQueries({ queryKey: ['connections', space] });
        }}
      />
      <ConfirmActionDialog
        title={t('connections.list.deleteTitle', { name: deleting?.name ?? '' })}
        isOpen={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel={t('common.delete')}
        onConfirm={async () => {
          await call(api.DELETE('/spaces/{space}/connections/{id}', { params: { path: { space, id: deleting!.id } } }));
          setNotice({ kind: 'success', text: t('connections.list.deleted', { name: deleting!.name }) });
          await queryClient.invalidateQueries({ queryKey: ['connections', space] });
        }}
      >
        <p>{t('connections.list.deleteText')}</p>
      </ConfirmActionDialog>
    </div>
  );
}
