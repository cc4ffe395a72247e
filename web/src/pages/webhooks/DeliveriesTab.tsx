// The delivery log of one subscription, newest first: which event, whether it arrived, how many attempts, the
// receiver's last answer and when; replay sends one again now (same webhook-id, so receivers can drop a duplicate).
import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, formatRelative, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Fields';
import { LoadError, Notice } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { AttemptsDialog } from './AttemptsDialog';
import { deliveryStatusLabel, useAllWebhooks, type Delivery, type DeliveryStatus } from './webhooks-api';

const STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed'];
const BADGE: Record<DeliveryStatus, string> = { pending: 'pending', succeeded: 'connected', failed: 'error' };

function lastAnswer(d: Delivery): string {
  const last = d.attempts[d.attempts.length - 1];
  if (!last) return '—';
  if (last.response_status !== undefined) return String(last.response_status);
  return last.error ?? t('webhooks.attempts.noAnswer');
}

export function DeliveriesTab({ space, selected, onSelect }: { space: string; selected: string | null; onSelect(id: string): void }) {
  const { can } = useSession();
  const mayReplay = can('space:write', space);
  const queryClient = useQueryClient();
  const webhooks = useAllWebhooks(space);
  const pages = useCursorPages();
  const [status, setStatus] = useState('all');
  const [details, setDetails] = useState<Delivery | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const id = selected ?? webhooks.data?.[0]?.id ?? null;

  const query = useQuery({
    queryKey: ['deliveries', space, id, status, pages.cursor],
    enabled: id !== null,
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/webhooks/{id}/deliveries', {
          params: {
            path: { space, id: id! },
            query: {
              limit: '50',
              ...(status !== 'all' ? { status: status as DeliveryStatus } : {}),
              ...(pages.cursor ? { cursor: pages.cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    // New events arrive on their own: look again soon while something is on its way, now and then otherwise.
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 2000 : 5000),
  });

  const replay = useMutation({
    mutationFn: (d: Delivery) =>
      call(api.POST('/spaces/{space}/webhooks/{id}/deliveries/{delivery_id}/retry', { params: { path: { space, id: id!, delivery_id: d.id } } })),
    onSuccess: (d) => {
      setNotice({
        kind: d.status === 'succeeded' ? 'success' : 'error',
        text: t('webhooks.deliveries.replayed', { type: d.event_type, answer: lastAnswer(d) }),
      });
      void queryClient.invalidateQueries({ queryKey: ['deliveries', space, id] });
    },
    onError: (err) => setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) }),
  });

  if (webhooks.error) return <LoadError error={webhooks.error} retry={() => void webhooks.refetch()} />;
  if (webhooks.data && webhooks.data.length === 0) return <p className="empty">{t('webhooks.deliveries.noSubscriptions')}</p>;

  return (
    <div className="tab-body">
      <div className="filters">
        <Select
          label={t('webhooks.deliveries.subscription')}
          value={id ?? ''}
          onChange={(v) => {
            onSelect(v);
            pages.reset();
            setNotice(null);
          }}
          options={(webhooks.data ?? []).map((w) => ({ id: w.id, label: w.description ? `${w.url} (${w.description})` : w.url }))}
        />
        <Select
          label={t('webhooks.deliveries.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={[{ id: 'all', label: t('common.all') }, ...STATUSES.map((s) => ({ id: s, label: deliveryStatusLabel(s) }))]}
        />
      </div>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('webhooks.deliveries.label')}
        rows={query.data?.items ?? []}
        rowKey={(d) => d.id}
        empty={query.isLoading ? t('common.loading') : t('webhooks.deliveries.none')}
        columns={[
          { id: 'event', name: t('webhooks.deliveries.event'), render: (d) => <code>{d.event_type}</code> },
          {
            id: 'status',
            name: t('webhooks.deliveries.status'),
            render: (d) => (
              <span>
                <span className={`badge badge-status-${BADGE[d.status]}`}>{deliveryStatusLabel(d.status)}</span>
                {d.next_attempt_at ? <span className="hint"> {t('webhooks.deliveries.nextAttempt', { when: formatRelative(d.next_attempt_at) })}</span> : null}
              </span>
            ),
          },
          { id: 'attempts', name: t('webhooks.deliveries.attempts'), render: (d) => String(d.attempts.length) },
          { id: 'answer', name: t('webhooks.deliveries.answer'), render: (d) => lastAnswer(d) },
          {
            id: 'time',
            name: t('webhooks.deliveries.time'),
            render: (d) => {
              const at = d.attempts[d.attempts.length - 1]?.at ?? d.created_at;
              return (
                <time dateTime={at} title={formatDate(at)}>
                  {formatDate(at)}
                </time>
              );
            },
          },
          {
            id: 'duration',
            name: t('webhooks.deliveries.duration'),
            render: (d) => {
              const last = d.attempts[d.attempts.length - 1];
              return last ? t('webhooks.attempts.duration', { ms: last.duration_ms }) : '—';
            },
          },
          {
            id: 'actions',
            name: t('common.actions'),
            render: (d) => (
              <span className="row-actions">
                <Button variant="quiet" aria-label={t('webhooks.deliveries.detailsLabel', { type: d.event_type })} onPress={() => setDetails(d)}>
                  {t('webhooks.deliveries.details')}
                </Button>
                {mayReplay ? (
                  <Button
                    variant="quiet"
                    aria-label={t('webhooks.deliveries.replayLabel', { type: d.event_type })}
                    isDisabled={replay.isPending && replay.variables?.id === d.id}
                    onPress={() => replay.mutate(d)}
                  >
                    {t('webhooks.deliveries.replay')}
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />
      <AttemptsDialog delivery={details} onClose={() => setDetails(null)} />
    </div>
  );
}
