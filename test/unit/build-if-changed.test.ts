// `npm start` compiles only when a source changed (scripts/build-if-changed.mjs). Run on a small project of the
// test's own, so the suite's dist/ is never rebuilt under running tests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dir = mkdtempSync(path.join(tmpdir(), 'kw-build-'));
const source = path.join(dir, 'src', 'cli.ts');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = () => spawnSync(process.execPath, [path.join(repo, 'scripts', 'build-if-changed.mjs'), dir], { encoding: 'utf8' });

describe('npm start: build-if-changed', () => {
  it('compiles on the first start and after a change, and not when nothing changed', () => {
    for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json']) cpSync(path.join(repo, f), path.join(dir, f));
    mkdirSync(path.dirname(source));
    writeFileSync(source, 'export const answer: number = 42;\n');

    const first = start();
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('first start');
    expect(readFileSync(path.join(dir, 'dist', 'cli.js'), 'utf8')).toContain('42');

    const unchanged = start();
    expect(unchanged.status).toBe(0);
    expect(unchanged.stdout).toBe('');

    // The last build was a while ago (whatever the file system's time resolution), then the source changed.
    const earlier = new Date(Date.now() - 10_000);
    utimesSync(path.join(dir, 'dist', '.built'), earlier, earlier);
    writeFileSync(source, 'export const answer: number = 43;\n');
    const changed = start();
    expect(changed.status).toBe(0);
    expect(changed.stdout).toContain('Sources changed');
    expect(readFileSync(path.join(dir, 'dist', 'cli.js'), 'utf8')).toContain('43');
    expect(start().stdout).toBe('');
  });
});
