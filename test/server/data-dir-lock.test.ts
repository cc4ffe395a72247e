// One process per embedded store: PGlite has no server of its own, so a second `keyward serve` (or `keyward
// migrate`) on a data directory in use must refuse, naming the directory and the process; a lock left by a killed
// process is taken over with a notice.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../helpers/data-dir.js';
import { requireBuild, run, runToEnd } from './process.js';

beforeAll(requireBuild);

const base = { KEYWARD_HOST: '127.0.0.1', KEYWARD_PORT: '0', KEYWARD_LOG_LEVEL: 'warn' };

describe('one process per embedded data directory', () => {
  it('refuses a second serve and a migrate on a directory in use, naming it and the pid; starts once the first stopped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-lock-'));
    const first = run(['serve'], { ...base, KEYWARD_DATA_DIR: dir });
    try {
      const [, url] = await first.waitFor(/listening on (http:\/\/\S+)/);
      expect(readFileSync(path.join(dir, 'keyward.lock'), 'utf8').trim()).toBe(String(first.child.pid));

      const second = await runToEnd(['serve'], { ...base, KEYWARD_DATA_DIR: dir });
      expect(second.code).toBe(1);
      expect(second.out).toContain(`keyward: the embedded store in ${dir} is in use by another Keyward process (pid ${first.child.pid})`);
      expect(second.out).not.toContain('listening on');

      const migrate = await runToEnd(['migrate'], { ...base, KEYWARD_DATA_DIR: dir });
      expect(migrate.code).toBe(1);
      expect(migrate.out).toContain(`(pid ${first.child.pid})`);

      // The first one is unharmed.
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exit).toBe(0);
    }
    expect(existsSync(path.join(dir, 'keyward.lock'))).toBe(false);
    const again = run(['serve'], { ...base, KEYWARD_DATA_DIR: dir });
    try {
      const [, url] = await again.waitFor(/listening on (http:\/\/\S+)/);
      expect((await fetch(`${url}/readyz`)).status).toBe(200); // also: the signal handlers are installed by now
      expect(again.out()).not.toContain('took over');
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exit).toBe(0);
    }
  }, 120_000); // a first start and two more: minutes on a loaded machine

  it('takes over the lock of a process that was killed, with a notice', async () => {
    const dir = await migratedDataDir('kw-lock-');
    const first = run(['serve'], { ...base, KEYWARD_DATA_DIR: dir });
    await first.waitFor(/listening on/);
    first.child.kill('SIGKILL');
    await first.exit;
    expect(readFileSync(path.join(dir, 'keyward.lock'), 'utf8').trim()).toBe(String(first.child.pid));

    const second = run(['serve'], { ...base, KEYWARD_DATA_DIR: dir });
    try {
      const [, url] = await second.waitFor(/listening on (http:\/\/\S+)/);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(second.out()).toContain(`took over the lock of the embedded store in ${dir}: process ${first.child.pid} that held it is gone`);
      expect(readFileSync(path.join(dir, 'keyward.lock'), 'utf8').trim()).toBe(String(second.child.pid));
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    }
  }, 60_000);
});
