// The view's first file (dist/tui/run.cjs, as `npm run build` and the test set-up bundle it) holds
// what the first frame runs: Ink, React's production build, the list. What the view imports on
// demand (apply, the live clients, the config schema and the YAML editors) is in chunks beside it,
// and React's development builds are read from node_modules when NODE_ENV asks for them (the e2e
// tests run the view under NODE_ENV=test, so through them). Before, one 2.4 MB file held all of it
// and the view's thread compiled it, and loaded node:http, node:https and node:zlib, before the
// first screen (bench/tui).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../dist/tui/', import.meta.url));

it('the view bundle loads at first only what the first frame runs', () => {
  const first = readFileSync(path.join(dir, 'run.cjs'), 'utf8');
  const modules = (text: string) => [...text.matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
  const inFirst = modules(first);
  expect(inFirst).toContain('dist/tui/App.js');
  expect(inFirst.some((m) => m.startsWith('node_modules/ink/'))).toBe(true);
  for (const later of ['dist/actions/apply.js', 'dist/config/load.js', 'dist/sources/live/kubernetes.js', 'dist/actions/edit.js'])
    expect(inFirst, `${later} is not loaded before the first frame`).not.toContain(later);
  expect(inFirst.filter((m) => /\.development\.js$/.test(m))).toEqual([]);
  expect(first).not.toMatch(/require\("node:(http|https|zlib)"\)/);
  const chunks = readdirSync(dir)
    .filter((name) => name.startsWith('view-') && name.endsWith('.cjs'))
    .flatMap((name) => modules(readFileSync(path.join(dir, name), 'utf8')));
  expect(chunks).toContain('dist/actions/apply.js');
  expect(chunks).toContain('dist/config/load.js');
});
