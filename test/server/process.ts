// Runs the built `keyward` command as a real process (tests run after `npm run build`).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = path.resolve(fileURLToPath(new URL('../../dist/cli.js', import.meta.url)));

export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
}

export interface Proc {
  child: ChildProcessWithoutNullStreams;
  /** stdout and stderr, as they came. */
  out: () => string;
  /** stdout alone. */
  stdout: () => string;
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
}

export function run(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
  let buf = '';
  let stdout = '';
  child.stdout.on('data', (d) => {
    buf += d;
    stdout += d;
  });
  child.stderr.on('data', (d) => (buf += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    out: () => buf,
    stdout: () => stdout,
    exit,
    // Generous: a start on a loaded 2-core machine (migrations, first keys) can take a while.
    waitFor: (pattern, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const m = buf.match(pattern);
          if (m) return resolve(m);
          if (child.exitCode !== null || Date.now() - started > ms) return reject(new Error(`no ${pattern} in output:\n${buf}`));
          setTimeout(tick, 50);
        };
        tick();
      }),
  };
}

export async function runToEnd(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const p = run(args, env);
  const code = await p.exit;
  return { code, out: p.out() };
}

/** The pids of a process's children (Linux /proc). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
