// One figure of the dashboard: a titled region with its chart, and a toggle that shows the same numbers as a table
// (issue 12: every chart also offers its numbers as a table) — a real table with headers, which a screen reader
// can walk and a person can copy.
import { useId, useState } from 'react';
import { ToggleButton } from 'react-aria-components';
import { t } from '../../i18n';
import { Chart, type ChartSeries, type ChartShape } from './Chart';

export interface ChartCardProps {
  title: string;
  hint: string;
  shape: ChartShape;
  series: ChartSeries[];
  /** The sentence that tells a screen reader what the chart shows. */
  description: string;
  /** The table's first column: each hour (with its full date), or each category. */
  rowHeader: string;
  rowLabels: string[];
  /** Rows newest first (hours: the latest is what people look for, and a 30-day table is 720 rows long). */
  newestFirst?: boolean;
}

export function ChartCard({ title, hint, shape, series, description, rowHeader, rowLabels, newestFirst }: ChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const empty = series.length === 0;
  const rows = rowLabels.map((label, i) => ({ label, i }));
  if (newestFirst) rows.reverse();
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`}>
      <header className="chart-card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {empty ? null : (
          <ToggleButton className="btn btn-quiet" isSelected={asTable} onChange={setAsTable}>
            {t('common.showTable')}
          </ToggleButton>
        )}
      </header>
      <p className="hint">{hint}</p>
      {empty ? (
        <p className="chart-empty">{t('dashboard.noData')}</p>
      ) : asTable ? (
        // Scrolls when long (30 days are 720 rows): focusable, so the keyboard can scroll it.
        <div className="table-wrap chart-table" role="group" aria-label={t('dashboard.asTable', { title })} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {series.map((s) => (
                  <th key={s.label} scope="col" className="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ label, i }) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.label} className="num">
                      {s.values[i] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Chart shape={shape} series={series} description={description} />
      )}
    </section>
  );
}
