// The space's dashboard (issue 12 point 4): tokens issued per hour by grant, active tokens, sign-ins and their
// failures, connections by status, failed connection renewals and webhook deliveries, from GET /spaces/{space}/stats.
// Each chart also offers its numbers as a table. This page is its own chunk, and uPlot comes with it only.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import { formatDate, locale, t, type MessageKey } from '../../i18n';
import { Select } from '../../ui/Fields';
import { LoadError, Page } from '../../ui/Page';
import type { ChartSeries, ChartShape } from './Chart';
import { ChartCard, type ChartCardProps } from './ChartCard';
import '../../styles/dashboard.css';

const PERIODS = [
  { id: '24', label: 'dashboard.last24h' },
  { id: '168', label: 'dashboard.last7d' },
  { id: '720', label: 'dashboard.last30d' },
] as const;

const fetchStats = (space: string, hours: number) => call(api.GET('/spaces/{space}/stats', { params: { path: { space }, query: { hours: String(hours) } } }));

/** A key's name for people (a grant type, a connection's status…); an unknown key is shown as it is. */
function seriesLabel(key: string, area: 'series' | 'status' = 'series'): string {
  const k = `dashboard.${area}.${key}` as MessageKey;
  const label = t(k);
  return label === k ? key : label;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** Adds series element by element (several keys shown as one line). */
const add = (hours: number, ...rows: (number[] | undefined)[]) => Array.from({ length: hours }, (_, i) => sum(rows.map((r) => r?.[i] ?? 0)));

export function DashboardPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const [period, setPeriod] = useState('24');
  const hours = Number(period);
  const query = useQuery({
    queryKey: ['stats', space, hours],
    queryFn: () => fetchStats(space, hours),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const cards = useMemo(() => (query.data ? cardsOf(query.data, hours) : []), [query.data, hours]);

  return (
    <Page
      title={t('shell.nav.dashboard')}
      actions={<Select label={t('dashboard.window')} value={period} onChange={setPeriod} options={PERIODS.map((p) => ({ id: p.id, label: t(p.label) }))} />}
    >
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <p className="hint">{t('dashboard.refreshed', { time: formatDate(new Date(query.dataUpdatedAt).toISOString()) })}</p>
          <div className="chart-grid">
            {cards.map((c) => (
              <ChartCard key={c.title} {...c} />
            ))}
          </div>
        </>
      ) : query.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : null}
    </Page>
  );
}

type StatsAnswer = Awaited<ReturnType<typeof fetchStats>>;

/** The six figures, each with its chart's shape, its series, its description and its table's rows. */
function cardsOf(stats: StatsAnswer, hours: number): ChartCardProps[] {
  const seconds = stats.hour_starts.map((iso) => Date.parse(iso) / 1000);
  const short = new Intl.DateTimeFormat(locale, hours <= 24 ? { hour: 'numeric' } : { day: 'numeric', month: 'short' });
  const lines: ChartShape = { kind: 'lines', hours: seconds, format: (s) => short.format(new Date(s * 1000)) };
  const period = t(hours === 24 ? 'dashboard.last24h' : hours === 168 ? 'dashboard.last7d' : 'dashboard.last30d').toLowerCase();
  const hourRows = stats.hour_starts.map((iso) => formatDate(iso));
  const byKey = (series: Record<string, number[]>, always: string[] = []): ChartSeries[] =>
    [...new Set([...always, ...Object.keys(series).sort()])].map((k) => ({ label: seriesLabel(k), values: series[k] ?? new Array<number>(hours).fill(0) }));

  const hourly = (title: string, hint: string, series: ChartSeries[]): ChartCardProps => ({
    title,
    hint,
    shape: lines,
    series,
    rowHeader: t('dashboard.hour'),
    rowLabels: hourRows,
    newestFirst: true,
    description: series.length
      ? t('dashboard.describeLines', {
          title: title.toLowerCase(),
          period,
          parts: series.map((s) => t('dashboard.describeLine', { series: s.label, total: sum(s.values), peak: Math.max(0, ...s.values) })).join('; '),
        })
      : t('dashboard.describeEmpty', { title }),
  });

  const totals = (
    title: string,
    hint: string,
    category: string,
    counts: Record<string, number>,
    always: string[] = [],
    area: 'series' | 'status' = 'series',
  ): ChartCardProps => {
    const keys = [...new Set([...always, ...Object.keys(counts).sort()])];
    const categories = keys.map((k) => seriesLabel(k, area));
    const values = keys.map((k) => counts[k] ?? 0);
    return {
      title,
      hint,
      shape: { kind: 'bars', categories },
      series: keys.length ? [{ label: t('dashboard.count'), values }] : [],
      rowHeader: category,
      rowLabels: categories,
      description: keys.length
        ? t('dashboard.describeBars', {
            title: title.toLowerCase(),
            parts: keys.map((_, i) => t('dashboard.describeBar', { category: categories[i]!, n: values[i]! })).join('; '),
          })
        : t('dashboard.describeEmpty', { title }),
    };
  };

  const logins: ChartSeries[] = [
    { label: seriesLabel('login'), values: add(hours, ...Object.values(stats.logins)) },
    ...byKey(stats.login_failures, ['invalid_credentials']),
  ];

  return [
    hourly(t('dashboard.tokensIssued.title'), t('dashboard.tokensIssued.hint'), byKey(stats.tokens_issued)),
    totals(t('dashboard.activeTokens.title'), t('dashboard.activeTokens.hint'), t('dashboard.activeTokens.category'), stats.active_tokens),
    hourly(t('dashboard.logins.title'), t('dashboard.logins.hint'), logins),
    totals(
      t('dashboard.connections.title'),
      t('dashboard.connections.hint'),
      t('dashboard.connections.category'),
      stats.connections,
      ['connected', 'pending', 'needs_reauth', 'error', 'disabled'],
      'status',
    ),
    hourly(t('dashboard.renewals.title'), t('dashboard.renewals.hint'), byKey(stats.renewal_failures, ['refresh_failed', 'needs_reauth'])),
    hourly(t('dashboard.webhooks.title'), t('dashboard.webhooks.hint'), byKey(stats.webhook_failures, ['retrying', 'failed'])),
  ];
}
