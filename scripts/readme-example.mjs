// The README's opening example is the demo's real output: this prints it, or rewrites the README's
// block with it (--write). test/readme/opening-example.test.ts checks that the two agree.
//
//   npm run -s build && node scripts/readme-example.mjs --write
//
// The demo repository is built in a temporary directory shown as /work/payments-deploy, and the
// scan is judged as of EXAMPLE_TODAY so that ages and deadlines in the text do not move daily.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_TODAY = '2026-12-03';
export const EXAMPLE_KEY = 'PAYMENT_GATEWAY_TIMEOUT_MS';
const SHOWN_DIR = '/work/payments-deploy';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/undrift.js');
const BEGIN = '<!-- opening example: scripts/readme-example.mjs -->';
const END = '<!-- /opening example -->';

function run(args, cwd, repo) {
  // Exit codes 1 (drift) are the point of the example, not a failure.
  try {
    return execFileSync(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
  } catch (error) {
    if (error.stdout) return error.stdout.toString();
    throw error;
  }
}

/** The example as it runs today, given a directory holding a built demo repository (or none). */
export function exampleText(repo) {
  let dir = repo;
  let made;
  if (!dir) {
    made = mkdtempSync(path.join(tmpdir(), 'undrift-readme-'));
    dir = path.join(made, 'demo');
    run(['demo', '--dir', dir, '--today', EXAMPLE_TODAY], made);
  }
  try {
    const scan = run(['scan', '--today', EXAMPLE_TODAY], dir);
    const explain = run(['explain', EXAMPLE_KEY, '--today', EXAMPLE_TODAY], dir);
    const text = `$ undrift scan\n${scan.trimEnd()}\n\n$ undrift explain ${EXAMPLE_KEY}\n${explain.trimEnd()}\n`;
    return text.split(dir).join(SHOWN_DIR);
  } finally {
    if (made) rmSync(made, { recursive: true, force: true });
  }
}

/** The README's example block, between its markers. */
export function readmeExample(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme
    .slice(start + BEGIN.length, end)
    .replace(/^\s*```\n/, '')
    .replace(/```\s*$/, '');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const text = exampleText();
  if (process.argv.includes('--write')) {
    const file = path.join(root, 'README.md');
    const readme = readFileSync(file, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
    writeFileSync(file, `${readme.slice(0, start + BEGIN.length)}\n\`\`\`\n${text}\`\`\`\n${readme.slice(end)}`);
  } else process.stdout.write(text);
}
