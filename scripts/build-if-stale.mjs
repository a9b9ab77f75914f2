// `npm run demo` (and the benches' scripts) need dist/: build it when a source, the build's
// scripts or its settings changed since the last build, and say so; otherwise start at once
// (the whole build is tens of seconds on two cores, every run of the demo paid it).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const stamp = path.join(root, 'dist', '.built');

/** The newest modification time under `dir` (a file alone: its own). */
function newest(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const inputs = ['src', 'scripts/bundle-cli.mjs', 'scripts/bundle-view.mjs', 'tsconfig.build.json', 'tsconfig.json', 'package.json', 'package-lock.json'];
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...inputs.map((p) => newest(path.join(root, p))));
if (changed > built) {
  process.stderr.write(built ? 'undrift: sources changed since the last build: building…\n' : 'undrift: building (first run)…\n');
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
}
