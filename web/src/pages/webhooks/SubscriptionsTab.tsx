// The space's webhook subscriptions: where messages go, which events, whether deliveries flow (paused by an admin,
// or switched off by Keyward after days of failures, with its reason); subscribe, edit, pause or resume, rotate the
// signing secret, see the deliveries, delete.
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { ConfirmActionDialog } from '../../ui/ConfirmActionDialog';
import { LoadError, Notice } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { RotateSecretDialog } from './RotateSecretDialog';
import { SecretOnceDialog, type ShownSecret } from './SecretOnceDialog';
import { SubscriptionDialog } from './SubscriptionDialog';
import { eventsSummary, type Webhook } from './webhooks-api';

function SubscriptionState({ w }: { w: Webhook }) {
  if (w.active) return <span className="badge badge-status-connected">{t('webhooks.list.active')}</span>;
  if (w.disabled_reason)
    return (
      <span>
        <span className="badge badge-status-error">{t('webhooks.list.switchedOff')}</span>
        <span className="cell-warning">{w.disabled_reason}</span>
      </span>
    );
  return <span className="badge badge-status-disabled">{t('webhooks.list.paused')}</span>;
}

export function SubscriptionsTab({ space, onShowDeliveries }: { space: string; onShowDeliveries(id: string): void }) {
  const { can } = useSession();
  const mayWrite = can('space:write', space);
  const queryClient = useQueryClient();
  const pages = useCursorPages();
  const [editing, setEditing] = useState<{ existing?: Webhook } | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const query = useQuery({
    queryKey: ['webhooks', space, 'page', pages.cursor],
    queryFn: () =>
      call(api.GET('/spaces/{space}/webhooks', { params: { path: { space }, query: { limit: '50', ...(pages.cursor ? { cursor: pages.cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const toggle = useMutation({
    mutationFn: (w: Webhook) => call(api.PATCH('/spaces/{space}/webhooks/{id}', { params: { path: { space, id: w.id } }, body: { active: !w.active } })),
    onSuccess: (w) => {
      setNotice({ kind: 'success', text: t(w.active ? 'webhooks.list.resumed' : 'webhooks.list.pausedNotice', { url: w.url }) });
      void queryClient.invalidateQueries({ queryKey: ['webhooks', space] });
    },
    onError: (err) => setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) }),
  });

  return (
    <div className="tab-body">
      <div className="tab-toolbar">
        <p className="hint">{t('webhooks.list.intro')}</p>
        {mayWrite ? (
          <Button variant="primary" onPress={() => setEditing({})}>
            {t('webhooks.list.add')}
          </Button>
        ) : null}
      </div>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('webhooks.list.label')}
        rows={query.data?.items ?? []}
        rowKey={(w) => w.id}
        empty={query.isLoading ? t('common.loading') : t('webhooks.list.none')}
        columns={[
          {
            id: 'url',
            name: t('webhooks.list.url'),
            render: (w) => (
              <span>
                <code className="wrap">{w.url}</code>
                {w.description ? (
                  <>
                    <br />
                    <span className="hint">{w.description}</span>
                  </>
                ) : null}
              </span>
            ),
          },
          { id: 'events', name: t('webhooks.list.events'), render: (w) => eventsSummary(w.events) },
          { id: 'state', name: t('webhooks.list.state'), render: (w) => <SubscriptionState w={w} /> },
          {
            id: 'secret',
            name: t('webhooks.list.secret'),
            render: (w) =>
              w.previous_secret_expires_at && Date.parse(w.previous_secret_expires_at) > Date.now()
                ? t('webhooks.list.rotating', { time: formatDate(w.previous_secret_expires_at) })
                : t('webhooks.list.oneSecret'),
          },
          { id: 'created', name: t('webhooks.list.created'), render: (w) => formatDate(w.created_at) },
          {
            id: 'actions',
            name: t('common.actions'),
            render: (w) => (
              <span className="row-actions">
                <Button variant="quiet" aria-label={t('webhooks.list.deliveriesLabel', { url: w.url })} onPress={() => onShowDeliveries(w.id)}>
                  {t('webhooks.list.deliveries')}
                </Button>
                {mayWrite ? (
                  <>
                    <Button variant="quiet" aria-label={t('webhooks.list.editLabel', { url: w.url })} onPress={() => setEditing({ existing: w })}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      variant="quiet"
                      aria-label={t(w.active ? 'webhooks.list.pauseLabel' : 'webhooks.list.resumeLabel', { url: w.url })}
                      isDisabled={toggle.isPending && toggle.variables?.id === w.id}
                      onPress={() => toggle.mutate(w)}
                    >
                      {w.active ? t('webhooks.list.pause') : t('webhooks.list.resume')}
                    </Button>
                    <Button variant="quiet" aria-label={t('webhooks.list.rotateLabel', { url: w.url })} onPress={() => setRotating(w)}>
                      {t('webhooks.list.rotate')}
                    </Button>
                    <Button variant="quiet" aria-label={t('webhooks.list.deleteLabel', { url: w.url })} onPress={() => setDeleting(w)}>
                      {t('common.delete')}
                    </Button>
                  </>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />

      <SubscriptionDialog
        space={space}
        existing={editing?.existing}
        isOpen={editing !== null}
        onClose={() => setEditing(null)}
        onCreated={(w, s) => {
          setEditing(null);
          setNotice({ kind: 'success', text: t('webhooks.list.subscribed', { url: w.url }) });
          setSecret({ title: t('webhooks.secret.title'), secret: s });
        }}
        onSaved={(w) => {
          setEditing(null);
          setNotice({ kind: 'success', text: t('webhooks.list.saved', { url: w.url }) });
        }}
      />
      <RotateSecretDialog space={space} webhook={rotating} onClose={() => setRotating(null)} onRotated={setSecret} />
      <SecretOnceDialog shown={secret} onClose={() => setSecret(null)} />
      <ConfirmActionDialog
        title={t('webhooks.list.deleteTitle')}
        isOpen={deleting !== null}
        onClose={() => setDeleting(null)}
        confirmLabel={t('common.delete')}
        onConfirm={async () => {
          await call(api.DELETE('/spaces/{space}/webhooks/{id}', { params: { path: { space, id: deleting!.id } } }));
          setNotice({ kind: 'success', text: t('webhooks.list.deleted', { url: deleting!.url }) });
          await queryClient.invalidateQueries({ queryKey: ['webhooks', space] });
        }}
      >
        <p>{t('webhooks.list.deleteText', { url: deleting?.url ?? '' })}</p>
      </ConfirmActionDialog>
    </div>
  );
}
