// One process per embedded store: PGlite has no server of its own, so two processes opening one data directory
// would both write to it and corrupt it. A lock file in the directory holds the owner's pid; it is created with
// its content in one step (a temporary file hard-linked into place fails if the lock exists), removed on close,
// and taken over with a notice when its process is gone (killed, crashed: nobody removed it).
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StoreLog } from './listener.js';

export const LOCK_FILE = 'keyward.lock';

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded store in ${dir} is in use by another Keyward process (pid ${pid}); stop that process first, ` +
        'or give this one another KEYWARD_DATA_DIR (several nodes need KEYWARD_DATABASE_URL: PostgreSQL)',
    );
    this.name = 'StoreLockedError';
  }
}

// Locks this process holds: the same pid in a lock file is ours only if we made it (a container's pid 1 that
// crashed leaves a lock that names the next pid 1).
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to someone else
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data directory's lock or throws StoreLockedError; returns its release. */
export function lockDataDir(dir: string, log?: StoreLog): () => void {
  const file = path.join(dir, LOCK_FILE);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${process.pid}\n`, { mode: 0o644 });
  try {
    for (let tries = 0; ; tries++) {
      try {
        linkSync(temp, file);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || tries >= 3) throw err;
      }
      const owner = readPid(file);
      if (owner !== undefined && (held.has(file) || (owner !== process.pid && alive(owner)))) throw new StoreLockedError(dir, owner);
      // Stale (its process is gone) or unreadable (a crash mid-write is impossible with link, so someone's litter).
      // Moved aside rather than deleted: if another starter took it over meanwhile, the file moved is theirs.
      const aside = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, aside);
      } catch {
        continue; // gone already: try again
      }
      const moved = readPid(aside);
      if (moved !== owner) {
        // Someone else's fresh lock: put it back (link fails if yet another appeared) and give way.
        try {
          linkSync(aside, file);
        } finally {
          unlinkSync(aside);
        }
        throw new StoreLockedError(dir, moved ?? 0);
      }
      unlinkSync(aside);
      log?.warn({ dir, stalePid: owner }, `took over the lock of the embedded store in ${dir}: process ${owner ?? '?'} that held it is gone`);
    }
  } finally {
    unlinkSync(temp);
  }
  held.add(file);
  return () => {
    if (!held.delete(file)) return;
    if (readPid(file) === process.pid) {
      try {
        unlinkSync(file);
      } catch {
        // removed by hand meanwhile
      }
    }
  };
}
