// Scrapes /metrics and reads it with a third-party Prometheus text parser (prom2javascript), so the tests check what
// a scraper would read rather than our own idea of the format. It is strict: a line it cannot parse, or a histogram
// whose +Inf bucket differs from its count, throws.
import { Readable } from 'node:stream';
import { getMetricsFromStream, type PromHistogramData, type PromMetrics } from 'prom2javascript';

export type Scrape = PromMetrics;

/**
 * prom2javascript cannot read NaN, a value the format allows and Prometheus reads. prom-client writes it for the
 * event-loop lag while no delay has been sampled since the last scrape; those lines (and only those: a NaN of ours
 * would be a fault) are left out before parsing.
 */
export async function parseMetrics(text: string): Promise<Scrape> {
  const lines = text.split('\n');
  const nan = (line: string) => /\sNaN$/i.test(line);
  const ours = lines.filter((l) => nan(l) && !l.startsWith('nodejs_eventloop_lag_'));
  if (ours.length) throw new Error(`NaN values: ${ours.join('; ')}`);
  return getMetricsFromStream(Readable.from([lines.filter((l) => !nan(l)).join('\n')]));
}

export async function scrape(url: string, token?: string): Promise<Scrape> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status} ${text}`);
  if (!res.headers.get('content-type')?.startsWith('text/plain; version=0.0.4')) throw new Error(`GET ${url}: ${res.headers.get('content-type')}`);
  return parseMetrics(text);
}

/**
 * The sum of the samples of `name` whose labels include `labels` (a histogram's: its count); 0 when there is none,
 * as for a counter that has not counted yet.
 */
export function valueOf(s: Scrape, name: string, labels: Record<string, string> = {}): number {
  const metric = s[name];
  if (!metric) return 0;
  let total = 0;
  for (const sample of metric.data) {
    if (!Object.entries(labels).every(([k, v]) => sample.labels[k] === v)) continue;
    total += metric.type === 'histogram' ? (sample as PromHistogramData).count : (sample as { value: number }).value;
  }
  return total;
}

/** Every label value of every sample, to check that none names a client, user or token. */
export function labelValues(s: Scrape): string[] {
  return Object.values(s).flatMap((m) => m.data.flatMap((d) => Object.values(d.labels)));
}
