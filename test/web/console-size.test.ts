// The console's size budget (issue 12 point 6): the JavaScript a browser loads on the first visit of /console — the
// entry script index.html names and every chunk it imports statically, as Vite's manifest lists them — is at most
// 300 KB gzip in total; and the charts (uPlot) come only with the dashboard's own chunk. Reads the built files in
// dist/console, which `npm test` builds first (`npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/console/', import.meta.url));
const BUDGET_GZIP = 300 * 1024;

interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

// Without a build (a lone `npx vitest run`) there is nothing to measure; under CI the build must be there.
const built = existsSync(path.join(DIST, '.vite/manifest.json')) || (!!process.env.CI && process.env.CI !== 'false');
const read = (file: string) => readFileSync(path.join(DIST, file));
const gzip = (file: string) => gzipSync(read(file), { level: 9 }).length;

/** The manifest's keys of the chunks `key` loads at once: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(manifest, next, seen);
  return seen;
}

// uPlot's own class names, in its source whatever the minifier renames.
const UPLOT = /u-legend|u-over|uplot/;

describe.runIf(built)('console size (dist/console, built by npm run build)', () => {
  const manifest = JSON.parse(read('.vite/manifest.json').toString()) as Manifest;
  const html = read('index.html').toString();

  // What index.html makes the browser fetch before anything runs: its module scripts and module preloads.
  const firstLoadFiles = () => {
    const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/console\/([^"]+)"/g)].map((m) => m[1]!);
    const keys = Object.entries(manifest)
      .filter(([, c]) => named.includes(c.file))
      .flatMap(([key]) => [...staticClosure(manifest, key)]);
    return [...new Set(keys.map((k) => manifest[k]!.file))];
  };

  it('loads at most 300 KB of JavaScript (gzip) on the first load of /console', () => {
    const files = firstLoadFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f) => f.endsWith('.js'))).toBe(true);
    const sizes = files.map((f) => ({ file: f, raw: read(f).length, gzip: gzip(f) }));
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    // The figure, for whoever reads the test output (and the issue's report).
    process.stdout.write(
      `console first load: ${(total / 1024).toFixed(1)} KB gzip of JavaScript in ${files.length} file(s) (budget ${BUDGET_GZIP / 1024} KB): ${sizes
        .map((s) => `${s.file} ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzip / 1024).toFixed(1)} KB gzip`)
        .join('; ')}\n`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('keeps uPlot out of the first load: it comes with the dashboard chunk only', () => {
    const first = firstLoadFiles();
    for (const f of first) expect(UPLOT.test(read(f).toString()), `uPlot in ${f}, loaded at first`).toBe(false);
    // The dashboard is a chunk of its own (loaded when opened), and uPlot is in what it loads.
    const dashboard = Object.keys(manifest).find((k) => k.endsWith('pages/dashboard/DashboardPage.tsx'));
    expect(dashboard && manifest[dashboard]!.isDynamicEntry).toBe(true);
    const withDashboard = [...staticClosure(manifest, dashboard!)].map((k) => manifest[k]!.file);
    expect(withDashboard.some((f) => UPLOT.test(read(f).toString()))).toBe(true);
    // No other page loads it: every chunk holding uPlot is reached only through the dashboard.
    const holders = Object.entries(manifest)
      .filter(([, c]) => c.file.endsWith('.js') && UPLOT.test(read(c.file).toString()))
      .map(([k]) => k);
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!chunk.isDynamicEntry || key === dashboard) continue;
      const loads = staticClosure(manifest, key);
      expect(
        holders.filter((h) => loads.has(h)),
        `${key} loads uPlot`,
      ).toEqual([]);
    }
  });
});
