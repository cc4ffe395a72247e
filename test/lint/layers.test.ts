// The layer rule of `npm run lint` (.dependency-cruiser.cjs): dependencies point down
// `cli → server → http → admin | oauth | vault → registry | events → store | crypto | config`.
// The fixtures are tiny trees laid out like src/ in a temporary directory, cruised with the repository's own config,
// so the test proves the rules catch an upward import without touching the real sources.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Cruises a tree of files (path → source) with the repository's config; the rule names that failed. */
async function cruise(files: Record<string, string>): Promise<{ ok: boolean; rules: string[]; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'keyward-layers-'));
  dirs.push(dir);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
  );
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  try {
    const { stdout } = await run(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], {
      cwd: dir,
      // No colours: with CI=true the reporter colours its output, and the rule names would hide among escape codes.
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    return { ok: true, rules: [], output: stdout };
  } catch (err) {
    const output = (String((err as { stdout?: string }).stdout ?? '') + String((err as { stderr?: string }).stderr ?? '')).replace(/\x1b\[[0-9;]*m/g, '');
    return { ok: false, rules: [...output.matchAll(/error ([a-z-]+):/g)].map((m) => m[1]!), output };
  }
}

describe('layer rule (dependency-cruiser)', () => {
  it('passes on the real source tree', async () => {
    const { stdout } = await run(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], { cwd: ROOT });
    expect(stdout).toContain('no dependency violations');
  }, 60_000);

  it('passes on downward imports', async () => {
    const r = await cruise({
      'src/store/counters.ts': 'export const n = 1;\n',
      'src/http/app.ts': "import { n } from '../store/counters.js';\nexport const m = n;\n",
    });
    expect(r.output).toContain('no dependency violations');
    expect(r.ok).toBe(true);
  });

  it('fails when store/ imports from http/ (an upward import)', async () => {
    const r = await cruise({
      'src/http/app.ts': 'export const limit = 1;\n',
      'src/store/counters.ts': "import { limit } from '../http/app.js';\nexport const n = limit;\n",
    });
    expect(r.ok).toBe(false);
    expect(r.rules).toContain('base-imports-upward');
  });

  it('fails on a type-only upward import too (registry/ naming a type of admin/)', async () => {
    const r = await cruise({
      'src/admin/audit.ts': 'export interface Actor { id: string }\n',
      'src/registry/clients.ts': "import type { Actor } from '../admin/audit.js';\nexport const who = (a: Actor) => a.id;\n",
    });
    expect(r.ok).toBe(false);
    expect(r.rules).toContain('domain-imports-upward');
  });

  it('fails when oauth/ imports from http/ or from admin/ (a sibling)', async () => {
    const r = await cruise({
      'src/http/rate-limit.ts': 'export const limiter = 1;\n',
      'src/admin/registration.ts': 'export const tokens = 1;\n',
      'src/oauth/login-guard.ts':
        "import { limiter } from '../http/rate-limit.js';\nimport { tokens } from '../admin/registration.js';\nexport const g = limiter + tokens;\n",
    });
    expect(r.ok).toBe(false);
    expect(r.rules).toEqual(expect.arrayContaining(['features-import-upward', 'features-are-siblings']));
  });

  it('lets routes name the Services type but not import services.ts as a value', async () => {
    const services = 'export interface Services { n: number }\nexport const createServices = (): Services => ({ n: 1 });\n';
    const typed = await cruise({
      'src/services.ts': services,
      'src/admin/routes.ts': "import type { Services } from '../services.js';\nexport const f = (s: Services) => s.n;\n",
    });
    expect(typed.output).toContain('no dependency violations');
    const value = await cruise({
      'src/services.ts': services,
      'src/admin/routes.ts': "import { createServices } from '../services.js';\nexport const s = createServices();\n",
    });
    expect(value.rules).toContain('services-bag-type-only');
  });

  it('fails when registry/, events/ or a grant writes SQL itself (drizzle-orm or the schema) instead of calling a store module', async () => {
    const schema = "export const scopes = { name: 'name' };\n";
    const viaStore = await cruise({
      'src/store/schema.ts': schema,
      'src/store/scopes.ts': "import { scopes } from './schema.js';\nexport const findScope = () => scopes.name;\n",
      'src/registry/scopes.ts': "import { findScope } from '../store/scopes.js';\nexport const get = () => findScope();\n",
    });
    expect(viaStore.output).toContain('no dependency violations');
    const direct = await cruise({
      'src/store/schema.ts': schema,
      'src/registry/scopes.ts': "import { scopes } from '../store/schema.js';\nexport const get = () => scopes.name;\n",
      'src/events/audit.ts': "import { sql } from 'drizzle-orm';\nexport const q = sql;\n",
      'src/oauth/grants/refresh-token.ts': "import { scopes } from '../../store/schema.js';\nexport const g = () => scopes.name;\n",
    });
    expect(direct.ok).toBe(false);
    expect(direct.rules.filter((r) => r === 'sql-only-in-store')).toHaveLength(3);
  }, 60_000);

  it('fails on an import cycle', async () => {
    const r = await cruise({
      'src/oauth/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/oauth/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(r.ok).toBe(false);
    expect(r.rules).toContain('no-circular');
  });
});
