// A uPlot chart drawn in the theme's colours: lines over hours, or bars over categories. uPlot draws on a canvas,
// which a screen reader cannot read, so the chart is an image with a sentence that says what it shows (the numbers
// themselves are in the table each chart offers). Its legend is ours (uPlot's is off): plain text, in the page's
// colours. This file, and uPlot with its CSS, load only with the dashboard's chunk.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: number[];
}

export type ChartShape = { kind: 'lines'; hours: number[]; format: (seconds: number) => string } | { kind: 'bars'; categories: string[] };

/** How many series colours the stylesheet defines (--chart-1 …). */
const PALETTE = 6;

/** The theme's colours, read again when the theme changes (the switch, or the system's preference). */
function useThemeColours() {
  const read = () => {
    const css = getComputedStyle(document.documentElement);
    const v = (name: string) => css.getPropertyValue(name).trim();
    return { text: v('--muted'), grid: v('--border'), series: Array.from({ length: PALETTE }, (_, i) => v(`--chart-${i + 1}`)) };
  };
  const [colours, setColours] = useState(read);
  useEffect(() => {
    const update = () => setColours(read());
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return colours;
}

export const seriesColour = (i: number) => `var(--chart-${(i % PALETTE) + 1})`;

export function Chart({ shape, series, description }: { shape: ChartShape; series: ChartSeries[]; description: string }) {
  const box = useRef<HTMLDivElement>(null);
  const colours = useThemeColours();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, el.clientWidth);
    const axis = { stroke: colours.text, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
    const bars = shape.kind === 'bars';
    const xs = bars ? shape.categories.map((_, i) => i) : shape.hours;
    // About six labels on the time axis, on whole hours, counted back from the newest so it always has one.
    const step = Math.max(1, Math.ceil(xs.length / 6));
    const ticks = bars ? xs : xs.filter((_, i) => (xs.length - 1 - i) % step === 0);
    const opts: uPlot.Options = {
      width: width(),
      height: 220,
      legend: { show: false },
      // Room on the right for the newest hour's label, which sits on the last point.
      padding: [8, bars ? 8 : 28, 0, 0],
      cursor: { show: !bars, points: { show: false } },
      scales: {
        x: bars ? { time: false, range: [-0.5, shape.categories.length - 0.5] } : { time: false },
        y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
      },
      axes: [
        {
          ...axis,
          splits: () => ticks,
          values: (_u, splits) => splits.map((x) => (bars ? (shape.categories[x] ?? '') : shape.format(x))),
        },
        { ...axis, values: (_u, splits) => splits.map((y) => (Number.isInteger(y) ? String(y) : '')) },
      ],
      series: [
        {},
        ...series.map((s, i) => ({
          label: s.label,
          stroke: colours.series[i % PALETTE],
          width: 2,
          ...(bars
            ? { fill: colours.series[i % PALETTE], paths: uPlot.paths.bars!({ size: [0.6, 80] }), points: { show: false } }
            : {
                points: { show: xs.length <= 48, size: 5, fill: colours.series[i % PALETTE] },
                // Every other line dashed: two series with the same numbers stay apart, and colour is not the only cue.
                ...(i % 2 ? { dash: [6, 4] } : {}),
              }),
        })),
      ],
    };
    const plot = new uPlot(opts, [xs, ...series.map((s) => s.values)], el);
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [shape, series, colours]);

  return (
    <figure className="chart">
      <div ref={box} className="chart-canvas" role="img" aria-label={description} />
      {series.length > 1 || shape.kind === 'lines' ? (
        <ul className="chart-legend">
          {series.map((s, i) => (
            <li key={s.label}>
              <span className="chart-swatch" aria-hidden="true" style={{ background: seriesColour(i) }} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
