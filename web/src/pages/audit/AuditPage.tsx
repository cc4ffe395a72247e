// The audit log: who changed what, where and when, filtered on the server and paged by its cursor; each entry
// opens to its fields before and after the change.
import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, formatRelative, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Select, TextField } from '../../ui/Fields';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { ChangesDialog } from './ChangesDialog';
import { changeRows, type AuditEntry } from './changes';
import { actorLabel, TARGET_TYPES, targetLabel, targetTypeLabel } from './labels';
import { useDebounced } from './useDebounced';
import '../../styles/admin-ui.css';

const PERIODS: Record<string, number> = { hour: 3_600, day: 86_400, week: 7 * 86_400, month: 30 * 86_400 };

export function AuditPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const [where, setWhere] = useState<'space' | 'all'>('space');
  const [type, setType] = useState('');
  const [actor, setActor] = useState('');
  const [targetType, setTargetType] = useState('any');
  const [period, setPeriod] = useState('any');
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const pages = useCursorPages();
  const filters = useDebounced({ type: type.trim(), actor: actor.trim() });
  // "Since" is fixed when the period is chosen, so paging through its entries keeps one window.
  const since = useMemo(() => (period === 'any' ? undefined : new Date(Date.now() - PERIODS[period]! * 1000).toISOString()), [period]);

  const allowed = can('audit:read', space);
  // Admins are named by id in the log; an owner, who may list admins, sees their e-mail instead.
  const admins = useQuery({ queryKey: ['admins', 'list'], enabled: can('admins:manage', space), queryFn: () => call(api.GET('/admins')) });
  const names = useMemo(() => new Map((admins.data?.items ?? []).map((a) => [a.id, a.email])), [admins.data]);
  const query = useQuery({
    queryKey: ['audit', space, where, filters, targetType, since, pages.cursor],
    enabled: allowed,
    queryFn: () =>
      call(
        api.GET('/audit-log', {
          params: {
            query: {
              limit: '50',
              ...(where === 'space' ? { space } : {}),
              ...(filters.type ? { type: filters.type } : {}),
              ...(filters.actor ? { actor: filters.actor } : {}),
              ...(targetType !== 'any' ? { target_type: targetType } : {}),
              ...(since ? { since } : {}),
              ...(pages.cursor ? { cursor: pages.cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      pages.reset();
    };
  const filtered = type || actor || targetType !== 'any' || period !== 'any' || where !== 'space';

  if (!allowed) {
    return (
      <Page title={t('audit.title')}>
        <Notice kind="warning">{t('common.notAllowed')}</Notice>
      </Page>
    );
  }

  return (
    <Page title={t('audit.title')}>
      <p className="intro">{t('audit.intro')}</p>
      <div className="filters aligned" role="search" aria-label={t('audit.filtersLabel')}>
        <Select
          label={t('audit.scope')}
          value={where}
          onChange={change((v: string) => setWhere(v as 'space' | 'all'))}
          options={[
            { id: 'space', label: t('audit.scopeThis', { space }) },
            { id: 'all', label: t('audit.scopeAll') },
          ]}
        />
        <TextField label={t('audit.type')} type="search" value={type} onChange={change(setType)} description={t('audit.typeHint')} />
        <TextField label={t('audit.actor')} type="search" value={actor} onChange={change(setActor)} description={t('audit.actorHint')} />
        <Select
          label={t('audit.targetType')}
          value={targetType}
          onChange={change(setTargetType)}
          options={[{ id: 'any', label: t('audit.anyTarget') }, ...TARGET_TYPES.map((id) => ({ id, label: targetTypeLabel(id) }))]}
        />
        <Select
          label={t('audit.period')}
          value={period}
          onChange={change(setPeriod)}
          options={[
            { id: 'any', label: t('audit.anyTime') },
            { id: 'hour', label: t('audit.lastHour') },
            { id: 'day', label: t('audit.lastDay') },
            { id: 'week', label: t('audit.lastWeek') },
            { id: 'month', label: t('audit.lastMonth') },
          ]}
        />
        {filtered ? (
          <Button
            variant="quiet"
            className="filters-clear"
            onPress={() => {
              setWhere('space');
              setType('');
              setActor('');
              setTargetType('any');
              setPeriod('any');
              pages.reset();
            }}
          >
            {t('audit.clear')}
          </Button>
        ) : null}
      </div>
      {where === 'all' ? <p className="hint">{t('audit.scopeAllHint')}</p> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('audit.listLabel')}
        rows={query.data?.items ?? []}
        rowKey={(e) => String(e.id)}
        empty={query.isLoading ? t('common.loading') : t('audit.noneFound')}
        onRowAction={(id) => setOpen(query.data?.items.find((e) => String(e.id) === id) ?? null)}
        columns={[
          {
            id: 'at',
            name: t('audit.at'),
            render: (e) => (
              <span className="nowrap" title={formatRelative(e.at)}>
                <time dateTime={e.at}>{formatDate(e.at)}</time>
              </span>
            ),
          },
          { id: 'event', name: t('audit.event'), render: (e) => <code>{e.type}</code> },
          { id: 'target', name: t('audit.target'), render: (e) => targetLabel(e, names) },
          { id: 'by', name: t('audit.by'), render: (e) => actorLabel(e) },
          { id: 'space', name: t('audit.space'), render: (e) => e.space ?? t('audit.globalSpace') },
          {
            id: 'changes',
            name: t('audit.changes'),
            render: (e) => {
              const n = changeRows(e).length;
              const count = n === 0 ? t('audit.noChanges') : n === 1 ? t('audit.fieldCountOne') : t('audit.fieldCount', { n });
              // The name starts with what the button shows (WCAG 2.5.3), then says which entry it opens.
              return (
                <Button
                  variant="quiet"
                  className="nowrap"
                  aria-label={t('audit.viewChangesOf', { count, event: e.type, at: formatDate(e.at) })}
                  onPress={() => setOpen(e)}
                >
                  {count}
                </Button>
              );
            },
          },
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />
      <ChangesDialog entry={open} names={names} onClose={() => setOpen(null)} />
    </Page>
  );
}
