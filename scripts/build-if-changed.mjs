// `npm start` runs this first: compile only when a source is newer than the last build, so a start after nothing
// changed does not spend 10–20 s in tsc (make's rule: compare modification times). The build itself is
// incremental (tsconfig.build.json), so a change recompiles only what it touches.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project's root; a test passes another (a small project of its own) as the first argument.
const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const tscBin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'typescript', 'bin', 'tsc');
// Written after every successful build (tsc leaves its .tsbuildinfo untouched when nothing it emits changed).
const stamp = join(root, 'dist', '.built');

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs; // a deleted or renamed file changes its directory's time
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => join(root, p));
const built = existsSync(stamp) && existsSync(join(root, 'dist', 'cli.js')) ? statSync(stamp).mtimeMs : -1;
if (built < 0 || !inputs.every((p) => newest(p) <= built)) {
  process.stdout.write(built < 0 ? 'Compiling Keyward (first start)…\n' : 'Sources changed: compiling…\n');
  const tsc = spawnSync(process.execPath, [tscBin, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

// The admin console (web/), built by Vite into dist/console when its sources changed; a project without web/
// (the test's small one) has no console to build.
const web = join(root, 'web');
if (existsSync(web)) {
  const consoleStamp = join(root, 'dist', 'console', '.built');
  const consoleBuilt = existsSync(consoleStamp) ? statSync(consoleStamp).mtimeMs : -1;
  if (consoleBuilt < 0 || ![web, join(root, 'package.json')].every((p) => newest(p) <= consoleBuilt)) {
    process.stdout.write(consoleBuilt < 0 ? 'Building the admin console…\n' : 'Console sources changed: building the console…\n');
    const viteBin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'vite', 'bin', 'vite.js');
    const vite = spawnSync(process.execPath, [viteBin, 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
    if (vite.status !== 0) process.exit(vite.status ?? 1);
    writeFileSync(consoleStamp, `${new Date().toISOString()}\n`);
  }
}
