// Data directories for the embedded store, for tests that start a server on disk (in this process or as a real
// `keyward serve`) but are not about a first start: a migrated store made once for these migrations and copied for
// each (a copy takes ~0.1 s; initdb and every migration in a process of its own took ~5 of a start's ~8.5 s here, and
// far more on a loaded CI machine, where it pushed tests past their time limits). First starts on empty directories
// are what serve.test.ts's first test, data-dir-lock.test.ts's first test, memory.test.ts and the console journey
// prove, and they keep empty directories.
import { existsSync, renameSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/db.js';
import { migrationsKey } from './store.js';

/** A new directory (named with `prefix`) holding a migrated embedded store without admins, spaces' keys or a master key. */
export async function migratedDataDir(prefix = 'keyward-data-'): Promise<string> {
  const template = path.join(tmpdir(), `keyward-embedded-template-${migrationsKey()}`);
  if (!existsSync(template)) {
    const partial = await mkdtemp(`${template}.partial-`);
    const store = await openStore({ dataDir: partial });
    await store.migrate();
    await store.close();
    // Whole or not at all: a concurrent worker that made one first keeps its own, this one is dropped.
    try {
      renameSync(partial, template);
    } catch {
      await rm(partial, { recursive: true, force: true });
    }
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(template, dataDir, { recursive: true });
  return dataDir;
}
